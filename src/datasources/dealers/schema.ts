// data.portsip_dealers: the dealers of the PBX from GET /dealers (docs/portsip-api.md Op 18, "List" [C1]). The
// documents give that list no query options (docs/portsip-api.md Op 18: C1 defines no query
// parameters); `filter` and `search` are sent anyway (I), and the descriptions say so.

import type { ListSpec } from '../list';

export const DEALERS_LIST: ListSpec = {
  typeName: 'portsip_dealers',
  attribute: 'dealers',
  item: {
    object: {
      id: 'string',
      name: 'string',
      enabled: 'bool',
      level: 'string',
      email: 'string',
      display_name: 'string',
      website: 'string',
      phone: 'string',
      address: 'string',
      description: 'string',
      max_tenants: 'number',
      max_extensions: 'number',
      tenant_full_access: 'bool',
    },
  },
  description: 'Lists the dealers (resellers and distributors) of the PBX (`GET /api/dealers`), optionally filtered.',
  itemsDescription:
    'The matching dealers, in API order: `id`, `name` (login name), `enabled`, `level`, `email`, `display_name`, `website`, `phone`, `address`, `description`, `max_tenants`, `max_extensions` and `tenant_full_access`.',
  filterExample: "`level eq 'RESELLER'`",
  queryNote: "PortSIP's documents list no query options for `GET /api/dealers` (inferred: the PBX may ignore it and return every dealer).",
  collection: (c) => c.dealers,
};
