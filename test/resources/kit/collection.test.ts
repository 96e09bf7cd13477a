// The kit's collection mode (src/resources/kit/collection.ts) through a real collection resource
// (portsip_ip_rule) against the in-process emulator, with the real client and a fresh provider
// context per test (a new provider process): create, read, update, delete, import by id and by
// natural key (importRef's readings), and the "already exists" conflict error.
import { PortsipClient } from '../../../src/client';
import { startEmulator, type EmulatorHandle } from '../../../src/emulator';
import type { ApplyResponse, ResourceContext } from '../../../src/provider/definition';
import { UNKNOWN, type ObjectValue, type Value } from '../../../src/provider/values';
import type { PortsipContext } from '../../../src/resources/common/context';
import type { ReadCoalescer } from '../../../src/resources/common/read-cache';
import { ipRuleResource, ipRuleSchema } from '../../../src/resources/ip-rule';
import { configOf, providerContext, resourceCtx } from '../helpers';

const PASSWORD = 'Adm1n-crud-S3cret';
let emu: EmulatorHandle;
const clients: PortsipClient[] = [];

beforeAll(async () => {
  emu = await startEmulator({ port: 0, adminPassword: PASSWORD });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await emu.close();
});

function client(): PortsipClient {
  const c = new PortsipClient({ endpoint: emu.url, username: 'admin', password: PASSWORD });
  clients.push(c);
  return c;
}

/** A provider context as ConfigureProvider builds it, with the journal in a temporary folder. */
function newCtx(): ResourceContext<PortsipContext> & { provider: PortsipContext & { reads: ReadCoalescer } } {
  return resourceCtx(providerContext(client(), PASSWORD), 'portsip_ip_rule');
}

const rulesWith = (cidr: string) => emu.state().collections.ipRules.filter((r) => r.cidr === cidr);

async function planAndCreate(values: ObjectValue, ctx = newCtx()): Promise<ApplyResponse> {
  const config = configOf(ipRuleSchema, values);
  const { planned } = await ipRuleResource.plan({ prior: null, proposed: config, config, priorPrivate: Buffer.alloc(0) }, ctx);
  expect(planned.id).toBe(UNKNOWN);
  return ipRuleResource.apply({ action: 'create', prior: null, planned, config, plannedPrivate: Buffer.alloc(0) }, ctx);
}

async function created(values: ObjectValue): Promise<ObjectValue & { id: Value }> {
  const r = await planAndCreate(values);
  expect(r.diagnostics ?? []).toEqual([]);
  const s = r.newState;
  if (!s || s.id === undefined) throw new Error('create returned no state with an id');
  return { ...s, id: s.id };
}

describe('create, read, update, delete', () => {
  test('create sends the object and returns the state read back, with the new id', async () => {
    const s = await created({ cidr: '198.51.100.0/24', target: 'DENY', description: 'office' });
    expect(typeof s.id).toBe('string');
    expect(s).toMatchObject({ cidr: '198.51.100.0/24', target: 'DENY', description: 'office' });
    expect(rulesWith('198.51.100.0/24')).toEqual([expect.objectContaining({ id: s.id, target: 'DENY', description: 'office' })]);
  });

  test('read returns the live object, and null once it is gone', async () => {
    const s = await created({ cidr: '198.51.101.0/24', target: 'ACCEPT' });
    const ctx = newCtx();
    const r = await ipRuleResource.read({ current: s, private: Buffer.alloc(0) }, ctx);
    expect(r.newState).toEqual(s);
    await client().ipRules.delete(String(s.id));
    // A new provider process (a new command): its snapshot is taken after the delete.
    expect((await ipRuleResource.read({ current: s, private: Buffer.alloc(0) }, newCtx())).newState).toBeNull();
  });

  test('update sends the change and returns the planned state', async () => {
    const prior = await created({ cidr: '198.51.102.0/24', target: 'DENY', description: 'old' });
    const ctx = newCtx();
    const config = configOf(ipRuleSchema, { cidr: '198.51.102.0/24', target: 'DENY', description: 'new' });
    const plan = await ipRuleResource.plan({ prior, proposed: { ...config, id: prior.id }, config, priorPrivate: Buffer.alloc(0) }, ctx);
    expect(plan.requiresReplace ?? []).toEqual([]);
    const r = await ipRuleResource.apply({ action: 'update', prior, planned: plan.planned, config, plannedPrivate: Buffer.alloc(0) }, ctx);
    expect(r.diagnostics ?? []).toEqual([]);
    expect(r.newState).toMatchObject({ id: prior.id, description: 'new' });
    expect(rulesWith('198.51.102.0/24')).toEqual([expect.objectContaining({ id: prior.id, description: 'new' })]);
  });

  test('delete removes the object; deleting one already gone is success', async () => {
    const prior = await created({ cidr: '198.51.103.0/24', target: 'DENY' });
    const del = () =>
      ipRuleResource.apply({ action: 'delete', prior, planned: null, config: null, plannedPrivate: Buffer.alloc(0) } as never, newCtx());
    expect(await del()).toEqual({ newState: null });
    expect(rulesWith('198.51.103.0/24')).toEqual([]);
    expect(await del()).toEqual({ newState: null });
  });
});

describe('the "already exists" conflict', () => {
  test('an object made outside Terraform with the configured key: an error with an import block, nothing created or changed', async () => {
    const theirs = await client().ipRules.create({ cidr: '203.0.113.0/24', target: 'ACCEPT', description: 'by hand' });
    const r = await planAndCreate({ cidr: '203.0.113.0/24', target: 'DENY' });
    expect(r.newState).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics![0]!;
    expect(d.severity).toBe('error');
    expect(d.summary).toBe('An IP rule with cidr "203.0.113.0/24" already exists');
    expect(d.detail).toContain(`import {\n  to = portsip_ip_rule.NAME\n  id = "${theirs.id}"\n}`);
    expect(rulesWith('203.0.113.0/24')).toEqual([expect.objectContaining({ id: theirs.id, target: 'ACCEPT', description: 'by hand' })]);
  });
});

describe('import (importRef: which reading of the import id)', () => {
  const importId = async (raw: string) => ipRuleResource.importState!(raw, newCtx());

  test('by API id: an id-only state, filled by the read that follows', async () => {
    const s = await created({ cidr: '192.0.2.0/25', target: 'DENY', description: 'to import' });
    const r = await importId(String(s.id));
    expect(r.diagnostics ?? []).toEqual([]);
    expect(r.state).toEqual(configOf(ipRuleSchema, { id: s.id }));
    const read = await ipRuleResource.read({ current: r.state!, private: Buffer.alloc(0) }, newCtx());
    expect(read.newState).toMatchObject({ id: s.id, cidr: '192.0.2.0/25', target: 'DENY', description: 'to import' });
  });

  test('by natural key, bare or with the attribute prefix', async () => {
    const s = await created({ cidr: '192.0.2.128/25', target: 'ACCEPT' });
    expect((await importId('192.0.2.128/25')).state).toEqual(configOf(ipRuleSchema, { id: s.id }));
    expect((await importId('cidr=192.0.2.128/25')).state).toEqual(configOf(ipRuleSchema, { id: s.id }));
    expect((await importId('  192.0.2.128/25 ')).state).toEqual(configOf(ipRuleSchema, { id: s.id }));
  });

  test('"id=" forces the id reading, without a look-up', async () => {
    expect((await importId('id=whatever-the-pbx-calls-it')).state).toEqual(configOf(ipRuleSchema, { id: 'whatever-the-pbx-calls-it' }));
  });

  test('an id-shaped string is taken as an id, without a look-up', async () => {
    const idShaped = Buffer.from('700551909773148160').toString('base64');
    expect((await importId(idShaped)).state).toEqual(configOf(ipRuleSchema, { id: idShaped }));
  });

  test('a key that matches nothing, an empty id, and a key that matches two objects are errors', async () => {
    const none = await importId('10.250.0.0/16');
    expect(none.state).toBeNull();
    expect(none.diagnostics![0]).toMatchObject({ severity: 'error', summary: 'Cannot import non-existent remote object' });
    expect(none.diagnostics![0]!.detail).toContain('No IP rule matches "10.250.0.0/16"');

    const empty = await importId('   ');
    expect(empty.diagnostics![0]).toMatchObject({ severity: 'error', summary: 'Invalid import id' });

    // The `cidr=` form asks for a key: a value that is no CIDR is a bad key, not an id of the whole text.
    const bad = await importId('cidr=not-a-cidr');
    expect(bad.state).toBeNull();
    expect(bad.diagnostics![0]).toMatchObject({ severity: 'error', summary: 'Invalid import id' });
    expect(bad.diagnostics![0]!.detail).toContain('got "cidr=not-a-cidr"');

    // PortSIP documents no uniqueness of CIDRs: two rules may share one (the client's own check of
    // the key before a create is skipped by telling it nothing was there before).
    const a = await client().ipRules.create({ cidr: '10.251.0.0/16', target: 'DENY' });
    const b = await client().ipRules.create({ cidr: '10.251.0.0/16', target: 'ACCEPT' }, { before: [] });
    expect(rulesWith('10.251.0.0/16')).toHaveLength(2);
    const two = await importId('10.251.0.0/16');
    expect(two.state).toBeNull();
    expect(two.diagnostics![0]!.summary).toBe('More than one IP rule matches "10.251.0.0/16"');
    expect(two.diagnostics![0]!.detail).toContain(`"${a.id}"`);
    expect(two.diagnostics![0]!.detail).toContain(`"${b.id}"`);
  });
});
