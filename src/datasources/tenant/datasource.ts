// data.portsip_tenant: one tenant by `id` or `domain`. The list holds summaries only (Op 34), so the
// domain lookup finds the id and the detail comes from GET /tenants/{id} (Op 36); `dealer_id` from
// GET /tenants/{id}/dealers (Op 39).

import type { DataSourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../../resources/common/context';
import { dealerIdsOf } from '../../resources/tenant/model';
import { lookupFailed, notFound, type DsCtx } from '../common';
import { toState } from './model';
import { tenantDataSourceSchema } from './schema';
import { validate } from './validate';

const TYPE = 'data.portsip_tenant';

export const tenantDataSource: DataSourceDefinition<PortsipContext> = {
  schema: tenantDataSourceSchema,
  validate: (config: ObjectValue) => validate(config),
  async read(config: ObjectValue, ctx: DsCtx) {
    const client = ctx.provider.client;
    try {
      let id = typeof config.id === 'string' ? config.id : undefined;
      if (id === undefined) {
        id = (await client.tenants.findByDomain(String(config.domain)))?.id;
        if (!id) return notFound(TYPE, `domain "${String(config.domain)}"`);
      }
      const [tenant, dealers] = await Promise.all([client.tenants.get(id), client.tenants.getDealers(id)]);
      const dealerId = dealerIdsOf(dealers)[0] ?? null;
      return { state: toState(tenant, config, dealerId) };
    } catch (e) {
      return lookupFailed(e, TYPE, config, tenantDataSourceSchema);
    }
  },
};
