// portsip_trunk: schema (docs/portsip-api.md "Trunks": createProvider / getProvider / updateProvider, C1).
// PortSIP calls a SIP trunk a "provider"; the API paths are /providers.
//
// - Required: what createProvider requires (name, transport, hostname, port, outbound_server,
//   outbound_server_port, concurrency).
// - `brand` and `auth_mode` are absent from updateProvider: `replace`.
// - Fields with a documented default are Optional+Computed (unset = not managed).
// - The password is write-only (`password_wo`, never in plan or state; the API never returns it):
//   sent at create, and in the update body when `password_wo_version` changes (updateProvider
//   takes `password`). The design is the dealer's (src/resources/dealer/schema.ts).
// - inbound_parameters / outbound_parameters (SIP header mapping objects) are not managed yet: the PBX
//   keeps its defaults, and a change made in the web portal is not touched.

import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type KitSchema } from '../common/schema-helpers';

const U = UNMANAGED_WHEN_UNSET;

export const TRUNK_TRANSPORTS = ['UDP', 'TCP', 'TLS'] as const;
export const TRUNK_AUTH_MODES = ['IP_AUTH', 'REGISTER_AUTH', 'ACCEPT_REGISTER', 'TEAMS', 'WHATS_APP'] as const;

const flag = (what: string, def: boolean) => optionalComputed('bool', `${what} Documented default \`${def}\`. ${U}`);

export const trunkSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'A SIP trunk of the PBX (a "provider" in PortSIP\'s API, `/api/providers`). Import with the trunk id or its `name`. Assign it to tenants with `portsip_trunk_assignment`. The password is write-only (`password_wo`, Terraform 1.11+): never stored in plan or state; bump `password_wo_version` to send a new one. The inbound and outbound SIP header parameters are not managed by this resource.',
    attributes: {
      id: computed('string', 'The trunk id assigned by the PBX (an opaque string).'),
      name: required(
        'string',
        "The trunk name, 1-64 characters. Trunk names are kept unique (inferred: PortSIP's documents do not say so; the trunk is picked by name in the web portal).",
        { key: 'text' },
      ),
      brand: optionalComputed(
        'string',
        `The trunk brand (the carrier's product name in the web portal), 1-64 characters. The API cannot change it, so changing it replaces the trunk. No documented server default. ${U}`,
        { replace: true },
      ),
      auth_mode: optionalComputed(
        'string',
        `How the PBX and the carrier authenticate: \`IP_AUTH\`, \`REGISTER_AUTH\`, \`ACCEPT_REGISTER\`, \`TEAMS\` or \`WHATS_APP\`. Case-sensitive. The API cannot change it, so changing it replaces the trunk. No documented server default. ${U}`,
        { replace: true },
      ),
      transport: required('string', 'The transport protocol towards the carrier: `UDP`, `TCP` or `TLS`. Case-sensitive.'),
      hostname: required('string', "The carrier's host name or IP address, e.g. `sip.carrier.example`."),
      port: required('number', "The carrier's port, 0-65535 (usually 5060). Port 0 is reserved for TCP and TLS."),
      outbound_server: required('string', 'The outbound (proxy) server host name or IP address; often the same as `hostname`.'),
      outbound_server_port: required('number', 'The outbound server port, 0-65535. Port 0 is reserved for TCP and TLS.'),
      concurrency: required('number', 'The maximum number of concurrent calls over the trunk, 0-2147483647.'),
      auth_id: optional('string', 'The authentication ID (SIP user name), at most 64 characters.'),
      username: optional('string', 'The authentication user name, at most 64 characters.'),
      password_wo: optional(
        'string',
        'The authentication password, write-only (Terraform 1.11+): never stored in plan or state. Sent when the trunk is created and whenever `password_wo_version` changes (changing it alone does nothing). Leave it unset on an imported trunk to leave its password unmanaged.',
        { writeOnly: true },
      ),
      password_wo_version: optional(
        'number',
        'Any number; changing it sends `password_wo` again (in the trunk update). Requires `password_wo`. Without it the write-only password is sent only when the trunk is created.',
      ),
      enabled: flag('Whether the trunk is enabled.', true),
      registration: flag('Whether the PBX registers to the carrier.', true),
      register_interval: optionalComputed(
        'number',
        `Registration refresh interval in seconds, 0-2147483647. Documented default \`600\`. ${U}`,
      ),
      inlan: flag('Whether the carrier is on the LAN of the PBX.', false),
      single_via_header: flag('Whether the trunk accepts only a single Via SIP header.', true),
      rewrite_via_ip: flag('Whether the host IP of the Via header is rewritten with the public IP when sending to the trunk.', true),
      verify_port: flag('Whether the port is verified when receiving SIP messages from the trunk.', true),
      keep_alive: flag('Whether `OPTIONS` messages are sent to keep the trunk alive.', true),
      keep_alive_interval: optionalComputed('number', `Keep-alive interval in seconds, 0-2147483647. Documented default \`360\`. ${U}`),
      additional_ips: optional(
        'string',
        'More IP addresses of the carrier: networks in CIDR notation separated by `;`, e.g. `192.0.2.0/24;198.51.100.7/32`.',
      ),
      adjust_sdp_direction: flag('Whether the SDP direction is adjusted for call hold.', true),
      remove_srtp_info: flag('Whether crypto lines are removed from the SDP.', true),
      stir_shaken_signature_required: flag('Whether STIR/SHAKEN signatures are required.', false),
      did_numbers: optional(
        'string',
        'The DID/DDI numbers of the trunk: numbers and ranges `start-end` separated by `;`, e.g. `3000;12000-18000`. Compared as numbers.',
      ),
    },
  },
};
