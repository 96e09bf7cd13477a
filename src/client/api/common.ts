// Helpers shared by the per-area API classes.

import type { HttpClient, QueryValue } from '../http';
import { collectAll, paginate, toListResult } from '../paginate';
import { PortsipError } from '../errors';
import type { ListQuery, ListResult } from '../types';

/** Ids are opaque base64 strings that may contain `/`, `+`, `=` (docs/portsip-api.md §2.5): always encode. */
export const seg = (id: string): string => {
  if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string');
  return encodeURIComponent(id);
};

/** OData string literal: single quotes, doubled inside (docs/portsip-api.md §2.6). */
export const odata = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export function listQuery(q: ListQuery = {}): Record<string, QueryValue> {
  return { filter: q.filter, search: q.search, orderby: q.orderby, skip: q.skip, top: q.top };
}

/** A paged `{count, items}` collection at `path`. */
export class Collection<T> {
  constructor(
    protected readonly http: HttpClient,
    protected readonly path: string,
  ) {}

  /** One page. */
  async list(query: ListQuery = {}): Promise<ListResult<T>> {
    return toListResult<T>(await this.http.request<unknown>('GET', this.path, { query: listQuery(query) }));
  }

  /** Every item, following `skip`/`top=100` pages. */
  listAll(query: Omit<ListQuery, 'skip' | 'top'> = {}): Promise<T[]> {
    return collectAll((q) => this.list(q), query);
  }

  /** Async iteration over every item. */
  iterate(query: Omit<ListQuery, 'skip' | 'top'> = {}): AsyncGenerator<T, void, undefined> {
    return paginate((q) => this.list(q), query);
  }

  /**
   * Finds one item by natural key: first with a server-side `filter`, then, when that finds
   * nothing or the server rejects the filter (which fields filter is undocumented, §2.6 / open
   * question 9), by listing everything and matching client-side.
   */
  protected async findOne(filter: string, match: (item: T) => boolean): Promise<T | undefined> {
    try {
      const page = await this.list({ filter, top: 100 });
      const hit = page.items.find(match);
      if (hit !== undefined) return hit;
    } catch (e) {
      if (!(e instanceof PortsipError) || e.status < 400 || e.status >= 500 || e.status === 401 || e.status === 403) throw e;
      this.http.log('find.filter_rejected', { path: this.path, status: e.status });
    }
    for await (const item of this.iterate()) if (match(item)) return item;
    return undefined;
  }

  /**
   * Every item with a natural key: a server-side `filter` page when the server evidently applied the
   * filter (every item matches and the page holds the whole count, so an empty page means none),
   * else the whole list matched client-side.
   */
  async findAll(filter: string, match: (item: T) => boolean): Promise<T[]> {
    try {
      const page = await this.list({ filter, top: 100 });
      if (page.items.every(match) && (page.count === undefined || page.count <= page.items.length)) return page.items;
    } catch (e) {
      if (!(e instanceof PortsipError) || e.status < 400 || e.status >= 500 || e.status === 401 || e.status === 403) throw e;
      this.http.log('find.filter_rejected', { path: this.path, status: e.status });
    }
    return (await this.listAll()).filter(match);
  }
}

/** Ids of items (those without one are left out). */
export const idsOf = (items: readonly { id?: unknown }[]): string[] =>
  items.map((i) => i.id).filter((id): id is string => typeof id === 'string' && id !== '');

export const sameText = (a: unknown, b: string): boolean => typeof a === 'string' && a === b;
export const sameTextCI = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
