// data.portsip_ip_rules: list IP rules (GET /ip_filters, Op 23 [C1]), optionally narrowed by an OData
// `filter` passed through to the API (docs/portsip-api.md §2.6) and/or a `target`.

import type { AttrType, Schema } from '../../provider/schema';
import { computed, optional } from '../../resources/common/schema-helpers';
import { IP_RULE_TARGETS } from '../../resources/ip-rule/schema';

export { IP_RULE_TARGETS };

export const IP_RULE_ITEM_TYPE: AttrType = {
  object: { id: 'string', cidr: 'string', target: 'string', expire_at: 'string', description: 'string' },
};

export const ipRulesDataSourceSchema: Schema = {
  version: 0,
  block: {
    description: 'Lists the IP allow/deny rules of the PBX (`/api/ip_filters`), optionally filtered.',
    attributes: {
      id: computed('string', 'An identifier of this query (the filter and target it used).'),
      filter: optional(
        'string',
        "An OData filter passed to the API unchanged, e.g. `startswith(cidr,'10.')` or `description eq 'office'`: comparisons `eq ne gt ge lt le`, `and`/`or`, `startswith`/`endswith`/`contains`, strings in single quotes.",
      ),
      target: optional('string', 'Only rules with this target: `ACCEPT` or `DENY`. Case-sensitive.'),
      rules: computed(
        { list: IP_RULE_ITEM_TYPE },
        'The matching rules, in API order: `id`, `cidr`, `target` (`ACCEPT`/`DENY`), `expire_at` (RFC 3339, null when the rule never expires) and `description`.',
      ),
    },
  },
};
