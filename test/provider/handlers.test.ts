// The RPC handlers on plain protobuf-object requests (no gRPC): the protocol work the server
// does for every resource.
import { encodeMsgpackObject, decodeMsgpackObject } from '../../src/provider/codec';
import type { ProviderDefinition, ResourceDefinition } from '../../src/provider/definition';
import { DiagnosticsError } from '../../src/provider/diagnostics';
import { createProviderHandlers } from '../../src/provider/handlers';
import { createLogger } from '../../src/provider/logger';
import type { Schema } from '../../src/provider/schema';
import { UNKNOWN, type ObjectValue } from '../../src/provider/values';

const schema: Schema = {
  version: 2,
  block: {
    attributes: {
      id: { type: 'string', computed: true, description: '' },
      name: { type: 'string', required: true, description: '' },
      secret: { type: 'string', optional: true, writeOnly: true, description: '' },
      old: { type: 'string', optional: true, deprecated: true, description: '' },
    },
    blocks: {
      item: { nesting: 'list', block: { attributes: { pw: { type: 'string', optional: true, writeOnly: true, description: '' } } } },
    },
  },
};
const block = schema.block;
const dv = (v: ObjectValue | null) => ({ msgpack: encodeMsgpackObject(block, v) });
const val = (d: { msgpack?: Uint8Array } | undefined) => decodeMsgpackObject(block, d?.msgpack);

interface Calls {
  last?: unknown;
  signal?: AbortSignal;
}

function setup(over: Partial<ResourceDefinition<{ token: string }>> = {}) {
  const calls: Calls = {};
  const thing: ResourceDefinition<{ token: string }> = {
    schema,
    async plan(req) {
      calls.last = req;
      return { planned: { ...req.proposed } };
    },
    async apply(req, ctx) {
      calls.last = req;
      calls.signal = ctx.signal;
      if (req.action === 'delete') return { newState: null };
      return { newState: { ...req.planned!, id: 'x1' } };
    },
    async read(req, ctx) {
      calls.last = { req, token: ctx.provider.token };
      return { newState: req.current };
    },
    ...over,
  };
  const def: ProviderDefinition<{ token: string }> = {
    typeName: 'test',
    schema: { version: 0, block: { attributes: { token: { type: 'string', optional: true, description: '' } } } },
    async configure(config) {
      if (config.token === 'bad') return { diagnostics: [{ severity: 'error', summary: 'bad token' }] };
      return { context: { token: String(config.token) } };
    },
    resources: { test_thing: thing },
    dataSources: {},
  };
  const lines: string[] = [];
  const { handlers, signal } = createProviderHandlers(def, { logger: createLogger({ level: 'error', write: (l) => lines.push(l) }) });
  const configure = () =>
    handlers.ConfigureProvider({
      terraform_version: '1.11.4',
      config: { msgpack: encodeMsgpackObject(def.schema.block, { token: 't0k' }) },
      client_capabilities: { write_only_attributes_allowed: true },
    });
  return { handlers, signal, calls, configure, lines };
}

test('GetProviderSchema: schemas, capabilities, write_only flag, cached', async () => {
  const { handlers } = setup();
  const r = (await handlers.GetProviderSchema({})) as any;
  expect(r.server_capabilities).toEqual({ plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false });
  const attrs = r.resource_schemas.test_thing.block.attributes;
  expect(r.resource_schemas.test_thing.version).toBe(2);
  expect(attrs.find((a: any) => a.name === 'secret')).toMatchObject({ write_only: true, optional: true, description_kind: 1 });
  expect(Buffer.from(attrs[0].type).toString()).toBe('"string"');
  expect(r.resource_schemas.test_thing.block.block_types[0]).toMatchObject({ type_name: 'item', nesting: 2 });
  expect(r.diagnostics).toEqual([]);
  expect(await handlers.GetProviderSchema({})).toBe(r);
  const m = (await handlers.GetMetadata({})) as any;
  expect(m.resources).toEqual([{ type_name: 'test_thing' }]);
});

test('CRUD before ConfigureProvider is an error diagnostic, not a crash', async () => {
  const { handlers } = setup();
  const r = (await handlers.ReadResource({ type_name: 'test_thing', current_state: dv({ id: 'a', name: 'n' }) })) as any;
  expect(r.diagnostics[0]).toMatchObject({ severity: 1, summary: 'Provider not configured' });
});

test('ConfigureProvider errors keep the provider unconfigured', async () => {
  const { handlers } = setup();
  const r = (await handlers.ConfigureProvider({
    config: {
      msgpack: encodeMsgpackObject({ attributes: { token: { type: 'string', optional: true, description: '' } } }, { token: 'bad' }),
    },
  })) as any;
  expect(r.diagnostics[0].summary).toBe('bad token');
  const rr = (await handlers.ReadResource({ type_name: 'test_thing', current_state: dv({ id: 'a', name: 'n' }) })) as any;
  expect(rr.diagnostics[0].summary).toBe('Provider not configured');
});

test('ReadResource passes the configured context and echoes private when none is returned', async () => {
  const { handlers, calls, configure } = setup();
  await configure();
  const r = (await handlers.ReadResource({
    type_name: 'test_thing',
    current_state: dv({ id: 'a', name: 'n' }),
    private: Buffer.from('p1'),
  })) as any;
  expect((calls.last as any).token).toBe('t0k');
  expect(Buffer.from(r.private).toString()).toBe('p1');
  expect(val(r.new_state)).toEqual({ id: 'a', name: 'n', secret: null, old: null, item: [] });
});

test('PlanResourceChange nulls write-only values at any depth and echoes prior_private', async () => {
  const { handlers, calls, configure } = setup();
  await configure();
  const proposed = { id: null, name: 'n', secret: 's3', old: null, item: [{ pw: 'p' }] };
  const r = (await handlers.PlanResourceChange({
    type_name: 'test_thing',
    prior_state: dv(null),
    proposed_new_state: dv(proposed),
    config: dv(proposed),
    prior_private: Buffer.from('pp'),
  })) as any;
  expect((calls.last as any).prior).toBeNull();
  expect((calls.last as any).config.secret).toBe('s3');
  expect(val(r.planned_state)).toEqual({ id: null, name: 'n', secret: null, old: null, item: [{ pw: null }] });
  expect(Buffer.from(r.planned_private).toString()).toBe('pp');
  expect(r.requires_replace).toEqual([]);
});

test('PlanResourceChange returns requires_replace as AttributePaths', async () => {
  const { handlers, configure } = setup({
    async plan(req) {
      return { planned: req.proposed, requiresReplace: [['name'], ['item', 0, 'pw'], ['m', { key: 'k' }]] };
    },
  });
  await configure();
  const v = { id: 'a', name: 'n', secret: null, old: null, item: [] };
  const r = (await handlers.PlanResourceChange({
    type_name: 'test_thing',
    prior_state: dv(v),
    proposed_new_state: dv(v),
    config: dv(v),
  })) as any;
  expect(r.requires_replace).toEqual([
    { steps: [{ attribute_name: 'name' }] },
    { steps: [{ attribute_name: 'item' }, { element_key_int: 0 }, { attribute_name: 'pw' }] },
    { steps: [{ attribute_name: 'm' }, { element_key_string: 'k' }] },
  ]);
});

test('destroy plan (proposed null) never reaches the resource', async () => {
  const { handlers, calls, configure } = setup();
  await configure();
  const r = (await handlers.PlanResourceChange({
    type_name: 'test_thing',
    prior_state: dv({ id: 'a', name: 'n' }),
    proposed_new_state: dv(null),
    config: dv(null),
  })) as any;
  expect(calls.last).toBeUndefined();
  expect(Buffer.from(r.planned_state.msgpack).toString('hex')).toBe('c0');
});

test('ApplyResourceChange: action, write-only stripped, unknowns caught, private echoed', async () => {
  const { handlers, calls, configure } = setup();
  await configure();
  const planned = { id: UNKNOWN, name: 'n', secret: null, old: null, item: [] } as ObjectValue;
  const r = (await handlers.ApplyResourceChange({
    type_name: 'test_thing',
    prior_state: dv(null),
    planned_state: dv(planned),
    config: dv({ ...planned, id: null, secret: 'pw' }),
    planned_private: Buffer.from('pp'),
  })) as any;
  expect((calls.last as any).action).toBe('create');
  expect((calls.last as any).config.secret).toBe('pw');
  expect(val(r.new_state)).toEqual({ id: 'x1', name: 'n', secret: null, old: null, item: [] });
  expect(Buffer.from(r.private).toString()).toBe('pp');
  expect(r.diagnostics).toEqual([]);

  const del = (await handlers.ApplyResourceChange({
    type_name: 'test_thing',
    prior_state: dv({ id: 'x1', name: 'n' }),
    planned_state: dv(null),
    config: dv(null),
  })) as any;
  expect((calls.last as any).action).toBe('delete');
  expect(Buffer.from(del.new_state.msgpack).toString('hex')).toBe('c0');
});

test('a new state with unknowns is recorded with nulls and an error', async () => {
  const { handlers, configure } = setup({
    async apply(req) {
      return { newState: { ...req.planned!, secret: 'leak' } };
    },
  });
  await configure();
  const planned = { id: UNKNOWN, name: 'n', secret: null, old: null, item: [] } as ObjectValue;
  const r = (await handlers.ApplyResourceChange({
    type_name: 'test_thing',
    prior_state: dv(null),
    planned_state: dv(planned),
    config: dv({ ...planned, id: null }),
  })) as any;
  expect(val(r.new_state)).toEqual({ id: null, name: 'n', secret: null, old: null, item: [] });
  expect(r.diagnostics[0]).toMatchObject({ severity: 1, summary: 'Provider returned an incomplete object' });
});

test('thrown errors become error diagnostics (DiagnosticsError keeps its own)', async () => {
  const { handlers, configure } = setup({
    async read() {
      throw new Error('boom');
    },
    async plan() {
      throw new DiagnosticsError([{ severity: 'error', summary: 'Conflict', detail: 'exists', path: ['name'] }]);
    },
  });
  await configure();
  const v = { id: 'a', name: 'n', secret: null, old: null, item: [] };
  const r = (await handlers.ReadResource({ type_name: 'test_thing', current_state: dv(v) })) as any;
  expect(r.diagnostics).toEqual([{ severity: 1, summary: 'ReadResource failed', detail: 'boom' }]);
  const p = (await handlers.PlanResourceChange({
    type_name: 'test_thing',
    prior_state: dv(v),
    proposed_new_state: dv(v),
    config: dv(v),
  })) as any;
  expect(p.diagnostics).toEqual([
    { severity: 1, summary: 'Conflict', detail: 'exists', attribute: { steps: [{ attribute_name: 'name' }] } },
  ]);
  // undecodable input
  const bad = (await handlers.ReadResource({
    type_name: 'test_thing',
    current_state: { msgpack: Buffer.from([0x81, 0xa2, 0x69, 0x64, 0x05]) },
  })) as any;
  expect(bad.diagnostics[0].summary).toMatch(/cannot decode/);
});

test('unknown type names answer with a diagnostic', async () => {
  const { handlers } = setup();
  for (const rpc of [
    'ValidateResourceConfig',
    'ReadResource',
    'PlanResourceChange',
    'ApplyResourceChange',
    'ImportResourceState',
    'UpgradeResourceState',
  ] as const) {
    const r = (await handlers[rpc]({ type_name: 'test_nope' })) as any;
    expect(r.diagnostics[0].summary).toBe('Unknown resource type');
  }
  const d = (await handlers.ReadDataSource({ type_name: 'test_nope' })) as any;
  expect(d.diagnostics[0].summary).toBe('Unknown data source type');
});

test('UpgradeResourceState: same version hands raw JSON back untouched', async () => {
  const { handlers } = setup();
  const json = Buffer.from('{"id":"a","name":"n","big":18446744073709551615,"extra":{"value":1,"type":"number"}}');
  const r = (await handlers.UpgradeResourceState({ type_name: 'test_thing', version: 2, raw_state: { json } })) as any;
  expect(r.upgraded_state.json).toBe(json);
  const newer = (await handlers.UpgradeResourceState({ type_name: 'test_thing', version: 3, raw_state: { json } })) as any;
  expect(newer.diagnostics[0].summary).toMatch(/newer provider/);
});

test('UpgradeResourceState: older version via upgradeState, or lenient decode', async () => {
  const json = Buffer.from('{"id":"a","name_old":"n","gone":1}');
  const lenient = setup();
  const r = (await lenient.handlers.UpgradeResourceState({ type_name: 'test_thing', version: 1, raw_state: { json } })) as any;
  expect(val(r.upgraded_state)).toEqual({ id: 'a', name: null, secret: null, old: null, item: [] });

  const custom = setup({
    async upgradeState(req) {
      const raw = req.rawState as Record<string, unknown>;
      return { state: { id: raw.id as string, name: raw.name_old as string, secret: null, old: null, item: [] } };
    },
  });
  const r2 = (await custom.handlers.UpgradeResourceState({ type_name: 'test_thing', version: 0, raw_state: { json } })) as any;
  expect(val(r2.upgraded_state)).toMatchObject({ id: 'a', name: 'n' });
});

test('ImportResourceState: refused without importState; state and private returned with it', async () => {
  const a = setup();
  await a.configure();
  const r = (await a.handlers.ImportResourceState({ type_name: 'test_thing', id: 'x' })) as any;
  expect(r.diagnostics[0].summary).toBe('Import not supported');

  const b = setup({
    async importState(id) {
      return { state: { id }, private: Buffer.from('imp') };
    },
  });
  await b.configure();
  const r2 = (await b.handlers.ImportResourceState({ type_name: 'test_thing', id: 'x9' })) as any;
  expect(r2.imported_resources).toHaveLength(1);
  expect(r2.imported_resources[0].type_name).toBe('test_thing');
  expect(val(r2.imported_resources[0].state)).toEqual({ id: 'x9', name: null, secret: null, old: null, item: [] });
  expect(Buffer.from(r2.imported_resources[0].private).toString()).toBe('imp');
});

test('ValidateResourceConfig: write-only rejected for old Terraform; deprecated warns; unknowns pass', async () => {
  const { handlers } = setup();
  const cfg = { id: null, name: UNKNOWN, secret: 'x', old: 'o', item: [] } as ObjectValue;
  const oldTf = (await handlers.ValidateResourceConfig({ type_name: 'test_thing', config: dv(cfg) })) as any;
  expect(oldTf.diagnostics.map((d: any) => [d.severity, d.summary])).toEqual([
    [1, 'Write-only attribute not supported'],
    [2, 'Deprecated attribute'],
  ]);
  const newTf = (await handlers.ValidateResourceConfig({
    type_name: 'test_thing',
    config: dv(cfg),
    client_capabilities: { write_only_attributes_allowed: true },
  })) as any;
  expect(newTf.diagnostics).toHaveLength(1);
  expect(newTf.diagnostics[0].attribute).toEqual({ steps: [{ attribute_name: 'old' }] });
});

test('StopProvider aborts the signal handed to in-flight work', async () => {
  let release!: () => void;
  const started = new Promise<void>((res) => (release = res));
  const { handlers, configure, signal } = setup({
    async apply(_req, ctx) {
      release();
      await new Promise<void>((res) => ctx.signal.addEventListener('abort', () => res()));
      return { newState: null, diagnostics: [{ severity: 'error', summary: 'interrupted' }] };
    },
  });
  await configure();
  const pending = handlers.ApplyResourceChange({
    type_name: 'test_thing',
    prior_state: dv({ id: 'a', name: 'n' }),
    planned_state: dv(null),
    config: dv(null),
  });
  await started;
  expect(await handlers.StopProvider({})).toEqual({});
  expect(signal.aborted).toBe(true);
  const r = (await pending) as any;
  expect(r.diagnostics[0].summary).toBe('interrupted');
});

test('optional RPCs answer cleanly', async () => {
  const { handlers } = setup();
  expect(await handlers.GetFunctions({})).toEqual({ diagnostics: [] });
  expect(((await handlers.CallFunction({ name: 'f' })) as any).error.text).toMatch(/no functions/);
  expect(((await handlers.MoveResourceState({ target_type_name: 'test_thing' })) as any).diagnostics[0].summary).toBe('Move not supported');
  for (const rpc of [
    'ValidateEphemeralResourceConfig',
    'OpenEphemeralResource',
    'RenewEphemeralResource',
    'CloseEphemeralResource',
  ] as const) {
    expect(((await handlers[rpc]({ type_name: 'e' })) as any).diagnostics[0].summary).toBe('Unknown ephemeral resource type');
  }
  expect(await handlers.GetResourceIdentitySchemas({})).toEqual({ diagnostics: [] });
});
