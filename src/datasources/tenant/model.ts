// data.portsip_tenant: API detail object -> state.

import type { ObjectValue } from '../../provider/values';
import { apiToDataSourceState } from '../../resources/common/datasource';
import type { ApiObject } from '../../resources/common/mapping';
import { semanticallyEqual } from '../../resources/tenant/model';
import { tenantDataSourceSchema } from './schema';

/** `dealerId` from GET /tenants/{id}/dealers (null: none). The configured `domain` spelling is kept. */
export function toState(api: ApiObject, config: ObjectValue | null, dealerId: string | null = null): ObjectValue {
  return apiToDataSourceState(tenantDataSourceSchema.block, api, config, { dealer_id: dealerId }, semanticallyEqual);
}
