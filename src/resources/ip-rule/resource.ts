// portsip_ip_rule: the shared CRUD flow (common/crud.ts) with /ip_filters calls. Natural key: `cidr`,
// compared as a network (common/natural-keys.ts). PortSIP allows two rules with one CIDR: import by
// CIDR then refuses to guess and lists their ids.

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { crudResource } from '../common/crud';
import { listedCollection } from '../common/read-cache';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch, type IpRuleApi } from './model';
import { ipRuleImportKey, ipRuleSchema } from './schema';
import { validate } from './validate';

const FULL_KEYS = ['id', 'cidr', 'target', 'expire_at', 'description'] as const;

const reader = (client: PortsipClient) => listedCollection<IpRuleApi>('ip_filters', client.ipRules, FULL_KEYS);

export const ipRuleResource: ResourceDefinition<PortsipContext> = crudResource({
  typeName: 'portsip_ip_rule',
  noun: 'IP rule',
  schema: ipRuleSchema,
  validate,
  keepPriorSpelling,
  reader,
  toState: (live, prior, opts) => toState(live, prior, opts),
  api: (client) => ({
    create: (body, recovery) => client.ipRules.create(body as Parameters<PortsipClient['ipRules']['create']>[0], recovery),
    update: (id, patch) => client.ipRules.update(id, patch as Parameters<PortsipClient['ipRules']['update']>[1]),
    delete: (id) => client.ipRules.delete(id),
  }),
  toCreateBody: (planned) => toCreateBody(planned),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
  importKey: ipRuleImportKey,
});
