// `portsip export` end to end (docs/export.md): a PBX seeded through its API by applying the
// "every attribute set" configuration of every resource type (drift-configs/: dealer link, trunk
// assignment, write-only secrets) is exported; in a fresh working directory the export plans as
// imports only ("N to import, 0 to add, 0 to change, 0 to destroy"), applies, and re-plans with no
// changes. The same for the cdktf stack after synth, and for a filtered export whose dealer link
// stays a literal id. Two exports of the same PBX are byte-identical and `terraform fmt -check` clean.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport, type ExportFlags, type ExportSummary } from '../../src/cli/export';
import type { Io } from '../../src/cli/drift';
import { ADMIN_PASSWORD, expectExit, startAcceptance, withAcceptance, type Acceptance } from './portsip';
import { fullConfig, fullTfvars, SECRETS } from './drift-configs';
import { REPO_ROOT, TerraformHarness } from './harness';

jest.setTimeout(900_000);

const DEALER_LOGIN = 'export-login';
let acc: Acceptance;
const tmpDirs: string[] = [];
const harnesses: TerraformHarness[] = [];

function tmp(prefix: string, base = os.tmpdir()): string {
  fs.mkdirSync(base, { recursive: true });
  const d = fs.mkdtempSync(path.join(base, prefix));
  tmpDirs.push(d);
  return d;
}

async function exportTo(flags: Partial<ExportFlags>, out?: string): Promise<{ dir: string; summary: ExportSummary; stderr: string }> {
  const dir = out ?? path.join(tmp('portsip-export-'), 'out');
  let stderr = '';
  const io: Io = {
    cwd: process.cwd(),
    env: { PORTSIP_ENDPOINT: acc.emu.url, PORTSIP_USERNAME: 'admin', PORTSIP_PASSWORD: ADMIN_PASSWORD },
    stdout: () => undefined,
    stderr: (s) => (stderr += s),
  };
  const summary = await runExport({ format: 'hcl', ...flags, out: dir }, io);
  return { dir, summary, stderr };
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

/** A fresh working directory (own state) with `files`, pointed at the same emulator. */
async function workDirWith(files: Record<string, string>): Promise<TerraformHarness> {
  const h = await TerraformHarness.create({ env: { ...acc.h.env } });
  harnesses.push(h);
  for (const [f, content] of Object.entries(files)) h.writeFile(f, content);
  expectExit(await h.init(), 0, 'init');
  return h;
}

/** The number of imports of a plan that only imports; throws with the plan otherwise. */
async function importsOnly(h: TerraformHarness, env: Record<string, string> = {}): Promise<number> {
  const plan = expectExit(await h.tfWithEnv(env, 'plan', '-input=false', '-no-color'), 0, 'plan of the export');
  const m = /Plan: (\d+) to import, 0 to add, 0 to change, 0 to destroy\./.exec(plan.stdout);
  if (!m) throw new Error(`the plan of the export is not imports only:\n${plan.stdout}\n${plan.stderr}`);
  return Number(m[1]);
}

/** plan shows only imports; apply; plan -detailed-exitcode exits 0. Returns the import count. */
async function roundTrip(h: TerraformHarness): Promise<number> {
  const n = await importsOnly(h);
  expectExit(await h.apply(), 0, 'apply of the export');
  expectExit(await h.plan('-detailed-exitcode'), 0, 'plan after applying the export');
  return n;
}

beforeAll(async () => {
  acc = await startAcceptance();
  await acc.api.dealers.create({
    name: DEALER_LOGIN,
    level: 'RESELLER',
    password: SECRETS.dealerLogin,
    max_tenants: 100,
    max_extensions: 50000,
  });
  acc.h.writeFile('terraform.tfvars', fullTfvars(ADMIN_PASSWORD));
  acc.h.writeConfig(fullConfig(acc.emu.url, DEALER_LOGIN));
  expectExit(await acc.h.init(), 0, 'init of the seed');
  expectExit(await acc.h.apply(), 0, 'apply of the seed');
});

afterAll(async () => {
  for (const h of harnesses) h.cleanup();
  await acc?.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

test('HCL: imports only, apply, clean plan; exported twice byte-identical; terraform fmt clean', async () => {
  const first = await exportTo({});
  const second = await exportTo({});
  const files = readTree(first.dir);
  expect(readTree(second.dir)).toEqual(files);
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      'versions.tf',
      'provider.tf',
      'variables.tf',
      'tenants.tf',
      'dealers.tf',
      'trunk_assignments.tf',
      'ip_rules.tf',
    ]),
  );
  expectExit(await acc.h.tf('fmt', '-check', '-diff', '-no-color', first.dir), 0, 'terraform fmt -check on the export');

  // References and names from natural keys; the password as an ephemeral variable, no version.
  expect(files['tenants.tf']).toMatch(/resource "portsip_tenant" "drift_voice_example_com" \{/);
  expect(files['tenants.tf']).toMatch(/dealer_id\s+= portsip_dealer\.drift_dealer\.id/);
  expect(files['trunk_assignments.tf']).toMatch(/tenant_id\s+= portsip_tenant\.drift_voice_example_com\.id/);
  expect(files['ip_rules.tf']).toMatch(/resource "portsip_ip_rule" "net_192_0_2_0_24"/);
  expect(files['dealers.tf']).toMatch(/password_wo\s+= var\.dealer_drift_dealer_password/);
  expect(files['dealers.tf']).not.toMatch(/password_wo_version/);
  // The account the export signs in with is the admin profile, never also an admin user.
  expect(files['admin_users.tf']).toMatch(/resource "portsip_admin_user" "drift_ops"/);
  expect(files['admin_users.tf']).not.toMatch(/"name"\s*=\s*"admin"|name\s+= "admin"/);
  expect(files['admin_profile.tf']).toMatch(/resource "portsip_admin_profile" "this"/);
  expect(files['variables.tf']).toMatch(/variable "dealer_drift_dealer_password" \{[^}]*ephemeral\s+= true[^}]*default\s+= null/);
  // Only what differs from the documented defaults: the seed sets enabled = true (the default).
  expect(files['dealers.tf']).not.toMatch(/enabled/);
  expect(files['dealers.tf']).toMatch(/tenant_full_access = false/);
  // The seeded trunks, by name, with their write-only password as a variable (never a value).
  expect(files['trunks.tf']).toMatch(/resource "portsip_trunk" "twilio_elastic" \{[^}]*name\s+= "twilio-elastic"/);
  expect(files['trunks.tf']).toMatch(/password_wo\s+= var\.trunk_twilio_elastic_password/);
  // An assignment names its trunk by reference (trunk_id `references` portsip_trunk).
  expect(files['trunk_assignments.tf']).toMatch(/trunk_id\s+= portsip_trunk\.\w+\.id/);
  // No secret of the seed is in the export.
  for (const secret of Object.values(SECRETS)) for (const text of Object.values(files)) expect(text).not.toContain(secret);
  expect(first.stderr).toMatch(/portsip_tenant: \d+ object/);
  expect(first.stderr).toMatch(/objects in \d+ files .*API requests/);

  const imports =
    Object.values(files)
      .join('\n')
      .match(/^import \{/gm)?.length ?? 0;
  const h = await workDirWith(files);
  // The password variables need no value (default null: the live passwords stay); given one through
  // TF_VAR_, the import is still zero-diff, since no password_wo_version asks to send it.
  const passwords = Object.fromEntries(
    [...files['variables.tf']!.matchAll(/variable "(\w+)"/g)].map((m) => [`TF_VAR_${m[1]}`, 'Given-Pw-123']),
  );
  expect(Object.keys(passwords).length).toBe(6); // 2 dealers, 1 admin user, the 3 seeded trunks
  expect(await importsOnly(h, passwords)).toBe(imports);
  expect(await roundTrip(h)).toBe(imports);
  expect(imports).toBe(first.summary.objects);
  // Every exported type, 16 in all: 7 collections and 9 singletons.
  expect(new Set(h.addresses().map((a) => a.split('.')[0])).size).toBe(16);

  // --out refuses a folder that is not empty, unless --force.
  await expect(exportTo({}, first.dir)).rejects.toThrow(/not empty.*--force/);
  await expect(exportTo({ force: true }, first.dir)).resolves.toBeDefined();
});

test('--include tenant: the dealer link stays a literal id with a comment, and round-trips', async () => {
  const { dir, summary } = await exportTo({ include: ['tenant'] });
  const files = readTree(dir);
  expect(Object.keys(files).sort()).toEqual(['provider.tf', 'tenants.tf', 'versions.tf']);
  const dealerId = String(acc.h.resource('portsip_dealer.d')!.attributes.id);
  expect(files['tenants.tf']).toContain(`# The dealer ${dealerId} is not in this export (filtered out): its id is kept.`);
  expect(files['tenants.tf']).toMatch(new RegExp(`dealer_id\\s+= "${dealerId.replace(/[+/=]/g, '\\$&')}"`));
  expectExit(await acc.h.tf('fmt', '-check', '-no-color', dir), 0, 'terraform fmt -check');
  const h = await workDirWith(files);
  expect(await roundTrip(h)).toBe(summary.objects);
});

test("--dealer: the dealer, its tenant and the tenant's trunk assignment, with references; round-trips", async () => {
  const { dir, summary } = await exportTo({ dealer: 'drift-dealer' });
  const files = readTree(dir);
  expect(Object.keys(files).sort()).toEqual([
    'dealers.tf',
    'provider.tf',
    'tenants.tf',
    'trunk_assignments.tf',
    'variables.tf',
    'versions.tf',
  ]);
  expect(files['dealers.tf']!.match(/^resource /gm)).toHaveLength(1);
  expect(files['tenants.tf']).toMatch(/dealer_id\s+= portsip_dealer\.drift_dealer\.id/);
  // Trunks are not the dealer's: the assignment keeps the trunk's id, saying why.
  expect(files['trunk_assignments.tf']).toMatch(
    /# The trunk \S+ is not in this export \(filtered out\): its id is kept\.\n\s+trunk_id\s+= "/,
  );
  expect(summary.objects).toBe(3);
  await expect(exportTo({ dealer: 'no-such-dealer' })).rejects.toThrow(/--dealer "no-such-dealer": no dealer has that name/);
  const h = await workDirWith(files);
  expect(await roundTrip(h)).toBe(3);
});

test('--format cdktf: synth, imports only, apply, clean plan', async () => {
  // Inside the repository, so the stack resolves cdktf from its node_modules.
  const dir = path.join(tmp('export-cdktf-', path.join(REPO_ROOT, '.tmp')), 'stack');
  const { summary } = await exportTo({ format: 'cdktf', cdktfModule: path.join(REPO_ROOT, 'src', 'cdktf') }, dir);
  const twice = await exportTo({ format: 'cdktf', cdktfModule: path.join(REPO_ROOT, 'src', 'cdktf') });
  expect(readTree(twice.dir)).toEqual(readTree(dir));
  const outdir = path.join(dir, 'cdktf.out');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the exported app, a path known only at run time
  (require(path.join(dir, 'main.ts')) as { synth(outdir: string): void }).synth(outdir);
  const json = fs.readFileSync(path.join(outdir, 'stacks', 'portsip', 'cdk.tf.json'), 'utf8');
  const parsed = JSON.parse(json);
  expect(parsed.resource.portsip_tenant.drift_voice_example_com.dealer_id).toBe('${portsip_dealer.drift_dealer.id}');
  expect(parsed.variable.dealer_drift_dealer_password).toMatchObject({ ephemeral: true, default: null });
  expect(parsed.import?.length ?? 0).toBe(summary.objects);
  const h = await workDirWith({ 'cdk.tf.json': json });
  expect(await roundTrip(h)).toBe(summary.objects);
});

test("a fresh PBX (the emulator's seed only, no certificate yet) round-trips too", () =>
  withAcceptance(async ({ emu, h }) => {
    const dir = path.join(tmp('portsip-export-fresh-'), 'out');
    let stderr = '';
    const io: Io = {
      cwd: process.cwd(),
      env: { PORTSIP_ENDPOINT: emu.url, PORTSIP_USERNAME: 'admin', PORTSIP_PASSWORD: ADMIN_PASSWORD },
      stdout: () => undefined,
      stderr: (x) => (stderr += x),
    };
    const summary = await runExport({ format: 'hcl', out: dir }, io);
    // No certificate installed: its required crt cannot be written, so it is left out, saying so.
    expect(stderr).toMatch(/portsip_certificate "certificate" left out: the PBX has no crt/);
    expect(fs.existsSync(path.join(dir, 'certificate.tf'))).toBe(false);
    // The seed's only admin user is the account the export signs in with: the admin profile only.
    expect(fs.existsSync(path.join(dir, 'admin_users.tf'))).toBe(false);
    const w = await TerraformHarness.create({ env: { ...h.env } });
    harnesses.push(w);
    for (const [f, content] of Object.entries(readTree(dir))) w.writeFile(f, content);
    expectExit(await w.init(), 0, 'init');
    expect(await roundTrip(w)).toBe(summary.objects);
  }));
