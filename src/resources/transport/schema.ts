// portsip_transport: schema (docs/portsip-api.md Ops 28-33, C1). Only UDP, TCP and TLS can be created through
// the API; the WSS transport on 5065 of a fresh PBX is outside the protocol enum [C1, C9].

import { computed, optionalComputed, required, UNMANAGED_WHEN_UNSET, type KitSchema } from '../common/schema-helpers';

export const TRANSPORT_PROTOCOLS = ['UDP', 'TCP', 'TLS'] as const;
export const TLS_VERIFICATION = ['DISABLE', 'OPTIONAL', 'MANDATORY'] as const;

export const transportSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'A SIP transport (listener) of the PBX (`/api/transports`). Import with the transport id or `PROTOCOL:port`, e.g. `TLS:5061`. The PBX must always keep at least one transport, and TLS transports need a certificate.',
    attributes: {
      id: computed('string', 'The transport id assigned by the PBX (an opaque string).'),
      protocol: required(
        'string',
        'Transport protocol: `UDP`, `TCP` or `TLS`. Case-sensitive. The API cannot change it, so changing it replaces the transport.',
        { key: 'upper', replace: true },
      ),
      port: required(
        'number',
        'Listening port, 0-65535 (usually 5060 for UDP, 5063 for TCP, 5061 for TLS). Port 0 is reserved for TCP and TLS; for UDP it means "no port". A `protocol` + `port` pair must be unique.',
        { key: 'port' },
      ),
      verification: optionalComputed(
        'string',
        `Client-certificate verification for TLS: \`DISABLE\` (none asked), \`OPTIONAL\` (requested) or \`MANDATORY\` (required). Case-sensitive. Only meaningful for TLS: \`OPTIONAL\`/\`MANDATORY\` on UDP or TCP give a warning (no document says the PBX refuses them). No documented server default. ${UNMANAGED_WHEN_UNSET}`,
      ),
    },
  },
};
