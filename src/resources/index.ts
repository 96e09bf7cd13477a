// Every resource type the provider serves. Same folder layout per resource (docs/design.md "Layout", "Habits" 1):
// schema.ts, validate.ts, model.ts (pure), resource.ts (the API flow), index.ts.
import type { ResourceDefinition } from '../provider/definition';
import type { PortsipContext } from './common/context';
import { dealerResource } from './dealer';
import { ipRuleResource } from './ip-rule';
import { tenantResource } from './tenant';
import { transportResource } from './transport';
import { adminProfileResource } from './admin-profile';
import { adminUserResource } from './admin-user';
import { brandResource } from './brand';
import { certificateResource } from './certificate';
import { dataFlowServerResource } from './data-flow-server';
import { dealerProfileResource } from './dealer-profile';
import { imServerResource } from './im-server';
import { networkSettingsResource } from './network-settings';
import { notificationSettingsResource } from './notification-settings';
import { sbcSettingsResource } from './sbc-settings';
import { systemSettingsResource } from './system-settings';
import { trunkAssignmentResource } from './trunk-assignment';

export const portsipResources: Record<string, ResourceDefinition<PortsipContext>> = {
  portsip_tenant: tenantResource,
  portsip_dealer: dealerResource,
  portsip_transport: transportResource,
  portsip_ip_rule: ipRuleResource,
  portsip_admin_user: adminUserResource,
  portsip_trunk_assignment: trunkAssignmentResource,
  portsip_system_settings: systemSettingsResource,
  portsip_network_settings: networkSettingsResource,
  portsip_notification_settings: notificationSettingsResource,
  portsip_sbc_settings: sbcSettingsResource,
  portsip_im_server: imServerResource,
  portsip_data_flow_server: dataFlowServerResource,
  portsip_certificate: certificateResource,
  portsip_brand: brandResource,
  portsip_admin_profile: adminProfileResource,
  portsip_dealer_profile: dealerProfileResource,
};
