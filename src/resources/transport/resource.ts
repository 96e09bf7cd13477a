// portsip_transport: the shared CRUD flow (common/crud.ts) with the transport's API calls.
// `protocol` cannot be updated (Op 31 [C1]): the model forces replacement. The natural key is
// `PROTOCOL:port`.

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { crudResource } from '../common/crud';
import { listedCollection } from '../common/read-cache';
import { keepPriorSpelling, requiresReplace, toCreateBody, toState, toUpdatePatch, type TransportApi } from './model';
import { transportImportKey, transportSchema } from './schema';
import { validate } from './validate';

/** List items carry the full object (Op 28 [C1]); any that lack these keys are read with a GET. */
const FULL_KEYS = ['id', 'protocol', 'port'] as const;

const reader = (client: PortsipClient) => listedCollection<TransportApi>('transports', client.transports, FULL_KEYS);

export const transportResource: ResourceDefinition<PortsipContext> = crudResource({
  typeName: 'portsip_transport',
  noun: 'transport',
  schema: transportSchema,
  validate,
  keepPriorSpelling,
  requiresReplace,
  reader,
  toState: (live, prior, opts) => toState(live, prior, opts),
  api: (client) => ({
    create: (body, recovery) => client.transports.create(body as Parameters<PortsipClient['transports']['create']>[0], recovery),
    update: (id, patch) => client.transports.update(id, patch as Parameters<PortsipClient['transports']['update']>[1]),
    delete: (id) => client.transports.delete(id),
  }),
  toCreateBody: (planned) => toCreateBody(planned),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
  importKey: transportImportKey,
});
