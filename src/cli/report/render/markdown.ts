// Markdown reports for a pull-request comment or $GITHUB_STEP_SUMMARY: a heading, the summary line,
// one table per resource type; tables and object lists longer than FOLD rows fold into <details>.
import { type DriftReport, driftSummary, groupByType } from '../drift';
import { countOf, fmtPercent, type GuardReport, guardSummary, percent } from '../guard';
import { display } from '../values';

/** Tables and lists longer than this are folded. */
export const FOLD = 10;

/** A table cell as inline code: pipes escaped (GitHub splits cells on them even in code). */
export function mdCode(s: string): string {
  const flat = s.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  if (!flat.includes('`')) return `\`${flat}\``;
  return `\`\` ${flat} \`\``;
}

function fold(summary: string, body: string, rows: number): string {
  if (rows <= FOLD) return body;
  return `<details><summary>${summary}</summary>\n\n${body}\n</details>`;
}

export function renderDriftMarkdown(r: DriftReport): string {
  const out: string[] = [];
  const n = r.drifted.length;
  out.push(n ? `### PortSIP drift: ${n} object${n === 1 ? '' : 's'} changed outside Terraform` : '### PortSIP drift: none', '');
  out.push(driftSummary(r), '');
  for (const [type, items] of groupByType(r.drifted)) {
    const rows: string[] = [];
    for (const d of items) {
      const obj = `${mdCode(d.key)} | ${mdCode(d.address)}`;
      if (d.status === 'deleted') rows.push(`| ${obj} | *deleted on the PBX* | | |`);
      for (const c of d.changes) rows.push(`| ${obj} | ${mdCode(c.path)} | ${mdCode(display(c.before))} | ${mdCode(display(c.after))} |`);
    }
    const table = ['| object | address | attribute | in state | on the PBX |', '|---|---|---|---|---|', ...rows].join('\n');
    out.push(`#### ${items[0]!.label} (\`${type}\`): ${items.length} object${items.length === 1 ? '' : 's'}`, '');
    out.push(fold(`${rows.length} changes`, table, rows.length), '');
  }
  if (n) out.push('Revert with `terraform apply` (the PBX takes the configured values again), or adopt the change in the code.', '');
  return out.join('\n');
}

export function renderGuardMarkdown(r: GuardReport, allowed: boolean): string {
  const out: string[] = [];
  const title = r.violations.length === 0 ? 'passed' : allowed ? 'overridden (--allow)' : 'stopped the plan';
  out.push(`### PortSIP guard: ${title}`, '', guardSummary(r, allowed), '');
  for (const v of r.violations) {
    out.push(`**${v.label}** (\`${v.type}\`): ${v.reason}`, '');
    const list = v.objects.map((o) => `- ${mdCode(o.key)} (${mdCode(o.address)})`).join('\n');
    out.push(fold(countOf(v.objects.length, v.label), list, v.objects.length), '');
  }
  const touched = r.types.filter((t) => t.deletes.length || t.replaces.length || t.creates || t.updates);
  if (touched.length) {
    out.push('| type | in state | delete | replace | create | update |', '|---|---:|---:|---:|---:|---:|');
    for (const t of touched) {
      const d = `${t.deletes.length} (${fmtPercent(percent(t.deletes.length, t.prior))} %)`;
      const rp = `${t.replaces.length} (${fmtPercent(percent(t.replaces.length, t.prior))} %)`;
      out.push(`| ${t.label} (\`${t.type}\`) | ${t.prior} | ${d} | ${rp} | ${t.creates} | ${t.updates} |`);
    }
    out.push('');
  }
  const protect = r.options.protect.length ? `; protected types: ${r.options.protect.map((p) => `\`${p}\``).join(', ')}` : '';
  out.push(
    `_Limits: delete ${fmtPercent(r.options.maxDeletePercent)} %, replace ${fmtPercent(r.options.maxReplacePercent)} % of a type's objects${protect}._`,
    '',
  );
  return out.join('\n');
}
