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
//
// Read ahead, for a type whose list holds summaries only (tenants): Terraform reads at most
// `-parallelism` objects at once, each waiting for its own GET, so a refresh of N such objects
// costs N round trips at Terraform's pace. When the reader can name the objects worth reading
// (`readAhead`: the tenants the configuration declares, kit/collection.ts), the first refresh of
// the type starts their GETs, AHEAD_WIDTH at a time, and each ReadResource takes its object's
// answer instead of sending its own GET. Only on the refresh path (`read(..., { ahead: true })`),
// never after a write; an object read ahead is handed out once; a read ahead that failed is not
// used (the ReadResource does its own GET, so its error is the usual one, retried as usual); a
// read-ahead whose list fails is given up for the process.

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
  /** Unbatched collections: the ids worth reading ahead of Terraform's refresh (see above); [] for none. */
  readAhead?(): Promise<readonly string[]>;
}

/** How many reads ahead are in flight at once (the client's own limit, max_concurrency, still applies). */
export const AHEAD_WIDTH = 8;

type Outcome<T> = { ok: true; value: T | null } | { ok: false };

/**
 * Reads started ahead of Terraform: `width` at a time in the order given; a read of an id still
 * waiting starts it at once, so the object Terraform asks for never waits behind the others.
 */
class ReadAhead<T> {
  private readonly waiting: Set<string>;
  private readonly order: Iterator<string>;
  private readonly started = new Map<string, Promise<Outcome<T>>>();
  private running = 0;

  constructor(
    ids: readonly string[],
    private readonly get: (id: string) => Promise<T | null>,
    private readonly width: number,
  ) {
    this.waiting = new Set(ids);
    this.order = this.waiting.values();
    this.pump();
  }

  /** This id's outcome, or undefined when it was never one of them or was handed out already. */
  take(id: string): Promise<Outcome<T>> | undefined {
    if (this.waiting.delete(id)) this.start(id);
    const p = this.started.get(id);
    this.started.delete(id);
    return p;
  }

  private start(id: string): void {
    this.running++;
    const p = this.get(id).then(
      (value): Outcome<T> => ({ ok: true, value }),
      (): Outcome<T> => ({ ok: false }),
    );
    this.started.set(id, p);
    void p.then(() => {
      this.running--;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.width) {
      const next = this.order.next();
      if (next.done) return;
      // A Set's iterator skips ids deleted since (taken early by a read).
      if (this.waiting.delete(next.value)) this.start(next.value);
    }
  }
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
  /** Refreshes answered by a read ahead (its GET is counted in `gets`). */
  servedAhead: number;
}

export class ReadCoalescer {
  private readonly snapshots = new Map<string, Promise<Map<string, unknown> | null>>();
  private readonly dirty = new Map<string, Set<string>>();
  private readonly ahead = new Map<string, Promise<ReadAhead<unknown> | null>>();
  readonly stats: ReadStats = { lists: 0, gets: 0, servedFromSnapshot: 0, servedAhead: 0 };

  constructor(readonly strategy: ReadStrategy) {}

  /**
   * The live object, or null when it is gone (404). `ahead`: this is Terraform's refresh of the
   * object (ReadResource), which may start and use reads ahead.
   */
  async read<T>(reader: CollectionReader<T>, id: string, opts: { ahead?: boolean } = {}): Promise<T | null> {
    if (this.strategy === 'batch' && !this.dirty.get(reader.collection)?.has(id)) {
      if (reader.listAll) {
        const snap = await this.snapshot(reader);
        if (snap) {
          const hit = snap.get(id) as T | undefined;
          if (hit !== undefined && (!reader.complete || reader.complete(hit))) {
            this.stats.servedFromSnapshot++;
            return hit;
          }
        }
      } else if (opts.ahead && reader.readAhead) {
        const outcome = await (await this.readAheadOf(reader))?.take(id);
        if (outcome?.ok) {
          this.stats.servedAhead++;
          return outcome.value as T | null;
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

  /** The collection's reads ahead, started by its first refresh; null when there are none or naming them failed. */
  private readAheadOf<T>(reader: CollectionReader<T>): Promise<ReadAhead<unknown> | null> {
    let p = this.ahead.get(reader.collection);
    if (!p) {
      p = reader.readAhead!().then(
        (ids) => (ids.length === 0 ? null : new ReadAhead<unknown>(ids, (id) => this.getOrNull(reader, id), AHEAD_WIDTH)),
        () => null,
      );
      this.ahead.set(reader.collection, p);
    }
    return p;
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
