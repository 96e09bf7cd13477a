// portsip_sbc_settings: the kit's singleton mode (kit/singleton.ts) with the API calls of
// Op 16: GET/POST /sbc.

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { SBC_SETTINGS_ID, sbcSettingsDefaults, sbcSettingsSchema } from './schema';
import { validate } from './validate';

export const sbcSettingsResource = defineSingleton({
  typeName: 'portsip_sbc_settings',
  label: 'SBC settings',
  fixedId: SBC_SETTINGS_ID,
  defaults: sbcSettingsDefaults,
  schema: sbcSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.sbc.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.sbc.update(body),
});
