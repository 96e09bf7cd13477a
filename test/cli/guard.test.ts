// `portsip guard` on plan JSON built here: shares of deletes and replaces per type against the prior
// state, --protect, several types at once, --allow, and the text and Markdown reports.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProgram } from '../../src/cli/main';
import { runGuard, type GuardFlags } from '../../src/cli/guard';
import { GUARD_DEFAULTS, guardReport } from '../../src/cli/report/guard';
import type { PlanJson } from '../../src/cli/report/plan-json';
import { renderGuardMarkdown } from '../../src/cli/report/render/markdown';

type Values = Record<string, unknown>;
const values: Record<string, (i: number) => Values> = {
  portsip_ip_rule: (i) => ({ cidr: `10.0.${Math.floor(i / 256)}.${i % 256}/32`, target: 'ACCEPT' }),
  portsip_tenant: (i) => ({ domain: `t${i}.example.com` }),
  portsip_dealer: (i) => ({ name: `dealer-${i}` }),
  portsip_transport: (i) => ({ protocol: 'TCP', port: 6000 + i }),
};

/** A plan over `counts` objects per type in prior state, with `actions[type][i]` for object i. */
function plan(counts: Record<string, number>, actions: Record<string, Record<number, string[]>>): PlanJson {
  const resources = Object.entries(counts).flatMap(([type, n]) =>
    Array.from({ length: n }, (_, i) => ({
      address: `${type}.r[${i}]`,
      mode: 'managed' as const,
      type,
      name: 'r',
      index: i,
      values: values[type]!(i),
    })),
  );
  const resource_changes = Object.entries(actions).flatMap(([type, byIndex]) =>
    Object.entries(byIndex).map(([i, a]) => ({
      address: `${type}.r[${i}]`,
      mode: 'managed' as const,
      type,
      name: 'r',
      change: {
        actions: a as never,
        before: a.includes('create') && !a.includes('delete') ? null : values[type]!(Number(i)),
        after: a.includes('delete') && !a.includes('create') ? null : {},
      },
    })),
  );
  return { format_version: '1.2', prior_state: { values: { root_module: { resources } } }, resource_changes };
}
const deleting = (n: number, from = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [from + i, ['delete']]));
const replacing = (n: number, from = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [from + i, ['delete', 'create']]));

async function guard(p: PlanJson, flags: Partial<GuardFlags> = {}) {
  const file = path.join(os.tmpdir(), `guard-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(p));
  const io = { cwd: os.tmpdir(), env: {}, out: '', err: '', stdout: (s: string) => (io.out += s), stderr: (s: string) => (io.err += s) };
  try {
    const code = await runGuard({ planJson: file, format: [], terraform: 'terraform', ...GUARD_DEFAULTS, ...flags }, io);
    return { code, out: io.out, err: io.err };
  } finally {
    fs.rmSync(file);
  }
}

test.each([
  [0, 0],
  [29, 0],
  [30, 0],
  [31, 3],
  [100, 3],
])('deleting %i of 100 IP rules exits %i (default limit 30 %%)', async (n, code) => {
  const r = await guard(plan({ portsip_ip_rule: 100 }, { portsip_ip_rule: deleting(n) }));
  expect(r.code).toBe(code);
  if (code === 3) {
    expect(r.out).toContain(
      `IP rule (portsip_ip_rule): deletes ${n} of 100 IP rules (${n} %), more than the 30 % allowed (--max-delete-percent)`,
    );
    expect(r.out).toContain('  - 10.0.0.0/32  (portsip_ip_rule.r[0])');
    expect(r.err).toMatch(/rerun with --allow/);
  } else {
    expect(r.out).toMatch(/^Guard passed/);
  }
});

test('--allow lets a reviewed plan through and still says what it breaks', async () => {
  const r = await guard(plan({ portsip_ip_rule: 100 }, { portsip_ip_rule: deleting(100) }), { allow: true });
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^Guard overridden \(--allow\): the plan deletes 100 and replaces 0 managed objects; 1 limit broken/);
  expect(r.out).toContain('deletes 100 of 100 IP rules (100 %)');
});

test('replaces count against their own limit, not the delete limit', async () => {
  const p = plan({ portsip_transport: 10 }, { portsip_transport: { ...replacing(4), ...deleting(2, 4) } });
  const r = guardReport(p, GUARD_DEFAULTS);
  expect(r.types[0]).toMatchObject({ type: 'portsip_transport', prior: 10 });
  expect(r.types[0]!.replaces.map((o) => o.key)).toEqual(['TCP:6000', 'TCP:6001', 'TCP:6002', 'TCP:6003']);
  expect(r.types[0]!.deletes).toHaveLength(2);
  expect(r.violations.map((v) => [v.kind, v.reason])).toEqual([
    ['replace', 'replaces 4 of 10 transports (40 %), more than the 30 % allowed (--max-replace-percent)'],
  ]);
  expect((await guard(p, { maxReplacePercent: 40 })).code).toBe(0);
  expect((await guard(p, { maxReplacePercent: 39.9 })).code).toBe(3);
  expect((await guard(p, { maxDeletePercent: 10, maxReplacePercent: 50 })).code).toBe(3);
});

test('--protect: any delete or replace of a protected type fails, however small the share', async () => {
  const p = plan({ portsip_tenant: 50, portsip_ip_rule: 10 }, { portsip_tenant: replacing(1, 7), portsip_ip_rule: deleting(1) });
  expect((await guard(p)).code).toBe(0);
  const r = await guard(p, { protect: ['portsip_tenant'] });
  expect(r.code).toBe(3);
  expect(r.out).toContain('tenant (portsip_tenant): deletes or replaces 1 tenant, a protected type (--protect portsip_tenant)');
  expect(r.out).toContain('  - t7.example.com  (portsip_tenant.r[7])');
  expect(r.out).not.toContain('portsip_ip_rule): deletes');
  expect((await guard(p, { protect: ['portsip_dealer'] })).code).toBe(0);
});

test('several types: each against its own prior count; only the type over the limit is named', async () => {
  const p = plan(
    { portsip_ip_rule: 100, portsip_dealer: 4, portsip_tenant: 20 },
    { portsip_ip_rule: deleting(10), portsip_dealer: deleting(2), portsip_tenant: { 30: ['create'], 31: ['create'] } },
  );
  const r = guardReport(p, GUARD_DEFAULTS);
  expect(r.violations.map((v) => v.type)).toEqual(['portsip_dealer']);
  expect(r.violations[0]!.objects.map((o) => `${o.key} ${o.address}`)).toEqual([
    'dealer-0 portsip_dealer.r[0]',
    'dealer-1 portsip_dealer.r[1]',
  ]);
  expect(r.types.find((t) => t.type === 'portsip_tenant')).toMatchObject({ prior: 20, creates: 2, deletes: [] });
  const md = renderGuardMarkdown(r, false);
  expect(md).toContain('### PortSIP guard: stopped the plan');
  expect(md).toContain('**dealer** (`portsip_dealer`): deletes 2 of 4 dealers (50 %), more than the 30 % allowed (--max-delete-percent)');
  expect(md).toContain('- `dealer-0` (`portsip_dealer.r[0]`)');
  expect(md).toContain('| IP rule (`portsip_ip_rule`) | 100 | 10 (10 %) | 0 (0 %) | 0 | 0 |');
  expect(md).toContain('| tenant (`portsip_tenant`) | 20 | 0 (0 %) | 0 (0 %) | 2 | 0 |');
});

test('long object lists fold into <details> in Markdown', async () => {
  const r = await guard(plan({ portsip_ip_rule: 100 }, { portsip_ip_rule: deleting(31) }), { format: ['markdown'] });
  expect(r.code).toBe(3);
  expect(r.out).toContain('<details><summary>31 IP rules</summary>');
  expect(r.out.match(/^- `10\.0\.0\.\d+\/32`/gm)).toHaveLength(31);
});

test('a plan of new objects only, and a --max-delete-percent of 0', async () => {
  expect((await guard(plan({}, { portsip_ip_rule: { 0: ['create'] } }))).code).toBe(0);
  expect((await guard(plan({ portsip_ip_rule: 100 }, { portsip_ip_rule: deleting(1) }), { maxDeletePercent: 0 })).code).toBe(3);
});

test('bad arguments and inputs: exit 1 with what is wrong', async () => {
  const p = plan({ portsip_ip_rule: 1 }, {});
  const io = { cwd: os.tmpdir(), env: {}, out: '', err: '', stdout: (s: string) => (io.out += s), stderr: (s: string) => (io.err += s) };
  expect(await runGuard({ format: [], terraform: 'terraform', ...GUARD_DEFAULTS }, io)).toBe(1);
  expect(io.err).toBe('portsip guard: error: give exactly one of --plan PLANFILE (a saved plan) and --plan-json FILE\n');
  expect((await guard(p, { format: ['sarif'] })).err).toMatch(/unknown --format "sarif"; allowed: text, markdown/);
  // Commander errors throw instead of exiting, on the subcommand too.
  const program = () => {
    const p = buildProgram();
    for (const c of [p, ...p.commands]) c.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
    return p;
  };
  await expect(program().parseAsync(['node', 'portsip', 'guard', '--plan-json', 'x', '--max-delete-percent', 'lots'])).rejects.toThrow(
    /--max-delete-percent must be a number from 0 to 100; got "lots"/,
  );
  await expect(program().parseAsync(['node', 'portsip', 'guard', '--plan-json', 'x', '--protect', 'Tenants!'])).rejects.toThrow(
    /--protect takes resource types such as portsip_tenant; got "Tenants!"/,
  );
});

test('--help documents formats and exit codes', () => {
  const help = (cmd: string) =>
    buildProgram()
      .commands.find((c) => c.name() === cmd)!
      .helpInformation();
  let text = '';
  const capture = (cmd: string) => {
    const c = buildProgram().commands.find((x) => x.name() === cmd)!;
    c.configureOutput({ writeOut: (s) => (text += s) });
    c.outputHelp();
    return text;
  };
  expect(help('guard')).toMatch(/--max-delete-percent/);
  const guardHelp = capture('guard');
  expect(guardHelp).toMatch(/Exit codes:\n\s+0 .*\n\s+3 .*\n\s+1 /);
  expect(guardHelp).toMatch(/Formats .*text, markdown/);
  text = '';
  const driftHelp = capture('drift');
  for (const f of ['text', 'markdown', 'json', 'sarif', 'junit']) expect(driftHelp).toMatch(new RegExp(`^  ${f} `, 'm'));
  expect(driftHelp).toMatch(/Exit codes:\n\s+0 {2}no drift.*\n\s+2 {2}drift.*\n\s+1 {2}error/);
});
