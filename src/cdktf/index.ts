// cdktf constructs for the portsip provider: the generated bindings (src/cdktf/gen, one namespace
// per resource and data source, as `cdktf get` lays them out), the synth-time validation aspect,
// and the cdktf essentials re-exported from the one module that imports cdktf (./cdk).
//
//   import { App, TerraformStack, PortsipProvider, Tenant, Dealer, PortsipValidation } from '.../src/cdktf';
export * from './cdk';
export * as portsip from './gen';
export { PortsipValidation, validatePortsip, type PortsipValidationOptions } from './validation';
export { providersSchemaJson, PROVIDER_ADDRESS } from './schema-json';

// Flat names for the constructs, like a prebuilt provider package's per-service imports.
export { PortsipProvider, type PortsipProviderConfig } from './gen/provider';
export { AdminProfile, type AdminProfileConfig } from './gen/admin-profile';
export { AdminUser, type AdminUserConfig } from './gen/admin-user';
export { Brand, type BrandConfig } from './gen/brand';
export { Certificate, type CertificateConfig } from './gen/certificate';
export { DataFlowServer, type DataFlowServerConfig } from './gen/data-flow-server';
export { Dealer, type DealerConfig } from './gen/dealer';
export { DealerProfile, type DealerProfileConfig } from './gen/dealer-profile';
export { ImServer, type ImServerConfig } from './gen/im-server';
export { IpRule, type IpRuleConfig } from './gen/ip-rule';
export { NetworkSettings, type NetworkSettingsConfig } from './gen/network-settings';
export { NotificationSettings, type NotificationSettingsConfig } from './gen/notification-settings';
export { SbcSettings, type SbcSettingsConfig } from './gen/sbc-settings';
export { SystemSettings, type SystemSettingsConfig } from './gen/system-settings';
export { Tenant, type TenantConfig } from './gen/tenant';
export { Transport, type TransportConfig } from './gen/transport';
export { Trunk, type TrunkConfig } from './gen/trunk';
export { TrunkAssignment, type TrunkAssignmentConfig } from './gen/trunk-assignment';
export { DataPortsipDealer } from './gen/data-portsip-dealer';
export { DataPortsipIpRules } from './gen/data-portsip-ip-rules';
export { DataPortsipSystemStatus } from './gen/data-portsip-system-status';
export { DataPortsipTenant } from './gen/data-portsip-tenant';
export { DataPortsipTransport } from './gen/data-portsip-transport';
export { DataPortsipDealers } from './gen/data-portsip-dealers';
export { DataPortsipTenants } from './gen/data-portsip-tenants';
export { DataPortsipTransports } from './gen/data-portsip-transports';
export { DataPortsipTrunks } from './gen/data-portsip-trunks';
