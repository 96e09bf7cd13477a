// portsip_ip_rule: schema (docs/portsip-api.md Ops 23-27, C1). The API path is /ip_filters, not /ip_rules.

import { computed, optional, required, type KitSchema } from '../common/schema-helpers';

export const IP_RULE_TARGETS = ['ACCEPT', 'DENY'] as const;

export const ipRuleSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'An IP allow-list (`ACCEPT`) or block-list (`DENY`) entry of the PBX (`/api/ip_filters`). Import with the rule id or its `cidr`.',
    attributes: {
      id: computed('string', 'The rule id assigned by the PBX (an opaque string).'),
      cidr: required(
        'string',
        'The network in CIDR notation, IPv4 (prefix up to /32) or IPv6 (up to /128), e.g. `192.0.2.0/24`, `198.51.100.7/32`, `2001:db8::/32`. Host bits after the prefix are allowed (a warning names the network meant); values are compared as networks, so `10.0.0.1/8` and `10.0.0.0/8` cause no diff.',
        { key: 'cidr' },
      ),
      target: required('string', '`ACCEPT` (allow-list entry) or `DENY` (block-list entry). Case-sensitive.'),
      expire_at: optional(
        'string',
        'When the rule expires, as an RFC 3339 date-time, e.g. `2030-01-31T00:00:00Z` or with an offset `2030-01-31T08:00:00+08:00` (the PBX reports it in UTC; compared as instants, so no diff). Unset: the rule never expires.',
      ),
      description: optional('string', 'Remarks, at most 255 characters.'),
    },
  },
};
