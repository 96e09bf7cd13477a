// portsip_ip_rule: the kit's collection mode with /ip_filters calls. Natural key: `cidr`, compared as
// a network (schema `key: 'cidr'`). PortSIP allows two rules with one CIDR: import by CIDR then
// refuses to guess and lists their ids; there is no unique key.

import { defineCollection } from '../kit/collection';
import { listedCollection } from '../common/read-cache';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from './model';
import { ipRuleSchema } from './schema';
import { validate } from './validate';

/** A list item stands in for a GET only when it carries what the state maps. */
const FULL_KEYS = ['id', 'cidr', 'target', 'expire_at', 'description'] as const;

export const ipRuleResource = defineCollection({
  typeName: 'portsip_ip_rule',
  label: 'IP rule',
  schema: ipRuleSchema,
  validate,
  keepPriorSpelling,
  importExample: '192.0.2.0/24',
  area: (client) => client.ipRules,
  reader: (client) => listedCollection('ip_filters', client.ipRules, FULL_KEYS),
  toState: (live, prior, opts) => toState(live, prior, opts),
  toCreateBody: (planned) => toCreateBody(planned),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
});
