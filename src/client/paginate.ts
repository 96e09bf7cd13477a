// Auto-paging over PortSIP's `{count, items}` lists (docs/portsip-api.md §2.6): `skip` is a 0-based offset
// and `top` is at most 100. The loop stops when `skip >= count`, on an empty page, or, for
// sub-collections without `count` (`/tenants/{id}/dealers`, `/providers/{id}/assignees`), after a
// short page. Two guards protect against servers that ignore the paging parameters: a page larger
// than `top` is taken as "everything", and a page of only already-seen ids ends the loop instead of
// looping forever.

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
    let fresh = 0;
    for (const item of items) {
      const id = idOf(item);
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      fresh++;
      yield item;
    }
    if (fresh === 0) return; // server ignored `skip`: the same page again
    skip += items.length;
    if (typeof page.count === 'number') {
      if (skip >= page.count) return;
    } else if (items.length < top) {
      return;
    }
    if (items.length > top) return; // server ignored `top` and sent everything
  }
}

/** Collects every item of a list into an array. */
export async function collectAll<T>(fetchPage: PageFetcher<T>, query: ListQuery = {}): Promise<T[]> {
  const out: T[] = [];
  for await (const item of paginate(fetchPage, query)) out.push(item);
  return out;
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
