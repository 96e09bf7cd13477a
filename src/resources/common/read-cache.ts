// Read coalescing (docs/design.md "Resource behaviour", `read_strategy = "batch"`). A `terraform plan` refreshes every
// resource in one provider process (docs/protocol.md "Launches per command", launch #3), one ReadResource per object.
// With N objects of a type that is N GETs; listing the type once (pages of top=100) answers all
// of them with ceil(N/100) requests. The snapshot lives as long as the provider process, which is
// one Terraform command: stale data cannot outlive the command that read it.
//
// Rules:
// - single flight: concurrent first reads of a type share one listing (Terraform reads up to 10
//   resources in parallel, so without this every one of them would start its own listing);
// - after any write to an object (create, update, delete) its entry is invalidated, and later
//   reads of it do a plain GET (the apply-time process reads nothing, but a later RPC in the same
//   process must never see pre-write data);
// - an id missing from the snapshot is confirmed with a GET before it is reported gone: paging
//   over a collection that changes underneath (skip/top, docs/portsip-api.md §2.6) can skip an item, and a
//   false "gone" would make Terraform plan to create a duplicate;
// - a listing that fails is not cached: that read (and later ones) fall back to GET, so a
//   transient 503 on the list does not fail the plan, and the next read retries the listing;
// - a list item that lacks keys the resource maps (a summary shape) is not used: GET instead.

import { NotFoundError } from '../../client';

export type ReadStrategy = 'batch' | 'per_resource';

export interface CollectionReader<T> {
  /** Cache key of the collection, e.g. "transports". */
  collection: string;
  /** Every item (auto-paged with top=100). Absent: this collection is never batched (tenants). */
  listAll?(): Promise<T[]>;
  /** One item; throws NotFoundError when it is gone. */
  get(id: string): Promise<T>;
  /** The item's id. */
  idOf(item: T): string | undefined;
  /** Whether a list item carries everything a GET would (else the GET is used). */
  complete?(item: T): boolean;
}

/**
 * The reader of a collection whose list items are full objects (dealers, transports, IP rules,
 * admin users): batched through `listAll`, and an item lacking one of `fullKeys` (a summary) is
 * read with a GET instead.
 */
export function listedCollection<T extends { id?: string }>(
  collection: string,
  area: { listAll(): Promise<readonly object[]>; get(id: string): Promise<T> },
  fullKeys: readonly string[],
): CollectionReader<T> {
  return {
    collection,
    // A list item is used only when `complete` finds every key a GET answers: then it is a T.
    listAll: async () => (await area.listAll()) as T[],
    get: (id) => area.get(id),
    idOf: (item) => item.id,
    complete: (item) => fullKeys.every((k) => k in item),
  };
}

export interface ReadStats {
  lists: number;
  gets: number;
  servedFromSnapshot: number;
}

export class ReadCoalescer {
  private readonly snapshots = new Map<string, Promise<Map<string, unknown> | null>>();
  private readonly dirty = new Map<string, Set<string>>();
  readonly stats: ReadStats = { lists: 0, gets: 0, servedFromSnapshot: 0 };

  constructor(readonly strategy: ReadStrategy) {}

  /** The live object, or null when it is gone (404). */
  async read<T>(reader: CollectionReader<T>, id: string): Promise<T | null> {
    if (this.strategy === 'batch' && reader.listAll && !this.dirty.get(reader.collection)?.has(id)) {
      const snap = await this.snapshot(reader);
      if (snap) {
        const hit = snap.get(id) as T | undefined;
        if (hit !== undefined && (!reader.complete || reader.complete(hit))) {
          this.stats.servedFromSnapshot++;
          return hit;
        }
      }
    }
    return this.getOrNull(reader, id);
  }

  /**
   * Every item of a batched collection through the same snapshot later reads are served from, so
   * enumerating a type and then reading each object (`portsip export`) costs the listing once.
   * Null when the collection is not batched (no listAll, or strategy per_resource) or the listing failed.
   */
  async items<T>(reader: CollectionReader<T>): Promise<T[] | null> {
    if (this.strategy !== 'batch' || !reader.listAll) return null;
    const snap = await this.snapshot(reader);
    return snap ? ([...snap.values()] as T[]) : null;
  }

  /** Forget what the snapshot says about this object: the next read of it does a GET. */
  invalidate(collection: string, id: string): void {
    let s = this.dirty.get(collection);
    if (!s) this.dirty.set(collection, (s = new Set()));
    s.add(id);
  }

  private async getOrNull<T>(reader: CollectionReader<T>, id: string): Promise<T | null> {
    this.stats.gets++;
    try {
      return await reader.get(id);
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  }

  private snapshot<T>(reader: CollectionReader<T>): Promise<Map<string, unknown> | null> {
    let p = this.snapshots.get(reader.collection);
    if (!p) {
      this.stats.lists++;
      p = reader.listAll!().then(
        (items) => {
          const m = new Map<string, unknown>();
          for (const it of items) {
            const id = reader.idOf(it);
            if (id) m.set(id, it);
          }
          return m;
        },
        () => {
          // Not cached: the next first read lists again. This read falls back to GET.
          this.snapshots.delete(reader.collection);
          return null;
        },
      );
      this.snapshots.set(reader.collection, p);
    }
    return p;
  }
}
