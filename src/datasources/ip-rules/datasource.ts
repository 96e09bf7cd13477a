// data.portsip_ip_rules: every IP rule matching `filter`/`target` (Op 23, all pages of top=100).

import type { DataSourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../../resources/common/context';
import { lookupFailed, type DsCtx } from '../common';
import { toQuery, toState } from './model';
import { ipRulesDataSourceSchema } from './schema';
import { validate } from './validate';

export const ipRulesDataSource: DataSourceDefinition<PortsipContext> = {
  schema: ipRulesDataSourceSchema,
  validate: (config: ObjectValue) => validate(config),
  async read(config: ObjectValue, ctx: DsCtx) {
    try {
      const items = await ctx.provider.client.ipRules.listAll(toQuery(config));
      return { state: toState(items, config) };
    } catch (e) {
      return lookupFailed(e, 'data.portsip_ip_rules', {}, ipRulesDataSourceSchema);
    }
  },
};
