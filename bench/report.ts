// RESULTS.md and plan-time.svg from the runner's results (writeReport; `--report-from results.json`
// re-renders a saved run). This file holds the page's frame: the header, the summary table, the
// state-backend comparison, the chart and the `portsip export` section; each scenario's section is in
// report-scenario.ts, the computed prose in report-analysis.ts, the shared helpers in report-data.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lineChartSvg, type ChartSeries } from './chart';
import { median, type BenchResults, type CommandKind, type ExportResult } from './types';
import { analysis, nextSteps } from './report-analysis';
import {
  backendOf,
  boundCheck,
  int,
  mb,
  medBreakdown,
  medianRoutes,
  mib,
  okRuns,
  ratio,
  runBackend,
  runsOf,
  s1,
  singleApplies,
  statusCounts,
} from './report-data';
import { applyOnlySection } from './report-apply-only';
import { scenarioSection } from './report-scenario';

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

/** One line on the state backend(s) the page's commands used. */
function backendSummary(res: BenchResults): string {
  const b = res.options.backend;
  const locals = Object.entries(res.options.localApplyRuns ?? {}).filter(([, n]) => n > 0);
  const cmp = locals.length
    ? ` Comparison: an apply from empty with Terraform's default local backend (\`terraform.tfstate\` in its own work dir, its own \`terraform init\` and a fresh emulator) for ${locals.map(([s, n]) => `${s} (${n} run${n > 1 ? 's' : ''})`).join(', ')}, after the scenario's rounds.`
    : '';
  if (b === 'pg')
    return (
      `Terraform's built-in \`pg\` backend on a PostgreSQL${res.options.postgres ? ` ${res.options.postgres.split(' ')[0]}` : ''} server the runner starts on loopback (\`bench/pg.ts\`; \`backend "pg" {}\` with \`conn_str\` and one \`schema_name\` per scenario from \`terraform init -backend-config\`, locking with PostgreSQL advisory locks); every command of a scenario uses the same state, and "apply from empty" first deletes its row. ` +
      `During an apply Terraform keeps the state in memory and writes it every ${res.options.statePersistIntervalS ?? 20} s and at the end.` +
      cmp
    );
  if (b === 'http')
    return (
      `Terraform's built-in \`http\` backend, served by the runner itself on loopback (its former \`bench/state-server.ts\`: states in memory, locking with \`LOCK\` / \`UNLOCK\`); every command of a scenario uses the same state, and "apply from empty" first drops it on the server. ` +
      `During an apply Terraform keeps the state in memory and uploads it every ${res.options.statePersistIntervalS ?? 20} s and at the end.` +
      cmp
    );
  if (b === 'local')
    return (
      "Terraform's default local backend: `terraform.tfstate` in the work dir, rewritten after every resource an apply changes." +
      (res.options.pgSkipped ? ` The pg backend was asked for but skipped: ${res.options.pgSkipped}` : '')
    );
  return "Terraform's default local backend (`terraform.tfstate` in the work dir); these results predate the `--backend` option, when it was the only one.";
}

/** "apply: pg backend (http in older results) vs local backend", for the scenarios where both were measured. */
function backendComparison(res: BenchResults): string[] {
  const rows: string[] = [];
  const rb = backendOf(res);
  if (rb === 'local') return [];
  for (const sr of res.scenarios) {
    const h = singleApplies(res, sr, rb);
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
    `### Apply from empty: ${rb} backend vs local backend (medians)`,
    '',
    `| scenario | objects | runs ${rb} / local | ${rb} s | local s | local / ${rb} | terraform CPU ms per object, ${rb} | … local | local / ${rb} | no RPC in a handler s, ${rb} / local | state uploads (${rb}) | state MiB |`,
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
  o.push(...applyOnlySection(res.applyOnly));
  for (const sr of res.scenarios) o.push(...scenarioSection(res, sr));
  o.push('## Raw data');
  o.push('');
  o.push(
    '`results.json` next to this file holds every run: wall time, CPU, emulator counts by route and status, and the stats line of every provider launch (`PORTSIP_PROVIDER_STATS_FILE`, `src/provider/stats.ts`).',
  );
  o.push('');
  fs.mkdirSync(outDir, { recursive: true });
  // Marked sections belong to other scripts (startup: bench/startup.js; floor: bench/floor.ts): keep them.
  const resultsFile = path.join(outDir, 'RESULTS.md');
  const previous = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '';
  const kept = [...previous.matchAll(/<!-- ([\w-]+):begin -->[\s\S]*?<!-- \1:end -->\n/g)].map((m) => m[0]);
  fs.writeFileSync(resultsFile, o.join('\n') + kept.map((k) => `\n${k}`).join(''));
  fs.writeFileSync(path.join(outDir, 'plan-time.svg'), chart(res));
}
