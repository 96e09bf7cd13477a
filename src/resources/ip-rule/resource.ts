// portsip_ip_rule: the shared CRUD flow (common/crud.ts) with /ip_filters calls. Natural key: `cidr`
// (compared as a network, so "10.0.0.1/8" finds a rule stored as "10.0.0.0/8").

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../common/context';
import { crudResource } from '../common/crud';
import { semanticEqual } from '../common/normalize';
import { listedCollection } from '../common/read-cache';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch, type IpRuleApi } from './model';
import { ipRuleImportKey, ipRuleSchema } from './schema';
import { validate } from './validate';

const FULL_KEYS = ['id', 'cidr', 'target', 'expire_at', 'description'] as const;

const reader = (client: PortsipClient) => listedCollection<IpRuleApi>('ip_filters', client.ipRules, FULL_KEYS);

/** By network: the client's own lookup compares the text, which misses "10.0.0.1/8" vs "10.0.0.0/8". */
async function findByCidr(cidr: string, client: PortsipClient): Promise<{ id: string; cidr: string } | undefined> {
  const exact = await client.ipRules.findByCidr(cidr);
  if (exact?.id) return { id: exact.id, cidr: String(exact.cidr) };
  const all = await client.ipRules.listAll();
  const hit = all.find((r) => typeof r.cidr === 'string' && semanticEqual('cidr', r.cidr, cidr));
  return hit?.id ? { id: hit.id, cidr: String(hit.cidr) } : undefined;
}

export const ipRuleResource: ResourceDefinition<PortsipContext> = crudResource({
  typeName: 'portsip_ip_rule',
  noun: 'IP rule',
  schema: ipRuleSchema,
  validate,
  keepPriorSpelling,
  reader,
  toState: (live, prior, opts) => toState(live, prior, opts),
  api: (client) => ({
    create: (body) => client.ipRules.create(body as Parameters<PortsipClient['ipRules']['create']>[0]),
    update: (id, patch) => client.ipRules.update(id, patch as Parameters<PortsipClient['ipRules']['update']>[1]),
    delete: (id) => client.ipRules.delete(id),
  }),
  toCreateBody: (planned) => toCreateBody(planned),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
  async findExisting(planned: ObjectValue, client) {
    const hit = await findByCidr(String(planned.cidr), client);
    return hit ? { id: hit.id, key: `cidr "${hit.cidr}"` } : undefined;
  },
  importKey: ipRuleImportKey,
  async findByKey(key, client) {
    return (await findByCidr(key.cidr, client))?.id;
  },
});
