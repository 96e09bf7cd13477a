// portsip_transport: the kit's collection mode with /transports calls. `protocol` cannot be updated
// (Op 31 [C1]): the schema marks it `replace`. The natural key is `PROTOCOL:port`; a UDP transport on
// port 0 ("no port") has none.

import { defineCollection } from '../kit/collection';
import { l4, num, text } from '../kit/keys';
import { listedCollection } from '../common/read-cache';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from './model';
import { transportSchema } from './schema';
import { validate } from './validate';

/** List items carry the full object (Op 28 [C1]); any that lack these keys are read with a GET. */
const FULL_KEYS = ['id', 'protocol', 'port'] as const;

export const transportResource = defineCollection({
  typeName: 'portsip_transport',
  label: 'transport',
  schema: transportSchema,
  validate,
  keepPriorSpelling,
  importExample: 'TLS:5061',
  // Two listeners cannot bind one port: TCP, TLS, WS and WSS all listen on TCP [inferred].
  unique: {
    namespace: 'transport port',
    of: (v) => {
      const p = text(v.protocol);
      const port = num(v.port);
      return p !== undefined && port !== undefined && port !== 0 ? `${l4(p)}:${port}` : undefined;
    },
    rule: 'Two transports cannot listen on the same port of the same network protocol (TCP, TLS, WS and WSS all listen on TCP).',
  },
  collides: (item, v) => num(item.port) === num(v.port) && l4(item.protocol) === l4(v.protocol),
  area: (client) => client.transports,
  reader: (client) => listedCollection('transports', client.transports, FULL_KEYS),
  toState: (live, prior, opts) => toState(live, prior, opts),
  toCreateBody: (planned) => toCreateBody(planned),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
});
