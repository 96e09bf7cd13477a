// data.portsip_tenant: one tenant by `id` or `domain`. The list holds summaries only (Op 34), so the
// domain lookup finds the id and the detail comes from GET /tenants/{id} (Op 36); `dealer_id` from
// GET /tenants/{id}/dealers (Op 39).

import { defineDataSource } from '../../resources/kit/data-source';
import { dealerIdsOf } from '../../resources/tenant/model';
import { toState } from './model';
import { tenantDataSourceSchema } from './schema';
import { validate } from './validate';

export const tenantDataSource = defineDataSource({
  typeName: 'portsip_tenant',
  schema: tenantDataSourceSchema,
  validate,
  async read(config, ctx) {
    const client = ctx.provider.client;
    let id = typeof config.id === 'string' ? config.id : undefined;
    if (id === undefined) {
      id = (await client.tenants.findByDomain(String(config.domain)))?.id;
      if (!id) return { notFound: `domain "${String(config.domain)}"` };
    }
    const [tenant, dealers] = await Promise.all([client.tenants.get(id), client.tenants.getDealers(id)]);
    return { state: toState(tenant, config, dealerIdsOf(dealers)[0] ?? null) };
  },
});
