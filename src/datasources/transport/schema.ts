// data.portsip_transport: look up one SIP transport by `id`, or by `protocol` + `port` (docs/design.md "Resource behaviour"),
// with its computed `status` from GET /transports/{id}/status (Op 33 [C1]).

import type { Schema } from '../../provider/schema';
import { computed, dataSourceBlock } from '../../resources/common/schema-helpers';
import { transportSchema } from '../../resources/transport/schema';

export const transportDataSourceSchema: Schema = {
  version: 0,
  block: dataSourceBlock(transportSchema.block, {
    lookup: ['id', 'protocol', 'port'],
    extra: {
      status: computed(
        'string',
        "Whether the transport's protocol is listening: `ACTIVATED` or `DEACTIVATED` (PortSIP reports the status per protocol, `GET /transports/{protocol}/status`).",
      ),
    },
    description:
      'Looks up one SIP transport by `id`, or by `protocol` and `port` together (exactly one of the two ways), and reports its `status`.',
  }),
};
