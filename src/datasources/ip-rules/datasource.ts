// data.portsip_ip_rules: every IP rule matching `filter`/`target` (Op 23, all pages of top=100).

import { defineDataSource } from '../../resources/kit/data-source';
import { toQuery, toState } from './model';
import { ipRulesDataSourceSchema } from './schema';
import { validate } from './validate';

export const ipRulesDataSource = defineDataSource({
  typeName: 'portsip_ip_rules',
  schema: ipRulesDataSourceSchema,
  validate,
  read: async (config, ctx) => ({ state: toState(await ctx.provider.client.ipRules.listAll(toQuery(config)), config) }),
});
