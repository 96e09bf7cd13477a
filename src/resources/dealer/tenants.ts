// Which tenants are designated to a dealer. The API has no "tenants of a dealer" call: the tenant list
// (Op 34) carries no dealer, so each tenant's owner is read with GET /tenants/{id}/dealers (Op 39), one
// request per tenant (the client's concurrency limit applies). Used at plan time to refuse deleting or
// replacing a dealer that still has tenants (common/plan-ledger.ts), and to say what to do when a
// dealer delete was refused all the same.

import { ConflictError, ValidationError, type PortsipClient } from '../../client';
import type { DealerLinks, LinkedTenant } from '../common/plan-ledger';

/** Above this many tenants the owner of each is not read one by one (the message says so instead). */
export const MAX_TENANTS_CHECKED = 500;

export interface DealerTenants {
  /** Domains (the tenant's natural key) of the tenants designated to the dealer, sorted. */
  domains: string[];
  /** False when the PBX has more than MAX_TENANTS_CHECKED tenants and they were not checked. */
  checked: boolean;
}

/**
 * Dealer id -> the tenants designated to it (sorted by domain), or undefined when the PBX has more
 * than `max` tenants (not read one by one). The tenant list, then one GET /tenants/{id}/dealers each.
 */
export async function dealerTenantLinks(client: PortsipClient, max = MAX_TENANTS_CHECKED): Promise<DealerLinks> {
  const all = await client.tenants.listAll();
  if (all.length > max) return undefined;
  const links = new Map<string, LinkedTenant[]>();
  await Promise.all(
    all.map(async (t) => {
      if (typeof t.id !== 'string') return;
      const tenant = { id: t.id, domain: String(t.domain ?? t.id) };
      for (const o of (await client.tenants.getDealers(t.id)).items)
        if (typeof o.id === 'string') links.set(o.id, [...(links.get(o.id) ?? []), tenant]);
    }),
  );
  for (const list of links.values()) list.sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  return links;
}

export async function tenantsOfDealer(client: PortsipClient, dealerId: string, max = MAX_TENANTS_CHECKED): Promise<DealerTenants> {
  const links = await dealerTenantLinks(client, max);
  if (!links) return { domains: [], checked: false };
  return { domains: (links.get(dealerId) ?? []).map((t) => t.domain).sort(), checked: true };
}

/**
 * The next step after a refused dealer delete: the tenants that still belong to it and what to do
 * with them. Undefined when the refusal is of another kind or no tenant belongs to it.
 */
export async function dealerDeleteAdvice(client: PortsipClient, dealerId: string, name: string, e: unknown): Promise<string | undefined> {
  if (!(e instanceof ValidationError || e instanceof ConflictError)) return undefined;
  const found = await tenantsOfDealer(client, dealerId);
  if (!found.checked)
    return (
      `A dealer cannot be deleted while tenants are designated to it. The PBX has more than ${MAX_TENANTS_CHECKED} tenants, ` +
      `too many to check one by one: find those of dealer "${name}" in the web portal, then remove them from the dealer ` +
      '(unset or change their dealer_id) or delete them, and apply again.'
    );
  if (found.domains.length === 0) return undefined;
  const n = found.domains.length;
  return (
    `${n === 1 ? 'One tenant is' : `${n} tenants are`} still designated to dealer "${name}": ` +
    `${found.domains.map((d) => JSON.stringify(d)).join(', ')}. Remove ${n === 1 ? 'it' : 'them'} from the dealer first ` +
    `(set dealer_id of ${n === 1 ? 'that portsip_tenant' : 'those portsip_tenant resources'} to another dealer or remove it), ` +
    `or delete ${n === 1 ? 'the tenant' : 'the tenants'}, and apply again.`
  );
}
