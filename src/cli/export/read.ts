// `portsip export`, reading: connects exactly like the provider (its ConfigureProvider code, so the
// same settings, environment variables and TLS options) and reads every object the way
// `terraform plan` with an import block does: the resource's own importState, then its own read
// through the provider's read coalescer. The state values an export writes are therefore the
// values the following plan reads, by construction, not by a second API-to-state mapping.
//
// Requests: a batched type (dealers, transports, IP rules, admin users) is listed once (pages of
// 100) and every object is served from that listing, as in a batch plan; tenants are listed for
// their ids, then read like an import (GET + the dealer link); trunk assignments are found through
// the trunk list and each trunk's assignees.

import type { PortsipClient } from '../../client';
import type { ResourceContext } from '../../provider/definition';
import { DiagnosticsError } from '../../provider/diagnostics';
import type { Logger } from '../../provider/logger';
import type { ObjectValue, Value } from '../../provider/values';
import { kitResourceOf, metaOf, portsipResources } from '../../resources';
import type { PortsipContext } from '../../resources/common/context';
import type { CollectionResource } from '../../resources/kit/collection';
import { naturalKey } from '../report/keys';
import { keyMatches, type ExportFilters } from './filters';
import { COLLECTION_TYPES, SINGLETON_IDS } from './types';

/** One live object, as its import would put it into state. */
export interface LiveObject {
  type: string;
  /** The id its import block uses (API id, `<trunk_id>/<tenant_id>`, or a singleton's fixed id). */
  importId: string;
  /** The natural key (domain, name, cidr, PROTOCOL:port, trunk/tenant, or the singleton label). */
  key: string;
  state: ObjectValue;
  /** Trunk assignments: the trunk's name, for naming and comments. */
  trunkName?: string;
}

export interface TypeStats {
  objects: number;
  requests: number;
  seconds: number;
}

export interface ReadResult {
  objects: LiveObject[];
  requests: number;
  perType: Map<string, TypeStats>;
}

/** Counts API requests (every attempt, retries included) from the client's request log. */
export class RequestCounter {
  count = 0;
  readonly logger: Logger = {
    trace: () => undefined,
    debug: (m: string) => {
      if (m === 'http.request') this.count++;
    },
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    with: () => this.logger,
  };
}

/** Runs `fn` over `items`, at most `limit` at once (Terraform's default parallelism is 10). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const diagText = (d: { summary: string; detail?: string }) => `${d.summary}${d.detail ? `: ${d.detail}` : ''}`;

/** A candidate found by listing: its import id, and (when the list shows it) its natural key. */
interface Candidate {
  importId: string;
  key?: string;
  trunkName?: string;
}

async function candidates(type: string, ctx: PortsipContext, filters: ExportFilters): Promise<Candidate[]> {
  const client: PortsipClient = ctx.client;
  const fixedId = SINGLETON_IDS[type];
  if (!COLLECTION_TYPES.includes(type)) return fixedId ? [{ importId: fixedId }] : [];
  if (type === 'portsip_trunk_assignment') {
    const out: Candidate[] = [];
    const trunks = (await client.providers.listAll()) as Array<Record<string, unknown>>;
    for (const t of trunks) {
      const trunkId = str(t.id);
      if (!trunkId) continue;
      const assignees = await client.providers.assignees(trunkId);
      for (const a of assignees.items as Array<Record<string, unknown>>) {
        const tenantId = str(a.tenant_id);
        if (tenantId) out.push({ importId: `${trunkId}/${tenantId}`, key: `${trunkId}/${tenantId}`, trunkName: str(t.name) ?? trunkId });
      }
    }
    return out;
  }
  const resource = kitResourceOf(type) as CollectionResource | undefined;
  const key = metaOf(type)?.key;
  if (!resource || !key) throw new Error(`${type} has no natural key to export by`);
  const reader = resource.reader(client);
  // Through the coalescer: the reads that follow are served from this same listing. A type that is
  // never batched (tenants: the list holds summaries) is listed for ids and natural keys only.
  const items = (reader.listAll ? ((await ctx.reads.items(reader)) ?? (await reader.listAll())) : await resource.listAll(client)) as Array<
    Record<string, unknown>
  >;
  return items
    .filter((i) => str(i.id))
    .map((i) => ({ importId: String(i.id), key: key.display(i) }))
    .filter((c) => c.key === undefined || keyMatches(filters, type, c.key));
}

function resourceContext(ctx: PortsipContext, type: string, signal: AbortSignal, logger: Logger): ResourceContext<PortsipContext> {
  return {
    signal,
    logger,
    clientCapabilities: { writeOnlyAllowed: true, deferralAllowed: false },
    terraformVersion: undefined,
    provider: ctx,
    typeName: type,
  };
}

/** The registered resource `type` (export takes its types from the registry: a miss is a bug). */
function resourceDefinition(type: string): (typeof portsipResources)[string] {
  const def = portsipResources[type];
  if (!def) throw new Error(`${type} is not a registered resource type`);
  return def;
}

/** importState + read, as Terraform does for an import block. Null when the object went away. */
async function readOne(type: string, importId: string, rctx: ResourceContext<PortsipContext>): Promise<ObjectValue | null> {
  const def = resourceDefinition(type);
  try {
    const imp = await def.importState!(importId, rctx);
    const err = (imp.diagnostics ?? []).find((d) => d.severity === 'error');
    if (err) throw new Error(diagText(err));
    if (!imp.state) return null;
    const r = await def.read({ current: imp.state, private: Buffer.alloc(0) }, rctx);
    const rerr = (r.diagnostics ?? []).find((d) => d.severity === 'error');
    if (rerr) throw new Error(diagText(rerr));
    return r.newState;
  } catch (e) {
    if (e instanceof DiagnosticsError)
      throw new Error(`reading ${type} "${importId}": ${e.diagnostics.map(diagText).join('; ')}`, { cause: e });
    throw new Error(`reading ${type} "${importId}": ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

export interface ReadOptions {
  signal: AbortSignal;
  counter: RequestCounter;
  /** Progress lines (stderr). */
  progress: (line: string) => void;
  parallelism?: number;
}

/** Every selected object of every selected type, read like an import. */
export async function readPbx(ctx: PortsipContext, filters: ExportFilters, o: ReadOptions): Promise<ReadResult> {
  const objects: LiveObject[] = [];
  const perType = new Map<string, TypeStats>();
  const startRequests = o.counter.count;
  for (const type of filters.types) {
    const t0 = performance.now();
    const r0 = o.counter.count;
    const found = await candidates(type, ctx, filters);
    const rctx = resourceContext(ctx, type, o.signal, o.counter.logger);
    let done = 0;
    const states = await mapLimit(found, o.parallelism ?? 10, async (c) => {
      const s = await readOne(type, c.importId, rctx);
      done++;
      if (found.length >= 200 && done % 200 === 0) o.progress(`  ${type}: ${done}/${found.length} read`);
      return s;
    });
    let n = 0;
    const me = type === 'portsip_admin_user' ? await signedInUserId(ctx, objects) : undefined;
    const required = Object.entries(resourceDefinition(type).schema.block.attributes).filter(([, a]) => a.required);
    found.forEach((c, i) => {
      const state = states[i];
      if (!state) return; // deleted between the listing and the read
      // Nothing to manage: a singleton the PBX does not have yet (no certificate installed).
      const missing = required.filter(([name]) => state[name] === null || state[name] === undefined).map(([name]) => name);
      if (missing.length) {
        o.progress(`  ${type} "${c.importId}" left out: the PBX has no ${missing.join(', ')} for it`);
        return;
      }
      if (me !== undefined && state.id === me) return;
      const key = naturalKey(type, state, c.importId);
      if (!keyMatches(filters, type, key)) return;
      objects.push({ type, importId: c.importId, key, state, ...(c.trunkName ? { trunkName: c.trunkName } : {}) });
      n++;
    });
    const stats: TypeStats = { objects: n, requests: o.counter.count - r0, seconds: (performance.now() - t0) / 1000 };
    perType.set(type, stats);
    o.progress(`${type}: ${n} object${n === 1 ? '' : 's'} (${stats.requests} requests, ${stats.seconds.toFixed(1)} s)`);
  }
  return { objects: dealerShare(objects, filters), requests: o.counter.count - startRequests, perType };
}

/**
 * The account the export (and the provider) signs in with is `portsip_admin_profile`, not also a
 * `portsip_admin_user`: as both, a `terraform destroy` of the export would delete the account
 * Terraform signs in with. Its id comes from the admin profile when that was exported (it is read
 * before the admin users), else from one GET of the profile.
 */
async function signedInUserId(ctx: PortsipContext, objects: readonly LiveObject[]): Promise<Value | undefined> {
  const profile = objects.find((o) => o.type === 'portsip_admin_profile');
  return profile ? profile.state.user_id : (await ctx.client.adminProfile.get()).id;
}

/** --dealer NAME: the dealer, the tenants designated to it and their trunk assignments. */
function dealerShare(objects: LiveObject[], filters: ExportFilters): LiveObject[] {
  if (filters.dealer === undefined) return objects;
  const dealers = objects.filter((o) => o.type === 'portsip_dealer' && o.state.name === filters.dealer);
  const dealerIds = new Set<Value>(dealers.flatMap((d) => (d.state.id === undefined ? [] : [d.state.id])));
  if (dealers.length === 0) {
    // The dealer type may be excluded: then the tenants still say which dealer id they belong to,
    // but the name cannot be resolved without the dealer list.
    if (filters.types.includes('portsip_dealer')) throw new Error(`--dealer ${JSON.stringify(filters.dealer)}: no dealer has that name`);
    throw new Error(`--dealer needs the dealer type: do not --exclude dealer (or leave it out of --include) with --dealer`);
  }
  const tenants = objects.filter((o) => o.type === 'portsip_tenant' && dealerIds.has(o.state.dealer_id ?? null));
  const tenantIds = new Set<Value>(tenants.flatMap((t) => (t.state.id === undefined ? [] : [t.state.id])));
  return objects.filter(
    (o) =>
      dealers.includes(o) || tenants.includes(o) || (o.type === 'portsip_trunk_assignment' && tenantIds.has(o.state.tenant_id ?? null)),
  );
}
