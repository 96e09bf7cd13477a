// Shapes shared by the runner (run.ts), the report (report.ts) and the chart (chart.ts).
import type { ProviderStatsLine } from '../src/provider/stats';
import type { Scenario } from './scenarios';

export type CommandKind = 'apply' | 'plan_batch' | 'plan_per_resource' | 'plan_refresh_false';

export interface CommandRun {
  scenario: string;
  kind: CommandKind;
  round: number;
  args: string[];
  exitCode: number;
  ok: boolean;
  wallMs: number;
  /** terraform + every provider process it waited for (GNU time: rusage of the child tree). */
  tfTreeCpuUserMs: number | null;
  tfTreeCpuSysMs: number | null;
  /** Largest RSS in that tree (terraform itself or one provider), KiB. */
  tfTreeMaxRssKb: number | null;
  /** CPU of the runner process during the command: the in-process emulator, essentially. */
  emulatorCpuMs: number;
  load1: number;
  api: { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> };
  /** One line per provider launch, in start order. */
  providers: ProviderStatsLine[];
  stateObjects?: number;
  /** A chunked apply: chunk size, count, and each chunk's wall time and objects. */
  chunks?: { size: number; count: number; wallMs: number[]; objects: number[] };
  error?: string;
}

export interface Options {
  scenarios: Scenario[];
  runs: number;
  applyRuns: Record<string, number>;
  latencyMs: number;
  parallelism: number;
  outDir: string;
  waitLoad: number;
  waitMaxS: number;
  keep: boolean;
  commandTimeoutMs: number;
  /** Only re-render the report from this saved results file. */
  reportFrom?: string;
  /** Objects per chunk in a chunked apply. */
  chunkSize: number;
  /** Scenarios whose apply runs in chunks (separate states, merged afterwards) instead of one state. */
  chunkedApply: string[];
}

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memTotalGb: number;
  os: string;
  node: string;
  terraform: string;
  loadAtStart: number[];
  loadAtEnd: number[];
  waitedForLoadS: number;
  /** `git rev-parse --short HEAD`, with "+dirty" when the work tree had changes. */
  gitCommit?: string;
}

export interface ScenarioResult {
  scenario: Scenario;
  objects: number;
  counts: Record<string, number>;
  singletons: string[];
  configBytes: number;
  runs: CommandRun[];
  startedAt: string;
  finishedAt: string;
}

export interface BenchResults {
  command: string;
  date: string;
  durationS: number;
  options: { runs: number; applyRuns: Record<string, number>; latencyMs: number; parallelism: number; rateLimitPerMinute: number };
  machine: MachineInfo;
  scenarios: ScenarioResult[];
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
