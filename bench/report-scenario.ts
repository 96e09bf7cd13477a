// One scenario's section of RESULTS.md: its commands table, ratios, API requests by kind, the batch
// request bound, the apply's failed requests, the state backend's figures, where the time goes and
// the providers' RPC handler time.
import { median, type BenchResults, type CommandKind, type ScenarioResult } from './types';
import {
  KINDS,
  KIND_LABEL,
  agg,
  backendOf,
  boundCheck,
  firstNonZero,
  int,
  kindLabel,
  loadRange,
  mainLaunch,
  mb,
  medBreakdown,
  medianRoutes,
  mib,
  okRuns,
  peakWindow,
  ratio,
  runBackend,
  runsOf,
  s1,
  shortLabel,
  statusCounts,
  sum,
} from './report-data';

export function scenarioSection(res: BenchResults, sr: ScenarioResult): string[] {
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
        `"state uploads": ${applies.some((r) => r.state?.requests) ? "accepted `POST`s of the whole state to the runner's former HTTP state server" : "rows Terraform wrote to the state's table in PostgreSQL (its table statistics)"}; during an apply Terraform uploads an intermediate snapshot when ${res.options.statePersistIntervalS ?? 20} s have passed since the last one (checked after each resource) and the final state at the end. "state MiB": the state's size after the apply.`,
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

  // Requests to the runner's former HTTP state server (results from before the pg backend)
  const withState = KINDS.filter((k) => okRuns(sr, k).some((r) => r.state?.requests));
  if (withState.length) {
    const methods = [...new Set(withState.flatMap((k) => okRuns(sr, k).flatMap((r) => Object.keys(r.state?.requests ?? {}))))].sort();
    o.push(`### Requests to the HTTP state backend (${sc.name}, median per command)`);
    o.push('');
    o.push(`| command | ${methods.map((m) => `\`${m}\``).join(' | ')} | MiB uploaded | server time in handlers ms |`);
    o.push(`|---|${methods.map(() => '---').join('|')}|---|---|`);
    for (const k of withState) {
      const rs = okRuns(sr, k).filter((r) => r.state?.requests);
      o.push(
        `| ${shortLabel(res, k)} | ${methods.map((m) => int(median(rs.map((r) => r.state?.requests?.[m] ?? 0)))).join(' | ')} | ${mb(median(rs.map((r) => r.state?.uploadBytes ?? NaN)))} | ${int(median(rs.map((r) => r.state?.handlerMs ?? NaN)))} |`,
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
