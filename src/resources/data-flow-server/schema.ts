// portsip_data_flow_server: schema (docs/portsip-api.md Op 52). The Data Flow server is new in PortSIP 22.3 and
// its API is INFERRED: the path `/api/dataflow` is a best guess (configurable in the client) and the
// four field names copy the IM server's, which the 22.3 reference describes identically [C3, I].
// A singleton (src/resources/common/singleton.ts).

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const DATA_FLOW_SERVER_ID = 'data_flow_server';

/** No documented defaults: `reset_on_destroy` has nothing to restore. */
export const dataFlowServerDefaults: Readonly<Record<string, Value>> = Object.freeze({});

const U = `No documented server default. ${UNMANAGED_WHEN_UNSET}`;
const INFERRED = '(JSON name inferred for PortSIP 22.3.)';

export const dataFlowServerSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's Data Flow (analytics) server host addresses (PortSIP 22.3+, `/api/dataflow`: path and field names inferred, see the provider docs), a singleton. Creating it adopts the live settings and changes only the attributes you set. Destroying it only forgets them. Import id: `data_flow_server`.",
    attributes: {
      id: singletonId(DATA_FLOW_SERVER_ID),
      reset_on_destroy: resetOnDestroy('none of these settings has a documented default, so nothing is changed'),
      private_ipv4: optionalComputed('string', `Private IPv4 address of the Data Flow server host ${INFERRED} ${U}`),
      private_ipv6: optionalComputed('string', `Private IPv6 address of the Data Flow server host ${INFERRED} Compared as addresses. ${U}`),
      public_ipv4: optionalComputed('string', `Public IPv4 address of the Data Flow server host ${INFERRED} ${U}`),
      public_ipv6: optionalComputed('string', `Public IPv6 address of the Data Flow server host ${INFERRED} Compared as addresses. ${U}`),
    },
  },
};
