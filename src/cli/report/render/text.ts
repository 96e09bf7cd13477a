// Plain-text reports, for terminals and CI logs.
import { displayName, type DriftReport, driftSummary, groupByType } from '../drift';
import { fmtPercent, type GuardReport, guardSummary, percent } from '../guard';
import { display } from '../values';

export function renderDriftText(r: DriftReport): string {
  const lines = [driftSummary(r)];
  if (r.drifted.length) lines.push('Values: in the Terraform state -> on the PBX.');
  for (const [, items] of groupByType(r.drifted)) {
    lines.push('');
    for (const d of items) {
      lines.push(`${displayName(d)}  (${d.address})`);
      if (d.status === 'deleted') lines.push('  - deleted on the PBX');
      for (const c of d.changes) lines.push(`  ~ ${c.path}: ${display(c.before)} -> ${display(c.after)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function renderGuardText(r: GuardReport, allowed: boolean): string {
  const lines = [guardSummary(r, allowed)];
  for (const v of r.violations) {
    lines.push('', `${v.label} (${v.type}): ${v.reason}`);
    for (const o of v.objects) lines.push(`  - ${o.key}  (${o.address})`);
  }
  const touched = r.types.filter((t) => t.deletes.length || t.replaces.length || t.creates || t.updates);
  if (touched.length) {
    lines.push('', 'type: in state, delete, replace, create, update');
    for (const t of touched) {
      lines.push(
        `  ${t.type}: ${t.prior}, ${t.deletes.length} (${fmtPercent(percent(t.deletes.length, t.prior))} %), ` +
          `${t.replaces.length} (${fmtPercent(percent(t.replaces.length, t.prior))} %), ${t.creates}, ${t.updates}`,
      );
    }
  }
  lines.push(
    '',
    `Limits: delete ${fmtPercent(r.options.maxDeletePercent)} %, replace ${fmtPercent(r.options.maxReplacePercent)} % per type` +
      (r.options.protect.length ? `; protected: ${r.options.protect.join(', ')}` : ''),
  );
  return lines.join('\n') + '\n';
}
