// The drift report as JSON for dashboards and scripts. Versioned by `schema`; sensitive values are
// the string "(sensitive)" (and `sensitive: true` on the change).
import { type DriftReport, driftSummary } from '../drift';

export const DRIFT_JSON_SCHEMA = 'portsip-drift/v1';

export function renderDriftJson(r: DriftReport): string {
  const doc = {
    schema: DRIFT_JSON_SCHEMA,
    drift: r.drifted.length > 0,
    summary: driftSummary(r),
    terraform_version: r.terraformVersion ?? null,
    objects_checked: r.objects.length,
    drifted: r.drifted.map((d) => ({
      type: d.type,
      label: d.label,
      key: d.key,
      address: d.address,
      status: d.status,
      changes: d.changes.map((c) => ({ attribute: c.path, in_state: c.before, on_pbx: c.after, sensitive: c.sensitive })),
      source: d.source ?? null,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
