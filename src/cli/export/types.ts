import { ADMIN_PROFILE_ID } from '../../resources/admin-profile/schema';
import { BRAND_ID } from '../../resources/brand/schema';
import { CERTIFICATE_ID } from '../../resources/certificate/schema';
import { DATA_FLOW_SERVER_ID } from '../../resources/data-flow-server/schema';
import { IM_SERVER_ID } from '../../resources/im-server/schema';
import { NETWORK_SETTINGS_ID } from '../../resources/network-settings/schema';
import { NOTIFICATION_SETTINGS_ID } from '../../resources/notification-settings/schema';
import { SBC_SETTINGS_ID } from '../../resources/sbc-settings/schema';
import { SYSTEM_SETTINGS_ID } from '../../resources/system-settings/schema';

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

/** The one import id of each singleton (its schema's fixed id). Natural keys: src/cli/report/keys.ts. */
export const SINGLETON_IDS: Readonly<Record<string, string>> = {
  portsip_system_settings: SYSTEM_SETTINGS_ID,
  portsip_network_settings: NETWORK_SETTINGS_ID,
  portsip_notification_settings: NOTIFICATION_SETTINGS_ID,
  portsip_sbc_settings: SBC_SETTINGS_ID,
  portsip_im_server: IM_SERVER_ID,
  portsip_data_flow_server: DATA_FLOW_SERVER_ID,
  portsip_certificate: CERTIFICATE_ID,
  portsip_brand: BRAND_ID,
  portsip_admin_profile: ADMIN_PROFILE_ID,
};
