// portsip_certificate: the kit's singleton mode (kit/singleton.ts) with Op 43:
// GET/POST /key. The API needs `crt` AND `key` in every POST, so every write sends both; the key
// comes from the write-only `key_wo` (apply-time config; model.toUpdateBody).
// There is no default certificate: `reset_on_destroy` has nothing to restore.

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, toCreateBody, toState, toUpdateBody } from './model';
import { CERTIFICATE_ID, certificateDefaults, certificateSchema } from './schema';
import { validate } from './validate';

export const certificateResource = defineSingleton({
  typeName: 'portsip_certificate',
  label: 'certificate',
  fixedId: CERTIFICATE_ID,
  defaults: certificateDefaults,
  schema: certificateSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.certificate.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned, config) => toCreateBody(live, planned, config),
  updateBody: (prior, planned, config) => toUpdateBody(prior, planned, config),
  post: (client, body) => client.certificate.update(body),
});
