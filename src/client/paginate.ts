// Auto-paging over PortSIP's `{count, items}` lists (docs/portsip-api.md §2.6): `skip` is a 0-based offset
// and `top` is at most 100. The loop stops when `skip >= count`, on an empty page, or, for
// sub-collections without `count` (`/tenants/{id}/dealers`, `/providers/{id}/assignees`), after a
// short page. Two guards protect against servers that ignore the paging parameters: a page larger
// than `top` is taken as "everything", and a page of only already-seen ids ends the loop instead of
// looping forever.
//
// collectAll (every listAll) fetches the first two pages one after the other, which shows that the
// server honours `skip` and `top` and reports `count`; the pages after them are then fetched up to
// LIST_CONCURRENCY at a time and taken in order, with the same stop rules, so the result is what
// the sequential walk gives. A refresh of 10,000 IP rules (100 pages) waited 100 round trips on
// the listing before; now 2 + 98 / 8 (bench/RESULTS.md, the L batch plan).

import type { ListQuery, ListResult } from './types';

export const MAX_PAGE_SIZE = 100;

export type PageFetcher<T> = (query: ListQuery) => Promise<ListResult<T>>;

/** Yields every item of a list, page by page. `filter`, `search`, `orderby` pass through. */
export async function* paginate<T>(fetchPage: PageFetcher<T>, query: ListQuery = {}): AsyncGenerator<T, void, undefined> {
  const top = Math.min(Math.max(query.top ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  let skip = query.skip ?? 0;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage({ ...query, skip, top });
    const items = page.items;
    if (items.length === 0) return;
    const fresh = freshItems(items, seen);
    if (fresh.length === 0) return; // server ignored `skip`: the same page again
    yield* fresh;
    skip += items.length;
    if (typeof page.count === 'number') {
      if (skip >= page.count) return;
    } else if (items.length < top) {
      return;
    }
    if (items.length > top) return; // server ignored `top` and sent everything
  }
}

/** Pages in flight at once after the first two (the client's own limits still apply). */
export const LIST_CONCURRENCY = 8;

export interface CollectOptions {
  /** Pages fetched at once after the first two; 1 walks the pages one by one. */
  concurrency?: number;
}

/** Collects every item of a list into an array (see the file header for the concurrent pages). */
export async function collectAll<T>(fetchPage: PageFetcher<T>, query: ListQuery = {}, opts: CollectOptions = {}): Promise<T[]> {
  const concurrency = Math.max(1, opts.concurrency ?? LIST_CONCURRENCY);
  const top = Math.min(Math.max(query.top ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const out: T[] = [];
  const seen = new Set<string>();
  /** Adds a page's new items; false when the walk must stop here (paginate's rules). */
  const take = (page: ListResult<T>): boolean => {
    const items = page.items;
    if (items.length === 0) return false;
    const fresh = freshItems(items, seen);
    out.push(...fresh);
    return fresh.length > 0 && items.length <= top; // no new item: skip ignored; more than top: everything sent
  };
  let skip = query.skip ?? 0;
  for (let n = 1; ; n++) {
    const page = await fetchPage({ ...query, skip, top });
    if (!take(page)) return out;
    skip += page.items.length;
    if (typeof page.count !== 'number') {
      if (page.items.length < top) return out;
      continue;
    }
    if (skip >= page.count) return out;
    if (n < 2 || concurrency === 1) continue;
    // The rest at once, `concurrency` in flight, taken in order.
    const offsets: number[] = [];
    for (let s = skip; s < page.count; s += top) offsets.push(s);
    const pages = await mapLimit(offsets, concurrency, (s) => fetchPage({ ...query, skip: s, top }));
    for (const p of pages) if (!take(p)) break;
    return out;
  }
}

/** fn over items, at most `limit` running at once; results in the items' order. */
async function mapLimit<A, R>(items: readonly A[], limit: number, fn: (a: A) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The page's items whose id was not seen before (items without an id always count), noting their ids. */
function freshItems<T>(items: readonly T[], seen: Set<string>): T[] {
  const fresh: T[] = [];
  for (const item of items) {
    const id = idOf(item);
    if (id !== undefined) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    fresh.push(item);
  }
  return fresh;
}

function idOf(item: unknown): string | undefined {
  if (item !== null && typeof item === 'object') {
    const id = (item as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** Normalises a list answer: `items` is always an array; a bare array is accepted too. */
export function toListResult<T>(body: unknown): ListResult<T> {
  if (Array.isArray(body)) return { items: body as T[] };
  if (body !== null && typeof body === 'object') {
    const b = body as { count?: unknown; items?: unknown };
    const res: ListResult<T> & Record<string, unknown> = {
      ...(b as Record<string, unknown>),
      items: Array.isArray(b.items) ? (b.items as T[]) : [],
    };
    if (typeof b.count === 'number') res.count = b.count;
    else delete res.count;
    return res;
  }
  return { items: [] };
}
