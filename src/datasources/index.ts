// Every data source type the provider serves (DESIGN.md §4). Same folder layout as resources:
// schema.ts, validate.ts, model.ts (pure), datasource.ts (the API calls), index.ts.
import type { DataSourceDefinition } from '../provider/definition';
import type { PortsipContext } from '../resources/common/context';
import { dealerDataSource } from './dealer';
import { ipRulesDataSource } from './ip-rules';
import { systemStatusDataSource } from './system-status';
import { tenantDataSource } from './tenant';
import { transportDataSource } from './transport';

export const portsipDataSources: Record<string, DataSourceDefinition<PortsipContext>> = {
  portsip_tenant: tenantDataSource,
  portsip_dealer: dealerDataSource,
  portsip_transport: transportDataSource,
  portsip_ip_rules: ipRulesDataSource,
  portsip_system_status: systemStatusDataSource,
};
