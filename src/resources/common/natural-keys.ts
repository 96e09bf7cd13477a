// Looking objects up by natural key (kit/keys.ts derives each resource's key from its schema):
// the filtered look-up of one key, and the per-process index of every key of a type that answers
// "did this key exist before our create?" for a whole apply.

import type { Values, NaturalKey } from '../kit/keys';

/** Where the objects of one collection type are listed. */
export interface KeySource {
  typeName: string;
  key: NaturalKey;
  /** The client's collection: a filtered look-up and the full listing. */
  list: {
    findAll(filter: string, match: (item: Values) => boolean): Promise<Values[]>;
    listAll(): Promise<Values[]>;
  };
  /** Other objects the PBX may refuse a create over (transport: the same port in the same L4 family). */
  collides?(item: Values, values: Values): boolean;
}

const idOf = (item: Values): string | undefined => (typeof item.id === 'string' && item.id !== '' ? item.id : undefined);
const ids = (items: readonly Values[]): string[] => items.map(idOf).filter((x): x is string => !!x);

/** Ids of the live objects with the key of `values` (a filtered look-up; the whole list when the filter is not honoured). */
export async function idsWithKey(src: KeySource, values: Values): Promise<string[]> {
  const key = src.key.of(values);
  if (key === undefined) return [];
  const byFilter = await src.list.findAll(src.key.filter(values), (item) => src.key.of(item) === key);
  if (byFilter.length > 0 || !src.key.inexactFilter) return ids(byFilter);
  // The filter compares text; an equal key written otherwise needs the full list.
  return ids((await src.list.listAll()).filter((item) => src.key.of(item) === key));
}

/**
 * Per provider process: every object of a type listed once (the first create of that type asks),
 * as key -> ids. It answers "did this key exist before our create?" for a whole apply with
 * ceil(N/100) requests instead of one look-up per create. Objects this process creates are added.
 */
export class KeyIndex {
  private readonly lists = new Map<string, Promise<Map<string, string[]>>>();
  private readonly items = new Map<string, Map<string, Values>>();

  /** Ids with this key when the type was listed (plus what this process created since). */
  async idsFor(src: KeySource, values: Values): Promise<string[]> {
    const key = src.key.of(values);
    if (key === undefined) return [];
    return [...((await this.index(src)).get(key) ?? [])];
  }

  /** Ids of listed objects that collide with `values` without having its key (see KeySource.collides). */
  async colliding(src: KeySource, values: Values): Promise<string[]> {
    if (!src.collides) return [];
    await this.index(src);
    return [...(this.items.get(src.typeName)?.values() ?? [])].filter((i) => src.collides?.(i, values) === true).map((i) => String(i.id));
  }

  add(src: KeySource, values: Values, id: string): void {
    const key = src.key.of(values);
    const p = this.lists.get(src.typeName);
    if (key === undefined || !p) return;
    void p.then((m) => {
      const known = m.get(key) ?? [];
      if (!known.includes(id)) m.set(key, [...known, id]);
    });
  }

  private index(src: KeySource): Promise<Map<string, string[]>> {
    let p = this.lists.get(src.typeName);
    if (!p) {
      p = src.list.listAll().then((all) => {
        const m = new Map<string, string[]>();
        const byId = new Map<string, Values>();
        for (const item of all) {
          const id = idOf(item);
          const key = src.key.of(item);
          if (!id || key === undefined) continue;
          byId.set(id, item);
          m.set(key, [...(m.get(key) ?? []), id]);
        }
        this.items.set(src.typeName, byId);
        return m;
      });
      // A failed listing is not kept: the next create lists again.
      p.catch(() => this.lists.delete(src.typeName));
      this.lists.set(src.typeName, p);
    }
    return p;
  }
}
