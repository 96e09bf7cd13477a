// List semantics (docs/portsip-api.md §2.6, §6.8): {count, items}, skip/top, filter, orderby, search.
import type { EmulatorHandle } from '../../src/emulator';
import { applyList, parseFilter, evalFilter } from '../../src/emulator/query';
import { Api, boot, created, tenantBody } from './helpers';

let emu: EmulatorHandle;
let api: Api;
const q = (s: string) => encodeURIComponent(s);

beforeAll(async () => {
  ({ emu, api } = await boot());
  // 25 tenants: every third disabled, max_extensions rising.
  for (let i = 1; i <= 25; i++)
    await created(
      api.post(
        '/tenants',
        tenantBody(String(i).padStart(2, '0'), {
          name: i % 5 === 0 ? `Acme ${i}` : `Tenant ${i}`,
          enabled: i % 3 !== 0,
          max_extensions: i * 10,
        }),
      ),
    );
  for (let i = 1; i <= 12; i++)
    await api.post('/ip_filters', {
      cidr: `10.${i}.0.0/16`,
      target: i % 2 ? 'DENY' : 'ACCEPT',
      description: i === 7 ? 'Office VPN' : null,
    });
});
afterAll(() => emu.close());

test('paging: count is the total, top is the page size, skip is a 0-based offset', async () => {
  const p1 = await api.get('/tenants?top=10');
  expect(p1.body.count).toBe(25);
  expect(p1.body.items).toHaveLength(10);
  const p3 = await api.get('/tenants?skip=20&top=10');
  expect(p3.body.items).toHaveLength(5);
  expect(p3.body.items[0].domain).toBe('t21.pbx.example.com');
  // the documented client loop collects everything exactly once
  const seen: string[] = [];
  let skip = 0;
  let count: number;
  do {
    const r = await api.get(`/tenants?skip=${skip}&top=7`);
    count = r.body.count;
    seen.push(...r.body.items.map((t: { id: string }) => t.id));
    skip += r.body.items.length;
    if (!r.body.items.length) break;
  } while (skip < count);
  expect(new Set(seen).size).toBe(25);
  expect((await api.get('/tenants')).body.items).toHaveLength(25); // default top=100
  expect((await api.get('/tenants?skip=100')).body).toEqual({ count: 25, items: [] });
  expect((await api.get('/tenants?$skip=24&$top=5')).body.items).toHaveLength(1); // $ aliases
});

test('filter: comparisons, logic, functions, parentheses', async () => {
  const count = async (f: string) => (await api.get(`/tenants?filter=${q(f)}`)).body.count;
  expect(await count("domain eq 't05.pbx.example.com'")).toBe(1);
  expect(await count('enabled eq false')).toBe(8);
  expect(await count('enabled ne false')).toBe(17);
  expect(await count('max_extensions gt 200')).toBe(5);
  expect(await count('max_extensions ge 200')).toBe(6);
  expect(await count('max_extensions lt 30')).toBe(2);
  expect(await count('max_extensions le 30')).toBe(3);
  expect(await count("startswith(name,'Acme')")).toBe(5);
  expect(await count("endswith(domain,'5.pbx.example.com')")).toBe(3);
  expect(await count("contains(name,'cme 1')")).toBe(2);
  expect(await count("startswith(name,'Acme') and enabled eq true")).toBe(4);
  expect(await count("startswith(name,'Acme') or max_extensions le 20")).toBe(7);
  expect(await count("not startswith(name,'Tenant')")).toBe(5);
  expect(await count('(max_extensions le 20 or max_extensions ge 240) and enabled eq true')).toBe(3);
  expect(await count("created_at gt '2000-01-01T00:00:00Z'")).toBe(25);
  expect(await count('website eq null')).toBe(25);
  expect(await count("domain in ('t01.pbx.example.com','t02.pbx.example.com')")).toBe(2);
  const ip = await api.get(`/ip_filters?filter=${q("target eq 'ACCEPT'")}&top=2`);
  expect(ip.body.count).toBe(6);
  expect(ip.body.items).toHaveLength(2);
});

test('orderby: asc, desc, multiple keys; search is case-insensitive', async () => {
  const desc = await api.get(`/tenants?orderby=${q('max_extensions desc')}&top=3`);
  expect(desc.body.items.map((t: { max_extensions: number }) => t.max_extensions)).toEqual([250, 240, 230]);
  const multi = await api.get(`/tenants?orderby=${q('enabled asc, max_extensions desc')}&top=2`);
  expect(multi.body.items.map((t: { max_extensions: number; enabled: boolean }) => [t.enabled, t.max_extensions])).toEqual([
    [false, 240],
    [false, 210],
  ]);
  const byName = await api.get(`/tenants?orderby=name&top=1`);
  expect(byName.body.items[0].name).toBe('Acme 10');
  const s = await api.get('/tenants?search=ACME');
  expect(s.body.count).toBe(5);
  const s2 = await api.get(`/ip_filters?search=${q('office vpn')}`);
  expect(s2.body.count).toBe(1);
  const both = await api.get(`/tenants?search=acme&filter=${q('enabled eq true')}`);
  expect(both.body.count).toBe(4);
});

test('query.ts units: quoting, nested fields, null comparisons', () => {
  const obrien = { name: "O'Brien", n: 1, o: { x: 'a' }, v: null };
  const smith = { name: 'Smith', n: 2, o: { x: 'b' }, v: 3 };
  const items = [obrien, smith];
  expect(evalFilter(parseFilter("name eq 'O''Brien'"), obrien)).toBe(true);
  expect(evalFilter(parseFilter("o/x eq 'b'"), smith)).toBe(true);
  expect(evalFilter(parseFilter('v gt 1'), obrien)).toBe(false);
  expect(evalFilter(parseFilter("startswith(name,'S') eq false"), obrien)).toBe(true);
  expect(applyList(items, { skip: 0, top: 1, orderby: 'n desc' })).toEqual({ count: 2, items: [smith] });
  expect(() => parseFilter('name eq')).toThrow();
  expect(() => parseFilter("name xx 'a'")).toThrow();
});
