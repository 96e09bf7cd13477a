// `npm run bench -- --apply-only [--size S]`: the apply from empty alone, into Terraform's `pg`
// backend (the runner's PostgreSQL on loopback) and, as the comparison, into the local backend,
// without the plans of a full run. Per scenario: --apply-runs applies into pg, then
// --local-apply-runs into local state (if the scenario is in --local-apply), each with a fresh
// emulator and an empty state. The runs go into results.json's `applyOnly` (the rest of the file is
// kept) and RESULTS.md's "Apply from empty into PostgreSQL" section (bench/report-apply-only.ts).
// Without PostgreSQL the pg applies are skipped with the message that says how to install it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../src/emulator';
import { checkApplied, measure } from './measure';
import { writeReport } from './report';
import { machineInfo, waitForLoad } from './run-machine';
import { ADMIN_PASSWORD, BENCH_DIR, current, log, PROVIDER_VERSION, REPO_ROOT, terraformEnv } from './runner';
import { generateConfig, type GeneratedConfig } from './scenarios';
import { clearState, readState, startPgBackend, stopPgBackend, terraformInit, writeConfig } from './state';
import { partialRunSetup } from './partial-run';
import type { ApplyOnlyResult, CommandRun, Options, StateBackend } from './types';

export async function applyOnlyBench(opts: Options, argv: string[]): Promise<void> {
  const { resultsFile, results, install, singletons, tls } = partialRunSetup(opts, '--apply-only');
  const pg = await startPgBackend();
  if ('skipped' in pg) log(pg.skipped);
  const waited = await waitForLoad(opts);
  const machine = machineInfo([], waited);
  log(`apply-only: scenarios ${opts.scenarios.map((s) => s.name).join(',')}, latency ${opts.latencyMs} ms (${argv.join(' ')})`);
  const baseEnv = terraformEnv(install.cliConfigFile);
  for (const scenario of opts.scenarios) {
    const gen = generateConfig(scenario, { singletons, tls, providerVersion: PROVIDER_VERSION });
    const result: ApplyOnlyResult = {
      scenario: scenario.name,
      date: new Date().toISOString(),
      command: `npm run bench -- ${argv.join(' ')}`,
      objects: gen.objects,
      latencyMs: opts.latencyMs,
      parallelism: opts.parallelism,
      ...(machine.gitCommit ? { gitCommit: machine.gitCommit } : {}),
      ...('skipped' in pg ? { pgSkipped: pg.skipped } : { postgres: pg.version }),
      runs: [],
    };
    const plan: [StateBackend, number][] = [
      ['pg', 'skipped' in pg ? 0 : (opts.applyRuns[scenario.name] ?? opts.runs)],
      ['local', opts.localApply.includes(scenario.name) ? opts.localApplyRuns : 0],
    ];
    for (const [backend, n] of plan) if (n > 0) result.runs.push(...(await applies(scenario.name, gen, backend, n, baseEnv, opts)));
    results.applyOnly = [...(results.applyOnly ?? []).filter((x) => x.scenario !== scenario.name), result];
    // Written after each scenario, so a later failure keeps what was measured.
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 1) + '\n');
  }
  writeReport(results, opts.outDir);
  stopPgBackend();
  log(`apply-only results written to ${path.relative(REPO_ROOT, path.join(opts.outDir, 'RESULTS.md'))}`);
}

/** `n` applies from empty of one scenario with one backend, in a work dir of their own. */
async function applies(
  scenario: string,
  gen: GeneratedConfig,
  backend: StateBackend,
  n: number,
  baseEnv: Record<string, string>,
  opts: Options,
): Promise<CommandRun[]> {
  const workDir = path.join(BENCH_DIR, 'work-apply', `${scenario}-${backend}`);
  const scratch = path.join(BENCH_DIR, 'scratch', `${scenario}-apply-${backend}`);
  const stateName = `${scenario}-apply`;
  for (const d of [workDir, scratch]) fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  writeConfig(workDir, gen.hcl, gen.tfvars, backend);
  await terraformInit(workDir, baseEnv, backend, stateName, opts, scratch);
  const args = ['apply', '-input=false', '-no-color', '-auto-approve', `-parallelism=${opts.parallelism}`];
  const kind = backend === 'local' ? 'apply_local' : 'apply';
  const runs: CommandRun[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const emu = (current.emulator = await startEmulator({
        port: 0,
        adminPassword: ADMIN_PASSWORD,
        faults: { latencyMs: opts.latencyMs },
      }));
      try {
        clearState(backend, workDir, stateName);
        const run = await measure(emu, scenario, kind, i, args, workDir, scratch, baseEnv, opts, backend, stateName);
        checkApplied(run, readState(backend, workDir, stateName), gen.objects);
        runs.push(run);
        if (!run.ok) {
          log(`${backend}-backend apply failed (${run.error ?? `exit ${run.exitCode}`})`);
          break;
        }
      } finally {
        await emu.close();
        current.emulator = null;
      }
    }
  } finally {
    if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true });
  }
  return runs;
}
