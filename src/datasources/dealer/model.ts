// data.portsip_dealer: API object -> state.

import type { ObjectValue } from '../../provider/values';
import { apiToDataSourceState } from '../../resources/common/datasource';
import type { ApiObject } from '../../resources/common/mapping';
import { dealerDataSourceSchema } from './schema';

export function toState(api: ApiObject, config: ObjectValue | null): ObjectValue {
  return apiToDataSourceState(dealerDataSourceSchema.block, api, config);
}
