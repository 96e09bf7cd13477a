// data.portsip_dealer: one dealer by `id` (Op 19) or login `name` (the resource's natural key,
// kit/data-source.ts idOrKey), read in full with GET /dealers/{id}.

import { dealerResource } from '../../resources/dealer';
import { defineDataSource, idOrKey } from '../../resources/kit/data-source';
import { toState } from './model';
import { dealerDataSourceSchema } from './schema';
import { validate } from './validate';

export const dealerDataSource = defineDataSource({
  typeName: 'portsip_dealer',
  schema: dealerDataSourceSchema,
  validate,
  async read(config, ctx) {
    const id = await idOrKey(config, dealerResource, ctx);
    if (typeof id !== 'string') return id;
    return { state: toState(await ctx.provider.client.dealers.get(id), config) };
  },
});
