// A small, composable validation toolkit shared by every resource (tenant, dealer, transport,
// ip_rule now; admin users and settings singletons later).
//
// Rules of the house (docs/design.md "Habits" 5):
// - every problem is reported, never just the first: validators return lists and `all()` concatenates;
// - each diagnostic carries the attribute path, names the attribute, quotes the value received (never
//   for sensitive values) and says what is allowed;
// - null and unknown values are skipped: during `terraform validate` every variable is unknown, and
//   "required" is enforced by Terraform from the schema before we are called.
//
// This file holds the toolkit's core: the diagnostic wording, the drivers that run validators on a
// value or an object, and the combinators. The validators themselves are split by subject
// (validators-basic, -formats, -time, -network, -documents, -combination) and build on this core;
// validators.ts re-exports what the resources use, under the one name they import.

import { BigNum, UNKNOWN, type AttributePath, type Diagnostic, type Value } from '../../provider/values';

export const SUMMARY_INVALID_VALUE = 'Invalid attribute value';

export const SUMMARY_INVALID_COMBINATION = 'Invalid attribute combination';

export const SUMMARY_MISSING_ATTRIBUTE = 'Missing required attribute';

export const SUMMARY_UNSUPPORTED = 'Unsupported attribute';

/** Context handed to every validator. `sensitive` stops the value being quoted in diagnostics. */
export interface CheckContext {
  sensitive?: boolean;
}

/** A validator is called with a known, non-null value (see `check`) and returns its problems. */
export type Validator = (value: Value, path: AttributePath, ctx: CheckContext) => Diagnostic[];

/** `office_hours.monday.ranges[0].from` */
export function formatPath(path: AttributePath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'string') out += out ? `.${step}` : step;
    else if (typeof step === 'number') out += `[${step}]`;
    else out += `[${JSON.stringify(step.key)}]`;
  }
  return out;
}

const MAX_QUOTE = 80;

/** The value as the user would recognise it: strings in double quotes (long ones shortened). */
export function quote(v: Value): string {
  if (typeof v === 'string') {
    const s = v.length > MAX_QUOTE ? `${v.slice(0, MAX_QUOTE)}…` : v;
    return JSON.stringify(s).replace(/…"$/, `…" (${v.length} characters)`);
  }
  if (v instanceof BigNum) return v.text;
  if (v === null) return 'null';
  if (v === UNKNOWN) return '(known after apply)';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function received(v: Value, ctx: CheckContext): string {
  if (!ctx.sensitive) return `got ${quote(v)}`;
  return typeof v === 'string'
    ? `got a value of ${v.length} characters (not shown: the attribute is sensitive)`
    : 'got a value that is not shown (the attribute is sensitive)';
}

export function listAllowed(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

/** Build an error (or warning) diagnostic: `Attribute "<path>" <problem>; got <value>.` */
export function problem(
  path: AttributePath,
  v: Value,
  ctx: CheckContext,
  rule: string,
  extra?: string,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  const detail = `Attribute "${formatPath(path)}" ${rule}; ${received(v, ctx)}.${extra ? ` ${extra}` : ''}`;
  return { severity, summary: SUMMARY_INVALID_VALUE, detail, path: [...path] };
}

/** How long a string is, for a length rule's diagnostic; nothing for a sensitive value or one too long to quote whole. */
export function lengthNote(v: string, c: CheckContext): string {
  return c.sensitive || v.length > MAX_QUOTE ? '' : `The value has ${[...v].length} characters.`;
}

/**
 * A validator of strings: any other value is refused as "must be a string" (Terraform's type check
 * normally comes first; this keeps every string validator safe from a schema that changed under it).
 */
export function forStrings(fn: (v: string, path: AttributePath, ctx: CheckContext) => Diagnostic[]): Validator {
  return (v, p, c) => (typeof v === 'string' ? fn(v, p, c) : [problem(p, v, c, 'must be a string')]);
}

export function isKnown(v: Value | undefined): v is Exclude<Value, null | typeof UNKNOWN> {
  return v !== undefined && v !== null && v !== UNKNOWN;
}

/** Run validators on one value. Null and unknown are skipped (see file header). */
export function check(
  value: Value | undefined,
  path: AttributePath,
  validators: Validator | Validator[],
  ctx: CheckContext = {},
): Diagnostic[] {
  if (!isKnown(value)) return [];
  const list = Array.isArray(validators) ? validators : [validators];
  return list.flatMap((fn) => fn(value, path, ctx));
}

/**
 * Run a rule table against an object (a resource config or a block). Each key's validators all run;
 * `sensitive` keys never have their value quoted.
 */
export function checkObject(
  obj: Value | undefined,
  base: AttributePath,
  rules: Record<string, Validator | Validator[]>,
  sensitiveKeys: readonly string[] = [],
): Diagnostic[] {
  if (!isKnown(obj) || typeof obj !== 'object' || Array.isArray(obj) || obj instanceof BigNum) return [];
  const o = obj;
  return Object.entries(rules).flatMap(([key, v]) => check(o[key], [...base, key], v, { sensitive: sensitiveKeys.includes(key) }));
}

/** All validators run and every problem is kept. */
export function all(...validators: Validator[]): Validator {
  return (v, p, c) => validators.flatMap((fn) => fn(v, p, c));
}

/** Stop at the first validator that reports an error (e.g. a format check before a range check). */
export function firstError(...validators: Validator[]): Validator {
  return (v, p, c) => {
    const out: Diagnostic[] = [];
    for (const fn of validators) {
      const d = fn(v, p, c);
      out.push(...d);
      if (d.some((x) => x.severity === 'error')) break;
    }
    return out;
  };
}

/**
 * An INFERRED rule (no document states it, docs/fidelity.md): it may only warn, never refuse, since
 * the PBX may well accept the value. Wrong types stay errors (Terraform's own type check).
 */
export function inferred(validator: Validator): Validator {
  return (v, p, c) =>
    validator(v, p, c).map((d) =>
      d.severity === 'error' && (typeof v === 'string' || typeof v === 'number' || v instanceof BigNum)
        ? {
            ...d,
            severity: 'warning' as const,
            detail: `${d.detail ?? ''} (This is a plausibility check, not a documented PortSIP rule: the value is sent as it is.)`.trim(),
          }
        : d,
    );
}

/** Treat the value as sensitive whatever the caller says (e.g. a webhook password inside a block). */
export function sensitive(validator: Validator): Validator {
  return (v, p, c) => validator(v, p, { ...c, sensitive: true });
}
