// The prose of RESULTS.md computed from the medians: "Where the time goes" (analysis) and "What
// would cut it next" (nextSteps, with the apply item comparing state backends).
import { median, type BenchResults, type CommandRun, type ScenarioResult, type StateBackend } from './types';
import {
  backendOf,
  boundCheck,
  breakdown,
  int,
  mb,
  medBreakdown,
  medianRoutes,
  okRuns,
  plural,
  ratio,
  runBackend,
  runsOf,
  s1,
  singleApplies,
  statusCounts,
  sum,
} from './report-data';

/** The generated analysis of where the time goes, from the medians. */
export function analysis(res: BenchResults): string[] {
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
        ? ` Terraform uploaded the whole state ${plural(median(withState.map((r) => r.state!.uploads)), 'time')} (median${
            withState.some((r) => r.state!.uploadBytes)
              ? `; ${mb(median(withState.map((r) => r.state!.uploadBytes ?? NaN)))} MiB in all`
              : ''
          }${withState.some((r) => r.stateBytes) ? `, the final state ${mb(median(withState.map((r) => r.stateBytes ?? NaN)))} MiB` : ''}).`
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

/** The apply item of "What would cut it next": local vs the remote backend (pg, or http in older results), scaling, chunks. */
function applyItem(res: BenchResults): string[] {
  const perObj = (x: number, sr: ScenarioResult) => (x / sr.objects).toFixed(x / sr.objects < 10 ? 1 : 0);
  const pct = (x: number, of: number) => `${Math.round((100 * x) / of)} %`;
  const interval = res.options.statePersistIntervalS ?? 20;
  const singles = (backend: StateBackend) =>
    res.scenarios
      .map((sr) => ({ sr, runs: singleApplies(res, sr, backend) }))
      .filter((x) => x.runs.length)
      .map((x) => ({ ...x, a: medBreakdown(x.runs)! }));
  // The run's remote backend: pg, or the former http state server in older results.
  const rb: StateBackend = backendOf(res) === 'local' ? 'pg' : backendOf(res);
  const remote = singles(rb);
  const local = singles('local');
  const pairs = remote
    .map((h) => ({ h, l: local.find((l) => l.sr === h.sr) }))
    .filter((x): x is { h: (typeof remote)[number]; l: (typeof local)[number] } => !!x.l)
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
      `with the ${rb} backend ${s1(h.a.wall)} s and ${perObj(h.a.cpuTerraform, h.sr)} ms (${h.runs.length} run${h.runs.length > 1 ? 's' : ''}, medians): **${ratio(l.a.wall, h.a.wall)} the wall time and ${ratio(l.a.cpuTerraform, h.a.cpuTerraform)} the terraform CPU** with the local backend, for the same ${int(h.sr.objects)} objects and ${hReq === lReq ? `the same ${int(hReq)} API requests` : `${int(hReq)} (${rb}) and ${int(lReq)} (local) API requests`}. ` +
      `That is what Terraform's source leads one to expect (the source was read, Terraform was not profiled): ${FS_CAUSE}, while ${remoteCause(interval)}` +
      (Number.isFinite(up) ? ` (${plural(up, 'upload')} in this apply)` : '') +
      '.';
  } else if (remote.length) {
    text += `**Apply: with remote state.** The local backend was not measured in this run (\`--local-apply none\`). As Terraform's source reads, ${FS_CAUSE}, while ${remoteCause(interval)}; the ${rb}-backend applies below avoid the former.`;
  } else if (local.length) {
    const x = local[0]!;
    const planTf = median(okRuns(x.sr, 'plan_batch').map((r) => breakdown(r).cpuTerraform));
    text +=
      `**Apply: ${x.a.terraform > x.a.wall / 2 ? "Terraform's state writes, not the API" : 'the local backend'}.** ${x.sr.scenario.name}'s single-state apply with the local backend takes ${s1(x.a.wall)} s, yet some API request is in flight only ${pct(x.a.apiBusy, x.a.wall)} of that time and no RPC is in a provider handler for ${s1(x.a.terraform)} s of it. ` +
      `Terraform burns ${s1(x.a.cpuTerraform)} s of CPU, ${perObj(x.a.cpuTerraform, x.sr)} ms per object, against ${(planTf / x.sr.objects).toFixed(1)} ms per object in a plan of the same configuration. ` +
      `The cause, as Terraform's source reads (not profiled here): ${FS_CAUSE}.`;
  }
  if (remote.length) {
    // Scaling with the remote backend: smallest against largest single-state apply.
    const byN = [...remote].sort((x, y) => x.sr.objects - y.sr.objects);
    const lo = byN[0]!;
    const hi = byN[byN.length - 1]!;
    let grows = false;
    if (hi.sr.objects > lo.sr.objects) {
      const g = hi.a.cpuTerraform / hi.sr.objects / (lo.a.cpuTerraform / lo.sr.objects);
      grows = g > 1.25;
      text +=
        ` With the ${rb} backend, ${lo.sr.scenario.name}'s ${int(lo.sr.objects)} objects took ${s1(lo.a.wall)} s (${perObj(lo.a.cpuTerraform, lo.sr)} ms of terraform CPU per object) and ${hi.sr.scenario.name}'s ${int(hi.sr.objects)} took ${s1(hi.a.wall)} s (${perObj(hi.a.cpuTerraform, hi.sr)} ms), each in one state: ` +
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
      ` In ${big.sr.scenario.name}'s ${rb}-backend apply some API request was in flight ${pct(a.apiBusy, a.wall)} of the time, no RPC was in a provider handler for ${s1(a.terraform)} s (${pct(a.terraform, a.wall)}), terraform used ${s1(a.cpuTerraform)} s of CPU and the providers ${s1(a.cpuProviders)} s; ` +
      `its ${int(req)} requests need at least ${s1(floor)} s at ${res.options.parallelism} in flight and ${res.options.latencyMs} ms each, and it averaged ${int(rpm)} requests/minute against the ${int(res.options.rateLimitPerMinute)}/minute limit of a token.`;
    cuts = apiBound
      ? ` Next cuts: with remote state the apply is paced by API round trips at Terraform's \`-parallelism\`; more in flight (\`-parallelism\` and the provider's \`max_concurrency\`) would help until the ${int(res.options.rateLimitPerMinute)}/minute limit binds. For pipelines: a remote backend (pg, s3, Terraform Cloud, …) for a large PBX, which GitOps setups use anyway.`
      : ` Next cuts: the API round trips would fit in ${s1(floor)} of those ${s1(a.wall)} s; the rest goes to Terraform handing out work and to CPU (terraform, providers and emulator used ${s1(cpuAll)} s of CPU, ${Math.round((100 * cpuAll) / (a.wall * res.machine.nproc))} % of ${res.machine.nproc} cores over the apply): Terraform's own per-resource work (graph walk, gRPC, the state hook's copies) and the provider's RPC path. ` +
        `For pipelines: a remote backend (pg, s3, Terraform Cloud, …) for a large PBX, which GitOps setups use anyway, and root modules of a few hundred objects where the local backend must stay` +
        (grows
          ? `; as the cost per object still grows with the state, splitting a very large PBX into several root modules (\`--chunked-apply\` measures it) still pays with remote state.`
          : '.');
  } else if (local.length) {
    cuts =
      ' Next cuts: split a large PBX into root modules of a few hundred objects; a remote backend, whose state manager keeps snapshots in memory and persists on an interval (`--backend pg`, the default, measures it); in Terraform itself, persisting on an interval with the local backend too.';
  }
  if (chunked && text) {
    const c = medBreakdown(chunked.runs)!;
    const ch = chunked.runs[0]!.chunks!;
    const cb = runBackend(res, chunked.runs[0]!);
    const ref = (cb !== 'local' ? remote : local).find((x) => x.sr !== chunked.sr) ?? (cb !== 'local' ? remote : local)[0];
    text +=
      ` Split into root modules of ≤ ${ch.size} objects (${cb} backend), ${chunked.sr.scenario.name}'s ${int(chunked.sr.objects)} objects took ${s1(c.wall)} s in ${ch.count} applies: ${(c.wall / chunked.sr.objects).toFixed(0)} ms and ${perObj(c.cpuTerraform, chunked.sr)} ms of terraform CPU per object` +
      (ref
        ? `, against ${(ref.a.wall / ref.sr.objects).toFixed(0)} ms and ${perObj(ref.a.cpuTerraform, ref.sr)} ms for ${ref.sr.scenario.name} in one state (${cb} backend): ${(ref.a.cpuTerraform / ref.sr.objects / (c.cpuTerraform / chunked.sr.objects)).toFixed(1)}× the terraform CPU per object of the chunks.`
        : '.');
  }
  return text ? [text + cuts] : [];
}

/** "What would cut it next", with the figures it rests on. */
export function nextSteps(res: BenchResults): string[] {
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
    const tList = routes['GET /api/tenants'] ?? 0;
    if (!tGets) continue;
    const bc = boundCheck(sr, routes, total);
    const none = okRuns(sr, 'plan_batch_no_links');
    const noneTotal = median(none.map((r) => r.api.total));
    items.push(
      `**Tenant reads (${sr.scenario.name}).** The tenant list holds summaries, so each tenant costs \`GET /api/tenants/{id}\` (${int(tGets)}: the bound's "tenants" term), and a tenant's dealer link has no bulk form: ${int(tLinks)} \`GET /api/tenants/{id}/dealers\`, one per tenant whose state has a \`dealer_id\` (the default \`tenant_dealer_reads = "managed"\`)${tList ? `, and the tenant list, ${int(tList)} \`GET /api/tenants\`, from which the tenants the configuration declares are read ahead (not with \`none\`)` : ''}, so the default batch plan makes ${int(total)} requests${bc.ok ? '' : `, ${int(total - bc.bound)} over the bound`}. ` +
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
