// portsip_sbc_settings: the shared singleton flow (common/singleton-resource.ts) with the API calls of
// Op 16: GET/POST /sbc.

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { SBC_SETTINGS_ID, sbcSettingsSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['sbc']['update']>[0];

export const sbcSettingsResource: ResourceDefinition<PortsipContext> = singletonResource({
  typeName: 'portsip_sbc_settings',
  fixedId: SBC_SETTINGS_ID,
  schema: sbcSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.sbc.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.sbc.update(body as Body),
});
