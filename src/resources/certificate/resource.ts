// portsip_certificate: the shared singleton flow (common/singleton-resource.ts) with Op 43:
// GET/POST /key. The API needs `crt` AND `key` in every POST, so every write sends both; the key
// comes from the write-only `key_wo` (apply-time config; model.toUpdateBody).
// There is no default certificate: `reset_on_destroy` has nothing to restore.

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { singletonResource } from '../common/singleton-resource';
import { keepPriorSpelling, toCreateBody, toState, toUpdateBody } from './model';
import { CERTIFICATE_ID, certificateSchema } from './schema';
import { validate } from './validate';

type Body = Parameters<PortsipClient['certificate']['update']>[0];

export const certificateResource: ResourceDefinition<PortsipContext> = singletonResource({
  typeName: 'portsip_certificate',
  fixedId: CERTIFICATE_ID,
  schema: certificateSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.certificate.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned, config) => toCreateBody(live, planned, config),
  updateBody: (prior, planned, config) => toUpdateBody(prior, planned, config),
  post: (client, body) => client.certificate.update(body as Body),
});
