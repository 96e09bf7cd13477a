// portsip_im_server: the kit's singleton mode (kit/singleton.ts) with the API calls of
// Op 17: GET/POST /im.

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { IM_SERVER_ID, imServerDefaults, imServerSchema } from './schema';
import { validate } from './validate';

export const imServerResource = defineSingleton({
  typeName: 'portsip_im_server',
  label: 'IM server',
  fixedId: IM_SERVER_ID,
  defaults: imServerDefaults,
  schema: imServerSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.im.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.im.update(body),
});
