// Drift as data: what a refresh-only plan's `resource_drift` says changed on the PBX, attribute by
// attribute, read from the values themselves. Terraform's exit code and its "changed outside of
// Terraform" judgement are not consulted: an entry whose before and after are deeply equal is no
// drift, whatever else the plan says (issue 11: phantom drift turned nightly jobs red).
import { naturalKey, typeLabel } from './keys';
import { type PlanJson, priorManaged } from './plan-json';
import { deepEqual, diffPaths, formatPath, redactedAt, SENSITIVE } from './values';

export interface AttributeChange {
  /** `max_extensions`, `cdr_event.password`. */
  path: string;
  /** Value in the Terraform state, redacted (SENSITIVE where sensitive). */
  before: unknown;
  /** Value on the PBX, redacted. */
  after: unknown;
  /** True when either side is hidden. */
  sensitive: boolean;
}

export interface ObjectRef {
  address: string;
  type: string;
  /** "tenant", "IP rule". */
  label: string;
  /** The natural key: domain, CIDR, PROTOCOL:port, ...; the address for unknown types. */
  key: string;
}

export interface DriftedObject extends ObjectRef {
  status: 'changed' | 'deleted';
  /** Empty when deleted. */
  changes: AttributeChange[];
  /** Where the resource block is, when found in the working directory's .tf files. */
  source?: { file: string; line: number };
}

export interface DriftReport {
  terraformVersion?: string;
  /** Every managed object in the state, deleted ones included (the JUnit test cases). */
  objects: ObjectRef[];
  drifted: DriftedObject[];
}

/** "tenant acme.example.com"; a singleton is just its label ("system settings"). */
export function displayName(o: ObjectRef): string {
  return o.key === o.label ? o.label : `${o.label} ${o.key}`;
}

const byTypeThenKey = (a: ObjectRef, b: ObjectRef) =>
  a.type.localeCompare(b.type) || a.key.localeCompare(b.key) || a.address.localeCompare(b.address);

export function driftReport(plan: PlanJson): DriftReport {
  const objects: ObjectRef[] = priorManaged(plan).map((r) => ({
    address: r.address,
    type: r.type,
    label: typeLabel(r.type),
    key: naturalKey(r.type, r.values, r.address),
  }));
  const drifted: DriftedObject[] = [];
  for (const rc of plan.resource_drift ?? []) {
    if (rc.mode !== 'managed') continue;
    const { before, after, actions } = rc.change;
    const ref: ObjectRef = {
      address: rc.address,
      type: rc.type,
      label: typeLabel(rc.type),
      key: naturalKey(rc.type, before ?? after, rc.address),
    };
    if (actions.includes('delete') && (after === null || after === undefined)) {
      drifted.push({ ...ref, status: 'deleted', changes: [] });
      continue;
    }
    if (deepEqual(before, after)) continue;
    const changes = diffPaths(before, after).map((p) => {
      const b = redactedAt(before, rc.change.before_sensitive, p);
      const a = redactedAt(after, rc.change.after_sensitive, p);
      return { path: formatPath(p), before: b, after: a, sensitive: b === SENSITIVE || a === SENSITIVE };
    });
    drifted.push({ ...ref, status: 'changed', changes });
  }
  // prior_state is the refreshed state: objects deleted on the PBX are gone from it, and changed
  // ones carry the PBX's values. The report names every object as the state knew it.
  const known = new Map(objects.map((o) => [o.address, o]));
  for (const d of drifted) known.set(d.address, { address: d.address, type: d.type, label: d.label, key: d.key });
  objects.splice(0, objects.length, ...known.values());
  objects.sort(byTypeThenKey);
  drifted.sort(byTypeThenKey);
  return { terraformVersion: plan.terraform_version, objects, drifted };
}

/** Objects grouped by type, types in sorted order. */
export function groupByType<T extends ObjectRef>(items: T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(i.type, [...(m.get(i.type) ?? []), i]);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function driftSummary(r: DriftReport): string {
  if (r.drifted.length === 0) return `No drift: the PBX matches the Terraform state (${r.objects.length} managed objects checked).`;
  const attrs = r.drifted.reduce((n, d) => n + d.changes.length, 0);
  const deleted = r.drifted.filter((d) => d.status === 'deleted').length;
  const parts = [`${r.drifted.length} of ${r.objects.length} managed objects drifted`];
  if (attrs) parts.push(`${attrs} attribute${attrs === 1 ? '' : 's'} changed on the PBX`);
  if (deleted) parts.push(`${deleted} deleted on the PBX`);
  return `Drift: ${parts.join(', ')}.`;
}
