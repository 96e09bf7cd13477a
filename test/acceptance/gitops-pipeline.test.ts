// examples/gitops end to end: the workflows' steps (pipeline.sh plan|apply|drift) run with bash
// and real terraform against the emulator, with the portsip CLI of this checkout standing in for
// the published package (PORTSIP=...). The workflows themselves only call pipeline.sh.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PortsipClient } from '../../src/client';
import { startEmulator, type EmulatorHandle } from '../../src/emulator';
import { assertConformant } from './portsip';
import { REPO_ROOT } from './harness';
import { PORTSIP_BIN } from '../cli/run-cli';

jest.setTimeout(600_000);

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'gitops');
const ADMIN_PW = 'Adm1n-gitops-S3cret';
const DEALER_PW = 'Dealer-gitops-Pw-7';

let emu: EmulatorHandle;
let api: PortsipClient;
let repo: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, adminPassword: ADMIN_PW, conformance: true });
  api = new PortsipClient({ endpoint: emu.url, username: 'admin', password: ADMIN_PW });
  // The user's repository: the example's files copied as the README says.
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-repo-'));
  fs.cpSync(EXAMPLE, repo, { recursive: true });
});
afterAll(async () => {
  await api?.close();
  const report = emu?.conformance();
  await emu?.close();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
  // Every request of the pipeline matched PortSIP's documented schema (src/emulator/conformance.ts).
  if (report) assertConformant(report);
});

function pipeline(step: string, extra: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('TF_')) env[k] = v;
  Object.assign(env, {
    PORTSIP: `${process.execPath} ${PORTSIP_BIN}`,
    PORTSIP_HOME: path.join(repo, '.portsip'),
    PORTSIP_ENDPOINT: emu.url,
    PORTSIP_USERNAME: 'admin',
    PORTSIP_PASSWORD: ADMIN_PW,
    TF_VAR_dealer_password: DEALER_PW,
    GITHUB_STEP_SUMMARY: path.join(repo, 'summary.md'),
    ...extra,
  });
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(repo, 'pipeline.sh'), step], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const read = (f: string) => fs.readFileSync(path.join(repo, f), 'utf8');

test('pull request -> plan + guard comment; merge -> apply of the saved plan; nightly -> drift reports', async () => {
  let r = await pipeline('plan');
  expect(r).toMatchObject({ code: 0 });
  const comment = read('portsip-comment.md');
  expect(comment).toMatch(/^<!-- portsip-plan -->\n### PortSIP guard: passed/);
  expect(comment).toContain('Plan: 7 to add, 0 to change, 0 to destroy.');

  r = await pipeline('apply');
  expect(r.code).toBe(0);
  expect(r.out).toContain('Apply complete! Resources: 7 added');
  expect(await api.ipRules.listAll()).toHaveLength(4);

  r = await pipeline('drift');
  expect(r.code).toBe(0);
  expect(read('summary.md')).toContain('### PortSIP drift: none');
  for (const f of ['portsip-drift.md', 'portsip-drift.sarif', 'portsip-drift.xml'])
    expect(fs.existsSync(path.join(repo, 'portsip-reports', f))).toBe(true);

  // Someone edits the PBX in the portal.
  const rule = (await api.ipRules.listAll()).find((x) => x.cidr === '198.51.100.64/26')!;
  await api.ipRules.update(String(rule.id), { description: 'edited in the portal' });
  r = await pipeline('drift');
  expect(r.code).toBe(2);
  const md = read('portsip-reports/portsip-drift.md');
  expect(md).toContain(
    '| `198.51.100.64/26` | `portsip_ip_rule.office["manchester"]` | `description` | `"office: manchester"` | `"edited in the portal"` |',
  );
  expect(read('summary.md')).toContain('### PortSIP drift: 1 object changed outside Terraform');
  const sarif = JSON.parse(read('portsip-reports/portsip-drift.sarif'));
  expect(sarif.runs[0].results[0].locations[0].physicalLocation).toMatchObject({
    artifactLocation: { uri: 'infra/main.tf' },
    region: { startLine: 36 },
  });

  // A pull request that drops three of the four offices: the guard stops it (75 % > 30 %) ...
  fs.writeFileSync(path.join(repo, 'infra', 'main.tf'), read('infra/main.tf').replace(/^\s+(manchester|leeds|bristol)\s+=.*\n/gm, ''));
  r = await pipeline('plan');
  expect(r.code).toBe(3);
  const stopped = read('portsip-comment.md');
  expect(stopped).toContain('### PortSIP guard: stopped the plan');
  expect(stopped).toContain('deletes 3 of 4 IP rules (75 %)');
  expect(stopped).toContain('- `198.51.100.128/26` (`portsip_ip_rule.office["leeds"]`)');
  // ... until it is reviewed and allowed; the apply then takes that saved plan.
  r = await pipeline('plan', { PORTSIP_GUARD_ALLOW: '1' });
  expect(r.code).toBe(0);
  expect(read('portsip-comment.md')).toContain('### PortSIP guard: overridden (--allow)');
  r = await pipeline('apply');
  expect(r.code).toBe(0);
  expect((await api.ipRules.listAll()).map((x) => x.cidr)).toEqual(['198.51.100.0/26']);

  // No secret in anything the pipeline wrote or printed.
  const written = [
    'portsip-comment.md',
    'plan.txt',
    'guard.md',
    'summary.md',
    ...fs.readdirSync(path.join(repo, 'portsip-reports')).map((f) => `portsip-reports/${f}`),
  ];
  for (const f of written) for (const s of [ADMIN_PW, DEALER_PW]) expect(read(f)).not.toContain(s);
});

test("the workflows only call pipeline.sh steps it knows, never this repository's build or scripts/", () => {
  const dir = path.join(EXAMPLE, '.github', 'workflows');
  const steps = new Set<string>();
  for (const f of fs.readdirSync(dir)) {
    const yml = fs.readFileSync(path.join(dir, f), 'utf8');
    expect(yml).not.toMatch(/scripts\/|npm run build|npm ci|-auto-approve/);
    for (const m of yml.matchAll(/\.\/pipeline\.sh (\w+)/g)) steps.add(m[1]!);
  }
  expect([...steps].sort()).toEqual(['apply', 'drift', 'plan']);
  const sh = fs.readFileSync(path.join(EXAMPLE, 'pipeline.sh'), 'utf8');
  const code = sh
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  expect(sh).toMatch(/plan \| apply \| drift\) "cmd_\$1"/);
  expect(code).not.toMatch(/scripts\/|npm run build|-auto-approve/);
  expect(code).toMatch(/apply -input=false -no-color -lock-timeout=5m tfplan/);
  // The drift workflow uploads the SARIF that pipeline.sh drift writes.
  expect(fs.readFileSync(path.join(dir, 'portsip-drift.yml'), 'utf8')).toContain('github/codeql-action/upload-sarif');
});
