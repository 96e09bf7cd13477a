// data.portsip_system_status: GET /admin/status (docs/portsip-api.md §5.1).

import type { DataSourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../../resources/common/context';
import { lookupFailed, type DsCtx } from '../common';
import { toState } from './model';
import { systemStatusDataSourceSchema } from './schema';
import { validate } from './validate';

export const systemStatusDataSource: DataSourceDefinition<PortsipContext> = {
  schema: systemStatusDataSourceSchema,
  validate: (config: ObjectValue) => validate(config),
  async read(_config: ObjectValue, ctx: DsCtx) {
    try {
      return { state: toState(await ctx.provider.client.status.get()) };
    } catch (e) {
      return lookupFailed(e, 'data.portsip_system_status', {}, systemStatusDataSourceSchema);
    }
  },
};
