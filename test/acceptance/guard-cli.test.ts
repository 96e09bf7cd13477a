// `portsip guard` on real saved plans: 100 IP rules applied to the emulator once, then plans that
// remove 0, 29, 31 and 100 of them from the configuration (terraform plan -out), each checked with
// the CLI as a pipeline runs it (`portsip guard --plan tfplan`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../cli/run-cli';
import { type Acceptance, startAcceptance } from './portsip';

jest.setTimeout(600_000);

export const GUARD_FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'guard', 'plan-delete-31.json');

const rules = (n: number) => `
resource "portsip_ip_rule" "allow" {
  count       = ${n}
  cidr        = "10.1.\${floor(count.index / 256)}.\${count.index % 256}/32"
  target      = "ACCEPT"
  description = "branch \${count.index}"
}
`;

let acc: Acceptance;
beforeAll(async () => {
  acc = await startAcceptance();
  acc.h.writeConfig(rules(100));
  await acc.h.init();
  await acc.h.apply();
  expect(await acc.api.ipRules.listAll()).toHaveLength(100);
});
afterAll(async () => {
  await acc?.close();
});

async function planKeeping(n: number): Promise<void> {
  acc.h.writeConfig(rules(n));
  await acc.h.tfOk(['plan', '-input=false', '-no-color', '-out=tfplan']);
}

const guard = (...extra: string[]) => runCli(['guard', '--plan', 'tfplan', ...extra], { cwd: acc.h.workDir, env: acc.h.env });

test.each([
  [0, 0],
  [29, 0],
  [31, 3],
  [100, 3],
])('a plan deleting %i %% of 100 IP rules: portsip guard exits %i', async (deleted, code) => {
  await planKeeping(100 - deleted);
  const r = await guard();
  if (r.code !== code) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  if (deleted === 0) expect(r.stdout).toMatch(/^Guard passed: the plan deletes 0 and replaces 0 managed objects/);
  if (code === 3) {
    expect(r.stdout).toContain(`deletes ${deleted} of 100 IP rules (${deleted} %), more than the 30 % allowed`);
    // Removing from the end of a count: the last rules go, each named by CIDR and address.
    expect(r.stdout).toContain('  - 10.1.0.99/32  (portsip_ip_rule.allow[99])');
    expect(r.stdout.match(/^ {2}- 10\.1\.0\.\d+\/32/gm)).toHaveLength(deleted);
    const allowed = await guard('--allow', '--format', 'markdown');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('### PortSIP guard: overridden (--allow)');
  }
  if (deleted === 31 && process.env.UPDATE === '1') {
    // The saved plan as JSON: the fixture behind the guard samples in docs/drift-samples.
    const doc = JSON.parse((await acc.h.tfOk(['show', '-json', '-no-color', 'tfplan'])).stdout);
    // Only what the guard reads, to keep the fixture small.
    for (const k of ['timestamp', 'planned_values', 'configuration', 'relevant_attributes', 'variables']) delete doc[k];
    fs.mkdirSync(path.dirname(GUARD_FIXTURE), { recursive: true });
    fs.writeFileSync(GUARD_FIXTURE, JSON.stringify(doc) + '\n');
  }
});

test('a missing plan file is an error (exit 1), not a pass', async () => {
  const r = await runCli(['guard', '--plan', 'no-such.tfplan'], { cwd: acc.h.workDir, env: acc.h.env });
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^portsip guard: error: terraform show -json no-such\.tfplan failed \(exit 1\)/);
});
