// The PortSIP provider definition served by src/provider/main.ts: the provider block (docs/design.md "Resource behaviour"
// "Provider configuration"), its static checks, ConfigureProvider (which builds the API client) and
// the resource registry (src/resources/index.ts).
//
// Loaded lazily after the handshake line (serve.ts), so nothing here may do work at import time
// beyond building plain objects.
//
// The provider is split by subject, and this file re-exports each part's public names:
//   provider-schema.ts     the provider block's attributes, defaults and environment variables;
//   provider-validate.ts   the static checks (ValidateProviderConfig);
//   provider-settings.ts   settings from the block and the environment, and the client options;
//   provider-configure.ts  ConfigureProvider: client, sign-in, the shared context.
// The import-time rule above holds for all of them.

import type { BaseContext, ProviderDefinition, ValidateContext } from '../provider/definition';
import type { ObjectValue } from '../provider/values';
import type { PortsipContext } from './common/context';
import { portsipDataSources } from '../datasources';
import { portsipResources } from './index';
import { buildContext } from './provider-configure';
import { providerSchema } from './provider-schema';
import { validateProviderConfig } from './provider-validate';

export {
  API_VERSIONS,
  DEFAULT_DATA_FLOW_PATH,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_BUDGET,
  PROVIDER_ENV,
  READ_STRATEGIES,
  TENANT_DEALER_READS,
  providerSchema,
} from './provider-schema';
export { parseDuration, plainHttpRemote, validateProviderConfig } from './provider-validate';
export { clientOptionsFrom, withEnvironment } from './provider-settings';
export { buildContext, signInDiagnostic } from './provider-configure';

export const portsipProvider: ProviderDefinition<PortsipContext> = {
  typeName: 'portsip',
  schema: providerSchema,
  validateConfig(config: ObjectValue, _ctx: ValidateContext) {
    return validateProviderConfig(config);
  },
  async configure(config: ObjectValue, ctx: BaseContext) {
    return buildContext(config, process.env, ctx.logger, ctx.signal);
  },
  resources: portsipResources,
  dataSources: portsipDataSources,
};
