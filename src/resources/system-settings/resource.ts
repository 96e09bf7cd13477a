// portsip_system_settings: the kit's singleton mode (kit/singleton.ts) with the API calls of
// Op 13: GET/POST /admin/settings. The STIR/SHAKEN key is sent on create, on a
// `stir_shaken_key_wo_version` bump (model.stirShakenKeyChange).

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { SYSTEM_SETTINGS_ID, systemSettingsDefaults, systemSettingsSchema } from './schema';
import { validate } from './validate';

export const systemSettingsResource = defineSingleton({
  typeName: 'portsip_system_settings',
  label: 'system settings',
  fixedId: SYSTEM_SETTINGS_ID,
  defaults: systemSettingsDefaults,
  schema: systemSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.settings.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned, config) => toCreatePatch(live ?? {}, planned, config),
  updateBody: (prior, planned, config) => toUpdatePatch(prior, planned, config),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.settings.update(body),
});
