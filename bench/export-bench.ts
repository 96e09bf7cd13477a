// `npm run bench -- --export-only`: `portsip export` of a seeded PBX at scale and the plan of the
// export, which must be imports only; the result is added to results.json and RESULTS.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runExport } from '../src/cli/export';
import { startEmulator } from '../src/emulator';
import { measure } from './measure';
import { writeReport } from './report';
import { ADMIN_PASSWORD, BENCH_DIR, current, log, PROVIDER_VERSION, REPO_ROOT, terraformEnv } from './runner';
import { generateConfig } from './scenarios';
import { clearState, startPgBackend, stopPgBackend, terraformInit, writeConfig } from './state';
import { partialRunSetup } from './partial-run';
import type { ExportResult, Options, StateBackend } from './types';
import { waitForLoad } from './run-machine';

/**
 * --export-only: per scenario, seed a fresh emulator by applying the scenario (pg backend; local without PostgreSQL), run a
 * no-op batch plan for reference, then `portsip export` into a fresh folder (in this process: the
 * CLI's own code) and `terraform init && terraform plan` there, which must be imports only. The
 * result goes into results.json's `exports` (the rest of the file is kept) and RESULTS.md.
 */
export async function exportBench(opts: Options, argv: string[]): Promise<void> {
  const { resultsFile, results, install, singletons, tls } = partialRunSetup(opts, '--export-only');
  // The seeding apply: into pg (Terraform's local backend rewrites the whole state file after every resource).
  const pg = await startPgBackend();
  if ('skipped' in pg) log(`${pg.skipped} Seeding with the local backend instead (slower).`);
  const seedBackend: StateBackend = 'skipped' in pg ? 'local' : 'pg';
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
    writeConfig(workDir, gen.hcl, gen.tfvars, seedBackend);
    const baseEnv = terraformEnv(install.cliConfigFile);
    await terraformInit(workDir, baseEnv, seedBackend, stateName, opts, scratch);
    clearState(seedBackend, workDir, stateName);
    const emu = (current.emulator = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, faults: { latencyMs: opts.latencyMs } }));
    try {
      const applyArgs = ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${opts.parallelism}`];
      const seed = await measure(emu, scenario.name, 'apply', 0, applyArgs, workDir, scratch, baseEnv, opts, seedBackend, stateName);
      if (!seed.ok) throw new Error(`seeding ${scenario.name} failed: ${seed.error}`);
      const planArgs = [
        'plan',
        '-input=false',
        '-no-color',
        '-detailed-exitcode',
        `-parallelism=${opts.parallelism}`,
        '-var=read_strategy=batch',
      ];
      const batchPlan = await measure(
        emu,
        scenario.name,
        'plan_batch',
        0,
        planArgs,
        workDir,
        scratch,
        baseEnv,
        opts,
        seedBackend,
        stateName,
      );

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
      current.emulator = null;
    }
    if (!opts.keep) for (const d of [workDir, exportDir]) fs.rmSync(d, { recursive: true, force: true });
  }
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 1) + '\n');
  writeReport(results, opts.outDir);
  stopPgBackend();
  log(`export results written to ${path.relative(REPO_ROOT, path.join(opts.outDir, 'RESULTS.md'))}`);
}
