// data.portsip_transport: one transport by `id` or `protocol` + `port`, with `status` from
// GET /transports/{protocol}/status (Op 33: the path parameter is the protocol).

import { defineDataSource } from '../../resources/kit/data-source';
import { toState } from './model';
import { transportDataSourceSchema } from './schema';
import { validate } from './validate';

export const transportDataSource = defineDataSource({
  typeName: 'portsip_transport',
  schema: transportDataSourceSchema,
  validate,
  async read(config, ctx) {
    const client = ctx.provider.client;
    let id = typeof config.id === 'string' ? config.id : undefined;
    if (id === undefined) {
      const protocol = String(config.protocol);
      id = (await client.transports.findByProtocolPort(protocol, Number(config.port)))?.id;
      if (!id) return { notFound: `protocol ${protocol} and port ${String(config.port)}` };
    }
    // Op 33 takes the PROTOCOL, not the transport id (C1 schema, seed): the status is that of the
    // transport's protocol.
    const transport = await client.transports.get(id);
    const status = await client.transports.status(String(transport.protocol));
    return { state: toState(transport, config, typeof status.status === 'string' ? status.status : null) };
  },
});
