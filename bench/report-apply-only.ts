// RESULTS.md's section for `npm run bench -- --apply-only` (bench/apply-only.ts): each scenario's
// applies from empty into the pg backend and into the local backend, measured on their own.
import { breakdown, int, mainLaunch, mb, ratio, s1, statusCounts } from './report-data';
import { median, type ApplyOnlyResult, type CommandRun } from './types';

function row(a: ApplyOnlyResult, backend: string, rs: CommandRun[]): string {
  const ok = rs.filter((r) => r.ok);
  const walls = ok.map((r) => r.wallMs);
  const wall = median(walls);
  const counts = rs.map(statusCounts);
  const writes = ok.filter((r) => r.state).map((r) => r.state!.uploads);
  const rss = Math.max(...ok.map((r) => mainLaunch(r)?.max_rss_kb ?? NaN), -Infinity);
  const cpuTf = median(ok.map((r) => breakdown(r).cpuTerraform));
  return (
    `| ${a.scenario} | ${backend} | ${ok.length}${rs.length > ok.length ? ` (+${rs.length - ok.length} failed)` : ''} | **${s1(wall)}** (${s1(Math.min(...walls))}–${s1(Math.max(...walls))}) | ` +
    `${(a.objects / (wall / 1000)).toFixed(1)} | ${int(median(ok.map((r) => r.api.total)))} | ${counts.reduce((n, c) => n + c.s429, 0)} | ${counts.reduce((n, c) => n + c.s5xx, 0)} | ` +
    `${writes.length ? int(median(writes)) : '–'} | ${mb(median(ok.map((r) => r.stateBytes ?? NaN)))} | ${int(median(ok.map((r) => r.stateObjects ?? NaN)))} / ${int(a.objects)} | ` +
    `${(cpuTf / a.objects).toFixed(1)} | ${Number.isFinite(rss) ? (rss / 1024).toFixed(0) : '–'} | ${ok.map((r) => r.load1.toFixed(2)).join(', ')} |`
  );
}

export function applyOnlySection(results: ApplyOnlyResult[] | undefined): string[] {
  if (!results?.length) return [];
  const o: string[] = ['## Apply from empty into PostgreSQL (`--apply-only`)', ''];
  o.push(
    "Measured on its own, without the plans of a full run: per run a fresh emulator and an empty state, then `terraform apply` of the whole scenario in one state, into Terraform's `pg` backend on a PostgreSQL server the runner starts on 127.0.0.1 (`bench/pg.ts`), then into the default local backend (`terraform.tfstate`) for comparison. " +
      '"state writes": rows Terraform wrote to the state\'s table (PostgreSQL\'s table statistics), one per state upload: intermediate snapshots every 20 s and the final state. "terraform CPU": the terraform process tree minus the providers.',
    '',
  );
  for (const a of results) {
    o.push(
      `**${a.scenario}** (${int(a.objects)} objects): \`${a.command}\`, ${a.date.replace('T', ' ').slice(0, 16)} UTC${a.gitCommit ? `, tree at commit ${a.gitCommit}` : ''}; ` +
        `${a.latencyMs} ms emulator latency per request, \`-parallelism=${a.parallelism}\`` +
        (a.postgres ? `; PostgreSQL ${a.postgres.split(' ')[0]}.` : '.') +
        (a.pgSkipped ? ` **The pg applies were skipped:** ${a.pgSkipped}` : ''),
      '',
    );
    o.push(
      '| scenario | backend | runs | wall s, median (min–max) | objects/s | API requests | 429 | 5xx | state writes | state MiB | objects in state | terraform CPU ms per object | provider peak RSS MiB | load (1 min) |',
    );
    o.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    const pg = a.runs.filter((r) => r.kind === 'apply');
    const local = a.runs.filter((r) => r.kind === 'apply_local');
    if (pg.length) o.push(row(a, 'pg', pg));
    if (local.length) o.push(row(a, 'local', local));
    o.push('');
    const pw = median(pg.filter((r) => r.ok).map((r) => r.wallMs));
    const lw = median(local.filter((r) => r.ok).map((r) => r.wallMs));
    if (Number.isFinite(pw) && Number.isFinite(lw))
      o.push(`The local backend took **${ratio(lw, pw)}** the pg backend's wall time for the same objects and API requests.`, '');
  }
  return o;
}
