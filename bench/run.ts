// The scale benchmark: `npm run bench [-- options]` (bench/index.js bundles this file with esbuild
// into .bench/ and runs it). For each scenario it
//   1. generates a Terraform configuration (bench/scenarios.ts) into .bench/work/<scenario>/, with
//      an empty `backend "pg" {}` (backend.tf) whose conn_str points at the PostgreSQL server the
//      runner starts on loopback (bench/pg.ts) unless --backend local (or PostgreSQL is not found);
//   2. per round: starts a fresh emulator (latency per request, default rate limit 10,000/min),
//      runs `terraform apply` from empty (the scenario's state dropped first), then
//      the no-op plans in rotating order: `plan` with read_strategy = "batch", with "per_resource",
//      and `plan -refresh=false`;
//   3. after its rounds, for the scenarios of --local-apply: the same apply from empty with
//      Terraform's default local backend (own work dir and init, fresh emulator), kind apply_local,
//      so the report can set the two backends side by side;
//   4. records per command: wall time, CPU and peak RSS of terraform + providers (/usr/bin/time),
//      the emulator's request counts by route and status, its CPU (this process), one stats
//      line per provider launch (PORTSIP_PROVIDER_STATS_FILE, src/provider/stats.ts) and, with
//      pg, the rows written to the state's table (how many state uploads an apply made);
// and finally writes RESULTS.md, results.json and the chart (bench/report.ts, bench/chart.ts).
//
// Options:
//   --scenarios S,L          scenarios (XS, S, M, L, or name:rules:dealers:tenants:transports)
//   --runs 3                 rounds per scenario (plans are measured once per round)
//   --apply-runs 3 | S=3,L=1 rounds that start from an empty PBX with a measured apply (default: --runs,
//                            1 for chunked scenarios); later rounds re-plan the last apply's state
//   --backend pg|local       state backend of every command (default pg: Terraform's pg backend on the
//                            runner's PostgreSQL; found in PG_BIN, PATH or /usr/lib/postgresql/*/bin)
//   --local-apply S | none   scenarios that also get an apply from empty with the local backend (default S)
//   --local-apply-runs 1     how many of those per scenario
//   --chunked-apply none     scenarios applied in chunks of --chunk-size 500 objects, one state each
//   --latency 20             emulator latency per request, ms
//   --parallelism 10         terraform -parallelism
//   --out bench              where RESULTS.md, results.json and plan-time.svg go
//   --wait-load 3            before starting, wait (up to --wait-max 600 s) for the 1-min load to drop below this
//   --keep                   keep .bench/work after the run
//   --floor-runs 5           rounds of the floor comparison (bench/floor.ts) after the scenarios; 0 skips it
//   --export-only            only measure `portsip export` (default scenario S): seed a fresh emulator by
//                            applying the scenario, a no-op batch plan for reference, the export, and the
//                            plan of the export (imports only); results.json keeps everything else
//   --apply-only             only the applies from empty (default scenario S, --size is --scenarios): into
//                            pg (--apply-runs) and into local state (--local-apply-runs); results.json
//                            keeps everything else (bench/apply-only.ts)

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installDevLauncher } from '../src/cli/provider-install';
import { startEmulator, type EmulatorHandle } from '../src/emulator';
import { createSelfSignedCert } from '../src/provider/cert';
import { portsipResources } from '../src/resources';
import { exportBench } from './export-bench';
import { runFloor } from './floor';
import { checkApplied, chunkedApply, measure } from './measure';
import { parseArgs } from './options';
import { writeReport } from './report';
import { machineInfo, waitForLoad } from './run-machine';
import { ADMIN_PASSWORD, BENCH_DIR, current, killCurrent, log, PROVIDER_VERSION, REPO_ROOT, runCleanups, terraformEnv } from './runner';
import { generateConfig, singletonsPresent } from './scenarios';
import { clearState, readState, startPgBackend, statePersistIntervalS, stopPgBackend, terraformInit, writeConfig } from './state';
import { applyOnlyBench } from './apply-only';
import type { BenchResults, CommandKind, ScenarioResult } from './types';

const PLAN_KINDS: CommandKind[] = ['plan_batch', 'plan_batch_no_links', 'plan_per_resource', 'plan_refresh_false'];

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
  if (opts.applyOnly) return applyOnlyBench(opts, argv);
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
  let pgVersion: string | undefined;
  let pgSkipped: string | undefined;
  if (opts.backend === 'pg') {
    const pg = await startPgBackend();
    if ('skipped' in pg) {
      // No PostgreSQL here: the run goes on with the local backend, and RESULTS.md says why.
      pgSkipped = pg.skipped;
      log(`${pg.skipped} Every command uses the local backend instead.`);
      opts.backend = 'local';
    } else pgVersion = pg.version;
  }
  // The comparison applies with the local backend: only meaningful when the runs use pg.
  const localApplyRuns: Record<string, number> = {};
  if (opts.backend === 'pg' && opts.localApplyRuns > 0)
    for (const s of opts.scenarios) if (opts.localApply.includes(s.name)) localApplyRuns[s.name] = opts.localApplyRuns;
  if (opts.backend === 'local' && opts.localApply.some((n) => opts.scenarios.some((s) => s.name === n)))
    log('local backend: every apply already uses the local backend, so no separate --local-apply comparison runs');
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
      ...(pgVersion ? { postgres: pgVersion } : {}),
      ...(pgSkipped ? { pgSkipped } : {}),
      localApplyRuns,
      chunkedApply: opts.chunkedApply.filter((n) => opts.scenarios.some((s) => s.name === n)),
      chunkSize: opts.chunkSize,
      statePersistIntervalS: statePersistIntervalS(),
    },
    machine: machineInfo(loadAtStart, waited),
    scenarios: [],
    // The --export-only and --apply-only sections of the previous results are measured on their own: keep them.
    ...previousSections(path.join(opts.outDir, 'results.json')),
  };
  // Every apply from empty, whatever its backend or chunking, runs with the same arguments.
  const applyArgs = ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${opts.parallelism}`];
  const saveRaw = () => fs.writeFileSync(rawFile, JSON.stringify(results, null, 1));

  for (const scenario of opts.scenarios) {
    const gen = generateConfig(scenario, { singletons, tls, providerVersion: PROVIDER_VERSION });
    const workDir = path.join(BENCH_DIR, 'work', scenario.name);
    const scratch = path.join(BENCH_DIR, 'scratch', scenario.name);
    // Scenario names are [A-Za-z0-9_-]+ (scenarios.ts), valid state names (pg: bench_<name> schemas).
    const stateName = scenario.name;
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.mkdirSync(scratch, { recursive: true });
    writeConfig(workDir, gen.hcl, gen.tfvars, opts.backend);
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
          emu = current.emulator = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, faults: { latencyMs: opts.latencyMs } });
          clearState(opts.backend, workDir, stateName);
          const run = opts.chunkedApply.includes(scenario.name)
            ? await chunkedApply(emu, scenario.name, round, applyArgs, gen, workDir, scratch, baseEnv, opts)
            : await measure(emu, scenario.name, 'apply', round, applyArgs, workDir, scratch, baseEnv, opts, opts.backend);
          checkApplied(run, readState(opts.backend, workDir, stateName), gen.objects);
          sr.runs.push(run);
          saveRaw();
          if (!run.ok) {
            log(`apply failed (${run.error ?? `exit ${run.exitCode}`}); skipping the rest of scenario ${scenario.name}`);
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
      emu = current.emulator = null;
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
          emu = current.emulator = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, faults: { latencyMs: opts.latencyMs } });
          clearState('local', localDir, stateName);
          const run = await measure(emu, scenario.name, 'apply_local', i, applyArgs, localDir, scratch, baseEnv, opts, 'local');
          checkApplied(run, readState('local', localDir, stateName), gen.objects);
          sr.runs.push(run);
          saveRaw();
          await emu.close();
          emu = current.emulator = null;
          if (!run.ok) {
            log(`local-backend apply failed (${run.error ?? `exit ${run.exitCode}`})`);
            break;
          }
        }
      } finally {
        if (emu) await emu.close();
        current.emulator = null;
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
  stopPgBackend();
  // The floor comparison (bench/floor.ts) with as many objects as the first scenario has IP rules:
  // its own section of RESULTS.md, from this same run.
  if (opts.floorRuns > 0) {
    const objects = opts.scenarios[0]!.ipRules;
    log(`floor comparison: ${objects} objects, ${opts.floorRuns} runs per side`);
    await runFloor(['--objects', String(objects), '--runs', String(opts.floorRuns)], { outDir: opts.outDir, command: results.command });
  }
  log(
    `done in ${results.durationS} s: ${path.relative(REPO_ROOT, path.join(opts.outDir, 'RESULTS.md'))}, raw data ${path.relative(REPO_ROOT, rawFile)}`,
  );
}

/** The sections of a previous results file that a full run does not measure. */
function previousSections(file: string): Pick<BenchResults, 'exports' | 'applyOnly'> {
  if (!fs.existsSync(file)) return {};
  const prev = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  return { ...(prev.exports ? { exports: prev.exports } : {}), ...(prev.applyOnly ? { applyOnly: prev.applyOnly } : {}) };
}

main().catch((e: unknown) => {
  log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  killCurrent();
  runCleanups();
  void (current.emulator?.close() ?? Promise.resolve()).finally(() => process.exit(1));
});
