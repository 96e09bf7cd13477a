// portsip_im_server: schema (docs/portsip-api.md Op 17 [C1]). A singleton (src/resources/common/singleton.ts).
// The IM token (`/api/im/token`) is not managed here: regenerating it is an action, not a setting.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const IM_SERVER_ID = 'im_server';

/** No field of Op 17 has a documented default: `reset_on_destroy` has nothing to restore. */
export const imServerDefaults: Readonly<Record<string, Value>> = Object.freeze({});

const U = `No documented server default. ${UNMANAGED_WHEN_UNSET}`;

export const imServerSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's instant-messaging server host addresses (`/api/im`), a singleton. Creating it adopts the live settings and changes only the attributes you set. Destroying it only forgets them. Import id: `im_server`.",
    attributes: {
      id: singletonId(IM_SERVER_ID),
      reset_on_destroy: resetOnDestroy('none of these settings has a documented default, so nothing is changed'),
      private_ipv4: optionalComputed('string', `Private IPv4 address of the IM server host. ${U}`),
      private_ipv6: optionalComputed('string', `Private IPv6 address of the IM server host. Compared as addresses. ${U}`),
      public_ipv4: optionalComputed('string', `Public IPv4 address of the IM server host. ${U}`),
      public_ipv6: optionalComputed('string', `Public IPv6 address of the IM server host. Compared as addresses. ${U}`),
    },
  },
};
