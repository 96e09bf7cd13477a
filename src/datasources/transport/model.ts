// data.portsip_transport: API object + status -> state.

import type { ObjectValue } from '../../provider/values';
import { apiToDataSourceState } from '../../resources/common/datasource';
import type { ApiObject } from '../../resources/common/mapping';
import { semanticallyEqual } from '../../resources/transport/model';
import { transportDataSourceSchema } from './schema';

/** `status` from GET /transports/{id}/status (null when not looked up). */
export function toState(api: ApiObject, config: ObjectValue | null, status: string | null = null): ObjectValue {
  return apiToDataSourceState(transportDataSourceSchema.block, api, config, { status }, semanticallyEqual);
}
