// The floor comparison, alone and quick: `npm run bench -- --quick [--objects 2000] [--runs 5] [--no-write] [--cpu-prof DIR]`,
// and at the end of every full `npm run bench` (run.ts, `--floor-runs`), so one run reports it too.
//
// Terraform's own cost of a plan that calls no API (`plan -refresh=false`) over N objects in
// state is the floor under every plan; what a provider adds on top of it is what this measures.
// Two working directories with the same N values in state, planned A B A B (interleaved, so load
// swings on this shared machine hit both alike):
//   portsip:  N `portsip_ip_rule` blocks (the IP rules of scenario S), the provider under test
//             (node + dist/provider.js, as the scale benchmark runs it), an emulator on loopback
//             for ConfigureProvider's sign-in (the plan itself sends no API request; counted);
//   builtin:  N `terraform_data` blocks holding the same cidr/target/description in `input`:
//             Terraform's built-in provider, no plugin process at all.
// Each state is made by applying ONE object for real and repeating its state entry N times with
// the values changed, so it takes seconds instead of an apply of N objects.
// Reported: medians of wall time and CPU (terraform + providers, GNU time), their ratios, the
// provider's own CPU per object per plan and start-to-handshake (PORTSIP_PROVIDER_STATS_FILE),
// and the providers' peak RSS. Written into bench/RESULTS.md between floor markers.
// --cpu-prof DIR: every provider launch of the measured plans writes a V8 CPU profile into DIR (node's
// --cpu-prof, given by a wrapper the launcher execs instead of node: Node 20 refuses --cpu-prof in
// NODE_OPTIONS), and the run ends with the top frames by self time over all of them, each with the
// bundled module it comes from. Profiling slows the provider, so the figures of such a run are not
// written anywhere (implies --no-write).

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installDevLauncher } from '../src/cli/provider-install';
import { startEmulator } from '../src/emulator';
import { STATS_FILE_ENV, type ProviderStatsLine } from '../src/provider/stats';
import { runTerraform } from './terraform-run';
import { median } from './types';

const REPO_ROOT = path.resolve(__dirname, '..');
const WORK = path.join(REPO_ROOT, '.bench', 'floor');
const PASSWORD = 'Floor-admin-S3cret';
/** Per terraform command; a no-op plan of 2,000 objects takes seconds. */
const TIMEOUT_MS = 600_000;

interface Run {
  wallMs: number;
  cpuMs: number | null;
  providerCpuMs: number;
  providerRssMiB: number;
  handshakeMs: number[];
  apiRequests: number;
}

const cidrOf = (i: number) => `10.${Math.floor(i / 256) % 256}.${i % 256}.0/24`;
const targetOf = (i: number) => (i % 5 === 0 ? 'DENY' : 'ACCEPT');

function arg(argv: string[], name: string, dflt: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = v === undefined ? dflt : Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number; got ${JSON.stringify(v)}`);
  return n;
}

/** The running terraform (its own process group), killed on timeout and on Ctrl-C. */
let current: ChildProcess | null = null;
const killCurrent = () => {
  try {
    if (current?.pid) process.kill(-current.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};
process.once('SIGINT', () => {
  killCurrent();
  process.exit(130);
});

async function terraform(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; wallMs: number; cpuMs: number | null }> {
  const r = await runTerraform(args, cwd, env, TIMEOUT_MS, WORK, { onChild: (c) => (current = c), onTimeout: killCurrent });
  const cpuMs = r.cpuUserMs !== null && r.cpuSysMs !== null ? r.cpuUserMs + r.cpuSysMs : null;
  return { code: r.code, out: r.stdout + r.stderr, wallMs: r.wallMs, cpuMs };
}

async function ok(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const r = await terraform(args, cwd, env);
  if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} in ${cwd} exited ${r.code}:\n${r.out.slice(-3000)}`);
}

/** Apply `one` (the first object), then write the state and config of all n by repeating its entry. */
async function prepare(dir: string, head: string, block: (i: number) => string, n: number, env: NodeJS.ProcessEnv): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.tf'), head + block(0));
  await ok(['init', '-input=false', '-no-color'], dir, env);
  await ok(['apply', '-input=false', '-no-color', '-auto-approve'], dir, env);
  const state = JSON.parse(fs.readFileSync(path.join(dir, 'terraform.tfstate'), 'utf8')) as {
    serial: number;
    resources: Array<{ name: string; instances: Array<{ attributes: Record<string, unknown> }> }>;
  };
  const template = JSON.stringify(state.resources[0]);
  const resources = [];
  for (let i = 0; i < n; i++) {
    resources.push(
      JSON.parse(
        template
          .replaceAll(JSON.stringify(cidrOf(0)), JSON.stringify(cidrOf(i)))
          .replaceAll('"floor rule 0"', JSON.stringify(`floor rule ${i}`))
          .replaceAll(`"${targetOf(0)}"`, JSON.stringify(targetOf(i)))
          .replace('"name":"r0"', `"name":"r${i}"`),
      ) as { instances: Array<{ attributes: Record<string, unknown> }> },
    );
    // Distinct ids (the builtin's id is a UUID, ours the API's): state only, never sent anywhere.
    const attrs = resources[i]!.instances[0]!.attributes;
    if (i > 0) attrs.id = `${String(attrs.id).slice(0, -6)}${String(i).padStart(6, '0')}`;
  }
  fs.writeFileSync(path.join(dir, 'terraform.tfstate'), JSON.stringify({ ...state, serial: state.serial + 1, resources }));
  fs.writeFileSync(path.join(dir, 'main.tf'), head + Array.from({ length: n }, (_, i) => block(i)).join(''));
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function over the profiles in `dir`, as text: the top `top` frames and the busy total. */
function summarizeProfiles(dir: string, bundle: string, top = 20): string {
  // esbuild marks each bundled module with a `// path` line: the frame's line number finds its module.
  const starts: Array<[number, string]> = [];
  fs.readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\/\/ (\S+\.(?:js|ts|mjs|cjs))$/.exec(l);
      if (m) starts.push([i, m[1]!]);
    });
  const moduleAt = (line: number): string => {
    let found = '(bundle)';
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found.replace(/^node_modules\//, '');
  };
  const self = new Map<string, number>();
  let busy = 0;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
    p.samples.forEach((id, i) => {
      const cf = byId.get(id);
      if (!cf || cf.functionName === '(idle)') return;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      const where = cf.url.endsWith(path.basename(bundle)) ? moduleAt(cf.lineNumber) : cf.url.replace(/^node:/, '') || 'native';
      const key = `${cf.functionName || '(anonymous)'} (${where})`;
      self.set(key, (self.get(key) ?? 0) + ms);
      busy += ms;
    });
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `${files.length} profiles, ${Math.round(busy)} ms of samples (not idle); self time:`,
    ...rows.map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${k}`),
  ].join('\n');
}

function cpuProfDir(argv: string[]): string | undefined {
  const i = argv.indexOf('--cpu-prof');
  if (i < 0) return undefined;
  const dir = argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--cpu-prof needs a directory for the profiles, e.g. --cpu-prof .bench/prof');
  return path.resolve(dir);
}

export interface FloorOptions {
  /** Where RESULTS.md is (default bench/). */
  outDir?: string;
  /** The command the figures come from, for the section's text. */
  command?: string;
}

export async function runFloor(argv: string[], fo: FloorOptions = {}): Promise<void> {
  const command = fo.command ?? `npm run bench -- --quick${argv.length ? ' ' + argv.join(' ') : ''}`;
  const n = arg(argv, 'objects', 2000);
  const runs = arg(argv, 'runs', 5);
  const profDir = cpuProfDir(argv);
  if (profDir) fs.mkdirSync(profDir, { recursive: true });
  const t0 = Date.now();
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const emu = await startEmulator({ port: 0, adminPassword: PASSWORD });
  try {
    const providerEntry = path.join(REPO_ROOT, 'dist', 'provider.js');
    let nodePath: string | undefined;
    if (profDir) {
      nodePath = path.join(WORK, 'node-cpu-prof');
      fs.writeFileSync(nodePath, `#!/bin/sh\nexec '${process.execPath}' --cpu-prof --cpu-prof-dir='${profDir}' "$@"\n`, { mode: 0o755 });
    }
    const { cliConfigFile } = installDevLauncher({ dir: WORK, version: '0.1.0', providerEntry, nodePath });
    const statsFile = path.join(WORK, 'stats.jsonl');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfigFile,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      // The provider's V8 code cache (src/provider/code-cache.ts) in the bench's own folder: written
      // by the preparing applies, so every measured plan starts from the same warm cache.
      PORTSIP_PROVIDER_CODE_CACHE: path.join(WORK, 'code-cache'),
      PORTSIP_ENDPOINT: emu.url,
      PORTSIP_USERNAME: 'admin',
      PORTSIP_PASSWORD: PASSWORD,
    };
    const portsipDir = path.join(WORK, 'portsip');
    const builtinDir = path.join(WORK, 'builtin');
    const required = `terraform {\n  required_providers {\n    portsip = {\n      source  = "portsip/portsip"\n      version = "0.1.0"\n    }\n  }\n}\n\nprovider "portsip" {}\n\n`;
    process.stderr.write(`floor: preparing ${n} objects per side\n`);
    await prepare(
      portsipDir,
      required,
      (i) =>
        `resource "portsip_ip_rule" "r${i}" {\n  cidr        = "${cidrOf(i)}"\n  target      = "${targetOf(i)}"\n  description = "floor rule ${i}"\n}\n`,
      n,
      env,
    );
    await prepare(
      builtinDir,
      '',
      (i) =>
        `resource "terraform_data" "r${i}" {\n  input = {\n    cidr        = "${cidrOf(i)}"\n    target      = "${targetOf(i)}"\n    description = "floor rule ${i}"\n  }\n}\n`,
      n,
      env,
    );
    const plan = ['plan', '-refresh=false', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode'];
    // Only the measured plans' launches, not those of the preparing applies.
    if (profDir) for (const f of fs.readdirSync(profDir)) if (f.endsWith('.cpuprofile')) fs.rmSync(path.join(profDir, f));
    const sides = { portsip: [] as Run[], builtin: [] as Run[] };
    for (let r = 0; r < runs; r++) {
      for (const side of ['portsip', 'builtin'] as const) {
        fs.rmSync(statsFile, { force: true });
        const res = await terraform(plan, side === 'portsip' ? portsipDir : builtinDir, { ...env, [STATS_FILE_ENV]: statsFile });
        if (res.code !== 0) throw new Error(`${side}: plan -refresh=false exited ${res.code} (must be a no-op):\n${res.out.slice(-3000)}`);
        const stats: ProviderStatsLine[] = fs.existsSync(statsFile)
          ? fs
              .readFileSync(statsFile, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as ProviderStatsLine)
          : [];
        sides[side].push({
          wallMs: res.wallMs,
          cpuMs: res.cpuMs,
          providerCpuMs: stats.reduce((a, s) => a + s.cpu_user_ms + s.cpu_system_ms, 0),
          providerRssMiB: Math.max(0, ...stats.map((s) => s.max_rss_kb / 1024)),
          handshakeMs: stats.map((s) => s.handshake_ms ?? NaN),
          apiRequests: stats.reduce((a, s) => a + s.api.requests, 0),
        });
        process.stderr.write(`floor: run ${r + 1}/${runs} ${side}: ${(res.wallMs / 1000).toFixed(2)} s\n`);
      }
    }
    const p = sides.portsip;
    const b = sides.builtin;
    const wallP = median(p.map((x) => x.wallMs));
    const wallB = median(b.map((x) => x.wallMs));
    const cpuP = median(p.map((x) => x.cpuMs ?? NaN));
    const cpuB = median(b.map((x) => x.cpuMs ?? NaN));
    const provCpu = median(p.map((x) => x.providerCpuMs));
    const load = os.loadavg().map((l) => l.toFixed(2));
    const fmt = (ms: number) => (ms / 1000).toFixed(2);
    const lines = [
      '<!-- floor:begin -->',
      "## Floor: our provider against Terraform's built-in `terraform_data`",
      '',
      `\`plan -refresh=false\` of ${n.toLocaleString('en')} objects in state, no-op, ${runs} runs per side interleaved A B A B; ` +
        `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPUs, load average ${load.join(' / ')} at the end; ` +
        `${Math.round((Date.now() - t0) / 1000)} s in all; from \`${command}\` (alone: \`npm run bench -- --quick\`). portsip: \`portsip_ip_rule\` blocks, the provider as \`node dist/provider.js\`; ` +
        'builtin: `terraform_data` blocks holding the same values (no plugin process).',
      '',
      '| side | median wall s | median CPU s (terraform + providers) | provider CPU s | provider CPU ms per object | handshake ms (median of launches) | provider peak RSS MiB | API requests |',
      '|---|---|---|---|---|---|---|---|',
      `| portsip | ${fmt(wallP)} | ${fmt(cpuP)} | ${fmt(provCpu)} | ${(provCpu / n).toFixed(2)} | ${Math.round(median(p.flatMap((x) => x.handshakeMs)))} | ${Math.round(Math.max(...p.map((x) => x.providerRssMiB)))} | ${median(p.map((x) => x.apiRequests))} |`,
      `| builtin | ${fmt(wallB)} | ${fmt(cpuB)} | – | – | – | – | – |`,
      '',
      `**Ratio portsip / builtin: ${(wallP / wallB).toFixed(2)}× wall, ${(cpuP / cpuB).toFixed(2)}× CPU.** Provider CPU counts every launch of the command (validate walk and plan walk); the API requests are ConfigureProvider's sign-in only.`,
      '<!-- floor:end -->',
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (profDir)
      process.stdout.write(
        `\n\nCPU profiles in ${profDir}: ${summarizeProfiles(profDir, path.join(REPO_ROOT, 'dist', 'provider-bundle.js'))}\n`,
      );
    if (!argv.includes('--no-write') && !profDir) {
      const file = path.join(fo.outDir ?? path.join(REPO_ROOT, 'bench'), 'RESULTS.md');
      const text = fs.readFileSync(file, 'utf8');
      const re = /<!-- floor:begin -->[\s\S]*<!-- floor:end -->\n/;
      fs.writeFileSync(file, re.test(text) ? text.replace(re, lines.join('\n')) : `${text.trimEnd()}\n\n${lines.join('\n')}`);
    }
  } finally {
    await emu.close();
  }
}
