// Every data source type the provider serves (docs/design.md "Resource behaviour"). Same folder layout as resources:
// schema.ts, validate.ts, model.ts (pure), datasource.ts (the API calls), index.ts.
import type { DataSourceDefinition } from '../provider/definition';
import type { PortsipContext } from '../resources/common/context';
import { checkStop } from '../resources/kit/diagnostics';
import { dealerDataSource } from './dealer';
import { dealersDataSource } from './dealers';
import { ipRulesDataSource } from './ip-rules';
import { systemStatusDataSource } from './system-status';
import { tenantDataSource } from './tenant';
import { tenantsDataSource } from './tenants';
import { transportDataSource } from './transport';
import { transportsDataSource } from './transports';
import { trunksDataSource } from './trunks';

/** After StopProvider no data source starts reading (the client aborts reads already running). */
function stoppable(ds: DataSourceDefinition<PortsipContext>): DataSourceDefinition<PortsipContext> {
  return {
    ...ds,
    read(config, ctx) {
      checkStop(ctx);
      return ds.read(config, ctx);
    },
  };
}

export const portsipDataSources: Record<string, DataSourceDefinition<PortsipContext>> = {
  portsip_tenant: stoppable(tenantDataSource),
  portsip_dealer: stoppable(dealerDataSource),
  portsip_transport: stoppable(transportDataSource),
  portsip_ip_rules: stoppable(ipRulesDataSource),
  portsip_system_status: stoppable(systemStatusDataSource),
  portsip_tenants: stoppable(tenantsDataSource),
  portsip_dealers: stoppable(dealersDataSource),
  portsip_transports: stoppable(transportsDataSource),
  portsip_trunks: stoppable(trunksDataSource),
};
