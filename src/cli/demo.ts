// `npm start`: the whole story in one command, offline, in about a minute.
//
//   1. start the PortSIP emulator on 127.0.0.1:0 (a fresh PBX in memory),
//   2. install the provider into a local filesystem mirror (installDevLauncher, docs/protocol.md "CLI configuration and cdktf"),
//   3. synthesize examples/service-provider with app.synth() (synth-time validation included),
//   4. terraform init, plan, apply in the synthesized stack directory,
//   5. plan -detailed-exitcode again: must be 0 (no changes),
//   6. change two objects behind Terraform's back through the API,
//   7. plan -detailed-exitcode -refresh-only: must be 2 and name both changes (the drift check),
//   8. print a summary.
//
// Everything is written under .tmp/demo/ (git-ignored; kept for inspection, replaced on the next
// run). The emulator and every terraform process are stopped on success, failure and Ctrl-C.
// Run with `npm start` (builds dist/provider.js first) or `node scripts/run-example.js src/cli/demo.ts
// [--verbose]`.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildApp, STACK_NAME } from '../../examples/service-provider/app';
import { PortsipClient } from '../client';
import { startEmulator, type EmulatorHandle } from '../emulator';
import { installDevLauncher, packageVersion } from './provider-install';

const verbose = process.argv.includes('--verbose');
const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const yellow = paint('33');
const red = paint('31');
const cyan = paint('36');

function repoRoot(): string {
  // Bundled into .tmp/run-example/ or run from src/cli/: walk up to our package.json.
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'terraform-provider-portsip')
      return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

interface Step {
  name: string;
  ms: number;
  note: string;
}

const steps: Step[] = [];
const running = new Set<ChildProcess>();

function line(s = ''): void {
  process.stdout.write(`${s}\n`);
}

async function step<T>(name: string, fn: () => Promise<{ value: T; note: string }>): Promise<T> {
  process.stdout.write(`${cyan('▸')} ${name} … `);
  const t0 = performance.now();
  try {
    const { value, note } = await fn();
    const ms = Math.round(performance.now() - t0);
    steps.push({ name, ms, note });
    line(`${green('✓')} ${note} ${dim(`(${(ms / 1000).toFixed(1)} s)`)}`);
    return value;
  } catch (e) {
    line(red('✗'));
    throw e;
  }
}

interface TfRun {
  code: number;
  stdout: string;
  stderr: string;
}

class DemoError extends Error {}

function runTerraform(cwd: string, env: NodeJS.ProcessEnv, logDir: string, label: string, args: string[]): Promise<TfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      if (verbose) process.stdout.write(dim(b.toString('utf8')));
    });
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      if (verbose) process.stderr.write(b);
    });
    child.on('error', (e) => {
      running.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      const r = {
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      fs.writeFileSync(
        path.join(logDir, `${label}.log`),
        `$ terraform ${args.join(' ')}\n# exit ${r.code}\n${r.stdout}${r.stderr ? `\n--- stderr\n${r.stderr}` : ''}`,
      );
      resolve(r);
    });
  });
}

function expectCode(r: TfRun, ok: number[], what: string, logDir: string, label: string): TfRun {
  if (!ok.includes(r.code)) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new DemoError(
      `${what}: terraform exited ${r.code} (expected ${ok.join(' or ')}).\n${tail}\nFull log: ${path.join(logDir, `${label}.log`)}`,
    );
  }
  return r;
}

/** The one summary line terraform prints for a plan or apply. */
function summaryOf(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m ? m[0].trim() : '';
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const root = repoRoot();
  const demoDir = path.join(root, '.tmp', 'demo');
  const providerEntry = path.join(root, 'dist', 'provider.js');
  line(bold('PortSIP as code: cdktf → terraform → provider → PortSIP API (emulated)'));
  line(dim(`working folder ${path.relative(process.cwd(), demoDir) || demoDir} (git-ignored)`));
  line();

  const tfv = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (tfv.error || tfv.status !== 0)
    throw new DemoError('terraform was not found on PATH; install Terraform 1.11+ (write-only attributes need it).');
  const tfVersion = (JSON.parse(tfv.stdout) as { terraform_version: string }).terraform_version;
  if (!fs.existsSync(providerEntry)) throw new DemoError(`${providerEntry} is missing: run "npm run build" (npm start does it for you).`);

  fs.rmSync(demoDir, { recursive: true, force: true });
  const logDir = path.join(demoDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });

  const adminPassword = `Demo-${randomBytes(6).toString('hex')}`;
  let emu: EmulatorHandle | undefined;
  let api: PortsipClient | undefined;
  const shutdown = async () => {
    for (const c of running) c.kill('SIGTERM');
    await api?.close().catch(() => undefined);
    await emu?.close().catch(() => undefined);
  };
  const onSignal = (sig: NodeJS.Signals) => {
    line(yellow(`\n${sig}: stopping terraform and the emulator`));
    void shutdown().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    emu = await step('start the PortSIP emulator', async () => {
      const e = await startEmulator({ port: 0, host: '127.0.0.1', adminPassword, dataFile: undefined });
      return { value: e, note: `listening on ${e.url}` };
    });
    api = new PortsipClient({ endpoint: emu.url, username: 'admin', password: adminPassword });

    const installed = await step('install the provider into a local mirror', async () => {
      const r = installDevLauncher({ dir: path.join(demoDir, 'provider'), version: packageVersion(), providerEntry });
      return { value: r, note: `portsip/portsip ${packageVersion()} (offline filesystem_mirror)` };
    });

    const stackDir = await step('synthesize examples/service-provider (app.synth)', async () => {
      const outdir = path.join(demoDir, 'cdktf.out');
      const { app, stack } = buildApp({ outdir });
      app.synth();
      const dir = path.join(outdir, 'stacks', STACK_NAME);
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')) as {
        resource?: Record<string, Record<string, unknown>>;
      };
      const n = Object.values(json.resource ?? {}).reduce((a, byName) => a + Object.keys(byName).length, 0);
      return {
        value: dir,
        note: `${n} resources, ${Object.keys(stack.tenants).length} tenants, ${Object.keys(stack.dealers).length} dealers; validated`,
      };
    });

    const dealerPassword = `Dealer-${randomBytes(6).toString('hex')}`;
    const smtpPassword = `Smtp-${randomBytes(6).toString('hex')}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_CLI_CONFIG_FILE: installed.cliConfigFile,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      PORTSIP_ENDPOINT: emu.url,
      PORTSIP_USERNAME: 'admin',
      PORTSIP_PASSWORD: adminPassword,
      // The example's secrets: ephemeral variables for write-only attributes (never in plan or state).
      TF_VAR_dealer_initial_password: dealerPassword,
      TF_VAR_smtp_password: smtpPassword,
    };
    delete env.TF_PLUGIN_CACHE_DIR;
    const tf = (label: string, ...args: string[]) => runTerraform(stackDir, env, logDir, label, args);

    await step('terraform init', async () => {
      const r = expectCode(await tf('1-init', 'init', '-input=false', '-no-color'), [0], 'terraform init', logDir, '1-init');
      const v = /Installed portsip\/portsip v(\S+)/.exec(r.stdout);
      return { value: undefined, note: v ? `installed portsip/portsip v${v[1]} from the mirror` : 'done' };
    });

    const planned = await step('terraform plan', async () => {
      const r = expectCode(await tf('2-plan', 'plan', '-input=false', '-no-color', '-out=tfplan'), [0], 'terraform plan', logDir, '2-plan');
      return { value: r, note: summaryOf(r.stdout, /Plan: .*$/m) || 'no changes' };
    });
    void planned;

    await step('terraform apply', async () => {
      const r = expectCode(await tf('3-apply', 'apply', '-input=false', '-no-color', 'tfplan'), [0], 'terraform apply', logDir, '3-apply');
      return { value: r, note: summaryOf(r.stdout, /Apply complete!.*$/m) };
    });

    await step('re-plan (plan -detailed-exitcode)', async () => {
      const r = await tf('4-replan', 'plan', '-input=false', '-no-color', '-detailed-exitcode');
      if (r.code === 2)
        throw new DemoError(
          `the second plan wants changes: the provider is not idempotent here.\n${r.stdout
            .split('\n')
            .filter((l) => /^\s+[~+-]|#/.test(l))
            .slice(0, 30)
            .join('\n')}\nFull log: ${path.join(logDir, '4-replan.log')}`,
        );
      expectCode(r, [0], 'second plan', logDir, '4-replan');
      return { value: r, note: 'exit 0, no changes: idempotent' };
    });

    const outOfBand = await step('change two objects behind Terraform’s back (API)', async () => {
      const client = api!;
      const tenant = await client.tenants.findByDomain('acme-dental.voice.example.com');
      if (!tenant) throw new DemoError('tenant acme-dental.voice.example.com not found on the PBX');
      await client.tenants.update(String(tenant.id), { max_concurrent_calls: 99 });
      const rule = await client.ipRules.findByCidr('203.0.113.0/24');
      if (!rule) throw new DemoError('IP rule 203.0.113.0/24 not found on the PBX');
      await client.ipRules.update(String(rule.id), { description: 'edited in the web portal' });
      return {
        value: ['tenant acme-dental: max_concurrent_calls 20 → 99', 'ip rule 203.0.113.0/24: description edited'],
        note: 'tenant limit raised, IP rule relabelled',
      };
    });

    const drift = await step('drift check (plan -detailed-exitcode -refresh-only)', async () => {
      const r = await tf('5-drift', 'plan', '-input=false', '-no-color', '-refresh-only', '-detailed-exitcode');
      if (r.code === 0)
        throw new DemoError(
          `the drift check saw no changes (exit 0) after ${outOfBand.join(', ')}.\nFull log: ${path.join(logDir, '5-drift.log')}`,
        );
      expectCode(r, [2], 'drift check', logDir, '5-drift');
      const changed = [...r.stdout.matchAll(/^\s*# (\S+) has (?:changed|been deleted)/gm)].map((m) => m[1]);
      const attrs = r.stdout
        .split('\n')
        .filter((l) => /^\s+~ (max_concurrent_calls|description)\s/.test(l))
        .map((l) => l.trim().replace(/\s+=\s+/, ' = '));
      return { value: { changed, attrs }, note: `exit 2, drift reported in ${changed.length} object(s)` };
    });

    const total = ((performance.now() - t0) / 1000).toFixed(1);
    line();
    line(bold('Summary'));
    line(`  terraform ${tfVersion}, provider portsip/portsip ${packageVersion()}, emulator ${emu.url}`);
    line(`  applied: ${summaryOf(fs.readFileSync(path.join(logDir, '3-apply.log'), 'utf8'), /Resources: .*$/m)}`);
    line(`  second plan: ${green('no changes')} (exit 0)`);
    line(`  out-of-band: ${outOfBand.join('; ')}`);
    line(`  drift check: ${yellow('exit 2')} — ${drift.changed.join(', ')}`);
    for (const a of drift.attrs) line(`      ${dim(a)}`);
    line(`  secrets: dealer and SMTP passwords went through ephemeral variables into write-only attributes;`);
    const state = fs.readFileSync(path.join(stackDir, 'terraform.tfstate'), 'utf8');
    const leaked = [dealerPassword, smtpPassword].some((s) => state.includes(s));
    line(`           the state file ${leaked ? red('CONTAINS one of them') : green('contains neither')}.`);
    line(`  logs and stack: ${path.relative(process.cwd(), demoDir)}/ (logs/*.log, cdktf.out/stacks/${STACK_NAME})`);
    const tfSteps = steps.filter((s) => /terraform|re-plan|drift/.test(s.name));
    line(
      `  time: ${bold(`${total} s`)} in all; terraform ${tfSteps.map((s) => `${s.name.replace(/^terraform /, '').split(' (')[0]} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    line();
    line(dim('Run it yourself against a PBX: docs/cdktf.md ("Running a synthesized stack").'));
    if (leaked) throw new DemoError('a secret reached the state file');
  } finally {
    await shutdown();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    line();
    line(red(bold('Demo failed: ')) + (e instanceof DemoError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)));
    process.exit(1);
  },
);
