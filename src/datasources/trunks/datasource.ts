// data.portsip_trunks: the shared list data source (../list.ts) over the spec in schema.ts.

import { listDataSource } from '../list';
import { TRUNKS_LIST } from './schema';

export const trunksDataSource = listDataSource(TRUNKS_LIST);
