// Every data source type the provider serves (docs/design.md "Resource behaviour"). Same folder layout as resources:
// schema.ts, validate.ts, model.ts (pure), datasource.ts (the API calls, on the kit: src/resources/kit/data-source.ts), index.ts.
import type { DataSourceDefinition } from '../provider/definition';
import type { PortsipContext } from '../resources/common/context';
import { dealerDataSource } from './dealer';
import { dealersDataSource } from './dealers';
import { ipRulesDataSource } from './ip-rules';
import { systemStatusDataSource } from './system-status';
import { tenantDataSource } from './tenant';
import { tenantsDataSource } from './tenants';
import { transportDataSource } from './transport';
import { transportsDataSource } from './transports';
import { trunksDataSource } from './trunks';

export const portsipDataSources: Record<string, DataSourceDefinition<PortsipContext>> = {
  portsip_tenant: tenantDataSource,
  portsip_dealer: dealerDataSource,
  portsip_transport: transportDataSource,
  portsip_ip_rules: ipRulesDataSource,
  portsip_system_status: systemStatusDataSource,
  portsip_tenants: tenantsDataSource,
  portsip_dealers: dealersDataSource,
  portsip_transports: transportsDataSource,
  portsip_trunks: trunksDataSource,
};
