// Helpers shared by the route files: response views, merge-updates, list answers, lookups.
import { HttpError, notFound } from '../errors';
import { applyList, readListQuery } from '../query';
import type { Ctx } from '../server';
import type { Obj, Rec } from '../store';

/** Keys that are accepted on writes but never returned (docs/portsip-api.md §6.4). Stored under `_`-prefixed names. */
const WRITE_ONLY = new Set(['password', 'new_password', 'old_password']);

/**
 * A response object: every documented key in order (null when unset, C5 §2.3), then, unless
 * `documentedOnly`, the unknown keys the client stored (round-tripped, §6.3). Internal `_` keys and
 * write-only fields never appear.
 */
export function view(rec: Obj, keys: readonly string[], documentedOnly = false): Obj {
  const out: Obj = {};
  for (const k of keys) out[k] = rec[k] === undefined ? null : rec[k];
  if (!documentedOnly) for (const k of Object.keys(rec)) if (!(k in out) && !k.startsWith('_') && !WRITE_ONLY.has(k)) out[k] = rec[k];
  return out;
}

function isPlain(x: unknown): x is Obj {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Merge-patch (§2.2: omitted fields stay unchanged); nested objects merge, arrays replace. The account
 * passwords (top level) are skipped; a nested `password` (a tenant webhook's, which GET returns) is data.
 */
export function merge(target: Obj, patch: Obj, nested = false): Obj {
  const out: Obj = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (!nested && WRITE_ONLY.has(k)) continue;
    out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k], v, true) : v;
  }
  return out;
}

export function listAnswer(ctx: Ctx, items: Obj[]): { count: number; items: Obj[] } {
  return applyList(items, readListQuery(ctx.query));
}

export function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw notFound(what);
  return v;
}

export function get(ctx: Ctx, coll: keyof Ctx['store']['c'], id: string, what: string): Rec {
  return must(ctx.store.c[coll].get(id), what);
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 400 naming the field, for immutable fields sent with a different value on update. */
export function immutable(field: string, current: unknown, patch: Obj): void {
  if (field in patch && patch[field] !== current)
    throw new HttpError(400, 'VALIDATE_FAILED', 'field validation failed', { field, reason: 'cannot be changed after creation' });
}
