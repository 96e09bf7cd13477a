// The scale benchmark: `npm run bench [-- options]` (bench/index.js bundles this file with esbuild
// into .bench/ and runs it). For each scenario it
//   1. generates a Terraform configuration (bench/scenarios.ts) into .bench/work/<scenario>/, with
//      an empty `backend "http" {}` (backend.tf) pointing at the runner's own HTTP state server
//      (bench/state-server.ts) unless --backend local;
//   2. per round: starts a fresh emulator (latency per request, default rate limit 10,000/min),
//      runs `terraform apply` from empty (the server's state for the scenario reset first), then
//      the no-op plans in rotating order: `plan` with read_strategy = "batch", with "per_resource",
//      and `plan -refresh=false`;
//   3. after its rounds, for the scenarios of --local-apply: the same apply from empty with
//      Terraform's default local backend (own work dir and init, fresh emulator), kind apply_local,
//      so the report can set the two backends side by side;
//   4. records per command: wall time, CPU and peak RSS of terraform + providers (/usr/bin/time),
//      the emulator's request counts by route and status, its CPU (this process), one stats
//      line per provider launch (PORTSIP_PROVIDER_STATS_FILE, src/provider/stats.ts) and the state
//      server's requests by method (how many state uploads an apply made);
// and finally writes RESULTS.md, results.json and the chart (bench/report.ts, bench/chart.ts).
//
// Options:
//   --scenarios S,L          scenarios (XS, S, M, L, or name:rules:dealers:tenants:transports)
//   --runs 3                 rounds per scenario (plans are measured once per round)
//   --apply-runs 3 | S=3,L=1 rounds that start from an empty PBX with a measured apply (default: --runs,
//                            1 for chunked scenarios); later rounds re-plan the last apply's state
//   --backend http|local     state backend of every command (default http: the runner's state server)
//   --local-apply S | none   scenarios that also get an apply from empty with the local backend (default S)
//   --local-apply-runs 1     how many of those per scenario
//   --chunked-apply none     scenarios applied in chunks of --chunk-size 500 objects, one state each
//   --latency 20             emulator latency per request, ms
//   --parallelism 10         terraform -parallelism
//   --out bench              where RESULTS.md, results.json and plan-time.svg go
//   --wait-load 3            before starting, wait (up to --wait-max 600 s) for the 1-min load to drop below this
//   --keep                   keep .bench/work after the run
//   --export-only            only measure `portsip export` (default scenario S): seed a fresh emulator by
//                            applying the scenario, a no-op batch plan for reference, the export, and the
//                            plan of the export (imports only); results.json keeps everything else

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installDevLauncher } from '../src/cli/provider-install';
import { startEmulator, type EmulatorHandle } from '../src/emulator';
import { createSelfSignedCert } from '../src/provider/cert';
import { STATS_FILE_ENV, type ProviderStatsLine } from '../src/provider/stats';
import { portsipResources } from '../src/resources';
import { writeReport } from './report';
import { runExport } from '../src/cli/export';
import { randomUUID } from 'node:crypto';
import { chunkBlocks, generateConfig, parseScenarios, singletonsPresent, type GeneratedConfig } from './scenarios';
import { startStateServer, type StateServer, type StateServerStats } from './state-server';
import { runTerraform as runTimed, type SpawnResult } from './terraform-run';
import type { BenchResults, CommandKind, CommandRun, ExportResult, MachineInfo, Options, ScenarioResult, StateBackend } from './types';

// The bundle runs from .bench/, one level below the repository root.
const REPO_ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(REPO_ROOT, '.bench');
const PROVIDER_VERSION = '0.1.0';
const ADMIN_PASSWORD = 'Bench-admin-S3cret';

const PLAN_KINDS: CommandKind[] = ['plan_batch', 'plan_batch_no_links', 'plan_per_resource', 'plan_refresh_false'];

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : undefined;
  };
  const known = [
    'report-from',
    'chunk-size',
    'chunked-apply',
    'backend',
    'local-apply',
    'local-apply-runs',
    'scenarios',
    'runs',
    'apply-runs',
    'latency',
    'parallelism',
    'out',
    'wait-load',
    'wait-max',
    'keep',
    'timeout',
    'export-only',
  ];
  for (const a of argv) {
    if (a.startsWith('--') && !known.includes(a.slice(2).split('=')[0]!))
      throw new Error(`unknown option ${a} (known: ${known.map((k) => `--${k}`).join(' ')})`);
  }
  const exportOnly = argv.includes('--export-only');
  const scenarios = parseScenarios(get('scenarios') ?? (exportOnly ? 'S' : 'S,L'));
  const runs = Math.max(1, Number(get('runs') ?? 3));
  const applyRuns: Record<string, number> = {};
  const ar = get('apply-runs');
  const list = (v: string) =>
    v.trim() === 'none'
      ? []
      : v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
  const chunkedApply = list(get('chunked-apply') ?? 'none');
  const backend = get('backend') ?? 'http';
  if (backend !== 'http' && backend !== 'local') throw new Error(`--backend: expected http or local, got "${backend}"`);
  const localApply = list(get('local-apply') ?? 'S');
  const localApplyRuns = Number(get('local-apply-runs') ?? 1);
  if (!Number.isInteger(localApplyRuns) || localApplyRuns < 0)
    throw new Error(`--local-apply-runs: expected a whole number, got "${get('local-apply-runs')}"`);
  // A chunked apply costs many minutes: once by default.
  for (const s of scenarios) applyRuns[s.name] = chunkedApply.includes(s.name) ? 1 : runs;
  if (ar) {
    if (/^\d+$/.test(ar)) for (const s of scenarios) applyRuns[s.name] = Number(ar);
    else
      for (const part of ar.split(',')) {
        const [k, v] = part.split('=');
        if (!k || !v || !/^\d+$/.test(v)) throw new Error(`--apply-runs: expected N or NAME=N,..., got "${ar}"`);
        applyRuns[k.trim()] = Number(v);
      }
  }
  for (const s of scenarios) applyRuns[s.name] = Math.min(runs, Math.max(1, applyRuns[s.name] ?? runs));
  const latency = get('latency') ?? '20';
  const latencyMs = Number(latency.replace(/ms$/, ''));
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`--latency: expected ms, got "${latency}"`);
  return {
    scenarios,
    runs,
    applyRuns,
    latencyMs,
    parallelism: Number(get('parallelism') ?? 10),
    outDir: path.resolve(REPO_ROOT, get('out') ?? 'bench'),
    waitLoad: Number(get('wait-load') ?? 3),
    waitMaxS: Number(get('wait-max') ?? 600),
    keep: argv.includes('--keep'),
    commandTimeoutMs: Number(get('timeout') ?? 30 * 60) * 1000,
    reportFrom: get('report-from'),
    chunkSize: Number(get('chunk-size') ?? 500),
    chunkedApply,
    backend,
    localApply,
    localApplyRuns,
    exportOnly,
  };
}

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// ---------------------------------------------------------------------------------------------
// Child processes: one at a time, in its own process group, killed on abort.

let currentChild: { pid?: number } | null = null;
let currentEmulator: EmulatorHandle | null = null;
/** The HTTP state backend, started once per bench process when --backend http. */
let stateServer: StateServer | null = null;

/** The environment of every terraform command: ours, minus what would change Terraform's behaviour or logging. */
function terraformEnv(cliConfigFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(TF_LOG|PORTSIP_LOG|TF_PLUGIN_CACHE_DIR|TF_HTTP_|TF_DATA_DIR|TF_WORKSPACE)/.test(k)) env[k] = v;
  return Object.assign(env, {
    TF_CLI_CONFIG_FILE: cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    PORTSIP_USERNAME: 'admin',
    PORTSIP_PASSWORD: ADMIN_PASSWORD,
  });
}

function killCurrent(): void {
  if (currentChild?.pid) {
    try {
      process.kill(-currentChild.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    killCurrent();
    void (currentEmulator?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

/** A terraform command of the benchmark: the one current child, killed (with a log line) after `timeoutMs`. */
function runTerraform(args: string[], cwd: string, env: Record<string, string>, timeoutMs: number, scratch: string): Promise<SpawnResult> {
  return runTimed(args, cwd, env, timeoutMs, scratch, {
    onChild: (child) => (currentChild = child),
    onTimeout: () => {
      log(`terraform ${args[0]} exceeded ${timeoutMs / 1000} s: killing it`);
      killCurrent();
    },
  });
}

function readStatsFile(file: string): ProviderStatsLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProviderStatsLine)
    .sort((a, b) => a.started_at - b.started_at);
}

/** Managed resource instances in a state (JSON text); 0 when there is none. */
function countStateObjects(stateJson: string | undefined): number {
  if (!stateJson) return 0;
  const st = JSON.parse(stateJson) as { resources?: { mode: string; instances: unknown[] }[] };
  return (st.resources ?? []).filter((r) => r.mode === 'managed').reduce((n, r) => n + r.instances.length, 0);
}

function server(): StateServer {
  if (!stateServer) throw new Error('the HTTP state server is not running');
  return stateServer;
}

/** The current state of a work dir: the state server's copy (http) or terraform.tfstate (local). */
function readState(backend: StateBackend, workDir: string, stateName: string): string | undefined {
  if (backend === 'http') return server().get(stateName);
  const p = path.join(workDir, 'terraform.tfstate');
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
}

/** "Apply from empty": drop the state (the server's, or terraform.tfstate and its backup). */
function clearState(backend: StateBackend, workDir: string, stateName: string): void {
  if (backend === 'http') server().reset(stateName);
  else for (const f of ['terraform.tfstate', 'terraform.tfstate.backup']) fs.rmSync(path.join(workDir, f), { force: true });
}

function writeState(backend: StateBackend, workDir: string, stateName: string, json: string): void {
  if (backend === 'http') {
    server().reset(stateName);
    server().put(stateName, json);
  } else fs.writeFileSync(path.join(workDir, 'terraform.tfstate'), json);
}

/** main.tf and terraform.tfvars, and for the http backend backend.tf with an empty `backend "http" {}`. */
function writeConfig(dir: string, hcl: string, tfvars: string, backend: StateBackend): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.tf'), hcl);
  fs.writeFileSync(path.join(dir, 'terraform.tfvars'), tfvars);
  const backendTf = path.join(dir, 'backend.tf');
  // address, lock_address and unlock_address come from `terraform init -backend-config=...`.
  if (backend === 'http') fs.writeFileSync(backendTf, 'terraform {\n  backend "http" {}\n}\n');
  else fs.rmSync(backendTf, { force: true });
}

async function terraformInit(
  dir: string,
  env: Record<string, string>,
  backend: StateBackend,
  stateName: string,
  opts: Options,
  scratch: string,
): Promise<number> {
  const args = ['init', '-input=false', '-no-color', ...(backend === 'http' ? server().backendConfigArgs(stateName) : [])];
  const r = await runTerraform(args, dir, env, opts.commandTimeoutMs, scratch);
  if (r.code !== 0) throw new Error(`terraform init failed in ${dir}:\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  return r.wallMs;
}

function addStateStats(a: StateServerStats | undefined, b: StateServerStats): StateServerStats {
  if (!a) return b;
  const add = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, v] of Object.entries(y)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    requests: add(a.requests, b.requests),
    byStatus: add(a.byStatus, b.byStatus),
    uploads: a.uploads + b.uploads,
    uploadBytes: a.uploadBytes + b.uploadBytes,
    lastUploadBytes: b.lastUploadBytes || a.lastUploadBytes,
    handlerMs: a.handlerMs + b.handlerMs,
  };
}

/** Terraform's interval between intermediate state snapshots of remote backends (internal/command/meta.go). */
function statePersistIntervalS(): number {
  const v = Number(process.env.TF_STATE_PERSIST_INTERVAL);
  return Number.isInteger(v) && v > 20 ? v : 20;
}

function tail(s: string, n = 40): string {
  return s.trim().split('\n').slice(-n).join('\n');
}

// ---------------------------------------------------------------------------------------------

async function waitForLoad(opts: Options): Promise<number> {
  const t0 = Date.now();
  let announced = false;
  while (os.loadavg()[0]! >= opts.waitLoad && (Date.now() - t0) / 1000 < opts.waitMaxS) {
    if (!announced)
      log(
        `load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')} >= ${opts.waitLoad}: waiting up to ${opts.waitMaxS} s for it to drop`,
      );
    announced = true;
    await new Promise((r) => setTimeout(r, 10_000));
  }
  const waited = Math.round((Date.now() - t0) / 1000);
  if (announced)
    log(
      `load now ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} after ${waited} s`,
    );
  return waited;
}

function machineInfo(loadAtStart: number[], waited: number): MachineInfo {
  const tf = spawnSync('terraform', ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  let terraform: string;
  try {
    terraform = (JSON.parse(tf.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    terraform = tf.stdout.trim().split('\n')[0] ?? 'unknown';
  }
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', cwd: REPO_ROOT });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8', cwd: REPO_ROOT });
  const gitCommit = head.status === 0 ? `${head.stdout.trim()}${dirty.stdout.trim() ? '+dirty' : ''}` : undefined;
  return {
    gitCommit,
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memTotalGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    terraform,
    loadAtStart,
    loadAtEnd: os.loadavg(),
    waitedForLoadS: waited,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  if (opts.reportFrom) {
    // Re-render RESULTS.md and the chart from a saved results.json / raw-*.json.
    const saved = JSON.parse(fs.readFileSync(path.resolve(opts.reportFrom), 'utf8')) as BenchResults;
    writeReport(saved, opts.outDir);
    log(`report written to ${path.relative(REPO_ROOT, opts.outDir) || '.'} from ${opts.reportFrom}`);
    return;
  }
  if (opts.exportOnly) return exportBench(opts, argv);
  const t0 = Date.now();
  const entry = path.join(REPO_ROOT, 'dist', 'provider.js');
  if (!fs.existsSync(entry)) throw new Error('dist/provider.js is missing: run "npm run build" (npm run bench does it first)');
  const tfCheck = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  if (tfCheck.status !== 0) throw new Error('terraform is not on PATH');

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const install = installDevLauncher({ dir: path.join(BENCH_DIR, 'provider'), version: PROVIDER_VERSION, providerEntry: entry });
  const registered = Object.keys(portsipResources);
  const singletons = singletonsPresent(registered);
  const tls = createSelfSignedCert('pbx.bench.example.com');
  // The comparison applies with the local backend: only meaningful when the runs use http.
  const localApplyRuns: Record<string, number> = {};
  if (opts.backend === 'http' && opts.localApplyRuns > 0)
    for (const s of opts.scenarios) if (opts.localApply.includes(s.name)) localApplyRuns[s.name] = opts.localApplyRuns;
  if (opts.backend === 'local' && opts.localApply.some((n) => opts.scenarios.some((s) => s.name === n)))
    log('--backend local: every apply already uses the local backend, so no separate --local-apply comparison runs');
  if (opts.backend === 'http') {
    stateServer = await startStateServer();
    log(`HTTP state backend at ${stateServer.url}/state/<scenario> (locks at /lock/<scenario>)`);
  }
  log(
    `scenarios ${opts.scenarios.map((s) => s.name).join(',')}, ${opts.runs} rounds (apply rounds ${JSON.stringify(opts.applyRuns)}), ${opts.backend} state backend` +
      `${Object.keys(localApplyRuns).length ? `, local-backend applies ${JSON.stringify(localApplyRuns)}` : ''}${opts.chunkedApply.length ? `, chunked applies ${opts.chunkedApply.join(',')}` : ''}, latency ${opts.latencyMs} ms, parallelism ${opts.parallelism}`,
  );
  log(`singletons registered: ${singletons.join(', ') || 'none'}`);

  const waited = await waitForLoad(opts);
  const loadAtStart = os.loadavg();
  const rawFile = path.join(BENCH_DIR, `raw-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const results: BenchResults = {
    command: `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`,
    date: new Date().toISOString(),
    durationS: 0,
    options: {
      runs: opts.runs,
      applyRuns: opts.applyRuns,
      latencyMs: opts.latencyMs,
      parallelism: opts.parallelism,
      rateLimitPerMinute: 10000,
      backend: opts.backend,
      localApplyRuns,
      chunkedApply: opts.chunkedApply.filter((n) => opts.scenarios.some((s) => s.name === n)),
      chunkSize: opts.chunkSize,
      statePersistIntervalS: statePersistIntervalS(),
    },
    machine: machineInfo(loadAtStart, waited),
    scenarios: [],
  };
  // Every apply from empty, whatever its backend or chunking, runs with the same arguments.
  const applyArgs = ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${opts.parallelism}`];
  const saveRaw = () => fs.writeFileSync(rawFile, JSON.stringify(results, null, 1));

  for (const scenario of opts.scenarios) {
    const gen = generateConfig(scenario, { singletons, tls, providerVersion: PROVIDER_VERSION });
    const workDir = path.join(BENCH_DIR, 'work', scenario.name);
    const scratch = path.join(BENCH_DIR, 'scratch', scenario.name);
    // Scenario names are [A-Za-z0-9_-]+ (scenarios.ts), valid state names.
    const stateName = scenario.name;
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
    writeConfig(workDir, gen.hcl, gen.tfvars, opts.backend);
    if (opts.backend === 'http') {
      server().reset(stateName);
      server().setMirror(stateName, path.join(scratch, `state-${stateName}.json`));
    }
    const sr: ScenarioResult = {
      scenario,
      objects: gen.objects,
      counts: gen.counts,
      singletons: scenario.singletons ? singletons : [],
      configBytes: Buffer.byteLength(gen.hcl),
      runs: [],
      startedAt: new Date().toISOString(),
      finishedAt: '',
    };
    results.scenarios.push(sr);
    log(
      `scenario ${scenario.name}: ${gen.objects} objects (${Object.entries(gen.counts)
        .filter(([, n]) => n > 1)
        .map(([t, n]) => `${n} ${t}`)
        .join(
          ', ',
        )}, ${gen.counts ? Object.values(gen.counts).filter((n) => n === 1).length : 0} singletons), main.tf ${(sr.configBytes / 1024).toFixed(0)} KiB`,
    );

    const baseEnv = terraformEnv(install.cliConfigFile);

    await terraformInit(workDir, baseEnv, opts.backend, stateName, opts, scratch);

    let emu: EmulatorHandle | null = null;
    let applied = false;
    try {
      for (let round = 0; round < opts.runs; round++) {
        if (round < opts.applyRuns[scenario.name]!) {
          if (emu) await emu.close();
          emu = currentEmulator = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, faults: { latencyMs: opts.latencyMs } });
          clearState(opts.backend, workDir, stateName);
          const run = opts.chunkedApply.includes(scenario.name)
            ? await chunkedApply(emu, scenario.name, round, applyArgs, gen, workDir, scratch, baseEnv, opts)
            : await measure(emu, scenario.name, 'apply', round, applyArgs, workDir, scratch, baseEnv, opts, opts.backend);
          checkApplied(run, readState(opts.backend, workDir, stateName), gen.objects);
          sr.runs.push(run);
          saveRaw();
          if (!run.ok) {
            log(
              `apply failed (${run.error ?? `exit ${run.exitCode}`}); skipping the rest of scenario ${scenario.name}${opts.backend === 'http' ? ` (last state upload: ${path.relative(REPO_ROOT, path.join(scratch, `state-${stateName}.json`))})` : ''}`,
            );
            break;
          }
          applied = true;
        }
        if (!applied || !emu) break;
        // Rotate the order so no kind always runs first (warm caches, load drift).
        for (let k = 0; k < PLAN_KINDS.length; k++) {
          const kind = PLAN_KINDS[(k + round) % PLAN_KINDS.length]!;
          const args = ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-parallelism=${opts.parallelism}`];
          if (kind === 'plan_per_resource') args.push('-var=read_strategy=per_resource');
          else args.push('-var=read_strategy=batch');
          if (kind === 'plan_batch_no_links') args.push('-var=tenant_dealer_reads=none');
          if (kind === 'plan_refresh_false') args.push('-refresh=false');
          const run = await measure(emu, scenario.name, kind, round, args, workDir, scratch, baseEnv, opts, opts.backend);
          sr.runs.push(run);
          saveRaw();
        }
      }
    } finally {
      if (emu) await emu.close();
      emu = currentEmulator = null;
    }
    if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true });

    // The same apply from empty with Terraform's default local backend, after the scenario's rounds.
    const nLocal = localApplyRuns[scenario.name] ?? 0;
    if (nLocal) {
      const localDir = path.join(BENCH_DIR, 'work-local', scenario.name);
      fs.rmSync(localDir, { recursive: true, force: true });
      writeConfig(localDir, gen.hcl, gen.tfvars, 'local');
      await terraformInit(localDir, baseEnv, 'local', stateName, opts, scratch);
      try {
        for (let i = 0; i < nLocal; i++) {
          emu = currentEmulator = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, faults: { latencyMs: opts.latencyMs } });
          clearState('local', localDir, stateName);
          const run = await measure(emu, scenario.name, 'apply_local', i, applyArgs, localDir, scratch, baseEnv, opts, 'local');
          checkApplied(run, readState('local', localDir, stateName), gen.objects);
          sr.runs.push(run);
          saveRaw();
          await emu.close();
          emu = currentEmulator = null;
          if (!run.ok) {
            log(`local-backend apply failed (${run.error ?? `exit ${run.exitCode}`})`);
            break;
          }
        }
      } finally {
        if (emu) await emu.close();
        currentEmulator = null;
      }
      if (!opts.keep) fs.rmSync(localDir, { recursive: true, force: true });
    }
    sr.finishedAt = new Date().toISOString();
    saveRaw();
  }

  results.machine.loadAtEnd = os.loadavg();
  results.durationS = Math.round((Date.now() - t0) / 1000);
  saveRaw();
  fs.mkdirSync(opts.outDir, { recursive: true });
  fs.writeFileSync(path.join(opts.outDir, 'results.json'), JSON.stringify(results, null, 1) + '\n');
  writeReport(results, opts.outDir);
  await stateServer?.close();
  log(
    `done in ${results.durationS} s: ${path.relative(REPO_ROOT, path.join(opts.outDir, 'RESULTS.md'))}, raw data ${path.relative(REPO_ROOT, rawFile)}`,
  );
}

/** After an apply from empty: the state must hold every object of the configuration. */
function checkApplied(run: CommandRun, stateJson: string | undefined, expected: number): void {
  run.stateObjects = countStateObjects(stateJson);
  if (stateJson !== undefined) run.stateBytes = Buffer.byteLength(stateJson);
  if (run.stateObjects !== expected) {
    run.ok = false;
    run.error = `${run.error ?? ''} state holds ${run.stateObjects} objects, expected ${expected}`.trim();
  }
}

/**
 * Apply from empty in chunks of at most opts.chunkSize objects, each its own configuration and
 * state (as a service provider would split a huge PBX into several root modules), one after
 * another against the same emulator; then merge the chunk states into the scenario's state so the
 * plans run on the whole configuration. Reported as one 'apply' run with per-chunk detail.
 * With the local backend the chunks share the scenario's initialized provider (TF_DATA_DIR); with
 * the http backend each chunk is its own state on the server (`<scenario>.chunk-NNN`) and so needs
 * its own `terraform init` (not counted in the apply's time).
 */
async function chunkedApply(
  emu: EmulatorHandle,
  scenario: string,
  round: number,
  args: string[],
  gen: GeneratedConfig,
  workDir: string,
  scratch: string,
  baseEnv: Record<string, string>,
  opts: Options,
): Promise<CommandRun> {
  const backend = opts.backend;
  const chunks = chunkBlocks(gen.blocks, opts.chunkSize);
  const root = path.join(scratch, 'chunks');
  fs.rmSync(root, { recursive: true, force: true });
  const statsFile = path.join(scratch, `apply-chunked-${round}.jsonl`);
  fs.rmSync(statsFile, { force: true });
  const env: Record<string, string> = { ...baseEnv, PORTSIP_ENDPOINT: emu.url, [STATS_FILE_ENV]: statsFile };
  if (backend === 'local') env.TF_DATA_DIR = path.join(workDir, '.terraform');
  emu.resetStats();
  const load1 = os.loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const detail: NonNullable<CommandRun['chunks']> = { size: opts.chunkSize, count: chunks.length, wallMs: [], objects: [] };
  let wall = 0;
  let user = 0;
  let sys = 0;
  let rss = 0;
  let initMs = 0;
  let stateStats: StateServerStats | undefined;
  let failed: { code: number; out: string } | null = null;
  const states: { resources: unknown[]; terraform_version: string }[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const dir = path.join(root, String(k).padStart(3, '0'));
    const chunkState = `${scenario}.chunk-${String(k).padStart(3, '0')}`;
    writeConfig(dir, gen.header + '\n' + chunks[k]!.map((b) => b.hcl).join('\n'), gen.tfvars, backend);
    fs.copyFileSync(path.join(workDir, '.terraform.lock.hcl'), path.join(dir, '.terraform.lock.hcl'));
    if (backend === 'http') {
      server().reset(chunkState);
      server().setMirror(chunkState, path.join(dir, 'state.json'));
      initMs += await terraformInit(dir, env, backend, chunkState, opts, scratch);
      server().resetStats();
    }
    const r = await runTerraform(args, dir, env, opts.commandTimeoutMs, scratch);
    if (backend === 'http') stateStats = addStateStats(stateStats, server().stats());
    wall += r.wallMs;
    user += r.cpuUserMs ?? NaN;
    sys += r.cpuSysMs ?? NaN;
    rss = Math.max(rss, r.maxRssKb ?? 0);
    detail.wallMs.push(Math.round(r.wallMs));
    detail.objects.push(chunks[k]!.length);
    log(
      `${scenario} r${round} apply chunk ${k + 1}/${chunks.length} (${chunks[k]!.length} objects) ${(r.wallMs / 1000).toFixed(2)} s exit ${r.code}`,
    );
    if (r.code !== 0) {
      failed = { code: r.code, out: `${tail(r.stdout)}\n${tail(r.stderr)}` };
      break;
    }
    const json = readState(backend, dir, chunkState);
    if (!json) {
      failed = { code: 0, out: `chunk ${k} left no state` };
      break;
    }
    states.push(JSON.parse(json) as (typeof states)[number]);
  }
  const cpu = process.cpuUsage(cpu0);
  await new Promise((res) => setTimeout(res, 50));
  if (!failed) {
    const merged = {
      version: 4,
      terraform_version: states[0]?.terraform_version ?? 'unknown',
      serial: 1,
      lineage: randomUUID(),
      outputs: {},
      resources: states.flatMap((st) => st.resources),
      check_results: null,
    };
    writeState(backend, workDir, scenario, JSON.stringify(merged, null, 2));
  }
  const st = emu.stats();
  const run: CommandRun = {
    scenario,
    kind: 'apply',
    round,
    args: [...args, `(in ${chunks.length} chunks of <= ${opts.chunkSize} objects, one state each, merged)`],
    exitCode: failed?.code ?? 0,
    ok: !failed,
    wallMs: Math.round(wall),
    tfTreeCpuUserMs: user,
    tfTreeCpuSysMs: sys,
    tfTreeMaxRssKb: rss,
    emulatorCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    load1: Math.round(load1 * 100) / 100,
    api: { total: st.total, byRoute: st.byRoute, byStatus: st.byStatus },
    providers: readStatsFile(statsFile),
    chunks: detail,
    backend,
  };
  if (stateStats) run.state = stateStats;
  if (failed) {
    run.error = `chunk apply ${failed.code ? `exited ${failed.code}` : 'failed'}`;
    log(`chunked apply failed:\n${failed.out}`);
  }
  log(
    `${scenario} r${round} apply (chunked)     ${(wall / 1000).toFixed(2).padStart(7)} s  api ${st.total} req (429: ${st.byStatus['429'] ?? 0})` +
      (backend === 'http'
        ? `  state uploads ${stateStats?.uploads ?? 0}; ${(initMs / 1000).toFixed(1)} s of per-chunk init not counted`
        : ''),
  );
  return run;
}

async function measure(
  emu: EmulatorHandle,
  scenario: string,
  kind: CommandKind,
  round: number,
  args: string[],
  workDir: string,
  scratch: string,
  baseEnv: Record<string, string>,
  opts: Options,
  backend: StateBackend,
): Promise<CommandRun> {
  const statsFile = path.join(scratch, `${kind}-${round}.jsonl`);
  fs.rmSync(statsFile, { force: true });
  const env = { ...baseEnv, PORTSIP_ENDPOINT: emu.url, [STATS_FILE_ENV]: statsFile };
  emu.resetStats();
  if (backend === 'http') server().resetStats();
  const load1 = os.loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const r = await runTerraform(args, workDir, env, opts.commandTimeoutMs, scratch);
  const cpu = process.cpuUsage(cpu0);
  // Providers write their line in an exit hook; terraform has waited for them, but be safe.
  await new Promise((res) => setTimeout(res, 50));
  const st = emu.stats();
  const ok = r.code === 0;
  const run: CommandRun = {
    scenario,
    kind,
    round,
    args,
    exitCode: r.code,
    ok,
    wallMs: Math.round(r.wallMs),
    tfTreeCpuUserMs: r.cpuUserMs,
    tfTreeCpuSysMs: r.cpuSysMs,
    tfTreeMaxRssKb: r.maxRssKb,
    emulatorCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    load1: Math.round(load1 * 100) / 100,
    api: { total: st.total, byRoute: st.byRoute, byStatus: st.byStatus },
    providers: readStatsFile(statsFile),
    backend,
  };
  if (backend === 'http') run.state = server().stats();
  const planLine = /^Plan: .*$/m.exec(r.stdout)?.[0] ?? (/No changes\./.test(r.stdout) ? 'No changes.' : undefined);
  if (planLine) run.planSummary = planLine;
  if (!ok) {
    run.error = r.code === 2 ? 'plan was not empty (exit 2)' : `exit ${r.code}`;
    log(`terraform ${args.join(' ')} exited ${r.code}:\n${tail(r.stdout)}\n${tail(r.stderr)}`);
  }
  const main = run.providers.reduce<ProviderStatsLine | undefined>(
    (best, p) => (!best || p.rpc_busy_ms > best.rpc_busy_ms ? p : best),
    undefined,
  );
  const s429 = st.byStatus['429'] ?? 0;
  const s5xx = Object.entries(st.byStatus)
    .filter(([k]) => /^5/.test(k))
    .reduce((n, [, v]) => n + v, 0);
  const cpuTree = (r.cpuUserMs ?? NaN) + (r.cpuSysMs ?? NaN);
  log(
    `${scenario} r${round} ${kind.padEnd(18)} ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  exit ${r.code}  api ${st.total} req (429: ${s429}, 5xx: ${s5xx})  ` +
      `launches ${run.providers.length}  main: rpc busy ${((main?.rpc_busy_ms ?? 0) / 1000).toFixed(2)} s, api busy ${((main?.api.busy_ms ?? 0) / 1000).toFixed(2)} s, rss ${Math.round((main?.max_rss_kb ?? 0) / 1024)} MiB  ` +
      `tf tree cpu ${(cpuTree / 1000).toFixed(1)} s  ${backend} state${
        run.state
          ? ` (${
              Object.entries(run.state.requests)
                .map(([m, n]) => `${m} ${n}`)
                .join(', ') || 'no requests'
            })`
          : ''
      }  load ${load1.toFixed(2)}`,
  );
  return run;
}

/**
 * --export-only: per scenario, seed a fresh emulator by applying the scenario (http backend), run a
 * no-op batch plan for reference, then `portsip export` into a fresh folder (in this process: the
 * CLI's own code) and `terraform init && terraform plan` there, which must be imports only. The
 * result goes into results.json's `exports` (the rest of the file is kept) and RESULTS.md.
 */
async function exportBench(opts: Options, argv: string[]): Promise<void> {
  const entry = path.join(REPO_ROOT, 'dist', 'provider.js');
  if (!fs.existsSync(entry)) throw new Error('dist/provider.js is missing: run "npm run build" (npm run bench does it first)');
  const resultsFile = path.join(opts.outDir, 'results.json');
  if (!fs.existsSync(resultsFile)) throw new Error(`${resultsFile} is missing: --export-only adds to the results of a full run`);
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const install = installDevLauncher({ dir: path.join(BENCH_DIR, 'provider'), version: PROVIDER_VERSION, providerEntry: entry });
  const singletons = singletonsPresent(Object.keys(portsipResources));
  const tls = createSelfSignedCert('pbx.bench.example.com');
  stateServer = await startStateServer();
  await waitForLoad(opts);
  log(`export-only: scenarios ${opts.scenarios.map((s) => s.name).join(',')}, latency ${opts.latencyMs} ms (${argv.join(' ')})`);
  for (const scenario of opts.scenarios) {
    const gen = generateConfig(scenario, { singletons, tls, providerVersion: PROVIDER_VERSION });
    const workDir = path.join(BENCH_DIR, 'work', `${scenario.name}-export-seed`);
    const exportDir = path.join(BENCH_DIR, 'work', `${scenario.name}-export`);
    const scratch = path.join(BENCH_DIR, 'scratch', `${scenario.name}-export`);
    const stateName = `${scenario.name}-export`;
    for (const d of [workDir, exportDir, scratch]) fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
    writeConfig(workDir, gen.hcl, gen.tfvars, 'http');
    server().reset(stateName);
    const baseEnv = terraformEnv(install.cliConfigFile);
    await terraformInit(workDir, baseEnv, 'http', stateName, opts, scratch);
    const emu = (currentEmulator = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, faults: { latencyMs: opts.latencyMs } }));
    try {
      const applyArgs = ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${opts.parallelism}`];
      const seed = await measure(emu, scenario.name, 'apply', 0, applyArgs, workDir, scratch, baseEnv, opts, 'http');
      if (!seed.ok) throw new Error(`seeding ${scenario.name} failed: ${seed.error}`);
      const planArgs = [
        'plan',
        '-input=false',
        '-no-color',
        '-detailed-exitcode',
        `-parallelism=${opts.parallelism}`,
        '-var=read_strategy=batch',
      ];
      const batchPlan = await measure(emu, scenario.name, 'plan_batch', 0, planArgs, workDir, scratch, baseEnv, opts, 'http');

      emu.resetStats();
      const load1 = os.loadavg()[0]!;
      const t0 = performance.now();
      let stderr = '';
      const summary = await runExport(
        { out: exportDir, format: 'hcl', parallelism: String(opts.parallelism) },
        {
          cwd: REPO_ROOT,
          env: { ...baseEnv, PORTSIP_ENDPOINT: emu.url },
          stdout: () => undefined,
          stderr: (x) => (stderr += x),
        },
      );
      const wallMs = Math.round(performance.now() - t0);
      const st = emu.stats();
      log(
        `${scenario.name} export: ${summary.objects} objects, ${(wallMs / 1000).toFixed(2)} s, ${summary.requests} requests (emulator ${st.total})`,
      );
      process.stderr.write(stderr);

      await terraformInit(exportDir, baseEnv, 'local', stateName, opts, scratch);
      const exportPlanArgs = ['plan', '-input=false', '-no-color', `-parallelism=${opts.parallelism}`];
      const exportPlan = await measure(emu, scenario.name, 'plan_export', 0, exportPlanArgs, exportDir, scratch, baseEnv, opts, 'local');
      const importsOnly = /^Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\.$/.test(exportPlan.planSummary ?? '');
      if (!importsOnly) {
        exportPlan.ok = false;
        exportPlan.error = `the plan of the export is not imports only: ${exportPlan.planSummary ?? exportPlan.error ?? 'no Plan: line'}`;
        log(exportPlan.error);
      }
      const result: ExportResult = {
        scenario: scenario.name,
        date: new Date().toISOString(),
        objects: gen.objects,
        exported: summary.objects,
        export: { wallMs, requests: summary.requests, api: { total: st.total, byRoute: st.byRoute } },
        batchPlan,
        exportPlan,
        latencyMs: opts.latencyMs,
        parallelism: opts.parallelism,
        load1: Math.round(load1 * 100) / 100,
      };
      results.exports = [...(results.exports ?? []).filter((x) => x.scenario !== scenario.name), result];
    } finally {
      await emu.close();
      currentEmulator = null;
    }
    if (!opts.keep) for (const d of [workDir, exportDir]) fs.rmSync(d, { recursive: true, force: true });
  }
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 1) + '\n');
  writeReport(results, opts.outDir);
  await stateServer?.close();
  log(`export results written to ${path.relative(REPO_ROOT, path.join(opts.outDir, 'RESULTS.md'))}`);
}

main().catch((e: unknown) => {
  log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  killCurrent();
  void (currentEmulator?.close() ?? Promise.resolve()).finally(() => process.exit(1));
});
