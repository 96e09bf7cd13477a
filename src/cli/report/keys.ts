// How people name each PortSIP object: the natural key the portal and the provider's import use
// (tenant by domain, transport by PROTOCOL:port, ...), and a label for the type. One table keyed by
// resource type, so it can later be derived from the resource kit's import-key definitions.
// Types not listed here (other providers in the same configuration) fall back to their address.

type Values = Record<string, unknown>;

interface KeySpec {
  /** What the type is called in reports, e.g. "IP rule". */
  label: string;
  /** The natural key from the object's attributes; undefined when they are missing. */
  key: (v: Values) => string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const attr = (name: string) => (v: Values) => str(v[name]);
const singleton = (label: string): KeySpec => ({ label, key: () => label });

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
  portsip_system_settings: singleton('system settings'),
  portsip_network_settings: singleton('network settings'),
  portsip_notification_settings: singleton('notification settings'),
  portsip_sbc_settings: singleton('SBC settings'),
  portsip_im_server: singleton('IM server'),
  portsip_data_flow_server: singleton('Data Flow server'),
  portsip_certificate: singleton('certificate'),
  portsip_brand: singleton('brand'),
  portsip_admin_profile: singleton('admin profile'),
  portsip_dealer_profile: singleton('dealer profile'),
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
