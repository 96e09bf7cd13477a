// How people name each PortSIP object: the natural key the portal and the provider's import use
// (tenant by domain, transport by PROTOCOL:port, ...), and a label for the type. One table keyed by
// resource type, so it can later be derived from the resource kit's import-key definitions.
// Types not listed here (other providers in the same configuration) fall back to their address.
// `portsip export` names and filters objects by the same keys, and imports singletons by `fixedId`.

import { ADMIN_PROFILE_ID } from '../../resources/admin-profile/schema';
import { BRAND_ID } from '../../resources/brand/schema';
import { CERTIFICATE_ID } from '../../resources/certificate/schema';
import { DATA_FLOW_SERVER_ID } from '../../resources/data-flow-server/schema';
import { DEALER_PROFILE_ID } from '../../resources/dealer-profile/schema';
import { IM_SERVER_ID } from '../../resources/im-server/schema';
import { NETWORK_SETTINGS_ID } from '../../resources/network-settings/schema';
import { NOTIFICATION_SETTINGS_ID } from '../../resources/notification-settings/schema';
import { SBC_SETTINGS_ID } from '../../resources/sbc-settings/schema';
import { SYSTEM_SETTINGS_ID } from '../../resources/system-settings/schema';

type Values = Record<string, unknown>;

interface KeySpec {
  /** What the type is called in reports, e.g. "IP rule". */
  label: string;
  /** The natural key from the object's attributes; undefined when they are missing. */
  key: (v: Values) => string | undefined;
  /** Singletons: the one import id (the schema's fixed id). */
  fixedId?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const attr = (name: string) => (v: Values) => str(v[name]);
const singleton = (label: string, fixedId: string): KeySpec => ({ label, key: () => label, fixedId });

export const NATURAL_KEYS: Readonly<Record<string, KeySpec>> = {
  portsip_tenant: { label: 'tenant', key: attr('domain') },
  portsip_dealer: { label: 'dealer', key: attr('name') },
  portsip_ip_rule: { label: 'IP rule', key: attr('cidr') },
  portsip_transport: {
    label: 'transport',
    key: (v) => (str(v.protocol) && str(v.port) ? `${str(v.protocol)}:${str(v.port)}` : undefined),
  },
  portsip_admin_user: { label: 'admin user', key: attr('name') },
  portsip_trunk_assignment: {
    label: 'trunk assignment',
    key: (v) => (str(v.trunk_id) && str(v.tenant_id) ? `${str(v.trunk_id)}/${str(v.tenant_id)}` : undefined),
  },
  portsip_system_settings: singleton('system settings', SYSTEM_SETTINGS_ID),
  portsip_network_settings: singleton('network settings', NETWORK_SETTINGS_ID),
  portsip_notification_settings: singleton('notification settings', NOTIFICATION_SETTINGS_ID),
  portsip_sbc_settings: singleton('SBC settings', SBC_SETTINGS_ID),
  portsip_im_server: singleton('IM server', IM_SERVER_ID),
  portsip_data_flow_server: singleton('Data Flow server', DATA_FLOW_SERVER_ID),
  portsip_certificate: singleton('certificate', CERTIFICATE_ID),
  portsip_brand: singleton('brand', BRAND_ID),
  portsip_admin_profile: singleton('admin profile', ADMIN_PROFILE_ID),
  portsip_dealer_profile: singleton('dealer profile', DEALER_PROFILE_ID),
};

/** The label of a resource type ("tenant"); the type itself when unknown. */
export function typeLabel(type: string): string {
  return NATURAL_KEYS[type]?.label ?? type;
}

/** The natural key of an object from its attribute values, or its address when there is none. */
export function naturalKey(type: string, values: unknown, address: string): string {
  const spec = NATURAL_KEYS[type];
  const v = values && typeof values === 'object' ? (values as Values) : {};
  return (spec && spec.key(v)) ?? address;
}
