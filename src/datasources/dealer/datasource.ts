// data.portsip_dealer: one dealer by `id` (Op 19) or login `name` (found through the list, Op 34's
// sibling GET /dealers, then read in full with GET /dealers/{id}).

import type { DataSourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../../resources/common/context';
import { lookupFailed, notFound, type DsCtx } from '../common';
import { toState } from './model';
import { dealerDataSourceSchema } from './schema';
import { validate } from './validate';

const TYPE = 'data.portsip_dealer';

export const dealerDataSource: DataSourceDefinition<PortsipContext> = {
  schema: dealerDataSourceSchema,
  validate: (config: ObjectValue) => validate(config),
  async read(config: ObjectValue, ctx: DsCtx) {
    const client = ctx.provider.client;
    try {
      let id = typeof config.id === 'string' ? config.id : undefined;
      if (id === undefined) {
        id = (await client.dealers.findByName(String(config.name)))?.id;
        if (!id) return notFound(TYPE, `name "${String(config.name)}"`);
      }
      return { state: toState(await client.dealers.get(id), config) };
    } catch (e) {
      return lookupFailed(e, TYPE, config, dealerDataSourceSchema);
    }
  },
};
