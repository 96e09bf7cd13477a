// The drift report from plan JSON (data) and its five renderings, on the fixture captured from a
// real refresh-only plan against the emulator (test/acceptance/drift-cli.test.ts, UPDATE=1).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runDrift, type DriftFlags } from '../../src/cli/drift';
import { driftReport } from '../../src/cli/report/drift';
import { parsePlanJson, type PlanJson } from '../../src/cli/report/plan-json';
import { renderDriftJunit } from '../../src/cli/report/render/junit';
import { renderDriftSarif } from '../../src/cli/report/render/sarif';
import { diffPaths, formatPath, redact, SENSITIVE } from '../../src/cli/report/values';

const FIXTURE_DIR = path.resolve(__dirname, '..', 'fixtures', 'drift');
const fixtureText = fs.readFileSync(path.join(FIXTURE_DIR, 'plan-drift.json'), 'utf8');
const fixture = (): PlanJson => parsePlanJson(fixtureText, 'fixture');
const HOOK_PW = 'hooksecret4242'; // the webhook password of the captured configuration (write-only there)

const sarifSchema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// unicodeRegExp off: the schema's language-tag pattern has a stray "]" that only non-unicode regular expressions accept.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile<any>(sarifSchema);

function run(flags: Partial<DriftFlags>, cwd = FIXTURE_DIR) {
  const io = { cwd, env: {}, out: '', err: '', stdout: (s: string) => (io.out += s), stderr: (s: string) => (io.err += s) };
  return runDrift({ format: [], terraform: 'terraform-not-used', ...flags }, io).then((code) => ({ code, out: io.out, err: io.err }));
}

test('the captured plan: each drifted object by natural key, attribute by attribute, deletion included', () => {
  const r = driftReport(fixture());
  expect(r.objects).toHaveLength(7);
  expect(r.drifted.map((d) => [d.type, d.key, d.status, d.changes.map((c) => [c.path, c.before, c.after])])).toEqual([
    ['portsip_ip_rule', '192.0.2.0/24', 'deleted', []],
    ['portsip_system_settings', 'system settings', 'changed', [['user_agent', 'ACME PBX', 'Hand PBX']]],
    [
      'portsip_tenant',
      'acme.example.com',
      'changed',
      [
        ['max_concurrent_calls', expect.any(Number), 40],
        ['max_extensions', expect.any(Number), 120],
      ],
    ],
    ['portsip_transport', 'TLS:5061', 'changed', [['verification', 'OPTIONAL', 'MANDATORY']]],
  ]);
});

test('an entry Terraform lists in resource_drift with equal values is no drift (exit 0, whatever terraform said)', async () => {
  const plan = JSON.parse(fixtureText);
  // The updates with their values made equal (the deleted IP rule left out: it is not in this state).
  plan.resource_drift = plan.resource_drift.filter((rc: { change: { actions: string[] } }) => rc.change.actions[0] === 'update');
  for (const rc of plan.resource_drift) rc.change.after = rc.change.before;
  expect(plan.resource_drift).toHaveLength(3);
  const file = path.join(os.tmpdir(), `phantom-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(plan));
  try {
    const r = await run({ planJson: file });
    expect(r).toMatchObject({ code: 0, out: 'No drift: the PBX matches the Terraform state (6 managed objects checked).\n' });
  } finally {
    fs.rmSync(file);
  }
});

test('sensitive values are (sensitive) in every format; write-only attributes too', async () => {
  const plan = JSON.parse(fixtureText);
  const tenant = plan.resource_drift.find((rc: { type: string }) => rc.type === 'portsip_tenant');
  // A sensitive attribute changed on the PBX, with the masks Terraform writes for it.
  tenant.change.before.cdr_event.secret = HOOK_PW;
  tenant.change.after.cdr_event.secret = 'changedonpbx99';
  tenant.change.before_sensitive = { cdr_event: { secret: true } };
  tenant.change.after_sensitive = { cdr_event: { secret: true } };
  tenant.change.before.password_wo = 'never-shown-wo';
  tenant.change.after.password_wo = 'other-wo-value';
  const file = path.join(os.tmpdir(), `sensitive-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(plan));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sensitive-out-'));
  try {
    const r = await run({ planJson: file, format: ['text,markdown,json,sarif,junit'], outDir: out });
    expect(r.code).toBe(2);
    const files = fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
    expect(files).toHaveLength(5);
    for (const text of [...files, r.out, r.err]) {
      for (const secret of [HOOK_PW, 'changedonpbx99', 'never-shown-wo', 'other-wo-value']) expect(text).not.toContain(secret);
    }
    const txt = fs.readFileSync(path.join(out, 'portsip-drift.txt'), 'utf8');
    expect(txt).toContain('~ cdr_event.secret: (sensitive) -> (sensitive)');
    expect(txt).toContain('~ password_wo: (sensitive) -> (sensitive)');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'portsip-drift.json'), 'utf8'));
    const t = json.drifted.find((d: { type: string }) => d.type === 'portsip_tenant');
    expect(t.changes).toContainEqual({ attribute: 'cdr_event.secret', in_state: SENSITIVE, on_pbx: SENSITIVE, sensitive: true });
  } finally {
    fs.rmSync(file);
    fs.rmSync(out, { recursive: true });
  }
});

test('diffs go as deep as both sides share a shape; masks redact whole subtrees', () => {
  expect(diffPaths({ a: 1, b: { c: [1, 2], d: 'x' } }, { a: 1, b: { c: [1, 3], d: 'y' } }).map(formatPath)).toEqual(['b.c[1]', 'b.d']);
  expect(diffPaths({ l: [1, 2] }, { l: [1, 2, 3] }).map(formatPath)).toEqual(['l']);
  expect(diffPaths({ x: null }, { x: { y: 1 } }).map(formatPath)).toEqual(['x']);
  expect(redact({ a: 'p', b: { c: 's', d: 'ok' }, k_wo: null, l: ['x', 'y'] }, { b: { c: true }, l: [false, true] })).toEqual({
    a: 'p',
    b: { c: SENSITIVE, d: 'ok' },
    k_wo: SENSITIVE,
    l: ['x', SENSITIVE],
  });
  expect(redact({ a: 1 }, true)).toBe(SENSITIVE);
});

test('SARIF validates against the official SARIF 2.1.0 schema, located at the resource blocks', () => {
  const r = driftReport(fixture());
  r.drifted[1]!.source = { file: 'infra/main.tf', line: 72 };
  const log = JSON.parse(renderDriftSarif(r, { toolVersion: '0.1.0', workDir: 'infra' }));
  const ok = validateSarif(log);
  if (!ok) throw new Error(JSON.stringify(validateSarif.errors, null, 2));
  expect(log.runs[0].results).toHaveLength(5);
  expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual([
    'portsip-drift/portsip_ip_rule',
    'portsip-drift/portsip_system_settings',
    'portsip-drift/portsip_tenant',
    'portsip-drift/portsip_transport',
  ]);
  const settings = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'portsip-drift/portsip_system_settings');
  expect(settings.locations[0].physicalLocation).toEqual({
    artifactLocation: { uri: 'infra/main.tf', uriBaseId: '%SRCROOT%' },
    region: { startLine: 72 },
  });
  const noSource = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'portsip-drift/portsip_ip_rule');
  expect(noSource.locations[0].physicalLocation.artifactLocation.uri).toBe('infra/');
  // A broken log fails the same check, so the check is real.
  expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
  expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
});

test('SARIF of a clean run validates too, with no results', () => {
  const plan = fixture();
  plan.resource_drift = [];
  const log = JSON.parse(renderDriftSarif(driftReport(plan), { toolVersion: '0.1.0', workDir: '' }));
  expect(validateSarif(log)).toBe(true);
  expect(log.runs[0].results).toEqual([]);
});

test('JUnit XML: well-formed, a suite per type, a case per managed object, failed where drifted', () => {
  const xml = renderDriftJunit(driftReport(fixture()));
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
  expect(doc.testsuites).toMatchObject({ '@tests': '7', '@failures': '4', '@errors': '0' });
  const suites = [doc.testsuites.testsuite].flat();
  expect(suites.map((s: any) => [s['@name'], s['@tests'], s['@failures']])).toEqual([
    ['portsip_admin_user', '1', '0'],
    ['portsip_dealer', '1', '0'],
    ['portsip_ip_rule', '1', '1'],
    ['portsip_system_settings', '1', '1'],
    ['portsip_tenant', '1', '1'],
    ['portsip_transport', '1', '1'],
    ['portsip_trunk_assignment', '1', '0'],
  ]);
  const transport = suites.find((s: any) => s['@name'] === 'portsip_transport').testcase;
  expect(transport['@name']).toBe('transport TLS:5061 (portsip_transport.tls)');
  expect(transport.failure['@message']).toBe('drifted: verification');
  expect(transport.failure['#text']).toBe('verification: "OPTIONAL" (state) -> "MANDATORY" (PBX)');
});

test('JUnit escapes what XML cannot hold as is', () => {
  const plan = fixture();
  const t = plan.resource_drift!.find((rc) => rc.type === 'portsip_transport')!;
  (t.change.after as Record<string, unknown>).verification = 'a<b & "c"\u0001';
  const xml = renderDriftJunit(driftReport(plan));
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true }).parse(xml);
  const tc = [doc.testsuites.testsuite].flat().find((s: any) => s['@name'] === 'portsip_transport').testcase;
  expect(tc.failure['#text']).toContain('"a<b & \\"c\\"');
});

test('bad input is an error (exit 1, one line), never "no drift"', async () => {
  const bad = path.join(os.tmpdir(), `bad-${process.pid}.json`);
  try {
    fs.writeFileSync(bad, '{"format_version":"1.0","values":{}}');
    let r = await run({ planJson: bad });
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toMatch(/^portsip drift: error: .* looks like a state, not a plan/);
    fs.writeFileSync(bad, 'not json');
    r = await run({ planJson: bad });
    expect(r.err).toMatch(/is not JSON/);
    fs.writeFileSync(bad, JSON.stringify({ ...JSON.parse(fixtureText), errored: true }));
    expect((await run({ planJson: bad })).err).toMatch(/failed terraform run/);
    r = await run({ planJson: path.join(FIXTURE_DIR, 'plan-drift.json'), format: ['text,yaml'] });
    expect(r.err).toBe('portsip drift: error: unknown --format "yaml"; allowed: text, markdown, json, sarif, junit\n');
    r = await run({ planJson: path.join(FIXTURE_DIR, 'plan-drift.json'), format: ['text,json'] });
    expect(r.err).toMatch(/formats text, json would all go to stdout/);
    r = await run({ planJson: path.join(FIXTURE_DIR, 'plan-drift.json'), format: ['json'], out: ['a', 'b'] });
    expect(r.err).toMatch(/2 --out files for 1 format/);
    r = await run({ planJson: path.join(FIXTURE_DIR, 'plan-drift.json'), dir: 'no-such-dir' });
    expect(r.err).toMatch(/--dir no-such-dir: no such directory/);
    r = await run({ dir: '.', terraform: '/nonexistent/terraform' });
    expect(r).toMatchObject({
      code: 1,
      err: 'portsip drift: error: terraform not found: "/nonexistent/terraform" is not on PATH (use --terraform PATH)\n',
    });
  } finally {
    fs.rmSync(bad, { force: true });
  }
});

test('--out pairs with --format in order; "-" is stdout', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pairs-'));
  try {
    const r = await run({
      planJson: path.join(FIXTURE_DIR, 'plan-drift.json'),
      format: ['json', 'text'],
      out: [path.join(out, 'd.json'), '-'],
    });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^Drift: 4 of 7 managed objects drifted, 4 attributes changed on the PBX, 1 deleted on the PBX\./);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'd.json'), 'utf8')).drift).toBe(true);
  } finally {
    fs.rmSync(out, { recursive: true });
  }
});
