// `portsip drift` end to end: real terraform -> dist/provider.js -> the emulator, the CLI run as a
// user runs it (bin/portsip). One apply of every kind of object, then per type: one out-of-band
// change through the API, `portsip drift` in all five formats (exit 2, the object by its natural
// key, the attribute, both values), and a re-apply that puts the PBX back (exit 0 again).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { driftReport } from '../../src/cli/report/drift';
import { parsePlanJson } from '../../src/cli/report/plan-json';
import { runCli } from '../cli/run-cli';
import { ADMIN_PASSWORD, attrs, type Acceptance, startAcceptance } from './portsip';

jest.setTimeout(600_000);

const DEALER_PW = 'Dealer-Wo-Secret-41';
const ADMIN_USER_PW = 'AdminUser-Wo-Secret-42';
const HOOK_PW = 'hooksecret4242';
const SECRETS = [ADMIN_PASSWORD, DEALER_PW, ADMIN_USER_PW, HOOK_PW];
export const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'drift', 'plan-drift.json');

const config = (trunk: string) => `
variable "dealer_pw" {
  type      = string
  sensitive = true
  ephemeral = true
}
variable "admin_pw" {
  type      = string
  sensitive = true
  ephemeral = true
}
resource "portsip_dealer" "reseller" {
  name                = "acme-reseller"
  level               = "RESELLER"
  email               = "noc@acme.example"
  password_wo         = var.dealer_pw
  password_wo_version = 1
}
resource "portsip_tenant" "acme" {
  name      = "ACME"
  domain    = "acme.example.com"
  timezone  = "Europe/London"
  currency  = "GBP"
  region    = "GBR"
  dealer_id = portsip_dealer.reseller.id
  cdr_event {
    enabled  = true
    auth     = "BASIC"
    username = "hookuser"
    url      = "https://hooks.example.com/cdr"
    # Write-only: sent to the PBX, never in plan or state.
    password_wo            = "${HOOK_PW}"
    credentials_wo_version = 1
  }
}
resource "portsip_ip_rule" "office" {
  cidr        = "192.0.2.0/24"
  target      = "ACCEPT"
  description = "head office"
}
resource "portsip_transport" "tls" {
  protocol     = "TLS"
  port         = 5061
  verification = "OPTIONAL"
}
resource "portsip_admin_user" "ops" {
  name                = "ops-admin"
  role                = "OperationsAdmin"
  email               = "ops@acme.example"
  display_name        = "Ops"
  password_wo         = var.admin_pw
  password_wo_version = 1
}
resource "portsip_trunk_assignment" "acme" {
  trunk_id    = "${trunk}"
  tenant_id   = portsip_tenant.acme.id
  did_numbers = "3000-3010"
  concurrency = 5
}
resource "portsip_system_settings" "sys" {
  user_agent = "ACME PBX"
}
`;

interface Outputs {
  code: number;
  stdout: string;
  stderr: string;
  files: Record<'text' | 'markdown' | 'json' | 'sarif' | 'junit', string>;
}

let acc: Acceptance;
let reports: string;
let trunk: string;
const env = () => ({ ...acc.h.env, TF_VAR_dealer_pw: DEALER_PW, TF_VAR_admin_pw: ADMIN_USER_PW });

async function drift(): Promise<Outputs> {
  fs.rmSync(reports, { recursive: true, force: true });
  const r = await runCli(['drift', '--format', 'text,markdown,json,sarif,junit', '--out-dir', reports], { cwd: acc.h.workDir, env: env() });
  const read = (ext: string) =>
    fs.existsSync(path.join(reports, `portsip-drift.${ext}`)) ? fs.readFileSync(path.join(reports, `portsip-drift.${ext}`), 'utf8') : '';
  const files = { text: read('txt'), markdown: read('md'), json: read('json'), sarif: read('sarif'), junit: read('xml') };
  const all = [r.stdout, r.stderr, ...Object.values(files)].join('\n');
  for (const s of SECRETS) expect(all).not.toContain(s);
  return { ...r, files };
}

const id = (address: string) => String(attrs(acc.h, address).id);

/** One out-of-band change is reported, in every format, as `key`/`path`: `before` -> `after`. */
function expectReported(o: Outputs, type: string, key: string, address: string, pathName: string, before: unknown, after: unknown) {
  if (o.code !== 2) throw new Error(`portsip drift exited ${o.code}\n${o.stdout}\n${o.stderr}\n${o.files.text}`);
  const shown = (v: unknown) => JSON.stringify(v);
  expect(o.files.text).toContain(`${key}  (${address})`);
  expect(o.files.text).toContain(`~ ${pathName}: ${shown(before)} -> ${shown(after)}`);
  expect(o.files.markdown).toContain(`| \`${key}\` | \`${address}\` | \`${pathName}\` | \`${shown(before)}\` | \`${shown(after)}\` |`);
  const json = JSON.parse(o.files.json);
  expect(json.drifted).toEqual([
    expect.objectContaining({
      type,
      key,
      address,
      status: 'changed',
      changes: [{ attribute: pathName, in_state: before, on_pbx: after, sensitive: false }],
    }),
  ]);
  const sarif = JSON.parse(o.files.sarif);
  expect(sarif.runs[0].results).toHaveLength(1);
  const result = sarif.runs[0].results[0];
  expect(result.ruleId).toBe(`portsip-drift/${type}`);
  expect(result.message.text).toContain(
    `${key} (${address}): ${pathName} is ${shown(after)} on the PBX, ${shown(before)} in the Terraform state`,
  );
  expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('main.tf');
  expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(o.files.junit);
  const suites = [xml.testsuites.testsuite].flat();
  const cases = suites.flatMap((s: any) => [s.testcase].flat());
  expect(cases).toHaveLength(7);
  const failed = cases.filter((c: any) => c.failure);
  expect(failed).toHaveLength(1);
  expect(failed[0]['@name']).toContain(`${key} (${address})`);
  expect(failed[0].failure['#text']).toContain(`${pathName}: ${shown(before)} (state) -> ${shown(after)} (PBX)`);
}

beforeAll(async () => {
  acc = await startAcceptance();
  trunk = acc.emu.seedIds.providers[0]!;
  reports = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-reports-'));
  acc.h.writeConfig(config(trunk));
  await acc.h.init();
  await acc.h.tfOk([
    'apply',
    '-input=false',
    '-no-color',
    '-auto-approve',
    `-var=dealer_pw=${DEALER_PW}`,
    `-var=admin_pw=${ADMIN_USER_PW}`,
  ]);
});
afterAll(async () => {
  fs.rmSync(reports, { recursive: true, force: true });
  await acc?.close();
});

const reapply = async () => {
  await acc.h.tfOk([
    'apply',
    '-input=false',
    '-no-color',
    '-auto-approve',
    `-var=dealer_pw=${DEALER_PW}`,
    `-var=admin_pw=${ADMIN_USER_PW}`,
  ]);
  const clean = await drift();
  expect(clean.code).toBe(0);
};

test('a clean PBX: exit 0 in every format, every managed object a passing test case', async () => {
  const o = await drift();
  expect(o.code).toBe(0);
  expect(o.files.text).toMatch(/^No drift: the PBX matches the Terraform state \(7 managed objects checked\)/);
  expect(o.files.markdown).toContain('### PortSIP drift: none');
  expect(JSON.parse(o.files.json)).toMatchObject({ drift: false, objects_checked: 7, drifted: [] });
  expect(JSON.parse(o.files.sarif).runs[0].results).toEqual([]);
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(o.files.junit);
  expect(xml.testsuites['@tests']).toBe('7');
  expect(xml.testsuites['@failures']).toBe('0');
  expect(o.stderr).toMatch(/No drift/);
});

test('one out-of-band change per type is named by its natural key, with the attribute and both values', async () => {
  const tenant = () => id('portsip_tenant.acme');
  const maxExt = Number(attrs(acc.h, 'portsip_tenant.acme').max_extensions);
  // [type, natural key, address, attribute, in state, on the PBX, set a value on the PBX]; the same
  // setter puts the state's value back afterwards, so one apply serves every type.
  const cases: [string, string, string, string, unknown, unknown, (v: any) => Promise<unknown>][] = [
    [
      'portsip_tenant',
      'acme.example.com',
      'portsip_tenant.acme',
      'max_extensions',
      maxExt,
      77,
      (v) => acc.api.tenants.update(tenant(), { max_extensions: v }),
    ],
    [
      'portsip_dealer',
      'acme-reseller',
      'portsip_dealer.reseller',
      'email',
      'noc@acme.example',
      'hand@acme.example',
      (v) => acc.api.dealers.update(id('portsip_dealer.reseller'), { email: v }),
    ],
    [
      'portsip_ip_rule',
      '192.0.2.0/24',
      'portsip_ip_rule.office',
      'description',
      'head office',
      'changed by hand',
      (v) => acc.api.ipRules.update(id('portsip_ip_rule.office'), { description: v }),
    ],
    [
      'portsip_transport',
      'TLS:5061',
      'portsip_transport.tls',
      'verification',
      'OPTIONAL',
      'MANDATORY',
      (v) => acc.api.transports.update(id('portsip_transport.tls'), { verification: v }),
    ],
    [
      'portsip_admin_user',
      'ops-admin',
      'portsip_admin_user.ops',
      'display_name',
      'Ops',
      'Changed',
      (v) => acc.api.adminUsers.update(id('portsip_admin_user.ops'), { display_name: v }),
    ],
    [
      'portsip_trunk_assignment',
      `${trunk}/${tenant()}`,
      'portsip_trunk_assignment.acme',
      'concurrency',
      5,
      3,
      (v) => acc.api.providers.assign(trunk, tenant(), { concurrency: v }),
    ],
    [
      'portsip_system_settings',
      'system settings',
      'portsip_system_settings.sys',
      'user_agent',
      'ACME PBX',
      'Hand PBX',
      (v) => acc.api.settings.update({ user_agent: v }),
    ],
  ];
  for (const [type, key, address, attr, before, after, set] of cases) {
    await set(after);
    expectReported(await drift(), type, key, address, attr, before, after);
    await set(before);
  }
  expect((await drift()).code).toBe(0);
});

test('an object deleted on the PBX is drift: "deleted on the PBX"', async () => {
  await acc.api.ipRules.delete(id('portsip_ip_rule.office'));
  const o = await drift();
  expect(o.code).toBe(2);
  expect(o.files.text).toContain('IP rule 192.0.2.0/24  (portsip_ip_rule.office)\n  - deleted on the PBX');
  expect(o.files.markdown).toContain('| `192.0.2.0/24` | `portsip_ip_rule.office` | *deleted on the PBX* | | |');
  expect(JSON.parse(o.files.json).drifted).toEqual([expect.objectContaining({ key: '192.0.2.0/24', status: 'deleted', changes: [] })]);
  expect(JSON.parse(o.files.sarif).runs[0].results[0].message.text).toBe(
    'IP rule 192.0.2.0/24 (portsip_ip_rule.office) was deleted on the PBX.',
  );
  expect(o.files.junit).toContain('message="deleted on the PBX"');
  await reapply();
});

test('several changes at once; the plan JSON is the fixture behind docs/drift-samples (UPDATE=1 rewrites it)', async () => {
  await acc.api.tenants.update(id('portsip_tenant.acme'), { max_extensions: 120, max_concurrent_calls: 40 });
  await acc.api.transports.update(id('portsip_transport.tls'), { verification: 'MANDATORY' });
  await acc.api.settings.update({ user_agent: 'Hand PBX' });
  await acc.api.ipRules.delete(id('portsip_ip_rule.office'));
  const o = await drift();
  expect(o.code).toBe(2);
  const json = JSON.parse(o.files.json);
  expect(json.drifted.map((d: { key: string }) => d.key)).toEqual(['192.0.2.0/24', 'system settings', 'acme.example.com', 'TLS:5061']);
  if (process.env.UPDATE === '1') {
    const plan = path.join(reports, 'fixture.tfplan');
    const vars = { TF_VAR_dealer_pw: DEALER_PW, TF_VAR_admin_pw: ADMIN_USER_PW };
    expect((await acc.h.tfWithEnv(vars, 'plan', '-refresh-only', '-input=false', '-no-color', `-out=${plan}`)).code).toBe(0);
    const doc = JSON.parse((await acc.h.tfWithEnv(vars, 'show', '-json', '-no-color', plan)).stdout);
    // Variables and the run's timestamp are not report inputs; leaving them out keeps the fixture free of secrets.
    delete doc.variables;
    delete doc.timestamp;
    fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
    const text = JSON.stringify(doc, null, 2) + '\n';
    for (const secret of [ADMIN_PASSWORD, DEALER_PW, ADMIN_USER_PW]) expect(text).not.toContain(secret);
    fs.writeFileSync(FIXTURE, text);
    // The configuration too, so the samples' SARIF locations point at real resource blocks.
    fs.copyFileSync(path.join(acc.h.workDir, 'main.tf'), path.join(path.dirname(FIXTURE), 'main.tf'));
  }
  await reapply();
});

test('a dealer designation made in the portal is drift even where dealer_id is not configured (PORTSIP_TENANT_DEALER_READS=all)', async () => {
  acc.h.writeFile(
    'beta.tf',
    'resource "portsip_tenant" "beta" {\n  name     = "Beta"\n  domain   = "beta.example.com"\n  timezone = "UTC"\n  currency = "USD"\n  region   = "USA"\n}\n',
  );
  await reapply();
  await acc.api.tenants.designateDealer(id('portsip_tenant.beta'), id('portsip_dealer.reseller'));
  // An ordinary refresh ("managed") does not look, so its plan holds no drift for beta (read with
  // the same report code; Terraform's own exit code is not evidence, see docs/drift.md).
  const vars = { TF_VAR_dealer_pw: DEALER_PW, TF_VAR_admin_pw: ADMIN_USER_PW, PORTSIP_TENANT_DEALER_READS: 'managed' };
  const managedPlan = path.join(reports, 'managed.tfplan');
  expect((await acc.h.tfWithEnv(vars, 'plan', '-refresh-only', '-input=false', '-no-color', `-out=${managedPlan}`)).code).toBe(0);
  const managed = driftReport(parsePlanJson((await acc.h.tfWithEnv(vars, 'show', '-json', managedPlan)).stdout, 'managed plan'));
  expect(managed.objects.map((x) => x.key)).toContain('beta.example.com');
  expect(managed.drifted).toEqual([]);
  const o = await drift();
  expect(o.code).toBe(2);
  expect(o.files.text).toContain(
    `tenant beta.example.com  (portsip_tenant.beta)\n  ~ dealer_id: null -> "${id('portsip_dealer.reseller')}"`,
  );
  await acc.api.tenants.removeDealer(id('portsip_tenant.beta'), id('portsip_dealer.reseller'));
  acc.h.removeFile('beta.tf');
  await reapply();
});

test('wrong credentials: exit 1 and one line naming terraform\'s error, never "no drift"', async () => {
  const r = await runCli(['drift', '--format', 'text'], { cwd: acc.h.workDir, env: { ...env(), PORTSIP_PASSWORD: 'wrong-password' } });
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(
    /^portsip drift: error: terraform plan -refresh-only failed \(exit 1\) in .*: (Cannot sign in to the PortSIP PBX|Cannot read [\w" -]+).*Login failed/,
  );
  expect(r.stderr).not.toContain('wrong-password');
});
