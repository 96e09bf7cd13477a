import { collectAll, paginate } from '../../src/client';
import { harness, json, withAuth } from './helpers';

const tenants = Array.from({ length: 250 }, (_, i) => ({ id: `T${i}`, name: `t${i}`, domain: `t${i}.example.com` }));

function pageOf<T>(all: T[], q: Record<string, string>) {
  const skip = Number(q.skip ?? 0);
  const top = Number(q.top ?? 100);
  return { count: all.length, items: all.slice(skip, skip + top) };
}

describe('paging', () => {
  test('listAll walks 3 pages of 250 items with skip/top=100', async () => {
    const h = harness(withAuth((r) => (r.path === '/tenants' ? json(200, pageOf(tenants, r.query)) : json(404))));
    const all = await h.client.tenants.listAll();
    expect(all).toHaveLength(250);
    expect(all[249]!.id).toBe('T249');
    const lists = h.apiRequests();
    expect(lists.map((r) => [r.method, r.path, r.query.skip, r.query.top])).toEqual([
      ['GET', '/tenants', '0', '100'],
      ['GET', '/tenants', '100', '100'],
      ['GET', '/tenants', '200', '100'],
    ]);
  });

  test('after two pages one by one, the rest are fetched 8 at a time and kept in order', async () => {
    const many = Array.from({ length: 1050 }, (_, i) => ({ id: `R${i}` }));
    let inFlight = 0;
    let maxInFlight = 0;
    const skips: number[] = [];
    const items = await collectAll(async (q) => {
      skips.push(q.skip!);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // later pages answer first: order must come from the offsets, not from arrival
      await new Promise((r) => setTimeout(r, 30 - (q.skip! / 100) * 2));
      inFlight--;
      return pageOf(many, { skip: String(q.skip), top: String(q.top) });
    });
    expect(items.map((x) => x.id)).toEqual(many.map((x) => x.id));
    expect(skips.slice(0, 2)).toEqual([0, 100]);
    expect(skips.slice(2).sort((a, b) => a - b)).toEqual([200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(maxInFlight).toBe(8);
    // concurrency 1 is the sequential walk
    const seq: number[] = [];
    await collectAll(
      async (q) => {
        seq.push(q.skip!);
        return pageOf(many, { skip: String(q.skip), top: String(q.top) });
      },
      {},
      { concurrency: 1 },
    );
    expect(seq).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  test('the concurrent pages stop where the sequential walk would: an empty page, or one of only known ids', async () => {
    const many = Array.from({ length: 800 }, (_, i) => ({ id: `R${i}` }));
    const cut = await collectAll(async (q) => ({ count: 800, items: q.skip! >= 400 ? [] : many.slice(q.skip, q.skip! + 100) }));
    expect(cut).toHaveLength(400);
    const repeat = await collectAll(async (q) => ({ count: 800, items: many.slice(q.skip! % 300, (q.skip! % 300) + 100) }));
    expect(repeat.map((x) => x.id)).toEqual(many.slice(0, 300).map((x) => x.id));
  });

  test('filter, search and orderby pass through on every page', async () => {
    const h = harness(withAuth((r) => json(200, pageOf(tenants.slice(0, 150), r.query))));
    await h.client.dealers.listAll({ filter: "level eq 'RESELLER'", search: 'acme', orderby: 'name desc' });
    const reqs = h.apiRequests();
    expect(reqs).toHaveLength(2);
    for (const r of reqs) {
      expect(r.path).toBe('/dealers');
      expect(r.query).toMatchObject({ filter: "level eq 'RESELLER'", search: 'acme', orderby: 'name desc', top: '100' });
      // %20, not '+', for spaces in OData expressions
      expect(r.rawPath).toContain('level%20eq%20');
    }
  });

  test('stops on an empty page even if count says more', async () => {
    const h = harness(withAuth((r) => json(200, { count: 500, items: r.query.skip === '0' ? tenants.slice(0, 100) : [] })));
    expect(await h.client.tenants.listAll()).toHaveLength(100);
    expect(h.apiRequests()).toHaveLength(2);
  });

  test('sub-collection without count: one page when short', async () => {
    const fetches: unknown[] = [];
    const items = await collectAll(async (q) => {
      fetches.push(q);
      return { items: [{ tenant_id: 'a' }, { tenant_id: 'b' }] };
    });
    expect(items).toHaveLength(2);
    expect(fetches).toHaveLength(1);
  });

  test('a server that ignores skip does not loop forever', async () => {
    let calls = 0;
    const out: unknown[] = [];
    for await (const it of paginate(async () => {
      calls++;
      return { count: 1000, items: tenants.slice(0, 100) };
    }))
      out.push(it);
    expect(out).toHaveLength(100);
    expect(calls).toBe(2);
  });

  test('providers.assignees and tenants.getDealers accept {items} without count and the legacy single object', async () => {
    const h = harness(
      withAuth((r) => {
        if (r.path === '/providers/P1/assignees') return json(200, { items: [{ tenant_id: 'T1', did_numbers: '3000', concurrency: 2 }] });
        if (r.path === '/tenants/T1/dealers') return json(200, { id: 'D1', enabled: true, level: 'RESELLER', name: 'acme' });
        return json(404);
      }),
    );
    expect(await h.client.providers.assignees('P1')).toEqual({ items: [{ tenant_id: 'T1', did_numbers: '3000', concurrency: 2 }] });
    expect((await h.client.tenants.getDealers('T1')).items[0]!.name).toBe('acme');
  });
});
