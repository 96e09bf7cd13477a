// data.portsip_tenants: the shared list data source (../list.ts) over the spec in schema.ts.

import { listDataSource } from '../list';
import { TENANTS_LIST } from './schema';

export const tenantsDataSource = listDataSource(TENANTS_LIST);
