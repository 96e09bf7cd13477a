// A small, composable validation toolkit shared by every resource (tenant, dealer, transport,
// ip_rule now; admin users and settings singletons later).
//
// Rules of the house (docs/design.md "Habits" 5):
// - every problem is reported, never just the first: validators return lists and `all()` concatenates;
// - each diagnostic carries the attribute path, names the attribute, quotes the value received (never
//   for sensitive values) and says what is allowed;
// - null and unknown values are skipped: during `terraform validate` every variable is unknown, and
//   "required" is enforced by Terraform from the schema before we are called.

import { BigNum, UNKNOWN, type AttributePath, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';
import {
  cidrHasHostBits,
  canonicalCidr,
  canonicalTimezone,
  parseCidr,
  parseDidPool,
  parsePem,
  parseRfc3339,
  splitEmailList,
} from './normalize';
import { ISO3166_ALPHA3 } from './regions';

export const SUMMARY_INVALID_VALUE = 'Invalid attribute value';
export const SUMMARY_INVALID_COMBINATION = 'Invalid attribute combination';
export const SUMMARY_MISSING_ATTRIBUTE = 'Missing required attribute';
export const SUMMARY_UNSUPPORTED = 'Unsupported attribute';

export const INT32_MAX = 2147483647;

/** Context handed to every validator. `sensitive` stops the value being quoted in diagnostics. */
export interface CheckContext {
  sensitive?: boolean;
}

/** A validator is called with a known, non-null value (see `check`) and returns its problems. */
export type Validator = (value: Value, path: AttributePath, ctx: CheckContext) => Diagnostic[];

// ---------------------------------------------------------------------------------------------
// Formatting

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

// ---------------------------------------------------------------------------------------------
// Driving validators

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

// ---------------------------------------------------------------------------------------------
// Strings

function wrongType(expected: string): Validator {
  return (v, p, c) => [problem(p, v, c, `must be ${expected}`)];
}

/** Length in characters (code points, as a user counts them). */
export function stringLength(min: number, max?: number): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const n = [...v].length;
    if (n >= min && (max === undefined || n <= max)) return [];
    const rule =
      max === undefined
        ? `must be at least ${min} characters long`
        : min === 0
          ? `must be at most ${max} characters long`
          : `must be ${min} to ${max} characters long`;
    return [problem(p, v, c, rule, ctxLength(v, c))];
  };
}

function ctxLength(v: string, c: CheckContext): string {
  return c.sensitive || v.length > MAX_QUOTE ? '' : `The value has ${[...v].length} characters.`;
}

export interface OneOfOptions {
  /** The API's enums are case-sensitive (C1): default true. */
  caseSensitive?: boolean;
}

export function oneOf(values: readonly string[], opts: OneOfOptions = {}): Validator {
  const caseSensitive = opts.caseSensitive ?? true;
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (values.includes(v)) return [];
    const ci = values.find((x) => x.toLowerCase() === v.toLowerCase());
    if (!caseSensitive && ci) return [];
    const hint = ci ? ` Did you mean "${ci}"? Values are case-sensitive.` : '';
    return [problem(p, v, c, `must be one of ${listAllowed(values)}${caseSensitive ? ' (case-sensitive)' : ''}`, hint.trim() || undefined)];
  };
}

/** A regular expression the whole value must match; `allowed` explains it in words. */
export function matches(re: RegExp, allowed: string): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    return re.test(v) ? [] : [problem(p, v, c, `must be ${allowed}`)];
  };
}

/** Must not be only white space (pair with stringLength(1) for the empty string). */
export function notBlank(): Validator {
  return (v, p, c) =>
    typeof v === 'string' && v !== '' && v.trim() === '' ? [problem(p, v, c, 'must contain more than white space')] : [];
}

// ---------------------------------------------------------------------------------------------
// Numbers

function asNumber(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof BigNum) {
    const n = Number(v.text);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

/** A whole number in [min, max] (either bound optional). BigNum values are range-checked by magnitude. */
export function intRange(min?: number, max?: number): Validator {
  return (v, p, c) => {
    const n = asNumber(v);
    const range =
      min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : min !== undefined
          ? `greater than or equal to ${min}`
          : max !== undefined
            ? `less than or equal to ${max}`
            : '';
    const rule = `must be a whole number${range ? ` ${range}` : ''}`;
    if (n === null || !Number.isFinite(n)) return [problem(p, v, c, rule)];
    const integral = v instanceof BigNum ? /^-?[0-9]+$/.test(v.text) : Number.isInteger(n);
    if (!integral || (min !== undefined && n < min) || (max !== undefined && n > max)) return [problem(p, v, c, rule)];
    return [];
  };
}

// ---------------------------------------------------------------------------------------------
// Formats

export interface CidrOptions {
  /** Warn (not fail) when host bits are set, e.g. 10.0.0.1/8. Default true. */
  warnHostBits?: boolean;
}

/**
 * IPv4 (prefix ≤ /32) or IPv6 (≤ /128) prefix notation. Host bits set are ALLOWED: whether the PBX
 * rejects, keeps or masks them is undocumented (docs/portsip-api.md Op 24 [I]); the mapping layer compares
 * networks after masking, so either server behaviour gives no diff. A warning says what is meant.
 */
export function cidr(opts: CidrOptions = {}): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const r = parseCidr(v);
    if (!r.ok) {
      return [
        problem(
          p,
          v,
          c,
          'must be an IPv4 or IPv6 network in CIDR notation (e.g. "192.0.2.0/24", "2001:db8::/32"; prefix at most /32 for IPv4, /128 for IPv6)',
          `Problem: ${r.reason}.`,
        ),
      ];
    }
    if ((opts.warnHostBits ?? true) && cidrHasHostBits(r.value)) {
      return [
        problem(
          p,
          v,
          c,
          'has host bits set after the prefix length',
          `The rule applies to the whole network ${canonicalCidr(v)}; write that to avoid confusion.`,
          'warning',
        ),
      ];
    }
    return [];
  };
}

/** RFC 3339 date-time, e.g. "2017-07-21T17:32:28Z" or with an offset "2017-07-21T19:32:28+02:00". */
export function rfc3339(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const r = parseRfc3339(v);
    return r.ok
      ? []
      : [
          problem(
            p,
            v,
            c,
            'must be an RFC 3339 date-time such as "2017-07-21T17:32:28Z" or "2017-07-21T19:32:28+02:00"',
            `Problem: ${r.reason}.`,
          ),
        ];
  };
}

const SIZE_RE = /^[1-9][0-9]*(KB|MB|GB|PB)$/;

/** docs/portsip-api.md §2.9 size strings: a positive whole number immediately followed by KB, MB, GB or PB; "" = unlimited. */
export function sizeString(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (v === '' || SIZE_RE.test(v)) return [];
    const up = v.trim().toUpperCase().replace(/\s+/g, '');
    const hint = SIZE_RE.test(up) ? ` Did you mean "${up}"?` : /TB$/i.test(v) ? ' TB is not a documented unit; use e.g. "1024GB".' : '';
    return [
      problem(
        p,
        v,
        c,
        'must be a positive whole number immediately followed by KB, MB, GB or PB (upper case), e.g. "100MB" or "1000GB", or "" for unlimited',
        hint.trim() || undefined,
      ),
    ];
  };
}

const EMAIL_LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL_RE = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why an address is implausible, or null when it looks like one. */
export function emailProblem(e: string): string | null {
  const at = e.lastIndexOf('@');
  if (at <= 0 || at === e.length - 1) return 'it is not of the form name@domain';
  const local = e.slice(0, at);
  const domain = e.slice(at + 1);
  if (local.length > 64) return 'the part before "@" is longer than 64 characters';
  if (!EMAIL_LOCAL_RE.test(local)) return `"${local}" is not a valid name before "@"`;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL_RE.test(l))) return `"${domain}" is not a valid domain`;
  if (!/^([A-Za-z]{2,63}|xn--[A-Za-z0-9-]+)$/.test(labels[labels.length - 1]!))
    return `"${domain}" does not end in a valid top-level domain`;
  return null;
}

/** One plausible email address (≤128 characters per docs/portsip-api.md §2.9 when combined with stringLength). */
export function email(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (v === '') return [];
    const why = emailProblem(v);
    return why ? [problem(p, v, c, 'must be an email address such as "ops@example.com"', `Problem: ${why}.`)] : [];
  };
}

/** docs/portsip-api.md §2.9: one string of comma-separated addresses, at most `max` (15). "" means none. */
export function emailList(max = 15): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const items = splitEmailList(v);
    const out: Diagnostic[] = [];
    const allowed = `a comma-separated list of at most ${max} email addresses, e.g. "ops@example.com,noc@example.com"`;
    if (items.length > max) out.push(problem(p, v, c, `must be ${allowed}`, `It has ${items.length} addresses.`));
    items.forEach((e, i) => {
      if (e === '') {
        out.push(problem(p, v, c, `must be ${allowed}`, `Entry ${i + 1} is empty (a stray comma?).`));
        return;
      }
      const why = emailProblem(e);
      if (why) out.push(problem(p, v, c, `must be ${allowed}`, `Entry ${i + 1} "${e}": ${why}.`));
    });
    return out;
  };
}

export const RESERVED_USERNAMES: readonly string[] = ['admin', 'system', 'administrator', 'root'];

export interface UsernameOptions {
  /** Names refused case-insensitively (docs/portsip-api.md §2.9: admin, system, administrator, root). */
  reserved?: readonly string[];
}

/**
 * docs/portsip-api.md §2.9 username rules [C1, C3]: 1-64 characters from letters, digits and _ - ' . ; not starting
 * or ending with "."; the reserved names are refused regardless of case. Every broken rule is reported.
 */
export function username(opts: UsernameOptions = {}): Validator {
  const reserved = opts.reserved ?? RESERVED_USERNAMES;
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const out: Diagnostic[] = [];
    const n = [...v].length;
    if (n < 1 || n > 64) out.push(problem(p, v, c, 'must be 1 to 64 characters long', ctxLength(v, c)));
    const bad = [...new Set([...v].filter((ch) => !/[A-Za-z0-9_'.-]/.test(ch)))];
    if (bad.length) {
      out.push(
        problem(
          p,
          v,
          c,
          "may contain only letters, digits and the characters _ - ' .",
          `Not allowed: ${bad.map((b) => JSON.stringify(b)).join(', ')}.`,
        ),
      );
    }
    if (v.startsWith('.') || v.endsWith('.')) out.push(problem(p, v, c, 'must not start or end with "."'));
    if (reserved.includes(v.toLowerCase())) {
      out.push(
        problem(
          p,
          v,
          c,
          `must not be a reserved name (${listAllowed(reserved)}, in any letter case)`,
          'These names belong to the system administrator.',
        ),
      );
    }
    return out;
  };
}

const EXTRA_ZONES = new Set([
  'UTC',
  'GMT',
  'Etc/UTC',
  'Etc/GMT',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'Etc/Greenwich',
  'UCT',
  'Universal',
  'Zulu',
  'Greenwich',
]);
let zoneList: Set<string> | null = null;
let zoneLower: Map<string, string> | null = null;

function zones(): { exact: Set<string>; lower: Map<string, string> } {
  if (!zoneList || !zoneLower) {
    zoneList = new Set([...Intl.supportedValuesOf('timeZone'), ...EXTRA_ZONES]);
    zoneLower = new Map([...zoneList].map((z) => [z.toLowerCase(), z]));
  }
  return { exact: zoneList, lower: zoneLower };
}

/**
 * An IANA time zone name (docs/portsip-api.md §2.9, e.g. "Asia/Shanghai"): Intl's canonical zones, UTC and the
 * Etc/* zones, plus backward-compatible links that ICU resolves (e.g. "US/Pacific", "Asia/Calcutta").
 * Letter case must match the IANA spelling: the PBX loads zone files by name [I].
 */
export function timezone(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const z = zones();
    if (z.exact.has(v) || /^Etc\/GMT[+-](0|[1-9]|1[0-4])$/.test(v)) return [];
    const rule = 'must be an IANA time zone name such as "Asia/Shanghai", "Europe/London" or "UTC"';
    const ci = z.lower.get(v.toLowerCase());
    if (ci) return [problem(p, v, c, rule, `Did you mean "${ci}"? Names are case-sensitive.`)];
    const canon = canonicalTimezone(v);
    // ICU accepts links case-insensitively; require the link's own spelling to look like a zone name.
    if (canon !== null && /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/.test(v)) return [];
    return [problem(p, v, c, rule)];
  };
}

let currencyList: Set<string> | null = null;

/** An ISO 4217 alphabetic code in upper case (docs/portsip-api.md §2.9, e.g. "USD"), as known to Intl. */
export function currency(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    currencyList ??= new Set(Intl.supportedValuesOf('currency'));
    if (currencyList.has(v)) return [];
    const hint = currencyList.has(v.toUpperCase()) ? `Did you mean "${v.toUpperCase()}"? Codes are upper case.` : undefined;
    return [problem(p, v, c, 'must be an ISO 4217 currency code in upper case, such as "USD", "EUR" or "CNY"', hint)];
  };
}

/** An ISO 3166-1 alpha-3 country code in upper case (docs/portsip-api.md §2.9, e.g. "USA", "CHN", "GBR"). */
export function region(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (ISO3166_ALPHA3.has(v)) return [];
    let hint: string | undefined;
    if (ISO3166_ALPHA3.has(v.toUpperCase())) hint = `Did you mean "${v.toUpperCase()}"? Codes are upper case.`;
    else if (/^[A-Za-z]{2}$/.test(v))
      hint = 'This looks like a two-letter (alpha-2) code; the API wants three letters, e.g. "USA" rather than "US".';
    return [problem(p, v, c, 'must be an ISO 3166-1 alpha-3 country code in upper case, such as "USA", "CHN" or "GBR"', hint)];
  };
}

const HHMM_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A time of day `HH:MM` on a 24-hour clock, 00:00 to 23:59 (tenant office hours, Op 35 [C1]). */
export function hhmm(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (HHMM_RE.test(v)) return [];
    const hint = v === '24:00' ? 'Use "23:59" for the end of the day.' : /^[0-9]:[0-5][0-9]$/.test(v) ? `Did you mean "0${v}"?` : undefined;
    return [problem(p, v, c, 'must be a time "HH:MM" on a 24-hour clock, from "00:00" to "23:59"', hint)];
  };
}

/** Minutes since midnight of a valid HH:MM, else null. */
export function hhmmMinutes(v: Value): number | null {
  if (typeof v !== 'string' || !HHMM_RE.test(v)) return null;
  return Number(v.slice(0, 2)) * 60 + Number(v.slice(3));
}

/** A JSON document (tenant `custom_options` is "custom configuration options serialized as json string"). */
export function jsonText(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (v === '') return [];
    try {
      JSON.parse(v);
      return [];
    } catch (e) {
      return [problem(p, v, c, 'must be a JSON document (tip: use jsonencode(...))', `Problem: ${(e as Error).message}.`)];
    }
  };
}

/**
 * A host name or IP address (tenant SIP domain: "usually an FQDN; the PBX IP address also works", Op 35).
 * Only the character set and label shape are checked; the API documents no stricter rule.
 */
export function hostOrIp(): Validator {
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (v === '') return [];
    const rule = 'must be a host name (e.g. "sip.example.com") or an IP address';
    const ipLike = v.includes(':') ? parseCidr(`${v.replace(/^\[|\]$/g, '')}/128`) : /^[0-9.]+$/.test(v) ? parseCidr(`${v}/32`) : null;
    if (ipLike) return ipLike.ok ? [] : [problem(p, v, c, rule, `Problem: ${ipLike.reason}.`)];
    const bad = [...new Set([...v].filter((ch) => !/[A-Za-z0-9.\-_]/.test(ch)))];
    if (bad.length) return [problem(p, v, c, rule, `Not allowed: ${bad.map((b) => JSON.stringify(b)).join(', ')}.`)];
    const labels = v.replace(/\.$/, '').split('.');
    if (labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) {
      return [problem(p, v, c, rule, 'Each dot-separated label must be 1 to 63 characters and must not start or end with "-".')];
    }
    return [];
  };
}

// ---------------------------------------------------------------------------------------------
// Cross-field helpers

/** Set in config: known non-null, or unknown (it may well be set once known). */
export function isSet(v: Value | undefined): boolean {
  return v !== undefined && v !== null;
}

/** A cross-field diagnostic at `path`. */
export function combination(path: AttributePath, detail: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { severity, summary: SUMMARY_INVALID_COMBINATION, detail, path: [...path] };
}

/**
 * Exactly one of `names` must be set. Unknowns count as "maybe set": an error is raised only when two
 * are definitely set (known), or when none is set and none is unknown.
 */
export function exactlyOneOf(obj: ObjectValue, base: AttributePath, names: readonly string[]): Diagnostic[] {
  const known = names.filter((n) => isKnown(obj[n]));
  const unknown = names.filter((n) => obj[n] === UNKNOWN);
  const list = names.map((n) => `"${formatPath([...base, n])}"`).join(' or ');
  if (known.length > 1) {
    return known
      .slice(1)
      .map((n) =>
        combination(
          [...base, n],
          `Exactly one of ${list} must be set, but ${known.map((k) => `"${formatPath([...base, k])}"`).join(' and ')} are both set; remove one.`,
        ),
      );
  }
  if (known.length === 0 && unknown.length === 0) {
    return [
      {
        severity: 'error',
        summary: SUMMARY_MISSING_ATTRIBUTE,
        detail: `Exactly one of ${list} must be set; got neither.`,
        path: [...base, names[0]!],
      },
    ];
  }
  return [];
}

/**
 * The usual write-only pair checks (docs/design.md "Resource behaviour", docs/protocol.md "Write-only attributes"):
 * - `<x>_version` without `<x>` is an error (it only triggers re-sending the write-only value);
 * - with Terraform before 1.11 (`writeOnlyAttributesAllowed === false`) a known write-only value is
 *   refused, naming the sensitive fallback when there is one.
 */
export function writeOnlyChecks(
  config: ObjectValue,
  opts: { writeOnlyAttributesAllowed?: boolean },
  pairs: readonly { writeOnly: string; version?: string; fallback?: string; versionNeeds?: readonly string[] }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of pairs) {
    const needs = p.versionNeeds ?? [p.writeOnly];
    if (p.version && isSet(config[p.version])) {
      for (const n of needs) {
        if (config[n] === null || config[n] === undefined) {
          out.push(
            combination(
              [p.version],
              `Attribute "${p.version}" requires "${n}": it only triggers sending the write-only value again. Set "${n}", or remove "${p.version}"${p.fallback ? ` when using "${p.fallback}"` : ''}.`,
            ),
          );
        }
      }
    }
    if (opts.writeOnlyAttributesAllowed === false && isKnown(config[p.writeOnly])) {
      out.push({
        severity: 'error',
        summary: SUMMARY_UNSUPPORTED,
        detail: `Attribute "${p.writeOnly}" is write-only, which needs Terraform 1.11 or later; this Terraform would store it in state. ${p.fallback ? `Use "${p.fallback}" instead, or upgrade Terraform.` : 'Upgrade Terraform to use it.'}`,
        path: [p.writeOnly],
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// More formats (settings singletons, certificate, trunk assignment)

function asNum(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof BigNum) {
    const n = Number(v.text);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

/** Any number (fractions allowed) in [min, max]; `hint` is appended when out of range. */
export function numberRange(min: number, max: number, hint?: string): Validator {
  return (v, p, c) => {
    const n = asNum(v);
    if (n !== null && Number.isFinite(n) && n >= min && n <= max) return [];
    return [problem(p, v, c, `must be a number from ${min} to ${max}`, hint)];
  };
}

/** An IP address without prefix. `family` 4 or 6 restricts it. Light checks only (Op 1 [I]). */
export function ipAddress(family?: 4 | 6): Validator {
  const what =
    family === 4
      ? 'an IPv4 address such as "192.0.2.10"'
      : family === 6
        ? 'an IPv6 address such as "2001:db8::10"'
        : 'an IPv4 or IPv6 address such as "192.0.2.10" or "2001:db8::10"';
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (v === '') return [];
    if (v.includes('/')) return [problem(p, v, c, `must be ${what}`, 'Write the address without a "/prefix".')];
    const isV6 = v.includes(':');
    if (family === 4 && isV6)
      return [problem(p, v, c, `must be ${what}`, 'This is an IPv6 address; it belongs in the matching "_ipv6" attribute.')];
    if (family === 6 && !isV6)
      return [
        problem(
          p,
          v,
          c,
          `must be ${what}`,
          /^[0-9.]+$/.test(v) ? 'This is an IPv4 address; it belongs in the matching "_ipv4" attribute.' : undefined,
        ),
      ];
    const r = parseCidr(isV6 ? `${v.replace(/^\[|\]$/g, '')}/128` : `${v}/32`);
    return r.ok
      ? []
      : [problem(p, v, c, `must be ${what}`, `Problem: ${r.reason.replace(/^"([^"]*)" is not a valid IPv[46] address: /, '')}.`)];
  };
}

export interface PemOptions {
  /** What the document must hold: a certificate chain or one private key. */
  kind: 'certificate' | 'private_key';
}

const PRIVATE_KEY_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];

/**
 * PEM armour checks (Op 43 "[I] the emulator may check for PEM armour"): BEGIN/END lines that match,
 * base64 bodies, and the right kind of block (a certificate where a certificate belongs, exactly one
 * private key where a key belongs). Encrypted keys are refused: the API has no passphrase field.
 * Values of sensitive attributes are never quoted.
 */
export function pem(opts: PemOptions): Validator {
  const rule =
    opts.kind === 'certificate'
      ? 'must be a PEM-encoded X.509 certificate ("-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----"), optionally followed by its chain (tip: file("cert.pem"))'
      : 'must be one PEM-encoded, unencrypted private key ("-----BEGIN PRIVATE KEY-----", "RSA PRIVATE KEY" or "EC PRIVATE KEY") (tip: file("key.pem"))';
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    if (v === '') return [];
    const r = parsePem(v);
    if (!r.ok) return [problem(p, v, c, rule, `Problem: ${r.reason}.`)];
    const labels = r.blocks.map((b) => b.label);
    if (opts.kind === 'certificate') {
      const other = labels.filter((l) => l !== 'CERTIFICATE');
      if (other.some((l) => PRIVATE_KEY_LABELS.includes(l)))
        return [
          problem(p, v, c, rule, 'Problem: it contains a private key; the key belongs in the key attribute, not with the certificate.'),
        ];
      if (other.length)
        return [problem(p, v, c, rule, `Problem: it contains ${[...new Set(other)].map((l) => `a "${l}" block`).join(', ')}.`)];
      return [];
    }
    if (labels.length !== 1)
      return [problem(p, v, c, rule, `Problem: it has ${labels.length} PEM blocks (${labels.join(', ')}); give the private key only.`)];
    const [label] = labels as [string];
    const block = r.blocks[0]!;
    if (label === 'CERTIFICATE')
      return [problem(p, v, c, rule, 'Problem: this is a certificate, not a private key (are the certificate and key swapped?).')];
    if (label === 'ENCRYPTED PRIVATE KEY' || block.headers.some((h) => /ENCRYPTED/i.test(h))) {
      return [
        problem(
          p,
          v,
          c,
          rule,
          'Problem: the key is encrypted with a passphrase, and the API has no passphrase field; decrypt it first (e.g. openssl pkey -in key.pem -out plain.pem).',
        ),
      ];
    }
    if (!PRIVATE_KEY_LABELS.includes(label)) return [problem(p, v, c, rule, `Problem: it is a "${label}" block.`)];
    return [];
  };
}

/**
 * A DID pool (Op 50 [C1]): single numbers and ranges `start-end` separated by ";", e.g.
 * "3000;12000-18000". Every range must have start ≤ end, and entries must not overlap within the pool
 * (overlap with OTHER tenants' pools is the server's check). White space is tolerated.
 */
export function didPool(): Validator {
  const rule = 'must be DID numbers and ranges "start-end" separated by ";", e.g. "3000;12000-18000"';
  return (v, p, c) => {
    if (typeof v !== 'string') return wrongType('a string')(v, p, c);
    const r = parseDidPool(v);
    if (!r.ok) return [problem(p, v, c, rule, `Problem: ${r.reason}.`)];
    const out: Diagnostic[] = [];
    r.intervals.forEach((iv, i) => {
      if (iv.start > iv.end)
        out.push(
          problem(
            p,
            v,
            c,
            `${rule}, with start ≤ end in every range`,
            `Entry ${i + 1} "${iv.text}" starts after it ends; did you mean "${iv.end}-${iv.start}"?`,
          ),
        );
    });
    const valid = r.intervals.map((iv, i) => ({ ...iv, i })).filter((iv) => iv.start <= iv.end);
    for (let a = 0; a < valid.length; a++) {
      for (let b = a + 1; b < valid.length; b++) {
        const x = valid[a]!;
        const y = valid[b]!;
        if (x.start <= y.end && y.start <= x.end) {
          out.push(
            problem(p, v, c, `${rule}, without overlapping entries`, `Entries ${x.i + 1} "${x.text}" and ${y.i + 1} "${y.text}" overlap.`),
          );
        }
      }
    }
    return out;
  };
}

/**
 * The signed-in account's password change (`portsip_admin_profile`, `portsip_dealer_profile`): the new
 * password has at least 6 characters (§2.9); `password_wo_version` needs it. The current password is
 * the provider's own `password`. Write-only only: Terraform before 1.11 cannot change it here.
 */
export function ownPasswordChecks(config: ObjectValue, opts: { writeOnlyAttributesAllowed?: boolean }): Diagnostic[] {
  const out = check(config.new_password_wo, ['new_password_wo'], stringLength(6), { sensitive: true });
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'new_password_wo', version: 'password_wo_version' }]));
  return out;
}
