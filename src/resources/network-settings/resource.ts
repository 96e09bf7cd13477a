// portsip_network_settings: the kit's singleton mode (kit/singleton.ts) with the API calls of
// Op 1: GET/POST /network.

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { NETWORK_SETTINGS_ID, networkSettingsDefaults, networkSettingsSchema } from './schema';
import { validate } from './validate';

export const networkSettingsResource = defineSingleton({
  typeName: 'portsip_network_settings',
  label: 'network settings',
  fixedId: NETWORK_SETTINGS_ID,
  defaults: networkSettingsDefaults,
  schema: networkSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.network.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.network.update(body),
});
