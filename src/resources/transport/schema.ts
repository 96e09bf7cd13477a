// portsip_transport: schema (docs/portsip-api.md Ops 28-33, C1). Only UDP, TCP and TLS can be created through
// the API; the WSS transport on 5065 of a fresh PBX is outside the protocol enum [C1, C9].

import type { Schema } from '../../provider/schema';
import { computed, optionalComputed, required, UNMANAGED_WHEN_UNSET, type ImportKeyFormat } from '../common/schema-helpers';

export const TRANSPORT_PROTOCOLS = ['UDP', 'TCP', 'TLS'] as const;
export const TLS_VERIFICATION = ['DISABLE', 'OPTIONAL', 'MANDATORY'] as const;

export const transportSchema: Schema = {
  version: 0,
  block: {
    description:
      'A SIP transport (listener) of the PBX (`/api/transports`). Import with the transport id or `PROTOCOL:port`, e.g. `TLS:5061`. The PBX must always keep at least one transport, and TLS transports need a certificate.',
    attributes: {
      id: computed('string', 'The transport id assigned by the PBX (an opaque string).'),
      protocol: required(
        'string',
        'Transport protocol: `UDP`, `TCP` or `TLS`. Case-sensitive. The API cannot change it, so changing it replaces the transport.',
      ),
      port: required(
        'number',
        'Listening port, 0-65535 (usually 5060 for UDP, 5063 for TCP, 5061 for TLS). Port 0 is reserved for TCP and TLS; for UDP it means "no port". A `protocol` + `port` pair must be unique.',
      ),
      verification: optionalComputed(
        'string',
        `Client-certificate verification for TLS: \`DISABLE\` (none asked), \`OPTIONAL\` (requested) or \`MANDATORY\` (required). Case-sensitive. Only meaningful for TLS: \`OPTIONAL\`/\`MANDATORY\` on UDP or TCP give a warning (no document says the PBX refuses them). No documented server default. ${UNMANAGED_WHEN_UNSET}`,
      ),
    },
  },
};

/** Import by API id or by `PROTOCOL:port` (protocol case-insensitive here, e.g. "tls:5061"). */
export const transportImportKey: ImportKeyFormat<{ protocol: 'UDP' | 'TCP' | 'TLS'; port: number }> = {
  format: 'PROTOCOL:port',
  example: 'TLS:5061',
  attributes: ['protocol', 'port'],
  parse(id: string) {
    const m = /^(UDP|TCP|TLS):(0|[1-9][0-9]{0,4})$/i.exec(id.trim());
    if (!m) return null;
    const port = Number(m[2]);
    if (port > 65535) return null;
    return { protocol: m[1]!.toUpperCase() as 'UDP' | 'TCP' | 'TLS', port };
  },
};
