// Entry point of dist/provider.js (bin/terraform-provider-portsip). The PortSIP definition is
// required lazily so its modules (API client, resources) load after the handshake line.
import type { ProviderDefinition } from './definition';
import { serve } from './serve';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (see above)
serve(() => (require('../resources/provider') as typeof import('../resources/provider')).portsipProvider as ProviderDefinition<unknown>);
