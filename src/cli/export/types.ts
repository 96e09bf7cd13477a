// The resource types `portsip export` writes, in dependency order (a type only refers to types
// before it: tenants to dealers, trunk assignments to tenants), and the file each goes to.
//
// `portsip_dealer_profile` is left out: it is the profile of the dealer account the provider signs
// in with, which an export run with an administrator account cannot read.

export const EXPORT_TYPES: readonly string[] = [
  'portsip_dealer',
  'portsip_tenant',
  'portsip_trunk_assignment',
  'portsip_transport',
  'portsip_ip_rule',
  // The profile first: it says which admin user is the signed-in account (read.ts).
  'portsip_admin_profile',
  'portsip_admin_user',
  'portsip_system_settings',
  'portsip_network_settings',
  'portsip_notification_settings',
  'portsip_sbc_settings',
  'portsip_im_server',
  'portsip_data_flow_server',
  'portsip_certificate',
  'portsip_brand',
];

/** Collection types: many objects each, named from natural keys. The rest are singletons. */
export const COLLECTION_TYPES: readonly string[] = [
  'portsip_dealer',
  'portsip_tenant',
  'portsip_trunk_assignment',
  'portsip_transport',
  'portsip_ip_rule',
  'portsip_admin_user',
];

/** `tenant` for `portsip_tenant`. */
export const shortType = (t: string): string => t.replace(/^portsip_/, '');

/** `tenants.tf`; a singleton's file is its own name (`system_settings.tf`). */
export const fileOf = (t: string): string => (COLLECTION_TYPES.includes(t) ? `${shortType(t)}s` : shortType(t));
