// The guard as data: how much of each resource type a saved plan deletes or replaces, against the
// objects of that type in the plan's prior state, and which limits that breaks. Like octoDNS's
// safety thresholds, a plan that removes a large share of the PBX needs a person to say yes.
import { naturalKey, typeLabel } from './keys';
import type { ObjectRef } from './drift';
import { type PlanJson, priorManaged } from './plan-json';

export interface GuardOptions {
  /** Fail when a type loses more than this share of its objects (0-100). */
  maxDeletePercent: number;
  maxReplacePercent: number;
  /** Types of which no object may be deleted or replaced. */
  protect: string[];
}

export const GUARD_DEFAULTS: GuardOptions = { maxDeletePercent: 30, maxReplacePercent: 30, protect: [] };

export interface GuardTypeStats {
  type: string;
  label: string;
  /** Objects of the type in the prior state: the denominator. */
  prior: number;
  deletes: ObjectRef[];
  replaces: ObjectRef[];
  creates: number;
  updates: number;
}

export interface GuardViolation {
  type: string;
  label: string;
  kind: 'delete' | 'replace' | 'protected';
  /** One sentence: "deletes 31 of 100 IP rules (31 %), more than 30 %". */
  reason: string;
  objects: ObjectRef[];
}

export interface GuardReport {
  options: GuardOptions;
  types: GuardTypeStats[];
  violations: GuardViolation[];
}

/** "1 tenant", "31 IP rules", "2 system settings". */
export function countOf(n: number, label: string): string {
  return `${n} ${n === 1 || label.endsWith('s') ? label : `${label}s`}`;
}

/** n of prior as a percentage; deleting something from nothing counts as everything. */
export function percent(n: number, prior: number): number {
  if (n === 0) return 0;
  return prior > 0 ? (n / prior) * 100 : 100;
}

/** 29, 30.5, 33.3 */
export function fmtPercent(p: number): string {
  return String(Math.round(p * 10) / 10);
}

const isReplace = (a: string[]) => a.includes('delete') && a.includes('create');

export function guardReport(plan: PlanJson, options: GuardOptions): GuardReport {
  const stats = new Map<string, GuardTypeStats>();
  const statsOf = (type: string) => {
    let s = stats.get(type);
    if (!s) stats.set(type, (s = { type, label: typeLabel(type), prior: 0, deletes: [], replaces: [], creates: 0, updates: 0 }));
    return s;
  };
  for (const r of priorManaged(plan)) statsOf(r.type).prior++;
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed') continue;
    const a = rc.change.actions;
    const ref = (): ObjectRef => ({
      address: rc.address,
      type: rc.type,
      label: typeLabel(rc.type),
      key: naturalKey(rc.type, rc.change.before ?? rc.change.after, rc.address),
    });
    const s = statsOf(rc.type);
    if (isReplace(a)) s.replaces.push(ref());
    else if (a.includes('delete')) s.deletes.push(ref());
    else if (a.includes('create')) s.creates++;
    else if (a.includes('update')) s.updates++;
  }
  const types = [...stats.values()].sort((x, y) => x.type.localeCompare(y.type));
  const violations: GuardViolation[] = [];
  const plural = (s: GuardTypeStats) => countOf(2, s.label).slice(2);
  for (const s of types) {
    const byKey = (x: ObjectRef, y: ObjectRef) => x.key.localeCompare(y.key) || x.address.localeCompare(y.address);
    s.deletes.sort(byKey);
    s.replaces.sort(byKey);
    const dp = percent(s.deletes.length, s.prior);
    const rp = percent(s.replaces.length, s.prior);
    if (dp > options.maxDeletePercent) {
      violations.push({
        type: s.type,
        label: s.label,
        kind: 'delete',
        reason: `deletes ${s.deletes.length} of ${s.prior} ${plural(s)} (${fmtPercent(dp)} %), more than the ${fmtPercent(options.maxDeletePercent)} % allowed (--max-delete-percent)`,
        objects: s.deletes,
      });
    }
    if (rp > options.maxReplacePercent) {
      violations.push({
        type: s.type,
        label: s.label,
        kind: 'replace',
        reason: `replaces ${s.replaces.length} of ${s.prior} ${plural(s)} (${fmtPercent(rp)} %), more than the ${fmtPercent(options.maxReplacePercent)} % allowed (--max-replace-percent)`,
        objects: s.replaces,
      });
    }
    const touched = [...s.deletes, ...s.replaces];
    if (options.protect.includes(s.type) && touched.length > 0) {
      violations.push({
        type: s.type,
        label: s.label,
        kind: 'protected',
        reason: `deletes or replaces ${countOf(touched.length, s.label)}, a protected type (--protect ${s.type})`,
        objects: touched,
      });
    }
  }
  return { options, types, violations };
}

export function guardSummary(r: GuardReport, allowed: boolean): string {
  const del = r.types.reduce((n, t) => n + t.deletes.length, 0);
  const rep = r.types.reduce((n, t) => n + t.replaces.length, 0);
  const what = `the plan deletes ${del} and replaces ${rep} managed object${del + rep === 1 ? '' : 's'}`;
  if (r.violations.length === 0) return `Guard passed: ${what}, within the limits.`;
  const n = r.violations.length;
  if (allowed) return `Guard overridden (--allow): ${what}; ${n} limit${n === 1 ? '' : 's'} broken, let through as reviewed.`;
  return `Guard stopped the plan: ${what}; ${n} limit${n === 1 ? '' : 's'} broken.`;
}
