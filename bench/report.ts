// RESULTS.md and plan-time.svg from the runner's results (also usable on a saved results.json:
// `node .bench/report.js results.json outDir` is not provided; the runner calls writeReport).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProviderStatsLine } from '../src/provider/stats';
import { lineChartSvg, type ChartSeries } from './chart';
import {
  median,
  type BenchResults,
  type CommandKind,
  type CommandRun,
  type ExportResult,
  type ScenarioResult,
  type StateBackend,
} from './types';

const KIND_LABEL: Record<CommandKind, string> = {
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
const KINDS: CommandKind[] = ['apply', 'apply_local', 'plan_batch', 'plan_batch_no_links', 'plan_per_resource', 'plan_refresh_false'];

/** The run's state backend; results from before `--backend` existed all used the local backend. */
function backendOf(res: BenchResults): StateBackend {
  return res.options.backend ?? 'local';
}
function runBackend(res: BenchResults, r: CommandRun): StateBackend {
  return r.backend ?? (r.kind === 'apply_local' ? 'local' : backendOf(res));
}
/** `apply` labelled with its backend when the page also holds local-backend comparison applies. */
function kindLabel(res: BenchResults, k: CommandKind): string {
  return k === 'apply' ? `${KIND_LABEL.apply}, ${backendOf(res)} backend` : KIND_LABEL[k];
}
function shortLabel(res: BenchResults, k: CommandKind): string {
  return k === 'apply' ? `apply (${backendOf(res)} backend)` : SHORT[k];
}
/** Single-state applies from empty with the given backend (either kind). */
function singleApplies(res: BenchResults, sr: ScenarioResult, backend: StateBackend): CommandRun[] {
  return sr.runs.filter((r) => r.ok && (r.kind === 'apply' || r.kind === 'apply_local') && !r.chunks && runBackend(res, r) === backend);
}

const s1 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const mib = (kb: number) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '–');
/** Bytes as MiB, with two decimals below 10 MiB. */
const mb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 2 : 1) : '–');
const plural = (n: number, one: string, many = `${one}s`) => `${int(n)} ${Math.round(n) === 1 ? one : many}`;
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function runsOf(sr: ScenarioResult, kind: CommandKind): CommandRun[] {
  return sr.runs.filter((r) => r.kind === kind);
}
function okRuns(sr: ScenarioResult, kind: CommandKind): CommandRun[] {
  return runsOf(sr, kind).filter((r) => r.ok);
}

interface Agg {
  n: number;
  failed: number;
  med: number;
  min: number;
  max: number;
}
function agg(rs: CommandRun[], all: CommandRun[], f: (r: CommandRun) => number): Agg {
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
export interface Breakdown {
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

function medBreakdown(rs: CommandRun[]): Breakdown | undefined {
  if (!rs.length) return undefined;
  const bs = rs.map(breakdown);
  const out = {} as Breakdown;
  for (const k of Object.keys(bs[0]!) as (keyof Breakdown)[]) out[k] = median(bs.map((b) => b[k]));
  return out;
}

function medianRoutes(rs: CommandRun[]): Record<string, number> {
  const keys = new Set(rs.flatMap((r) => Object.keys(r.api.byRoute)));
  const out: Record<string, number> = {};
  for (const k of [...keys].sort()) out[k] = median(rs.map((r) => r.api.byRoute[k] ?? 0));
  return out;
}

/** The issue's bound for a no-op batch plan, with its "small constant" made explicit. */
export interface BoundCheck {
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
  const excessNote =
    total > bound
      ? `over by ${int(total - bound)}` +
        (tenantLinks
          ? `; \`GET /api/tenants/{id}/dealers\` (tenants' dealer links, one request each, no bulk form) accounts for ${int(tenantLinks)}`
          : '')
      : '';
  return { rules, dealers, tenants, singletons, transports, scaling, constant, bound, actual: total, ok: total <= bound, excessNote };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
function firstNonZero(xs: number[]): number {
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

function loadRange(rs: CommandRun[]): string {
  if (!rs.length) return '–';
  const l = rs.map((r) => r.load1);
  return `${Math.min(...l).toFixed(2)}–${Math.max(...l).toFixed(2)}`;
}

function statusCounts(r: CommandRun): { s429: number; s5xx: number; s4xx: number; dropped: number } {
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

function scenarioSection(res: BenchResults, sr: ScenarioResult): string[] {
  const o: string[] = [];
  const sc = sr.scenario;
  o.push(`## Scenario ${sc.name}: ${int(sr.objects)} objects`);
  o.push('');
  o.push(
    `${int(sc.ipRules)} IP rules, ${int(sc.dealers)} dealers, ${int(sc.tenants)} tenants (one in ${sc.tenantDealerEvery} designated to a dealer through \`dealer_id\`), ${int(sc.transports)} transports` +
      (sr.singletons.length ? ` and ${sr.singletons.length} singletons (${sr.singletons.map((t) => `\`${t}\``).join(', ')})` : '') +
      `; one resource block each, main.tf ${(sr.configBytes / 1024).toFixed(0)} KiB. Measured ${sr.startedAt.slice(11, 19)}–${sr.finishedAt.slice(11, 19)} UTC.`,
  );
  o.push('');
  o.push(
    '| command | runs | median s | min s | max s | API requests (median) | provider launches | start-to-handshake ms, median of launches (of which Node boot) | provider peak RSS MiB (max) | terraform peak RSS MiB | 429 / 5xx answers (all runs) | load (1 min) |',
  );
  o.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const k of KINDS) {
    const all = runsOf(sr, k);
    if (!all.length) continue;
    const rs = okRuns(sr, k);
    const w = agg(rs, all, (r) => r.wallMs);
    const req = median(rs.map((r) => r.api.total));
    const launches = median(rs.map((r) => r.providers.length));
    const hs = median(rs.flatMap((r) => r.providers.map((p) => p.handshake_ms ?? NaN)));
    const boot = median(rs.flatMap((r) => r.providers.map((p) => p.node_bootstrap_ms)));
    const rss = Math.max(...rs.flatMap((r) => r.providers.map((p) => p.max_rss_kb)), -Infinity);
    const tfRss = Math.max(...rs.map((r) => r.tfTreeMaxRssKb ?? -Infinity));
    o.push(
      `| ${kindLabel(res, k)} | ${w.n}${w.failed ? ` (+${w.failed} failed)` : ''} | **${s1(w.med)}** | ${s1(w.min)} | ${s1(w.max)} | ${int(req)} | ${int(launches)} | ${hs.toFixed(0)} (${boot.toFixed(0)}) | ${mib(rss)} | ${mib(tfRss)} | ${sum(all.map((r) => statusCounts(r).s429))} / ${sum(all.map((r) => statusCounts(r).s5xx))} | ${loadRange(all)} |`,
    );
  }
  o.push('');
  o.push(
    '"terraform peak RSS" is the largest resident set in the process tree GNU `time` measured (terraform itself unless a provider was larger). A 429 is answered by the emulator\'s rate limit and retried by the provider (after `Retry-After`); a command only counts when it succeeded.',
  );
  o.push('');

  const med = (k: CommandKind) => median(okRuns(sr, k).map((r) => r.wallMs));
  const b = med('plan_batch');
  const p = med('plan_per_resource');
  const f = med('plan_refresh_false');
  const bReq = median(okRuns(sr, 'plan_batch').map((r) => r.api.total));
  const pReq = median(okRuns(sr, 'plan_per_resource').map((r) => r.api.total));
  o.push('Ratios (of medians):');
  o.push('');
  o.push(
    `- **batch speed-up over per_resource: ${ratio(p, b)}** (${s1(p)} s → ${s1(b)} s), with ${ratio(pReq, bReq)} fewer API requests (${int(pReq)} → ${int(bReq)}).`,
  );
  o.push(
    `- batch plan over the \`-refresh=false\` floor: ${ratio(b, f)} (${s1(b - f)} s above it); per_resource: ${ratio(p, f)} (${s1(p - f)} s above it).`,
  );
  const a = med('apply');
  if (Number.isFinite(a))
    o.push(`- apply from empty (${backendOf(res)} backend): ${s1(a)} s, ${(sr.objects / (a / 1000)).toFixed(0)} objects/s.`);
  const al = med('apply_local');
  if (Number.isFinite(al))
    o.push(
      `- apply from empty with the local backend: ${s1(al)} s, ${(sr.objects / (al / 1000)).toFixed(1)} objects/s${Number.isFinite(a) ? `: **${ratio(al, a)}** the ${backendOf(res)}-backend apply's time` : ''}.`,
    );
  o.push('');

  // API requests by kind
  const kindsPresent = KINDS.filter((k) => okRuns(sr, k).length);
  const routesBy = Object.fromEntries(kindsPresent.map((k) => [k, medianRoutes(okRuns(sr, k))])) as Record<
    CommandKind,
    Record<string, number>
  >;
  const allRoutes = [...new Set(kindsPresent.flatMap((k) => Object.keys(routesBy[k])))].sort(
    (x, y) => x.split(' ')[1]!.localeCompare(y.split(' ')[1]!) || x.localeCompare(y),
  );
  o.push(`### API requests by kind (${sc.name}, median per command, counted by the emulator)`);
  o.push('');
  o.push(`| request | ${kindsPresent.map((k) => shortLabel(res, k)).join(' | ')} |`);
  o.push(`|---|${kindsPresent.map(() => '---').join('|')}|`);
  for (const route of allRoutes) o.push(`| \`${route}\` | ${kindsPresent.map((k) => int(routesBy[k][route] ?? 0)).join(' | ')} |`);
  o.push(`| **total** | ${kindsPresent.map((k) => `**${int(median(okRuns(sr, k).map((r) => r.api.total)))}**`).join(' | ')} |`);
  o.push('');

  // Bound check, for each batch plan measured
  const boundKinds = (['plan_batch', 'plan_batch_no_links'] as const).filter((k) => okRuns(sr, k).length);
  const firstKind = boundKinds[0];
  if (firstKind !== undefined) {
    o.push(`### Batch request bound (${sc.name})`);
    o.push('');
    const first = boundCheck(sr, routesBy[firstKind], 0);
    o.push(
      `ceil(rules/100) + ceil(dealers/100) + tenants + C = ceil(${first.rules}/100) + ceil(${first.dealers}/100) + ${first.tenants} + C = ${first.scaling} + C, ` +
        `with the constant C = sign-in 1 + \`/admin/status\` 1 + ceil(transports/100) ${Math.ceil(first.transports / 100)} + one GET per singleton ${first.singletons} = ${first.constant}: **bound ${int(first.bound)}**.`,
    );
    o.push('');
    for (const k of boundKinds) {
      const runs = okRuns(sr, k);
      const bc = boundCheck(sr, routesBy[k], Math.max(...runs.map((r) => r.api.total)));
      const links = routesBy[k]['GET /api/tenants/{id}/dealers'] ?? 0;
      o.push(
        `- ${KIND_LABEL[k]}: largest of ${runs.length} runs **${int(bc.actual)}** → **${bc.ok ? 'within the bound' : `NOT within the bound (${bc.excessNote})`}**` +
          (links ? `; ${int(links)} of them read the dealer link of the tenants whose state has a \`dealer_id\`` : '') +
          '.',
      );
      // Older results have no plan without the links: say what it would have made.
      if (links && !boundKinds.includes('plan_batch_no_links'))
        o.push(`- Without the dealer-link reads the plan makes ${int(bc.actual - links)} requests (bound ${int(bc.bound)}).`);
    }
    o.push('');
  }

  // Apply: 429 / 5xx
  const applies = [...runsOf(sr, 'apply'), ...runsOf(sr, 'apply_local')];
  if (applies.length) {
    o.push(`### Apply from empty (${sc.name}): failed requests at the ${int(res.options.rateLimitPerMinute)}/minute rate limit`);
    o.push('');
    o.push(
      '| run | backend (state uploads) | exit | wall s | API requests | 429 | 5xx | other 4xx | dropped | peak requests in any 60 s (per provider process) | mean rate req/min | rate in the first / last minute of the apply launch | objects in state | state MiB |',
    );
    o.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of applies) {
      const s = statusCounts(r);
      const rate = r.api.total / Math.max(1e-9, r.wallMs / 60000);
      const m = mainLaunch(r);
      const per = m?.api.starts_per_s ?? [];
      const firstLast =
        per.length >= 120 ? `${int(sum(per.slice(firstNonZero(per), firstNonZero(per) + 60)))} / ${int(sum(per.slice(-60)))}` : '–';
      o.push(
        `| ${r.round + 1} | ${runBackend(res, r)}${r.state ? ` (${r.state.uploads})` : ''} | ${r.exitCode} | ${s1(r.wallMs)} | ${int(r.api.total)} | ${s.s429} | ${s.s5xx} | ${s.s4xx} | ${s.dropped} | ${int(Math.max(0, ...r.providers.map((p) => peakWindow(p.api.starts_per_s ?? [], 60))))} | ${int(rate)} | ${firstLast} | ${int(r.stateObjects ?? NaN)} / ${int(sr.objects)} | ${r.stateBytes ? mb(r.stateBytes) : '–'} |`,
      );
    }
    o.push('');
    o.push(
      '"other 4xx" are expected answers (e.g. 404 of a create\'s natural-key lookup), not failures. The emulator limits each token (each provider process signs in once) to ' +
        int(res.options.rateLimitPerMinute) +
        " requests per minute; the provider's own limiter keeps under the same figure.",
    );
    if (applies.some((r) => r.state)) {
      o.push('');
      o.push(
        `"state uploads": accepted \`POST\`s of the whole state to the runner's HTTP state server; during an apply Terraform uploads an intermediate snapshot when ${res.options.statePersistIntervalS ?? 20} s have passed since the last one (checked after each resource) and the final state at the end. "state MiB": the state's size after the apply.`,
      );
    }
    for (const r of applies.filter((x) => x.chunks)) {
      const c = r.chunks!;
      o.push('');
      o.push(
        `Run ${r.round + 1} applied the configuration in **${c.count} chunks** of at most ${c.size} objects, each its own root module and state (${runBackend(res, r)} backend), one after another, and merged the states for the plans (a single-state apply of this size was not measured in this run: see "Where the time goes"). ` +
          `Chunk wall times, s: ${c.wallMs.map((w) => (w / 1000).toFixed(1)).join(', ')} (objects: ${c.objects.join(', ')}).`,
      );
    }
    o.push('');
  }

  // State backend requests
  const withState = KINDS.filter((k) => okRuns(sr, k).some((r) => r.state));
  if (withState.length) {
    const methods = [...new Set(withState.flatMap((k) => okRuns(sr, k).flatMap((r) => Object.keys(r.state?.requests ?? {}))))].sort();
    o.push(`### Requests to the HTTP state backend (${sc.name}, median per command)`);
    o.push('');
    o.push(`| command | ${methods.map((m) => `\`${m}\``).join(' | ')} | MiB uploaded | server time in handlers ms |`);
    o.push(`|---|${methods.map(() => '---').join('|')}|---|---|`);
    for (const k of withState) {
      const rs = okRuns(sr, k).filter((r) => r.state);
      o.push(
        `| ${shortLabel(res, k)} | ${methods.map((m) => int(median(rs.map((r) => r.state!.requests[m] ?? 0)))).join(' | ')} | ${mb(median(rs.map((r) => r.state!.uploadBytes)))} | ${int(median(rs.map((r) => r.state!.handlerMs)))} |`,
      );
    }
    o.push('');
    o.push(
      '`GET` reads the state, `POST` uploads it (intermediate snapshots and the final one), `LOCK` / `UNLOCK` take and release the state lock around each command. The server runs in the runner\'s process, so its CPU is part of the "emulator" CPU below.',
    );
    o.push('');
  }

  // Where the time goes
  o.push(`### Where the time goes (${sc.name}, medians)`);
  o.push('');
  o.push(
    '| command | wall s | provider start-up s (Σ launches) | inside RPC handlers s | … of which API in flight s | … no API request in flight s | outside handlers (Terraform + gRPC) s | API floor s | CPU s: terraform / providers / emulator |',
  );
  o.push('|---|---|---|---|---|---|---|---|---|');
  for (const k of KINDS) {
    const rs = okRuns(sr, k);
    const bd = medBreakdown(rs);
    if (!bd) continue;
    const req = median(rs.map((r) => r.api.total));
    const floor = Math.ceil(req / res.options.parallelism) * res.options.latencyMs;
    o.push(
      `| ${shortLabel(res, k)} | ${s1(bd.wall)} | ${s1(bd.startup)} (${int(bd.launches)}) | ${s1(bd.rpcBusy)} | ${s1(bd.apiBusy)} | ${s1(bd.providerOnly)} | ${s1(bd.terraform)} | ${s1(floor)} | ${s1(bd.cpuTerraform)} / ${s1(bd.cpuProviders)} / ${s1(bd.cpuEmulator)} |`,
    );
  }
  o.push('');
  o.push(
    `"inside RPC handlers": time with at least one RPC in a provider handler (union of intervals; Σ over launches). "API in flight": time with at least one HTTP request to the emulator outstanding (undici diagnostics channel). "outside handlers" = wall − start-up − inside handlers: Terraform's own work (config, graph, diff, state) plus the gRPC calls and their (de)serialization on both sides. "API floor" = requests ÷ ${res.options.parallelism} concurrent × ${res.options.latencyMs} ms: the least time those round trips take at Terraform's parallelism. CPU: terraform = CPU of the terraform process tree (GNU \`time\`) minus the providers' own (\`process.cpuUsage\`); emulator = the runner process, which hosts it.`,
  );
  o.push('');

  // RPC handler time by RPC
  o.push(`### Provider RPC handler time by RPC (${sc.name}, the launch that did the work, median)`);
  o.push('');
  o.push(
    `| command | ${['UpgradeResourceState', 'ValidateResourceConfig', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange', 'other'].map((x) => `${x} n / Σ s / mean ms`).join(' | ')} |`,
  );
  o.push('|---|---|---|---|---|---|---|');
  for (const k of KINDS) {
    const rs = okRuns(sr, k);
    if (!rs.length) continue;
    const cells: string[] = [];
    for (const name of [
      'UpgradeResourceState',
      'ValidateResourceConfig',
      'ReadResource',
      'PlanResourceChange',
      'ApplyResourceChange',
      'other',
    ]) {
      const per = rs.map((r) => {
        const m = mainLaunch(r);
        if (!m) return { n: 0, t: 0 };
        if (name === 'other') {
          const other = Object.entries(m.rpc).filter(
            ([n]) =>
              !['UpgradeResourceState', 'ValidateResourceConfig', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange'].includes(n),
          );
          return { n: other.reduce((a, [, v]) => a + v.count, 0), t: other.reduce((a, [, v]) => a + v.total_ms, 0) };
        }
        const s = m.rpc[name];
        return { n: s?.count ?? 0, t: s?.total_ms ?? 0 };
      });
      const n = median(per.map((x) => x.n));
      const t = median(per.map((x) => x.t));
      cells.push(n ? `${int(n)} / ${s1(t)} / ${(t / n).toFixed(1)}` : '–');
    }
    o.push(`| ${shortLabel(res, k)} | ${cells.join(' | ')} |`);
  }
  o.push('');
  o.push(
    "Handler sums add up concurrent calls (Terraform runs up to `-parallelism` at once), so they can exceed the wall time; a batch `ReadResource` includes the wait for its type's shared listing.",
  );
  o.push('');
  return o;
}

function chart(res: BenchResults): string {
  const mk = (kind: CommandKind, name: string, color: string, dashed = false): ChartSeries => ({
    name,
    color,
    dashed,
    points: res.scenarios
      .map((sr) => {
        const xs = okRuns(sr, kind).map((r) => r.wallMs / 1000);
        return xs.length
          ? { x: sr.objects, y: median(xs), min: Math.min(...xs), max: Math.max(...xs), label: `${sr.scenario.name} (${int(sr.objects)})` }
          : null;
      })
      .filter((p): p is NonNullable<typeof p> => p !== null),
  });
  return lineChartSvg(
    [
      mk('plan_per_resource', 'per_resource', '#d1495b'),
      mk('plan_batch', 'batch', '#00798c'),
      mk('plan_refresh_false', '-refresh=false floor', '#777777', true),
    ],
    {
      title: 'No-op terraform plan: time against object count',
      subtitle: `median of ${res.options.runs} runs (bars: min–max); ${res.options.latencyMs} ms API latency, -parallelism=${res.options.parallelism}; ${res.machine.nproc} CPUs`,
      xLabel: 'managed objects in state',
      yLabel: 'seconds',
    },
  );
}

/** The generated analysis of where the time goes, from the medians. */
function analysis(res: BenchResults): string[] {
  const o: string[] = [];
  const lat = res.options.latencyMs;
  const par = res.options.parallelism;
  const pct = (x: number, of: number) => `${Math.round((100 * x) / of)} %`;
  const floorOf = (req: number) => Math.ceil(req / par) * lat;
  for (const sr of res.scenarios) {
    const b = medBreakdown(okRuns(sr, 'plan_batch'));
    const p = medBreakdown(okRuns(sr, 'plan_per_resource'));
    const f = medBreakdown(okRuns(sr, 'plan_refresh_false'));
    if (b && p && f) {
      const pReq = median(okRuns(sr, 'plan_per_resource').map((r) => r.api.total));
      const bReq = median(okRuns(sr, 'plan_batch').map((r) => r.api.total));
      const diff = b.wall - f.wall;
      o.push(
        `**${sr.scenario.name} (${int(sr.objects)} objects), plans.** The floor, \`plan -refresh=false\`, takes ${s1(f.wall)} s and calls no API: ${s1(f.startup)} s go to starting ${int(f.launches)} provider processes one after another, ` +
          `${s1(f.rpcBusy)} s to time inside provider handlers (UpgradeResourceState, ValidateResourceConfig twice, PlanResourceChange, per object) and ${s1(f.terraform)} s (${pct(f.terraform, f.wall)}) to everything outside them: Terraform's own work and the gRPC calls between Terraform and the provider. ` +
          `CPU splits it: terraform ${s1(f.cpuTerraform)} s, the providers ${s1(f.cpuProviders)} s although their handlers were busy for only ${s1(f.rpcBusy)} s (the rest is start-up, gRPC, protobuf and msgpack). ` +
          `The batch plan ${diff >= 0 ? `adds ${s1(diff)} s to that` : `is ${s1(-diff)} s faster than that (noise)`} (${ratio(b.wall, f.wall)} the floor): its ${int(bReq)} requests need ${s1(floorOf(bReq))} s of round trips at ${lat} ms and ${par} in flight, ` +
          `but Terraform hands out ReadResource calls at its own pace, so some request was in flight for ${s1(b.apiBusy)} s, mostly overlapping Terraform's own work. ` +
          `Per_resource sends ${int(pReq)} requests (${s1(floorOf(pReq))} s of round trips at best); some request was in flight for ${s1(p.apiBusy)} s of its ${s1(p.wall)} s (${pct(p.apiBusy, p.wall)})` +
          (pReq > res.options.rateLimitPerMinute
            ? `, and more than ${int(res.options.rateLimitPerMinute)} requests in one process means the limiter holds requests back once a minute's budget is spent`
            : '') +
          `.`,
      );
      o.push('');
    }
    const planTfPerObject = median(okRuns(sr, 'plan_batch').map((r) => breakdown(r).cpuTerraform)) / sr.objects;
    const planNote = Number.isFinite(planTfPerObject) ? `; the batch plan needs ${planTfPerObject.toFixed(1)}` : '';
    const applies = okRuns(sr, 'apply');
    const a = medBreakdown(applies);
    if (a) {
      const backend = runBackend(res, applies[0]!);
      const chunked = applies.find((r) => r.chunks);
      const full = chunked ? chunked.chunks!.wallMs.filter((_, i) => chunked.chunks!.objects[i] === chunked.chunks!.size) : [];
      const rateNote = full.length
        ? ` Every full chunk of ${chunked!.chunks!.size} objects took about the same time (${(Math.min(...full) / 1000).toFixed(1)}–${(Math.max(...full) / 1000).toFixed(1)} s, median ${(median(full) / 1000).toFixed(1)} s), so the total grows linearly with the number of chunks.`
        : '';
      const withState = applies.filter((r) => r.state);
      const stateNote = withState.length
        ? ` Terraform uploaded the whole state ${plural(median(withState.map((r) => r.state!.uploads)), 'time')} (median; ${mb(median(withState.map((r) => r.state!.uploadBytes)))} MiB in all${
            withState.some((r) => r.stateBytes) ? `, the final state ${mb(median(withState.map((r) => r.stateBytes ?? NaN)))} MiB` : ''
          }).`
        : '';
      o.push(
        `**${sr.scenario.name}, apply from empty (${backend} backend${chunked ? `, in ${chunked.chunks!.count} chunks of ≤ ${chunked.chunks!.size} objects` : ', one state'}).** ${s1(a.wall)} s, ${(a.wall / sr.objects).toFixed(0)} ms per object. ` +
          `Some API request was in flight for ${s1(a.apiBusy)} s (${pct(a.apiBusy, a.wall)}), handlers were busy ${s1(a.rpcBusy)} s, and for ${s1(a.terraform)} s (${pct(a.terraform, a.wall)}) no RPC was in a handler (Terraform's own work and gRPC). ` +
          `CPU: terraform ${s1(a.cpuTerraform)} s (${(a.cpuTerraform / sr.objects).toFixed(1)} ms per object${planNote}), providers ${s1(a.cpuProviders)} s, emulator ${s1(a.cpuEmulator)} s.` +
          stateNote +
          rateNote,
      );
      o.push('');
    }
    const locals = okRuns(sr, 'apply_local');
    const l = medBreakdown(locals);
    if (l) {
      const cmp = a && !applies[0]!.chunks ? a : undefined;
      o.push(
        `**${sr.scenario.name}, apply from empty with the local backend (comparison, ${locals.length} run${locals.length > 1 ? 's' : ''}).** ${s1(l.wall)} s, ${(l.wall / sr.objects).toFixed(0)} ms per object` +
          (cmp ? ` (${ratio(l.wall, cmp.wall)} the ${backendOf(res)}-backend apply)` : '') +
          `. Some API request was in flight for ${s1(l.apiBusy)} s (${pct(l.apiBusy, l.wall)}), and for ${s1(l.terraform)} s (${pct(l.terraform, l.wall)}) no RPC was in a handler. ` +
          `CPU: terraform ${s1(l.cpuTerraform)} s (${(l.cpuTerraform / sr.objects).toFixed(1)} ms per object${cmp ? `, ${ratio(l.cpuTerraform, cmp.cpuTerraform)} the ${backendOf(res)}-backend apply's ${(cmp.cpuTerraform / sr.objects).toFixed(1)}` : ''}), providers ${s1(l.cpuProviders)} s, emulator ${s1(l.cpuEmulator)} s. ` +
          (cmp
            ? median(locals.map((r) => r.api.total)) === median(applies.map((r) => r.api.total))
              ? `The API requests are the same (${int(median(locals.map((r) => r.api.total)))}) and so is the provider; the state backend is the only thing that changed.`
              : `API requests: ${int(median(locals.map((r) => r.api.total)))}, against ${int(median(applies.map((r) => r.api.total)))} with the ${backendOf(res)} backend.`
            : ''),
      );
      o.push('');
    }
  }
  return o;
}

const FS_CAUSE =
  "after every resource it changes, Terraform's state hook (`internal/backend/local/hook_state.go`) calls the state manager's `WriteState`; with the local backend that is `statemgr.Filesystem.WriteState`, which deep-copies the whole state, compares it with the last snapshot and rewrites and fsyncs the whole `terraform.tfstate`, so an apply of n resources costs O(n²)";
const remoteCause = (intervalS: number) =>
  `a remote backend's state manager (\`internal/states/remote/state.go\`) only deep-copies the state in memory there, and \`PersistState\` uploads a snapshot once ${intervalS} s have passed since the last one, and at the end`;

/** The apply item of "What would cut it next": local vs http backend, scaling, chunks. */
function applyItem(res: BenchResults): string[] {
  const perObj = (x: number, sr: ScenarioResult) => (x / sr.objects).toFixed(x / sr.objects < 10 ? 1 : 0);
  const pct = (x: number, of: number) => `${Math.round((100 * x) / of)} %`;
  const interval = res.options.statePersistIntervalS ?? 20;
  const singles = (backend: StateBackend) =>
    res.scenarios
      .map((sr) => ({ sr, runs: singleApplies(res, sr, backend) }))
      .filter((x) => x.runs.length)
      .map((x) => ({ ...x, a: medBreakdown(x.runs)! }));
  const http = singles('http');
  const local = singles('local');
  const pairs = http
    .map((h) => ({ h, l: local.find((l) => l.sr === h.sr) }))
    .filter((x): x is { h: (typeof http)[number]; l: (typeof local)[number] } => !!x.l)
    .sort((x, y) => y.h.sr.objects - x.h.sr.objects);
  const chunked = res.scenarios.map((sr) => ({ sr, runs: okRuns(sr, 'apply').filter((r) => r.chunks) })).find((x) => x.runs.length);
  const uploadsOf = (runs: CommandRun[]) => median(runs.filter((r) => r.state).map((r) => r.state!.uploads));
  let text = '';
  let cuts = '';
  if (pairs.length) {
    const { h, l } = pairs[0]!;
    const up = uploadsOf(h.runs);
    const hReq = median(h.runs.map((r) => r.api.total));
    const lReq = median(l.runs.map((r) => r.api.total));
    text +=
      `**Apply: the state backend first.** With Terraform's default local backend, ${h.sr.scenario.name}'s apply from empty took ${s1(l.a.wall)} s and ${perObj(l.a.cpuTerraform, h.sr)} ms of terraform CPU per object (${l.runs.length} run${l.runs.length > 1 ? 's' : ''}); ` +
      `with the http backend ${s1(h.a.wall)} s and ${perObj(h.a.cpuTerraform, h.sr)} ms (${h.runs.length} run${h.runs.length > 1 ? 's' : ''}, medians): **${ratio(l.a.wall, h.a.wall)} the wall time and ${ratio(l.a.cpuTerraform, h.a.cpuTerraform)} the terraform CPU** with the local backend, for the same ${int(h.sr.objects)} objects and ${hReq === lReq ? `the same ${int(hReq)} API requests` : `${int(hReq)} (http) and ${int(lReq)} (local) API requests`}. ` +
      `That is what Terraform's source leads one to expect (the source was read, Terraform was not profiled): ${FS_CAUSE}, while ${remoteCause(interval)}` +
      (Number.isFinite(up) ? ` (${plural(up, 'upload')} in this apply)` : '') +
      '.';
  } else if (http.length) {
    text += `**Apply: with remote state.** The local backend was not measured in this run (\`--local-apply none\`). As Terraform's source reads, ${FS_CAUSE}, while ${remoteCause(interval)}; the http-backend applies below avoid the former.`;
  } else if (local.length) {
    const x = local[0]!;
    const planTf = median(okRuns(x.sr, 'plan_batch').map((r) => breakdown(r).cpuTerraform));
    text +=
      `**Apply: ${x.a.terraform > x.a.wall / 2 ? "Terraform's state writes, not the API" : 'the local backend'}.** ${x.sr.scenario.name}'s single-state apply with the local backend takes ${s1(x.a.wall)} s, yet some API request is in flight only ${pct(x.a.apiBusy, x.a.wall)} of that time and no RPC is in a provider handler for ${s1(x.a.terraform)} s of it. ` +
      `Terraform burns ${s1(x.a.cpuTerraform)} s of CPU, ${perObj(x.a.cpuTerraform, x.sr)} ms per object, against ${(planTf / x.sr.objects).toFixed(1)} ms per object in a plan of the same configuration. ` +
      `The cause, as Terraform's source reads (not profiled here): ${FS_CAUSE}.`;
  }
  if (http.length) {
    // Scaling with the http backend: smallest against largest single-state apply.
    const byN = [...http].sort((x, y) => x.sr.objects - y.sr.objects);
    const lo = byN[0]!;
    const hi = byN[byN.length - 1]!;
    let grows = false;
    if (hi.sr.objects > lo.sr.objects) {
      const g = hi.a.cpuTerraform / hi.sr.objects / (lo.a.cpuTerraform / lo.sr.objects);
      grows = g > 1.25;
      text +=
        ` With the http backend, ${lo.sr.scenario.name}'s ${int(lo.sr.objects)} objects took ${s1(lo.a.wall)} s (${perObj(lo.a.cpuTerraform, lo.sr)} ms of terraform CPU per object) and ${hi.sr.scenario.name}'s ${int(hi.sr.objects)} took ${s1(hi.a.wall)} s (${perObj(hi.a.cpuTerraform, hi.sr)} ms), each in one state: ` +
        `${(hi.sr.objects / lo.sr.objects).toFixed(1)}× the objects, ${ratio(hi.a.wall, lo.a.wall)} the time; ` +
        (g > 1.25
          ? `terraform CPU per object still grows with the state (${g.toFixed(1)}×), consistent with the in-memory deep copy of the whole state after every resource, which is O(n) each time.`
          : `terraform CPU per object stays about flat (${g.toFixed(2)}×), so the apply scales about linearly.`);
    }
    const big = hi;
    const a = big.a;
    const req = median(big.runs.map((r) => r.api.total));
    const floor = Math.ceil(req / res.options.parallelism) * res.options.latencyMs;
    const rpm = req / (a.wall / 60000);
    // Paced by the API when its round trips at -parallelism could fill at least half the wall time.
    const apiBound = floor >= a.wall / 2;
    const cpuAll = a.cpuTree + a.cpuEmulator;
    text +=
      ` In ${big.sr.scenario.name}'s http-backend apply some API request was in flight ${pct(a.apiBusy, a.wall)} of the time, no RPC was in a provider handler for ${s1(a.terraform)} s (${pct(a.terraform, a.wall)}), terraform used ${s1(a.cpuTerraform)} s of CPU and the providers ${s1(a.cpuProviders)} s; ` +
      `its ${int(req)} requests need at least ${s1(floor)} s at ${res.options.parallelism} in flight and ${res.options.latencyMs} ms each, and it averaged ${int(rpm)} requests/minute against the ${int(res.options.rateLimitPerMinute)}/minute limit of a token.`;
    cuts = apiBound
      ? ` Next cuts: with remote state the apply is paced by API round trips at Terraform's \`-parallelism\`; more in flight (\`-parallelism\` and the provider's \`max_concurrency\`) would help until the ${int(res.options.rateLimitPerMinute)}/minute limit binds. For pipelines: a remote backend (http, s3, Terraform Cloud, …) for a large PBX, which GitOps setups use anyway.`
      : ` Next cuts: the API round trips would fit in ${s1(floor)} of those ${s1(a.wall)} s; the rest goes to Terraform handing out work and to CPU (terraform, providers and emulator used ${s1(cpuAll)} s of CPU, ${Math.round((100 * cpuAll) / (a.wall * res.machine.nproc))} % of ${res.machine.nproc} cores over the apply): Terraform's own per-resource work (graph walk, gRPC, the state hook's copies) and the provider's RPC path. ` +
        `For pipelines: a remote backend (http, s3, Terraform Cloud, …) for a large PBX, which GitOps setups use anyway, and root modules of a few hundred objects where the local backend must stay` +
        (grows
          ? `; as the cost per object still grows with the state, splitting a very large PBX into several root modules (\`--chunked-apply\` measures it) still pays with remote state.`
          : '.');
  } else if (local.length) {
    cuts =
      ' Next cuts: split a large PBX into root modules of a few hundred objects; a remote backend, whose state manager keeps snapshots in memory and persists on an interval (`--backend http` measures it); in Terraform itself, persisting on an interval with the local backend too.';
  }
  if (chunked && text) {
    const c = medBreakdown(chunked.runs)!;
    const ch = chunked.runs[0]!.chunks!;
    const cb = runBackend(res, chunked.runs[0]!);
    const ref = (cb === 'http' ? http : local).find((x) => x.sr !== chunked.sr) ?? (cb === 'http' ? http : local)[0];
    text +=
      ` Split into root modules of ≤ ${ch.size} objects (${cb} backend), ${chunked.sr.scenario.name}'s ${int(chunked.sr.objects)} objects took ${s1(c.wall)} s in ${ch.count} applies: ${(c.wall / chunked.sr.objects).toFixed(0)} ms and ${perObj(c.cpuTerraform, chunked.sr)} ms of terraform CPU per object` +
      (ref
        ? `, against ${(ref.a.wall / ref.sr.objects).toFixed(0)} ms and ${perObj(ref.a.cpuTerraform, ref.sr)} ms for ${ref.sr.scenario.name} in one state (${cb} backend): ${(ref.a.cpuTerraform / ref.sr.objects / (c.cpuTerraform / chunked.sr.objects)).toFixed(1)}× the terraform CPU per object of the chunks.`
        : '.');
  }
  return text ? [text + cuts] : [];
}

/** "What would cut it next", with the figures it rests on. */
function nextSteps(res: BenchResults): string[] {
  const o: string[] = [];
  const items: string[] = [];
  const withPlans = res.scenarios.filter((sr) => okRuns(sr, 'plan_refresh_false').length && okRuns(sr, 'plan_batch').length);
  // 1. Apply
  items.push(...applyItem(res));
  // 2. Plan floor
  if (withPlans.length) {
    const parts = withPlans.map((sr) => {
      const f = medBreakdown(okRuns(sr, 'plan_refresh_false'))!;
      const b = medBreakdown(okRuns(sr, 'plan_batch'))!;
      return { sr, f, b };
    });
    const hs = median(
      withPlans.flatMap((sr) => okRuns(sr, 'plan_refresh_false').flatMap((r) => r.providers.map((p) => p.handshake_ms ?? NaN))),
    );
    items.push(
      `**Plans: Terraform's own work is the floor, and batch reads sit close to it.** ` +
        parts
          .map(
            ({ sr, f, b }) =>
              `${sr.scenario.name}: \`-refresh=false\` ${s1(f.wall)} s (${(f.wall / sr.objects).toFixed(1)} ms per object; terraform CPU ${s1(f.cpuTerraform)} s, providers ${s1(f.cpuProviders)} s), the batch plan ${s1(b.wall)} s`,
          )
          .join('; ') +
        `. What is left above the floor is mostly API round trips that Terraform's pacing does not hide. Inside the floor, each plan starts ${int(parts[0]!.f.launches)} provider processes in sequence at ~${hs.toFixed(0)} ms each to the handshake, and the providers' CPU goes mostly to gRPC, protobuf and msgpack around ~4 RPCs per object rather than to the handlers; a leaner RPC path (or Terraform reusing one provider process per command) would trim seconds, the rest is Terraform core.`,
    );
  }
  // 3. Tenant reads
  for (const sr of withPlans) {
    const routes = medianRoutes(okRuns(sr, 'plan_batch'));
    const total = median(okRuns(sr, 'plan_batch').map((r) => r.api.total));
    const tGets = routes['GET /api/tenants/{id}'] ?? 0;
    const tLinks = routes['GET /api/tenants/{id}/dealers'] ?? 0;
    if (!tGets) continue;
    const bc = boundCheck(sr, routes, total);
    const none = okRuns(sr, 'plan_batch_no_links');
    const noneTotal = median(none.map((r) => r.api.total));
    items.push(
      `**Tenant reads (${sr.scenario.name}).** The tenant list holds summaries, so each tenant costs \`GET /api/tenants/{id}\` (${int(tGets)}: the bound's "tenants" term), and a tenant's dealer link has no bulk form: ${int(tLinks)} \`GET /api/tenants/{id}/dealers\`, one per tenant whose state has a \`dealer_id\` (the default \`tenant_dealer_reads = "managed"\`), so the default batch plan makes ${int(total)} requests${bc.ok ? '' : `, ${int(total - bc.bound)} over the bound`}. ` +
        (none.length
          ? `With \`tenant_dealer_reads = "none"\` (plans trust the state's \`dealer_id\`; the nightly \`-refresh-only\` job with \`all\` checks the links) the plan made ${int(noneTotal)} (bound ${int(bc.bound)}). `
          : '') +
        "Next: a bulk source of the links (a dealer's tenant list, or a dealer field on the tenant summary, which the v22.3 API lacks) would make the default plan as cheap.",
    );
    break;
  }
  // 4. per_resource and the rate limit
  const big = res.scenarios.find((sr) => median(okRuns(sr, 'plan_per_resource').map((r) => r.api.total)) > res.options.rateLimitPerMinute);
  if (big) {
    const n = median(okRuns(big, 'plan_per_resource').map((r) => r.api.total));
    const n429 = sum(runsOf(big, 'plan_per_resource').map((r) => statusCounts(r).s429));
    items.push(
      `**per_resource at ${big.scenario.name}** makes ${int(n)} requests in one provider process, more than the ${int(res.options.rateLimitPerMinute)} a token may send per minute, so it runs at the rate limit, which batch reads (${int(median(okRuns(big, 'plan_batch').map((r) => r.api.total)))} requests) never approach.` +
        (n429
          ? ` The emulator refused ${n429} of them with 429 over ${runsOf(big, 'plan_per_resource').length} runs (retried after \`Retry-After\`, so the plans succeeded): the provider's limiter counts a sliding minute by send time while the emulator counts a fixed minute from its first arrival, so requests near the window's edge can land on the wrong side. The client's limiter already counts a 61 s window (\`RATE_WINDOW_MS\`) for that reason; 429s here mean the margin is too small on this machine.`
          : ''),
    );
  }
  if (!items.length) return o;
  o.push('### What would cut it next');
  o.push('');
  items.forEach((t, i) => o.push(`${i + 1}. ${t}`));
  o.push('');
  return o;
}

/** One line on the state backend(s) the page's commands used. */
function backendSummary(res: BenchResults): string {
  const b = res.options.backend;
  const locals = Object.entries(res.options.localApplyRuns ?? {}).filter(([, n]) => n > 0);
  const cmp = locals.length
    ? ` Comparison: an apply from empty with Terraform's default local backend (\`terraform.tfstate\` in its own work dir, its own \`terraform init\` and a fresh emulator) for ${locals.map(([s, n]) => `${s} (${n} run${n > 1 ? 's' : ''})`).join(', ')}, after the scenario's rounds.`
    : '';
  if (b === 'http')
    return (
      `Terraform's built-in \`http\` backend, served by the runner itself on loopback (\`bench/state-server.ts\`: states in memory, locking with \`LOCK\` / \`UNLOCK\`); every command of a scenario uses the same state, and "apply from empty" first drops it on the server. ` +
      `During an apply Terraform keeps the state in memory and uploads it every ${res.options.statePersistIntervalS ?? 20} s and at the end.` +
      cmp
    );
  if (b === 'local')
    return "Terraform's default local backend: `terraform.tfstate` in the work dir, rewritten after every resource an apply changes.";
  return "Terraform's default local backend (`terraform.tfstate` in the work dir); these results predate the `--backend` option, when it was the only one.";
}

/** "apply: http backend vs local backend", for the scenarios where both were measured. */
function backendComparison(res: BenchResults): string[] {
  const rows: string[] = [];
  for (const sr of res.scenarios) {
    const h = singleApplies(res, sr, 'http');
    const l = singleApplies(res, sr, 'local');
    if (!h.length || !l.length) continue;
    const hb = medBreakdown(h)!;
    const lb = medBreakdown(l)!;
    const up = median(h.filter((r) => r.state).map((r) => r.state!.uploads));
    const stateBytes = median(h.map((r) => r.stateBytes ?? NaN));
    rows.push(
      `| ${sr.scenario.name} | ${int(sr.objects)} | ${h.length} / ${l.length} | **${s1(hb.wall)}** | **${s1(lb.wall)}** | **${ratio(lb.wall, hb.wall)}** | ${(hb.cpuTerraform / sr.objects).toFixed(1)} | ${(lb.cpuTerraform / sr.objects).toFixed(1)} | ${ratio(lb.cpuTerraform, hb.cpuTerraform)} | ` +
        `${s1(hb.terraform)} / ${s1(lb.terraform)} | ${int(up)} | ${mb(stateBytes)} |`,
    );
  }
  if (!rows.length) return [];
  return [
    '### Apply from empty: http backend vs local backend (medians)',
    '',
    '| scenario | objects | runs http / local | http s | local s | local / http | terraform CPU ms per object, http | … local | local / http | no RPC in a handler s, http / local | state uploads (http) | state MiB |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Same configuration and emulator settings; only the state backend differs (API requests per command: see the scenario tables). "terraform CPU" = CPU of the terraform process tree minus the providers\' own. "no RPC in a handler": wall time with no provider RPC in progress (Terraform\'s own work and gRPC). Noisy machine: the two backends\' applies ran one after the other, not at the same time, so the load differed (see the load column of the scenario tables).',
    '',
  ];
}

/**
 * The request bound of an export, from the batch plan's (boundCheck) plus what only an export must
 * read: the tenant list for the ids (a plan has them in state), every tenant's dealer link (there is
 * no bulk form, and an export cannot know which tenants have one: a batch plan with
 * `tenant_dealer_reads = "all"` reads them too), the trunk list and each trunk's assignees, and the
 * admin users' list.
 */
export function exportBound(e: ExportResult, counts: Record<string, number>): { bound: number; terms: string } {
  const r = e.export.api.byRoute;
  const tenants = counts.portsip_tenant ?? 0;
  const rules = counts.portsip_ip_rule ?? 0;
  const dealers = counts.portsip_dealer ?? 0;
  const transports = counts.portsip_transport ?? 0;
  const singletonGets = Object.entries(counts).filter(([, n]) => n === 1).length;
  const trunks = r['GET /api/providers/{id}/assignees'] ?? 0;
  const plan = Math.ceil(rules / 100) + Math.ceil(dealers / 100) + tenants + 1 + 1 + Math.ceil(transports / 100) + singletonGets;
  const extra = tenants + Math.ceil(tenants / 100) + 1 + trunks + Math.ceil(Math.max(1, counts.portsip_admin_user ?? 1) / 100);
  return {
    bound: plan + extra,
    terms:
      `the batch plan's bound ${int(plan)} (as above) + one dealer link per tenant ${int(tenants)} + the tenant list ${Math.ceil(tenants / 100)} ` +
      `+ the trunk list 1 + one assignee list per trunk ${trunks} + the admin users' list 1`,
  };
}

function exportSection(res: BenchResults): string[] {
  if (!res.exports?.length) return [];
  const o: string[] = ['## `portsip export` at scale', ''];
  o.push(
    "Measured on its own with `npm run bench -- --export-only --scenarios S`: a fresh emulator is seeded by applying the scenario, a no-op batch plan of that configuration runs for reference, then `portsip export --out DIR` reads the PBX (in the runner's process, the same client and read path as the provider) and `terraform init && terraform plan` runs in DIR, which must show imports only. Same emulator latency and `-parallelism` as the rest of this page.",
    '',
  );
  o.push(
    '| scenario | date | objects exported | export s | export API requests (bound) | plan of the export s | its API requests | its "Plan:" line | no-op batch plan s / requests | export faster than the plan |',
  );
  o.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const e of res.exports) {
    const counts = res.scenarios.find((s) => s.scenario.name === e.scenario)?.counts ?? {};
    const b = exportBound(e, counts);
    o.push(
      `| ${e.scenario} | ${e.date.replace('T', ' ').slice(0, 16)} UTC | ${int(e.exported)} of ${int(e.objects)} | **${s1(e.export.wallMs)}** | ${int(e.export.api.total)} (${int(b.bound)}) ${e.export.api.total <= b.bound ? '✓' : '✗'} | ` +
        `**${s1(e.exportPlan.wallMs)}** | ${int(e.exportPlan.api.total)} | ${e.exportPlan.planSummary ?? (e.exportPlan.error || '–')} | ${s1(e.batchPlan.wallMs)} / ${int(e.batchPlan.api.total)} | ${e.export.wallMs < e.exportPlan.wallMs ? '✓' : '✗'} |`,
    );
  }
  o.push('');
  for (const e of res.exports) {
    const counts = res.scenarios.find((s) => s.scenario.name === e.scenario)?.counts ?? {};
    const b = exportBound(e, counts);
    o.push(
      `**${e.scenario}.** Bound ${int(b.bound)} = ${b.terms}. The export's requests by route: ${Object.entries(e.export.api.byRoute)
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `\`${k}\` ${int(v)}`)
        .join(', ')}. ` +
        `Load average (1 min) when the export started: ${e.load1.toFixed(2)} (a shared machine: the wall times are single runs). ` +
        `The objects exported include what the scenario's configuration does not manage: the emulator's seed UDP transport. ` +
        `The plan of the export reads every object as an import does (\`ImportResourceState\`, then \`ReadResource\`).`,
      '',
    );
  }
  return o;
}

export function writeReport(res: BenchResults, outDir: string, extraSections: string[] = []): void {
  const m = res.machine;
  const o: string[] = [];
  o.push('# Scale benchmark results');
  o.push('');
  o.push(
    'Generated by `bench/run.ts`; do not edit by hand. Re-run the command below, or re-render this page from the saved data with `node bench/index.js --report-from bench/results.json`. How the benchmark works: [README.md](README.md).',
  );
  o.push('');
  o.push(`- **Command:** \`${res.command}\` (from the repository root; it runs \`npm run build\` first)`);
  o.push(
    `- **Date:** ${res.date.replace('T', ' ').slice(0, 19)} UTC, ${Math.round(res.durationS / 60)} min in all${m.gitCommit ? `; tree at commit ${m.gitCommit}` : ''}`,
  );
  o.push(
    `- **Machine:** ${m.nproc} CPUs (${m.cpuModel}), ${m.memTotalGb} GiB, ${m.os}; Node ${m.node}, Terraform ${m.terraform}. ` +
      `Load average (1/5/15 min) ${m.loadAtStart.map((x) => x.toFixed(2)).join(' / ')} at the start${m.waitedForLoadS ? ` (after waiting ${m.waitedForLoadS} s for it to drop)` : ''}, ${m.loadAtEnd.map((x) => x.toFixed(2)).join(' / ')} at the end. ` +
      'A shared, noisy 2-core VM (the load average includes the benchmark itself: terraform, the providers and the emulator), so single runs vary; compare medians, and the request counts, which are exact.',
  );
  o.push(`- **State backend:** ${backendSummary(res)}`);
  o.push(
    `- **Setup:** the emulator (\`src/emulator\`, in the runner's process) with ${res.options.latencyMs} ms latency per request and its default rate limit (${int(res.options.rateLimitPerMinute)} requests/minute per token); ` +
      `the provider with its defaults (\`max_concurrency\` 10, client-side limit 10,000/minute) over plain HTTP on loopback; terraform \`-parallelism=${res.options.parallelism}\`; ` +
      `${res.options.runs} rounds per scenario, each: ${Object.entries(res.options.applyRuns)
        .map(([s, n]) => `${s}: ${n} of ${res.options.runs} rounds start from an empty PBX with a measured apply`)
        .join('; ')}, then the four plans in rotating order. Every plan must be a no-op (\`-detailed-exitcode\` 0) to count.`,
  );
  o.push('');
  o.push('## Summary (medians, seconds)');
  o.push('');
  o.push(
    '| scenario | objects | apply from empty | plan batch | plan per_resource | plan -refresh=false | batch speed-up | batch API requests: default / `tenant_dealer_reads = "none"` (bound) | provider handshake ms | provider peak RSS MiB | 429 / 5xx in apply |',
  );
  o.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const sr of res.scenarios) {
    const med = (k: CommandKind) => median(okRuns(sr, k).map((r) => r.wallMs));
    const bRuns = okRuns(sr, 'plan_batch');
    const bc = bRuns.length ? boundCheck(sr, medianRoutes(bRuns), Math.max(...bRuns.map((r) => r.api.total))) : undefined;
    const nRuns = okRuns(sr, 'plan_batch_no_links');
    const nc = nRuns.length ? boundCheck(sr, medianRoutes(nRuns), Math.max(...nRuns.map((r) => r.api.total))) : undefined;
    const hs = median(sr.runs.filter((r) => r.ok).flatMap((r) => r.providers.map((p) => p.handshake_ms ?? NaN)));
    const rss = Math.max(...sr.runs.filter((r) => r.ok).flatMap((r) => r.providers.map((p) => p.max_rss_kb)), -Infinity);
    const ap = runsOf(sr, 'apply').map(statusCounts);
    const okApply = okRuns(sr, 'apply');
    const nApply = okApply.length;
    const shape = okApply[0]?.chunks ? `in ${okApply[0].chunks.count} states of ≤ ${okApply[0].chunks.size}` : 'one state';
    o.push(
      `| ${sr.scenario.name} | ${int(sr.objects)} | ${s1(med('apply'))}${nApply ? ` (${nApply} run${nApply > 1 ? 's' : ''}, ${shape}, ${runBackend(res, okApply[0]!)} backend)` : ''} | ${s1(med('plan_batch'))} | ${s1(med('plan_per_resource'))} | ${s1(med('plan_refresh_false'))} | ${ratio(med('plan_per_resource'), med('plan_batch'))} | ` +
        `${bc ? `${int(bc.actual)}${nc ? ` / ${int(nc.actual)}` : ''} (${int(bc.bound)}) ${bc.ok ? '✓' : '✗'}${nc ? ` / ${nc.ok ? '✓' : '✗'}` : ''}` : '–'} | ${hs.toFixed(0)} | ${mib(rss)} | ${ap.length ? `${ap.reduce((n, s) => n + s.s429, 0)} / ${ap.reduce((n, s) => n + s.s5xx, 0)}` : '–'} |`,
    );
  }
  o.push('');
  o.push(...backendComparison(res));
  o.push('![No-op plan time against object count](plan-time.svg)');
  o.push('');
  o.push('## Where the time goes');
  o.push('');
  o.push(...analysis(res));
  o.push(...nextSteps(res));
  o.push(...extraSections);
  o.push(...exportSection(res));
  for (const sr of res.scenarios) o.push(...scenarioSection(res, sr));
  o.push('## Raw data');
  o.push('');
  o.push(
    '`results.json` next to this file holds every run: wall time, CPU, emulator counts by route and status, and the stats line of every provider launch (`PORTSIP_PROVIDER_STATS_FILE`, `src/provider/stats.ts`).',
  );
  o.push('');
  fs.mkdirSync(outDir, { recursive: true });
  // The start-up section belongs to bench/startup.js (npm run bench:startup): keep it.
  const resultsFile = path.join(outDir, 'RESULTS.md');
  const previous = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '';
  const startup = /<!-- startup:begin -->[\s\S]*<!-- startup:end -->\n/.exec(previous)?.[0];
  fs.writeFileSync(resultsFile, o.join('\n') + (startup ? `\n${startup}` : ''));
  fs.writeFileSync(path.join(outDir, 'plan-time.svg'), chart(res));
}
