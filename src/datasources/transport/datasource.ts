// data.portsip_transport: one transport by `id` or `protocol` + `port` (the resource's natural key,
// kit/data-source.ts idOrKey), with `status` from GET /transports/{protocol}/status (Op 33: the path
// parameter is the protocol).

import { defineDataSource, idOrKey } from '../../resources/kit/data-source';
import { transportResource } from '../../resources/transport';
import { toState } from './model';
import { transportDataSourceSchema } from './schema';
import { validate } from './validate';

export const transportDataSource = defineDataSource({
  typeName: 'portsip_transport',
  schema: transportDataSourceSchema,
  validate,
  async read(config, ctx) {
    const id = await idOrKey(config, transportResource, ctx);
    if (typeof id !== 'string') return id;
    // Op 33 takes the PROTOCOL, not the transport id (C1 schema, seed): the status is that of the
    // transport's protocol.
    const client = ctx.provider.client;
    const transport = await client.transports.get(id);
    const status = await client.transports.status(String(transport.protocol));
    return { state: toState(transport, config, typeof status.status === 'string' ? status.status : null) };
  },
});
