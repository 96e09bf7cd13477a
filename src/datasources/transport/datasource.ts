// data.portsip_transport: one transport by `id` or `protocol` + `port`, with `status` from
// GET /transports/{id}/status (Op 33).

import type { DataSourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../../resources/common/context';
import type { ApiObject } from '../../resources/common/mapping';
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
      const [transport, status] = await Promise.all([client.transports.get(id), client.transports.status(id)]);
      const s = (status as { status?: unknown }).status;
      return { state: toState(transport as unknown as ApiObject, config, typeof s === 'string' ? s : null) };
    } catch (e) {
      return lookupFailed(e, TYPE, config, transportDataSourceSchema);
    }
  },
};
