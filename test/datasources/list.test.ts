// The plural data sources' shared logic (src/datasources/list.ts): schema shape, query, state, validation,
// and the read against a fake collection (what is asked, what comes back, how an API error reads).
import { ValidationError } from '../../src/client';
import { portsipDataSources } from '../../src/datasources';
import { DEALERS_LIST } from '../../src/datasources/dealers/schema';
import { listSchema, queryId, toQuery, toState, validateList } from '../../src/datasources/list';
import { TENANTS_LIST } from '../../src/datasources/tenants/schema';
import { TRANSPORTS_LIST } from '../../src/datasources/transports/schema';
import { TRUNKS_LIST } from '../../src/datasources/trunks/schema';
import type { ObjectValue } from '../../src/provider/values';
import { configOf, errors } from '../resources/helpers';

const SPECS = [TRUNKS_LIST, TENANTS_LIST, DEALERS_LIST, TRANSPORTS_LIST];

describe.each(SPECS.map((s) => [s.typeName, s] as const))('%s', (typeName, spec) => {
  const schema = listSchema(spec);

  test('is registered, with filter, search, id and the item list; nothing required or write-only', () => {
    expect(portsipDataSources[typeName]).toBeDefined();
    expect(Object.keys(schema.block.attributes).sort()).toEqual(['filter', 'id', 'search', spec.attribute].sort());
    for (const a of Object.values(schema.block.attributes)) {
      expect(a.required).toBeFalsy();
      expect(a.writeOnly).toBeFalsy();
    }
    expect(schema.block.attributes[spec.attribute]!.computed).toBe(true);
  });

  test('items become objects with exactly the item fields; missing fields are null, unknown ones dropped', () => {
    const first = Object.keys(spec.item.object)[1]!;
    const s = toState(spec, [{ id: 'a1', extra: 'dropped' }], configOf(schema, {}));
    const items = s[spec.attribute] as ObjectValue[];
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]!).sort()).toEqual(Object.keys(spec.item.object).sort());
    expect(items[0]!.id).toBe('a1');
    expect(items[0]![first]).toBeNull();
  });

  test('the read sends filter and search and returns every item in API order', async () => {
    const asked: unknown[] = [];
    const items = [{ id: 'b' }, { id: 'a' }];
    const collection = { listAll: (q: unknown) => (asked.push(q), Promise.resolve(items)) };
    const client = { providers: collection, tenants: collection, dealers: collection, transports: collection };
    const ctx = { provider: { client }, signal: new AbortController().signal } as never;
    const config = configOf(schema, { filter: "name eq 'x'", search: 'acme' });
    const r = await portsipDataSources[typeName]!.read(config, ctx);
    expect(asked).toEqual([{ filter: "name eq 'x'", search: 'acme' }]);
    expect(r.diagnostics ?? []).toEqual([]);
    expect((r.state![spec.attribute] as ObjectValue[]).map((i) => i.id)).toEqual(['b', 'a']);
    expect(r.state!.id).toBe("filter=name eq 'x';search=acme");
  });

  test("an API error is an error diagnostic carrying the server's reason", async () => {
    const fail = new ValidationError({
      status: 400,
      code: 'VALIDATE_FAILED',
      rawCode: 'VALIDATE_FAILED',
      message: 'GET /x: HTTP 400 VALIDATE_FAILED: field validation failed (field: filter)',
      detail: { field: 'filter', reason: "unknown operator 'frobnicate'" },
      method: 'GET',
      path: '/x',
    });
    const collection = { listAll: () => Promise.reject(fail) };
    const client = { providers: collection, tenants: collection, dealers: collection, transports: collection };
    const r = await portsipDataSources[typeName]!.read(configOf(schema, { filter: 'port frobnicate 1' }), {
      provider: { client },
      signal: new AbortController().signal,
    } as never);
    expect(r.state).toBeNull();
    expect(errors(r.diagnostics!)).toHaveLength(1);
    expect(r.diagnostics![0]!.summary).toBe(`Cannot read data.${typeName}`);
    expect(r.diagnostics![0]!.detail).toContain("unknown operator 'frobnicate'");
  });
});

test('query and id: blank parts are left out; the id names the query', () => {
  const schema = listSchema(TRUNKS_LIST);
  expect(toQuery(configOf(schema, {}))).toEqual({});
  expect(toQuery(configOf(schema, { search: 'twilio' }))).toEqual({ search: 'twilio' });
  expect(queryId(configOf(schema, {}))).toBe('all');
  expect(queryId(configOf(schema, { search: 'twilio' }))).toBe('filter=;search=twilio');
});

test('validation: blank filter/search and unbalanced quotes or parentheses are refused, naming the attribute', () => {
  const schema = listSchema(TENANTS_LIST);
  expect(validateList(configOf(schema, { filter: "domain eq 'a.example'", search: 'acme' }))).toEqual([]);
  const quote = errors(validateList(configOf(schema, { filter: "domain eq 'a.example" })));
  expect(quote).toHaveLength(1);
  expect(quote[0]!.path).toEqual(['filter']);
  expect(quote[0]!.detail).toMatch(/balanced single quotes/);
  expect(errors(validateList(configOf(schema, { filter: "(domain eq 'a'" })))[0]!.detail).toMatch(/balanced parentheses/);
  expect(errors(validateList(configOf(schema, { search: '  ' })))[0]!.path).toEqual(['search']);
});
