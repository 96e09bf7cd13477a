// data.portsip_transports: the SIP transports (listeners) of the PBX from GET /transports (Op 28 [C1]).

import type { ListSpec } from '../list';

export const TRANSPORTS_LIST: ListSpec = {
  typeName: 'portsip_transports',
  attribute: 'transports',
  item: { object: { id: 'string', protocol: 'string', port: 'number', verification: 'string' } },
  description: 'Lists the SIP transports (listeners) of the PBX (`GET /api/transports`), optionally filtered.',
  itemsDescription:
    'The matching transports, in API order: `id`, `protocol` (`UDP`, `TCP`, `TLS`, ...), `port` and `verification` (TLS client certificates; null otherwise).',
  filterExample: "`protocol eq 'TLS'` or `port ge 5060`",
  collection: (c) => c.transports,
};
