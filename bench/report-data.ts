// The report's building blocks: labels of the command kinds, number formats, the runs of a kind,
// the per-run decomposition of wall time and CPU (breakdown), status counts and the batch plan's
// request bound. Used by every part of the report (report.ts, report-scenario.ts, report-analysis.ts).
import type { ProviderStatsLine } from '../src/provider/stats';
import { median, type BenchResults, type CommandKind, type CommandRun, type ScenarioResult, type StateBackend } from './types';

export const KIND_LABEL: Record<CommandKind, string> = {
  apply: '`apply` from empty',
  apply_local: '`apply` from empty, local backend (comparison)',
  plan_batch: 'no-op `plan`, `read_strategy = "batch"`',
  plan_batch_no_links: 'no-op `plan`, `read_strategy = "batch"`, `tenant_dealer_reads = "none"`',
  plan_per_resource: 'no-op `plan`, `read_strategy = "per_resource"`',
  plan_refresh_false: "`plan -refresh=false` (Terraform's floor)",
  plan_export: '`plan` of a `portsip export` (imports only)',
};
const SHORT: Record<CommandKind, string> = {
  apply: 'apply',
  apply_local: 'apply (local backend)',
  plan_batch: 'plan batch',
  plan_batch_no_links: 'plan batch, no dealer links',
  plan_per_resource: 'plan per_resource',
  plan_refresh_false: 'plan -refresh=false',
  plan_export: 'plan of an export',
};
export const KINDS: CommandKind[] = [
  'apply',
  'apply_local',
  'plan_batch',
  'plan_batch_no_links',
  'plan_per_resource',
  'plan_refresh_false',
];

/** The run's state backend; results from before `--backend` existed all used the local backend. */
export function backendOf(res: BenchResults): StateBackend {
  return res.options.backend ?? 'local';
}
export function runBackend(res: BenchResults, r: CommandRun): StateBackend {
  return r.backend ?? (r.kind === 'apply_local' ? 'local' : backendOf(res));
}
/** `apply` labelled with its backend when the page also holds local-backend comparison applies. */
export function kindLabel(res: BenchResults, k: CommandKind): string {
  return k === 'apply' ? `${KIND_LABEL.apply}, ${backendOf(res)} backend` : KIND_LABEL[k];
}
export function shortLabel(res: BenchResults, k: CommandKind): string {
  return k === 'apply' ? `apply (${backendOf(res)} backend)` : SHORT[k];
}
/** Single-state applies from empty with the given backend (either kind). */
export function singleApplies(res: BenchResults, sr: ScenarioResult, backend: StateBackend): CommandRun[] {
  return sr.runs.filter((r) => r.ok && (r.kind === 'apply' || r.kind === 'apply_local') && !r.chunks && runBackend(res, r) === backend);
}

export const s1 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const mib = (kb: number) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '–');
/** Bytes as MiB, with two decimals below 10 MiB. */
export const mb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 2 : 1) : '–');
export const plural = (n: number, one: string, many = `${one}s`) => `${int(n)} ${Math.round(n) === 1 ? one : many}`;
export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

export function runsOf(sr: ScenarioResult, kind: CommandKind): CommandRun[] {
  return sr.runs.filter((r) => r.kind === kind);
}
export function okRuns(sr: ScenarioResult, kind: CommandKind): CommandRun[] {
  return runsOf(sr, kind).filter((r) => r.ok);
}

interface Agg {
  n: number;
  failed: number;
  med: number;
  min: number;
  max: number;
}
export function agg(rs: CommandRun[], all: CommandRun[], f: (r: CommandRun) => number): Agg {
  const xs = rs.map(f).filter((x) => Number.isFinite(x));
  return {
    n: xs.length,
    failed: all.length - rs.length,
    med: median(xs),
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

/** The provider launch that did the command's work (most time inside RPC handlers). */
export function mainLaunch(r: CommandRun): ProviderStatsLine | undefined {
  return r.providers.reduce<ProviderStatsLine | undefined>((best, p) => (!best || p.rpc_busy_ms > best.rpc_busy_ms ? p : best), undefined);
}

/** Per-run decomposition of the wall time (ms). */
interface Breakdown {
  wall: number;
  launches: number;
  /** Σ start-to-handshake over launches: launches run one after another, so this is on the critical path. */
  startup: number;
  /** Σ time with ≥ 1 RPC in a handler, over launches. */
  rpcBusy: number;
  /** Σ time with ≥ 1 API request in flight, over launches. */
  apiBusy: number;
  /** rpcBusy − apiBusy: inside handlers with no API request in flight (provider CPU, queueing). */
  providerOnly: number;
  /** wall − startup − rpcBusy: Terraform alone (config, graph, diff, state, gRPC transport). */
  terraform: number;
  cpuTree: number;
  cpuProviders: number;
  cpuTerraform: number;
  cpuEmulator: number;
}

export function breakdown(r: CommandRun): Breakdown {
  const startup = r.providers.reduce((n, p) => n + (p.handshake_ms ?? 0), 0);
  const rpcBusy = r.providers.reduce((n, p) => n + p.rpc_busy_ms, 0);
  const apiBusy = r.providers.reduce((n, p) => n + p.api.busy_ms, 0);
  const cpuProviders = r.providers.reduce((n, p) => n + p.cpu_user_ms + p.cpu_system_ms, 0);
  const cpuTree = (r.tfTreeCpuUserMs ?? NaN) + (r.tfTreeCpuSysMs ?? NaN);
  return {
    wall: r.wallMs,
    launches: r.providers.length,
    startup,
    rpcBusy,
    apiBusy,
    providerOnly: Math.max(0, rpcBusy - apiBusy),
    terraform: Math.max(0, r.wallMs - startup - rpcBusy),
    cpuTree,
    cpuProviders,
    cpuTerraform: cpuTree - cpuProviders,
    cpuEmulator: r.emulatorCpuMs,
  };
}

export function medBreakdown(rs: CommandRun[]): Breakdown | undefined {
  if (!rs.length) return undefined;
  const bs = rs.map(breakdown);
  const out = {} as Breakdown;
  for (const k of Object.keys(bs[0]!) as (keyof Breakdown)[]) out[k] = median(bs.map((b) => b[k]));
  return out;
}

export function medianRoutes(rs: CommandRun[]): Record<string, number> {
  const keys = new Set(rs.flatMap((r) => Object.keys(r.api.byRoute)));
  const out: Record<string, number> = {};
  for (const k of [...keys].sort()) out[k] = median(rs.map((r) => r.api.byRoute[k] ?? 0));
  return out;
}

/** The bound for a no-op batch plan, with its "small constant" made explicit. */
interface BoundCheck {
  rules: number;
  dealers: number;
  tenants: number;
  singletons: number;
  transports: number;
  /** ceil(rules/100) + ceil(dealers/100) + tenants */
  scaling: number;
  /** sign-in + /admin/status + ceil(transports/100) + one GET per singleton */
  constant: number;
  bound: number;
  actual: number;
  ok: boolean;
  /** Requests by route above what the bound allows for, when over. */
  excessNote: string;
}

export function boundCheck(sr: ScenarioResult, routes: Record<string, number>, total: number): BoundCheck {
  const c = sr.counts;
  const rules = c.portsip_ip_rule ?? 0;
  const dealers = c.portsip_dealer ?? 0;
  const tenants = c.portsip_tenant ?? 0;
  const transports = c.portsip_transport ?? 0;
  const singletons = sr.singletons.length;
  const scaling = Math.ceil(rules / 100) + Math.ceil(dealers / 100) + tenants;
  const constant = 1 + 1 + Math.ceil(transports / 100) + singletons;
  const bound = scaling + constant;
  const tenantLinks = routes['GET /api/tenants/{id}/dealers'] ?? 0;
  const tenantList = routes['GET /api/tenants'] ?? 0;
  const excessNote =
    total > bound
      ? `over by ${int(total - bound)}` +
        (tenantLinks
          ? `; \`GET /api/tenants/{id}/dealers\` (tenants' dealer links, one request each, no bulk form) accounts for ${int(tenantLinks)}`
          : '') +
        (tenantList ? `, the tenant list (tenants read ahead) for ${int(tenantList)}` : '')
      : '';
  return { rules, dealers, tenants, singletons, transports, scaling, constant, bound, actual: total, ok: total <= bound, excessNote };
}

export function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
export function firstNonZero(xs: number[]): number {
  const i = xs.findIndex((x) => x > 0);
  return i < 0 ? 0 : i;
}
/** Largest number of requests started within any `w` consecutive seconds. */
export function peakWindow(perSecond: number[], w: number): number {
  let best = 0;
  let cur = 0;
  for (let i = 0; i < perSecond.length; i++) {
    cur += perSecond[i]!;
    if (i >= w) cur -= perSecond[i - w]!;
    if (cur > best) best = cur;
  }
  return best;
}

export function loadRange(rs: CommandRun[]): string {
  if (!rs.length) return '–';
  const l = rs.map((r) => r.load1);
  return `${Math.min(...l).toFixed(2)}–${Math.max(...l).toFixed(2)}`;
}

export function statusCounts(r: CommandRun): { s429: number; s5xx: number; s4xx: number; dropped: number } {
  let s429 = 0;
  let s5xx = 0;
  let s4xx = 0;
  for (const [k, v] of Object.entries(r.api.byStatus)) {
    if (k === '429') s429 += v;
    else if (/^5/.test(k)) s5xx += v;
    else if (/^4/.test(k)) s4xx += v;
  }
  return { s429, s5xx, s4xx, dropped: r.api.byStatus.dropped ?? 0 };
}
