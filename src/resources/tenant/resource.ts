// portsip_tenant: the kit's collection mode with /tenants calls, plus `dealer_id`, which
// is not a tenant field but a link managed through GET/POST /tenants/{id}/dealers[/{dealer}[/destroy]]
// (Ops 39-41).
//
// Reads are never batched: GET /tenants answers summaries (Op 34 [C1]: no office hours, webhooks,
// quotas...), so every tenant needs GET /tenants/{id} anyway. A refresh instead reads ahead: the
// first tenant ReadResource of a plan lists the tenants once (a page per 100) and starts the GETs of
// those whose domain the configuration declares, so Terraform's later ReadResource calls find their
// tenant read instead of each waiting for its own round trip (common/read-cache.ts "Read ahead").
// Not with tenant_dealer_reads = "none" (below), the setting for the fewest requests per plan.
//
// The dealer link costs a second request per tenant and the API has no bulk form of it (it goes
// out together with the tenant's GET, so a refresh waits for one round trip, not two), so when it
// is read is the provider's `tenant_dealer_reads` (PORTSIP_TENANT_DEALER_READS): "managed" (the
// default) where Terraform manages it, i.e. the prior state has a dealer_id, plus on import (the
// id-only state has no domain yet) and after a create; "all" on every read (a designation made in
// the portal on a tenant whose configuration leaves dealer_id unset is then drift too: the nightly
// drift check); "none" only on import and around writes, so a plan costs one request per tenant.
// Measured in bench/RESULTS.md.
//
// Create is multi-step when `dealer_id` is set: POST /tenants, then designate. If the designation
// fails, the tenant exists: the partial state (dealer_id as the PBX has it, i.e. null) is returned
// with the error so Terraform records the tenant (tainted) instead of orphaning it.

import { NotFoundError, type PortsipClient } from '../../client';
import type { Tenant } from '../../client/types';
import type { Diagnostic, ObjectValue } from '../../provider/values';
import type { TenantDealerReads } from '../common/context';
import type { CollectionReader } from '../common/read-cache';
import { defineCollection } from '../kit/collection';
import type { Ctx } from '../kit/define';
import { dealerChange, dealerIdsOf, keepPriorSpelling, toCreateBody, toState, toUpdatePatch, webhookSecretsDue } from './model';
import { tenantSchema } from './schema';
import { validate } from './validate';

interface LiveTenant {
  tenant: Tenant;
  /** Ids from GET /tenants/{id}/dealers; undefined when the link was not read (prior value kept). */
  dealerIds?: string[];
}

function reader(client: PortsipClient): CollectionReader<LiveTenant> {
  return {
    collection: 'tenants',
    async get(id) {
      return { tenant: await client.tenants.get(id) };
    },
    idOf: (t) => t.tenant.id,
  };
}

async function linkedDealers(client: PortsipClient, id: string): Promise<string[]> {
  return dealerIdsOf(await client.tenants.getDealers(id));
}

/**
 * Whether this read must fetch the dealer link. Always when Terraform knows nothing yet (no prior,
 * or the id-only state of an import, which has no domain). Otherwise by tenant_dealer_reads: "all"
 * always; "managed" when the prior state (or, after a create, the plan) has a dealer_id; "none"
 * never (the state's dealer_id stands).
 */
export function needsDealerLink(prior: ObjectValue | null, mode: TenantDealerReads): boolean {
  if (prior === null || prior.domain === null || prior.domain === undefined) return true;
  if (mode === 'all') return true;
  return mode === 'managed' && typeof prior.dealer_id === 'string';
}

/** The dealer link, fetched together with the tenant when this read needs it (kit/collection.ts `enrich`). */
function enrich(id: string, prior: ObjectValue | null, ctx: Ctx): Promise<(live: LiveTenant) => LiveTenant | null> | undefined {
  if (!needsDealerLink(prior, ctx.provider.tenantDealerReads)) return undefined;
  return linkedDealers(ctx.provider.client, id).then(
    (dealerIds) => (live: LiveTenant) => ({ ...live, dealerIds }),
    (e: unknown) => {
      if (e instanceof NotFoundError) return () => null; // deleted between the two calls
      throw e;
    },
  );
}

/**
 * The dealer to report. One entry is the owner. Several (a dealer chain, docs/portsip-api.md §8 q11: whether the
 * list holds the whole chain is undocumented): keep the configured one if present, else the first.
 */
function ownerOf(live: LiveTenant, prior: ObjectValue | null): string | null | undefined {
  if (live.dealerIds === undefined) return undefined;
  if (live.dealerIds.length === 0) return null;
  const configured = prior && typeof prior.dealer_id === 'string' ? prior.dealer_id : null;
  return configured && live.dealerIds.includes(configured) ? configured : live.dealerIds[0]!;
}

const BLOCKS = Object.keys(tenantSchema.block.blocks ?? {});

export const tenantResource = defineCollection({
  typeName: 'portsip_tenant',
  label: 'tenant',
  schema: tenantSchema,
  validate,
  keepPriorSpelling,
  importExample: 'sip.example.com',
  // The natural key (the domain, regardless of case) is also unique.
  unique: { namespace: 'tenant domain', rule: 'PortSIP keeps tenant domains unique, regardless of case.' },
  async planChecks(prior, planned, ctx): Promise<Diagnostic[]> {
    // 22.2's update API ignores `name` (Op 37 [C1]); 22.3 can rename (C3). Only ask the server its
    // version when a rename is planned, so ordinary plans make no extra request.
    if (typeof planned.name !== 'string' || planned.name === prior.name) return [];
    let version: string;
    try {
      version = await ctx.provider.apiVersion();
    } catch (e) {
      // Not worth failing the plan over (a dealer account may not read /admin/status): the PBX
      // itself refuses the rename at apply if it cannot do it.
      ctx.logger.warn('API version detection failed; tenant rename not pre-checked', { error: e instanceof Error ? e.message : String(e) });
      return [];
    }
    if (version !== '22.2') return [];
    return [
      {
        severity: 'error',
        summary: 'Tenant name cannot be changed on PortSIP 22.2',
        detail: `PortSIP 22.2 cannot rename a tenant (its update API has no "name"); renaming needs 22.3. Keep name = ${JSON.stringify(prior.name)}, or upgrade the PBX.`,
        path: ['name'],
      },
    ];
  },
  reader,
  // 300 tenants are 300 GETs at Terraform's pace otherwise (their list holds summaries). Not with
  // tenant_dealer_reads = "none", which promises one request per tenant: the list would add some.
  readAhead: (ctx) => ctx.provider.tenantDealerReads !== 'none',
  enrich,
  toState: (live, prior, opts) => toState(live.tenant, prior, { ...opts, dealerId: ownerOf(live, prior) }),
  area: (client) => client.tenants,
  toCreateBody: (planned, config) => toCreateBody(planned, config),
  async updatePatch(prior, planned, ctx, id, config) {
    const patch = toUpdatePatch(prior, planned, null, config);
    // A changed block is sent whole; on top of the live object, so parts of it that the config does
    // not manage (e.g. office-hours days left out) survive whether the PBX merges or replaces nested
    // objects (mapping.ts nestedPatchBody). Only then is the extra GET worth it.
    if (!webhookSecretsDue(prior, planned) && (!patch || !BLOCKS.some((b) => b in patch))) return patch;
    const live = await ctx.provider.client.tenants.get(id);
    return toUpdatePatch(prior, planned, live, config);
  },
  setAfterCreate: ['dealer_id'],
  async afterCreate(id, planned, _config, ctx) {
    if (typeof planned.dealer_id === 'string') await ctx.provider.client.tenants.designateDealer(id, planned.dealer_id);
  },
  async afterUpdate(id, prior, planned, _config, ctx) {
    const change = dealerChange(prior, planned);
    if (!change) return;
    const client = ctx.provider.client;
    if (change.remove) await client.tenants.removeDealer(id, change.remove);
    else if (change.designate) {
      // No dealer in state: with tenant_dealer_reads = "managed" the link was not read, so the
      // tenant may have been designated out of band. Whether designating replaces an owner is
      // undocumented (docs/portsip-api.md Op 40 [I]): look, and remove a different owner first.
      for (const other of await linkedDealers(client, id)) {
        if (other === change.designate) return;
        await client.tenants.removeDealer(id, other);
      }
    }
    if (change.designate) await client.tenants.designateDealer(id, change.designate);
  },
});
