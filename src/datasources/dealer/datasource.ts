// data.portsip_dealer: one dealer by `id` (Op 19) or login `name` (found through the list, Op 34's
// sibling GET /dealers, then read in full with GET /dealers/{id}).

import { defineDataSource } from '../../resources/kit/data-source';
import { toState } from './model';
import { dealerDataSourceSchema } from './schema';
import { validate } from './validate';

export const dealerDataSource = defineDataSource({
  typeName: 'portsip_dealer',
  schema: dealerDataSourceSchema,
  validate,
  async read(config, ctx) {
    const client = ctx.provider.client;
    let id = typeof config.id === 'string' ? config.id : undefined;
    if (id === undefined) {
      id = (await client.dealers.findByName(String(config.name)))?.id;
      if (!id) return { notFound: `name "${String(config.name)}"` };
    }
    return { state: toState(await client.dealers.get(id), config) };
  },
});
