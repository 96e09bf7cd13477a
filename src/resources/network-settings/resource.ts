// portsip_network_settings: the shared singleton flow (common/singleton-resource.ts) with the API calls of
// Op 1: GET/POST /network.

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { NETWORK_SETTINGS_ID, networkSettingsSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['network']['update']>[0];

export const networkSettingsResource: ResourceDefinition<PortsipContext> = singletonResource({
  typeName: 'portsip_network_settings',
  fixedId: NETWORK_SETTINGS_ID,
  schema: networkSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.network.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.network.update(body as Body),
});
