// data.portsip_system_status: API object -> state.

import type { ObjectValue } from '../../provider/values';
import { apiToDataSourceState } from '../../resources/common/datasource';
import type { ApiObject } from '../../resources/common/mapping';
import { SYSTEM_STATUS_ID, systemStatusDataSourceSchema } from './schema';

export function toState(api: ApiObject): ObjectValue {
  return apiToDataSourceState(systemStatusDataSourceSchema.block, api, null, { id: SYSTEM_STATUS_ID });
}
