// Shapes shared by the runner (run.ts), the report (report.ts) and the chart (chart.ts).
import type { ProviderStatsLine } from '../src/provider/stats';
import type { Scenario } from './scenarios';

/**
 * `apply` runs with the run's state backend (options.backend); `apply_local` is the comparison
 * apply from empty with Terraform's default local backend (--local-apply).
 */
/** plan_batch_no_links: batch reads with tenant_dealer_reads = "none" (no dealer-link request per tenant). */
/** plan_export: the first plan of a `portsip export` of the PBX (import blocks only, --export-only). */
export type CommandKind =
  'apply' | 'apply_local' | 'plan_batch' | 'plan_batch_no_links' | 'plan_per_resource' | 'plan_refresh_false' | 'plan_export';

/**
 * Where Terraform keeps the state: Terraform's `pg` backend on the runner's PostgreSQL server, or
 * terraform.tfstate. `http` (the runner's former HTTP state server) only appears in older results.
 */
export type StateBackend = 'pg' | 'local' | 'http';

/**
 * State uploads of one command with a remote backend. pg: rows written to the state's table
 * (PostgreSQL's statistics). The other fields were counted by the former HTTP state server.
 */
export interface StateStats {
  uploads: number;
  uploadBytes?: number;
  lastUploadBytes?: number;
  requests?: Record<string, number>;
  byStatus?: Record<string, number>;
  handlerMs?: number;
}

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
  /** The state backend of this command (absent in results from before the option: local). */
  backend?: StateBackend;
  /** Size of the state at the end of the command, bytes (apply runs). */
  stateBytes?: number;
  /** State uploads during the command (remote backends). */
  state?: StateStats;
  /** A chunked apply: chunk size, count, and each chunk's wall time and objects. */
  chunks?: { size: number; count: number; wallMs: number[]; objects: number[] };
  /** The "Plan: ..." line of a plan (plan_export: must be imports only). */
  planSummary?: string;
  error?: string;
}

/** `npm run bench -- --export-only`: `portsip export` of a seeded scenario and the plan that follows. */
export interface ExportResult {
  scenario: string;
  date: string;
  /** Objects the scenario's configuration holds, and objects the export wrote. */
  objects: number;
  exported: number;
  export: {
    wallMs: number;
    /** Requests the export's client sent (every attempt), and the emulator's count by route. */
    requests: number;
    api: { total: number; byRoute: Record<string, number> };
  };
  /** A no-op batch plan of the seeding configuration, on the same PBX (the bound's reference). */
  batchPlan: CommandRun;
  /** `terraform plan` of the export (first plan: imports only). */
  exportPlan: CommandRun;
  latencyMs: number;
  parallelism: number;
  load1: number;
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
  /** Only measure `portsip export` (and the plan that follows) on the scenarios; results.json keeps the rest. */
  exportOnly: boolean;
  /** Rounds of the floor comparison (bench/floor.ts) at the end of a full run; 0 skips it. */
  floorRuns: number;
  /** Only re-render the report from this saved results file. */
  reportFrom?: string;
  /** Objects per chunk in a chunked apply. */
  chunkSize: number;
  /** Scenarios whose apply runs in chunks (separate states, merged afterwards) instead of one state. */
  chunkedApply: string[];
  /** State backend of every command (the comparison applies aside). */
  backend: StateBackend;
  /** Scenarios that also get a measured apply from empty with the local backend (kind apply_local). */
  localApply: string[];
  /** Only the applies from empty, into pg and local, of the scenarios (bench/apply-only.ts). */
  applyOnly: boolean;
  /** How many such applies per scenario. */
  localApplyRuns: number;
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
  options: {
    runs: number;
    applyRuns: Record<string, number>;
    latencyMs: number;
    parallelism: number;
    rateLimitPerMinute: number;
    /** Absent in results from before the option: those used the local backend. */
    backend?: StateBackend;
    /** The PostgreSQL server's version (pg backend). */
    postgres?: string;
    /** Why the run fell back to the local backend: the pg backend's server was not found. */
    pgSkipped?: string;
    /** Scenario → number of comparison applies with the local backend (kind apply_local). */
    localApplyRuns?: Record<string, number>;
    chunkedApply?: string[];
    chunkSize?: number;
    /** Terraform's interval between intermediate state uploads during an apply (remote backends), s. */
    statePersistIntervalS?: number;
  };
  machine: MachineInfo;
  scenarios: ScenarioResult[];
  /** --export-only runs, kept across full runs of the benchmark (the report renders them). */
  exports?: ExportResult[];
  /** --apply-only runs, kept across full runs of the benchmark (the report renders them). */
  applyOnly?: ApplyOnlyResult[];
}

/** `npm run bench -- --apply-only`: a scenario's applies from empty into pg and into local state. */
export interface ApplyOnlyResult {
  scenario: string;
  date: string;
  command: string;
  objects: number;
  latencyMs: number;
  parallelism: number;
  gitCommit?: string;
  /** The PostgreSQL server's version, or why the pg applies were skipped. */
  postgres?: string;
  pgSkipped?: string;
  /** kind `apply` (pg backend) and `apply_local`. */
  runs: CommandRun[];
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
