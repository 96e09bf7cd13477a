// data.portsip_system_status: GET /admin/status (docs/portsip-api.md §5.1).

import { defineDataSource } from '../../resources/kit/data-source';
import { toState } from './model';
import { systemStatusDataSourceSchema } from './schema';
import { validate } from './validate';

export const systemStatusDataSource = defineDataSource({
  typeName: 'portsip_system_status',
  schema: systemStatusDataSourceSchema,
  validate,
  read: async (_config, ctx) => ({ state: toState(await ctx.provider.client.status.get()) }),
});
