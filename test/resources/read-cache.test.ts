// The read coalescer (src/resources/common/read-cache.ts) against a fake collection that counts
// its calls: one listing for many reads, single flight, invalidation after writes, a GET to
// confirm an id missing from the snapshot, failed listings not cached, summaries read with a GET.
import { NotFoundError } from '../../src/client';
import { AHEAD_WIDTH, listedCollection, ReadCoalescer, type CollectionReader } from '../../src/resources/common/read-cache';

interface Item {
  id: string;
  name: string;
  full?: boolean;
}

const notFound = (id: string) =>
  new NotFoundError({ status: 404, code: 'NOT_FOUND', message: 'Not Found', method: 'GET', path: `/things/${id}` });

/** A collection whose listing and GETs are counted; `live` is what the PBX has right now. */
function fakeCollection(live: Map<string, Item>, opts: { listFails?: number; batched?: boolean } = {}) {
  const calls = { lists: 0, gets: [] as string[] };
  let failuresLeft = opts.listFails ?? 0;
  const reader: CollectionReader<Item> = {
    collection: 'things',
    get: async (id) => {
      calls.gets.push(id);
      const it = live.get(id);
      if (!it) throw notFound(id);
      return { ...it };
    },
    idOf: (it) => it.id,
    complete: (it) => it.full !== false,
  };
  if (opts.batched !== false)
    reader.listAll = async () => {
      calls.lists++;
      // Let concurrent first reads arrive while the listing is in flight.
      await new Promise((r) => setImmediate(r));
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('503 Service Unavailable');
      }
      return [...live.values()].map((it) => ({ ...it }));
    };
  return { reader, calls };
}

const items = (n: number) => new Map<string, Item>(Array.from({ length: n }, (_, i) => [`id${i}`, { id: `id${i}`, name: `n${i}` }]));

test('batch: 50 concurrent reads share one listing and send no GET', async () => {
  const { reader, calls } = fakeCollection(items(50));
  const reads = new ReadCoalescer('batch');
  const got = await Promise.all(Array.from({ length: 50 }, (_, i) => reads.read(reader, `id${i}`)));
  expect(got.map((g) => g?.name)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
  expect(calls).toEqual({ lists: 1, gets: [] });
  expect(reads.stats).toEqual({ lists: 1, gets: 0, servedFromSnapshot: 50, servedAhead: 0 });
});

test('per_resource: one GET per read, never a listing', async () => {
  const { reader, calls } = fakeCollection(items(3));
  const reads = new ReadCoalescer('per_resource');
  expect((await reads.read(reader, 'id1'))?.name).toBe('n1');
  expect(await reads.read(reader, 'gone')).toBeNull();
  expect(calls).toEqual({ lists: 0, gets: ['id1', 'gone'] });
  expect(await reads.items(reader)).toBeNull();
});

test('a collection without listAll is never batched', async () => {
  const { reader, calls } = fakeCollection(items(2), { batched: false });
  const reads = new ReadCoalescer('batch');
  expect((await reads.read(reader, 'id0'))?.name).toBe('n0');
  expect(calls.gets).toEqual(['id0']);
  expect(await reads.items(reader)).toBeNull();
});

test('after a write the object is read with a GET; the others still come from the snapshot', async () => {
  const live = items(3);
  const { reader, calls } = fakeCollection(live);
  const reads = new ReadCoalescer('batch');
  await reads.read(reader, 'id0');
  live.set('id1', { id: 'id1', name: 'renamed' });
  reads.invalidate('things', 'id1');
  expect((await reads.read(reader, 'id1'))?.name).toBe('renamed');
  expect((await reads.read(reader, 'id2'))?.name).toBe('n2');
  expect(calls).toEqual({ lists: 1, gets: ['id1'] });
  // Invalidating another collection's id changes nothing here.
  reads.invalidate('others', 'id2');
  await reads.read(reader, 'id2');
  expect(calls.gets).toEqual(['id1']);
});

test('an id missing from the snapshot is confirmed with a GET before it is reported gone', async () => {
  const live = items(2);
  const { reader, calls } = fakeCollection(live);
  const reads = new ReadCoalescer('batch');
  await reads.read(reader, 'id0');
  // Created after the listing (or skipped by paging): the GET finds it.
  live.set('late', { id: 'late', name: 'late' });
  expect((await reads.read(reader, 'late'))?.name).toBe('late');
  // Really gone: null, after a GET.
  expect(await reads.read(reader, 'never')).toBeNull();
  expect(calls).toEqual({ lists: 1, gets: ['late', 'never'] });
});

test('a failed listing is not cached: that read falls back to GET, the next read lists again', async () => {
  const { reader, calls } = fakeCollection(items(3), { listFails: 1 });
  const reads = new ReadCoalescer('batch');
  expect((await reads.read(reader, 'id0'))?.name).toBe('n0');
  expect(calls).toEqual({ lists: 1, gets: ['id0'] });
  expect((await reads.read(reader, 'id1'))?.name).toBe('n1');
  expect(calls).toEqual({ lists: 2, gets: ['id0'] });
});

test('a list item lacking keys the resource maps (a summary) is read with a GET', async () => {
  const live = items(2);
  live.set('id1', { id: 'id1', name: 'n1', full: false });
  const { reader, calls } = fakeCollection(live);
  const reads = new ReadCoalescer('batch');
  await reads.read(reader, 'id0');
  await reads.read(reader, 'id1');
  expect(calls).toEqual({ lists: 1, gets: ['id1'] });
});

test('errors other than 404 are thrown, not reported as gone', async () => {
  const reader: CollectionReader<Item> = {
    collection: 'things',
    get: async () => {
      throw new Error('connection reset');
    },
    idOf: (it) => it.id,
  };
  await expect(new ReadCoalescer('batch').read(reader, 'x')).rejects.toThrow('connection reset');
});

test('items() enumerates through the same snapshot later reads are served from', async () => {
  const { reader, calls } = fakeCollection(items(4));
  const reads = new ReadCoalescer('batch');
  expect((await reads.items(reader))!.map((i) => i.id).sort()).toEqual(['id0', 'id1', 'id2', 'id3']);
  await Promise.all(['id0', 'id3'].map((id) => reads.read(reader, id)));
  expect(calls).toEqual({ lists: 1, gets: [] });
});

test('listedCollection: list items with every full key are complete, others are summaries', async () => {
  const area = {
    listAll: async () => [{ id: 'a', cidr: '10.0.0.0/8', target: 'DENY' }, { id: 'b' }],
    get: async (id: string) => ({ id, cidr: '10.0.0.0/8', target: 'DENY' }),
  };
  const r = listedCollection<{ id?: string; cidr?: string }>('ipRules', area, ['cidr', 'target']);
  const [a, b] = await r.listAll!();
  expect(r.complete!(a!)).toBe(true);
  expect(r.complete!(b!)).toBe(false);
  expect(r.idOf(a!)).toBe('a');
  expect(r.collection).toBe('ipRules');
});

describe('read ahead (a collection whose list holds summaries)', () => {
  /** A reader without listAll whose GETs wait until released, so what is in flight can be seen. */
  function aheadCollection(ids: string[], opts: { namingFails?: boolean; failOnce?: string } = {}) {
    const live = new Map(ids.map((id) => [id, { id, name: `n-${id}` }]));
    const calls = { named: 0, gets: [] as string[] };
    const waiting: (() => void)[] = [];
    let failNext = opts.failOnce;
    const reader: CollectionReader<Item> = {
      collection: 'tenants',
      get: async (id) => {
        calls.gets.push(id);
        await new Promise<void>((r) => waiting.push(r));
        if (id === failNext) {
          failNext = undefined;
          throw new Error('502 Bad Gateway');
        }
        const it = live.get(id);
        if (!it) throw notFound(id);
        return { ...it };
      },
      idOf: (it) => it.id,
      readAhead: async () => {
        calls.named++;
        if (opts.namingFails) throw new Error('503 Service Unavailable');
        return ids;
      },
    };
    /** Answers every GET in flight, and those the answers let start, until none is left. */
    const drain = async () => {
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setImmediate(r));
        if (waiting.length === 0) return;
        waiting.splice(0).forEach((release) => release());
      }
    };
    return { reader, calls, live, drain };
  }

  const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);

  test('the first refresh starts AHEAD_WIDTH GETs in order; the object asked for jumps the queue', async () => {
    const { reader, calls, drain } = aheadCollection(ids);
    const reads = new ReadCoalescer('batch');
    const first = reads.read(reader, 't15', { ahead: true });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(calls.named).toBe(1);
    expect(calls.gets).toEqual([...ids.slice(0, AHEAD_WIDTH), 't15']);
    await drain();
    expect((await first)?.name).toBe('n-t15');
    // Everything was read ahead, once each; later refreshes send no GET of their own.
    expect([...calls.gets].sort()).toEqual([...ids].sort());
    const rest = await Promise.all(ids.filter((id) => id !== 't15').map((id) => reads.read(reader, id, { ahead: true })));
    expect(rest.map((r) => r?.id)).toEqual(ids.filter((id) => id !== 't15'));
    expect(calls.gets).toHaveLength(ids.length);
    expect(reads.stats).toMatchObject({ gets: ids.length, servedAhead: ids.length });
  });

  test('an object read ahead is handed out once: reading it again sends its own GET', async () => {
    const { reader, calls, drain } = aheadCollection(ids.slice(0, 3));
    const reads = new ReadCoalescer('batch');
    const a = reads.read(reader, 't0', { ahead: true });
    await drain();
    await a;
    const again = reads.read(reader, 't0', { ahead: true });
    await drain();
    expect((await again)?.name).toBe('n-t0');
    expect(calls.gets.filter((g) => g === 't0')).toHaveLength(2);
  });

  test('a read ahead that failed is not used: the refresh sends its own GET and gets the object', async () => {
    const { reader, calls, drain } = aheadCollection(ids.slice(0, 3), { failOnce: 't1' });
    const reads = new ReadCoalescer('batch');
    const p = reads.read(reader, 't1', { ahead: true });
    await drain();
    expect((await p)?.name).toBe('n-t1');
    expect(calls.gets.filter((g) => g === 't1')).toHaveLength(2);
  });

  test('an object gone by the time it is read ahead reads as gone (null), as its own GET would', async () => {
    const { reader, live, drain } = aheadCollection(ids.slice(0, 3));
    live.delete('t2');
    const reads = new ReadCoalescer('batch');
    const p = reads.read(reader, 't2', { ahead: true });
    await drain();
    expect(await p).toBeNull();
  });

  test('no read ahead: after a write, outside a refresh, with per_resource, or when naming the objects fails', async () => {
    for (const [strategy, opts, namingFails] of [
      ['batch', {}, false],
      ['per_resource', { ahead: true }, false],
      ['batch', { ahead: true }, true],
    ] as const) {
      const { reader, calls, drain } = aheadCollection(ids.slice(0, 5), { namingFails });
      const reads = new ReadCoalescer(strategy);
      const p = reads.read(reader, 't3', opts);
      await drain();
      expect((await p)?.name).toBe('n-t3');
      expect(calls.gets).toEqual(['t3']);
    }
    const { reader, calls, drain } = aheadCollection(ids.slice(0, 5));
    const reads = new ReadCoalescer('batch');
    reads.invalidate('tenants', 't3');
    const p = reads.read(reader, 't3', { ahead: true });
    await drain();
    await p;
    expect(calls.named).toBe(0);
    expect(calls.gets).toEqual(['t3']);
  });
});
