// data.portsip_tenants: the tenants of the PBX from GET /tenants (Op 34 [C1]): the list's summary
// fields; data.portsip_tenant reads one tenant in full.

import type { ListSpec } from '../list';

export const TENANTS_LIST: ListSpec = {
  typeName: 'portsip_tenants',
  attribute: 'tenants',
  item: {
    object: {
      id: 'string',
      name: 'string',
      domain: 'string',
      enabled: 'bool',
      max_extensions: 'number',
      max_concurrent_calls: 'number',
      website: 'string',
      timezone: 'string',
      currency: 'string',
      region: 'string',
      created_at: 'string',
    },
  },
  description:
    'Lists the tenants of the PBX (`GET /api/tenants`, summary fields), optionally filtered. Use `portsip_tenant` for every attribute of one tenant.',
  itemsDescription:
    'The matching tenants, in API order: `id`, `name`, `domain`, `enabled`, `max_extensions`, `max_concurrent_calls`, `website`, `timezone`, `currency`, `region` and `created_at` (RFC 3339).',
  filterExample: "`startswith(domain,'acme')` or `region eq 'USA'`",
  collection: (c) => c.tenants,
};
