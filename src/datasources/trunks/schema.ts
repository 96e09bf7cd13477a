// data.portsip_trunks: the PBX's trunks from GET /providers (the Trunk area of the 22.2 OpenAPI; a paged {count, items} list with filter/search),
// so a portsip_trunk_assignment can find a trunk id by name without calling the API by hand.

import type { ListSpec } from '../list';

export const TRUNKS_LIST: ListSpec = {
  typeName: 'portsip_trunks',
  attribute: 'trunks',
  item: {
    object: {
      id: 'string',
      name: 'string',
      enabled: 'bool',
      brand: 'string',
      hostname: 'string',
      port: 'number',
      did_numbers: 'string',
      shared: 'bool',
    },
  },
  description:
    'Lists the trunks (SIP providers) of the PBX (`GET /api/providers`), optionally filtered, e.g. to find the `trunk_id` of a `portsip_trunk_assignment` by name.',
  itemsDescription:
    'The matching trunks, in API order: `id`, `name`, `enabled`, `brand`, `hostname`, `port`, `did_numbers` (the DID pool, e.g. `3000;12000-18000`) and `shared`.',
  filterExample: "`name eq 'twilio-elastic'` or `startswith(hostname,'sip.')`",
  collection: (c) => c.providers,
};
