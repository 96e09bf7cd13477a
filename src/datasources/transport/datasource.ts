// data.portsip_transport: one transport by `id` or `protocol` + `port`, with `status` from
// GET /transports/{protocol}/status (Op 33: the path parameter is the protocol).

import type { DataSourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../../resources/common/context';
import { lookupFailed, notFound, type DsCtx } from '../common';
import { toState } from './model';
import { transportDataSourceSchema } from './schema';
import { validate } from './validate';

const TYPE = 'data.portsip_transport';

export const transportDataSource: DataSourceDefinition<PortsipContext> = {
  schema: transportDataSourceSchema,
  validate: (config: ObjectValue) => validate(config),
  async read(config: ObjectValue, ctx: DsCtx) {
    const client = ctx.provider.client;
    try {
      let id = typeof config.id === 'string' ? config.id : undefined;
      if (id === undefined) {
        const protocol = String(config.protocol);
        id = (await client.transports.findByProtocolPort(protocol, Number(config.port)))?.id;
        if (!id) return notFound(TYPE, `protocol ${protocol} and port ${String(config.port)}`);
      }
      // Op 33 takes the PROTOCOL, not the transport id (C1 schema, seed): the status is that of the
      // transport's protocol.
      const transport = await client.transports.get(id);
      const status = await client.transports.status(String(transport.protocol));
      const s = (status as { status?: unknown }).status;
      return { state: toState(transport, config, typeof s === 'string' ? s : null) };
    } catch (e) {
      return lookupFailed(e, TYPE, config, transportDataSourceSchema);
    }
  },
};
