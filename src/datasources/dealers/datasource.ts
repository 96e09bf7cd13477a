// data.portsip_dealers: the shared list data source (../list.ts) over the spec in schema.ts.

import { listDataSource } from '../list';
import { DEALERS_LIST } from './schema';

export const dealersDataSource = listDataSource(DEALERS_LIST);
