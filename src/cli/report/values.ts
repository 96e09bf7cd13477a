// Attribute-level comparison of two Terraform values (the `before`/`after` of a plan change) and
// redaction with the plan's sensitivity masks. Reports carry only redacted values, so no renderer
// can print a secret by mistake.

export type Segment = string | number;

/** Shown in place of every sensitive value, in every format. */
export const SENSITIVE = '(sensitive)';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The paths where `before` and `after` differ, as deep as both sides have the same shape: objects
 * key by key, lists of equal length element by element; a list whose length changed, or a value
 * whose kind changed, is one difference at its own path. Keys in sorted order (stable reports).
 */
export function diffPaths(before: unknown, after: unknown, at: Segment[] = []): Segment[][] {
  if (deepEqual(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffPaths(before[k], after[k], [...at, k]));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((x, i) => diffPaths(x, after[i], [...at, i]));
  }
  return [at];
}

/** `cdr_event.password`, `office_hours[0].ranges[1].from`. */
export function formatPath(path: Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('') || '(whole object)';
}

export function valueAt(v: unknown, path: Segment[]): unknown {
  let cur = v;
  for (const s of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** Write-only attributes (`password_wo`, ...) never hold a value worth showing. */
const isWriteOnly = (s: Segment) => typeof s === 'string' && s.endsWith('_wo');

/**
 * The value with every sensitive part replaced by SENSITIVE: where the mask is `true`, and under
 * write-only attribute names.
 */
export function redact(value: unknown, mask: unknown): unknown {
  if (mask === true) return SENSITIVE;
  if (Array.isArray(value)) return value.map((x, i) => redact(x, Array.isArray(mask) ? mask[i] : undefined));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[k] = isWriteOnly(k) ? SENSITIVE : redact(x, isObject(mask) ? mask[k] : undefined);
    return out;
  }
  return value;
}

/** The redacted value at `path` of a whole object value whose mask is `mask`. */
export function redactedAt(whole: unknown, mask: unknown, path: Segment[]): unknown {
  let m = mask;
  for (const s of path) {
    if (m === true || isWriteOnly(s)) return SENSITIVE;
    m = m !== null && typeof m === 'object' ? (m as Record<string | number, unknown>)[s] : undefined;
  }
  return redact(valueAt(whole, path), m);
}

/** A value for a one-line display: strings quoted, lists and objects as compact JSON. */
export function display(v: unknown): string {
  if (v === SENSITIVE) return SENSITIVE;
  if (v === undefined) return '(absent)';
  return JSON.stringify(v);
}
