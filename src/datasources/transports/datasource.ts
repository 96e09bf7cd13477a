// data.portsip_transports: the shared list data source (../list.ts) over the spec in schema.ts.

import { listDataSource } from '../list';
import { TRANSPORTS_LIST } from './schema';

export const transportsDataSource = listDataSource(TRANSPORTS_LIST);
