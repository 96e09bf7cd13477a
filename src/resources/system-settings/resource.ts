// portsip_system_settings: the shared singleton flow (common/singleton-resource.ts) with the API calls of
// Op 13: GET/POST /admin/settings. The STIR/SHAKEN key is sent on create, on a
// `stir_shaken_key_wo_version` bump (model.stirShakenKeyChange).

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { SYSTEM_SETTINGS_ID, systemSettingsSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['settings']['update']>[0];

export const systemSettingsResource: ResourceDefinition<PortsipContext> = singletonResource({
  typeName: 'portsip_system_settings',
  fixedId: SYSTEM_SETTINGS_ID,
  schema: systemSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.settings.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned, config) => toCreatePatch(live ?? {}, planned, config),
  updateBody: (prior, planned, config) => toUpdatePatch(prior, planned, config),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.settings.update(body as Body),
});
