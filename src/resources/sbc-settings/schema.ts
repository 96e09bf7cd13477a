// portsip_sbc_settings: schema (docs/portsip-api.md Op 16 [C1]). A singleton (src/resources/common/singleton.ts).
//
// `transports` is a LIST block, and blocks cannot be Optional+Computed. Our rule (the block version of
// O+C, FieldRule.unmanagedWhenEmpty): no `transports` blocks in config = the SBC's transports are not
// managed (reads keep them out of state, updates never send the list). With one or more blocks the
// list is managed as a whole and in order. Managing "no transports at all" is therefore not possible,
// which matches a working SBC (it always listens somewhere). The SBC token is not managed here.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optionalComputed, required, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const SBC_SETTINGS_ID = 'sbc_settings';

export const SBC_TRANSPORT_PROTOCOLS = ['UDP', 'TCP', 'TLS'] as const;

/** Documented server defaults (C1 Op 16). */
export const sbcSettingsDefaults: Readonly<Record<string, Value>> = Object.freeze({ http_port: 8882, https_port: 8883 });

const U = UNMANAGED_WHEN_UNSET;

export const sbcSettingsSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's session border controller (SBC) settings (`/api/sbc`), a singleton. Creating it adopts the live settings and changes only what you set. Destroying it only forgets them, unless `reset_on_destroy = true`. Import id: `sbc_settings`.",
    attributes: {
      id: singletonId(SBC_SETTINGS_ID),
      reset_on_destroy: resetOnDestroy('`http_port = 8882`, `https_port = 8883`; the domain and transports are left as they are'),
      domain: optionalComputed(
        'string',
        `The SBC domain, e.g. \`sbc.example.com\`. Compared case-insensitively. No documented server default. ${U}`,
      ),
      http_port: optionalComputed('number', `The SBC web port for HTTP, 0-65535. Server default \`8882\`. ${U}`),
      https_port: optionalComputed('number', `The SBC web port for HTTPS, 0-65535. Server default \`8883\`. ${U}`),
    },
    blocks: {
      transports: {
        nesting: 'list',
        block: {
          description:
            'A SIP transport the SBC listens on. Without any `transports` block the SBC transports are not managed; with blocks, the list is enforced as written (order included). A `protocol` + `port` pair may appear only once.',
          attributes: {
            protocol: required('string', '`UDP`, `TCP` or `TLS`. Case-sensitive.'),
            port: required('number', 'The listening port, 1-65535 (0 only for UDP, meaning "no port").'),
          },
        },
      },
    },
  },
};
