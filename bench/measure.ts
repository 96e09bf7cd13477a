// One measured terraform command (measure), the chunked apply from empty (chunkedApply) and the
// check that an apply from empty left every object in state (checkApplied): wall time, CPU and RSS
// of the terraform tree, the emulator's requests by route and status, the providers' stats lines.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EmulatorHandle } from '../src/emulator';
import { STATS_FILE_ENV, type ProviderStatsLine } from '../src/provider/stats';
import { log, readStatsFile, runTerraform, tail } from './runner';
import { chunkBlocks, type GeneratedConfig } from './scenarios';
import {
  addStateStats,
  clearState,
  countStateObjects,
  readState,
  stateStatsSince,
  stateWrites,
  terraformInit,
  writeConfig,
  writeState,
} from './state';
import type { CommandKind, CommandRun, Options, StateBackend, StateStats } from './types';

/** After an apply from empty: the state must hold every object of the configuration. */
export function checkApplied(run: CommandRun, stateJson: string | undefined, expected: number): void {
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
 * the pg backend each chunk is its own state (schema of `<scenario>.chunk-NNN`) and so needs its
 * own `terraform init` (not counted in the apply's time).
 */
export async function chunkedApply(
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
  let stateStats: StateStats | undefined;
  let failed: { code: number; out: string } | null = null;
  const states: { resources: unknown[]; terraform_version: string }[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const dir = path.join(root, String(k).padStart(3, '0'));
    const chunkState = `${scenario}.chunk-${String(k).padStart(3, '0')}`;
    writeConfig(dir, gen.header + '\n' + chunks[k]!.map((b) => b.hcl).join('\n'), gen.tfvars, backend);
    fs.copyFileSync(path.join(workDir, '.terraform.lock.hcl'), path.join(dir, '.terraform.lock.hcl'));
    let writes0: number | undefined;
    if (backend === 'pg') {
      initMs += await terraformInit(dir, env, backend, chunkState, opts, scratch);
      clearState(backend, dir, chunkState);
      writes0 = stateWrites(backend, chunkState);
    }
    const r = await runTerraform(args, dir, env, opts.commandTimeoutMs, scratch);
    stateStats = addStateStats(stateStats, await stateStatsSince(backend, chunkState, writes0));
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
      (backend === 'pg'
        ? `  state uploads ${stateStats?.uploads ?? 0}; ${(initMs / 1000).toFixed(1)} s of per-chunk init not counted`
        : ''),
  );
  return run;
}

export async function measure(
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
  stateName = scenario,
): Promise<CommandRun> {
  const statsFile = path.join(scratch, `${kind}-${round}.jsonl`);
  fs.rmSync(statsFile, { force: true });
  const env = { ...baseEnv, PORTSIP_ENDPOINT: emu.url, [STATS_FILE_ENV]: statsFile };
  emu.resetStats();
  const writes0 = stateWrites(backend, stateName);
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
  const state = await stateStatsSince(backend, stateName, writes0);
  if (state) run.state = state;
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
      `tf tree cpu ${(cpuTree / 1000).toFixed(1)} s  ${backend} state${run.state ? ` (${run.state.uploads} writes)` : ''}  load ${load1.toFixed(2)}`,
  );
  return run;
}
