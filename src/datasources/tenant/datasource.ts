// data.portsip_tenant: one tenant by `id` or `domain` (the resource's natural key, kit/data-source.ts
// idOrKey). The list holds summaries only (Op 34), so the detail comes from GET /tenants/{id} (Op 36);
// `dealer_id` from GET /tenants/{id}/dealers (Op 39).

import { defineDataSource, idOrKey } from '../../resources/kit/data-source';
import { tenantResource } from '../../resources/tenant';
import { dealerIdsOf } from '../../resources/tenant/model';
import { toState } from './model';
import { tenantDataSourceSchema } from './schema';
import { validate } from './validate';

export const tenantDataSource = defineDataSource({
  typeName: 'portsip_tenant',
  schema: tenantDataSourceSchema,
  validate,
  async read(config, ctx) {
    const id = await idOrKey(config, tenantResource, ctx);
    if (typeof id !== 'string') return id;
    const client = ctx.provider.client;
    const [tenant, dealers] = await Promise.all([client.tenants.get(id), client.tenants.getDealers(id)]);
    return { state: toState(tenant, config, dealerIdsOf(dealers)[0] ?? null) };
  },
});
