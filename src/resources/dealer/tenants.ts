// Which tenants are designated to a dealer. The API has no "tenants of a dealer" call: the tenant list
// (Op 34) carries no dealer, so each tenant's owner is read with GET /tenants/{id}/dealers (Op 39), one
// request per tenant (the client's concurrency limit applies). Used to say what to do when a dealer
// cannot be deleted because tenants still belong to it.

import { ConflictError, ValidationError, type PortsipClient } from '../../client';

/** Above this many tenants the owner of each is not read one by one (the message says so instead). */
export const MAX_TENANTS_CHECKED = 500;

export interface DealerTenants {
  /** Domains (the tenant's natural key) of the tenants designated to the dealer, sorted. */
  domains: string[];
  /** False when the PBX has more than MAX_TENANTS_CHECKED tenants and they were not checked. */
  checked: boolean;
}

export async function tenantsOfDealer(client: PortsipClient, dealerId: string, max = MAX_TENANTS_CHECKED): Promise<DealerTenants> {
  const all = await client.tenants.listAll();
  if (all.length > max) return { domains: [], checked: false };
  const owned = await Promise.all(
    all.map(async (t) => {
      if (typeof t.id !== 'string') return undefined;
      const owners = (await client.tenants.getDealers(t.id)).items;
      return owners.some((o) => o.id === dealerId) ? String(t.domain ?? t.id) : undefined;
    }),
  );
  return { domains: owned.filter((d): d is string => d !== undefined).sort(), checked: true };
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
