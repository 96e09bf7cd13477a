// portsip_network_settings: schema (docs/portsip-api.md Op 1 [C1, C4]). A singleton (see
// src/resources/common/singleton.ts). The same values are published without auth by GET /api/info.
// 22.6 adds `sbc_domain` [C2]; left out until a 22.6 PBX is targeted.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const NETWORK_SETTINGS_ID = 'network_settings';

/** Documented server defaults (C1 Op 1): only `enable_ipv6`. */
export const networkSettingsDefaults: Readonly<Record<string, Value>> = Object.freeze({ enable_ipv6: true });

const U = UNMANAGED_WHEN_UNSET;
const ND = 'No documented server default.';

export const networkSettingsSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's network settings (`/api/network`), a singleton: web domain, IP addresses and DNS servers. Creating it adopts the live settings and changes only the attributes you set. Destroying it only forgets them, unless `reset_on_destroy = true`. Import id: `network_settings`.",
    attributes: {
      id: singletonId(NETWORK_SETTINGS_ID),
      reset_on_destroy: resetOnDestroy('`enable_ipv6 = true`; the addresses have no default and are left as they are'),
      web_domain: optionalComputed(
        'string',
        `The fully qualified domain name of the PBX web portal and API, e.g. \`pbx.example.com\`. Compared case-insensitively. ${ND} ${U}`,
      ),
      private_ipv4: optionalComputed('string', `The private (LAN) IPv4 address of the PBX, e.g. \`10.0.0.5\`. ${ND} ${U}`),
      public_ipv4: optionalComputed('string', `The public IPv4 address of the PBX, e.g. \`203.0.113.5\`. ${ND} ${U}`),
      enable_ipv6: optionalComputed('bool', `Whether IPv6 is enabled. Server default \`true\`. ${U}`),
      private_ipv6: optionalComputed(
        'string',
        `The private IPv6 address of the PBX. Compared as addresses (\`2001:DB8::1\` equals \`2001:db8::1\`). ${ND} ${U}`,
      ),
      public_ipv6: optionalComputed('string', `The public IPv6 address of the PBX. Compared as addresses. ${ND} ${U}`),
      primary_dns_server: optionalComputed('string', `The primary DNS server, an IPv4 or IPv6 address. ${ND} ${U}`),
      secondary_dns_server: optionalComputed('string', `The secondary DNS server, an IPv4 or IPv6 address. ${ND} ${U}`),
    },
  },
};
