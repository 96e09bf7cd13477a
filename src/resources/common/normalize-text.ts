// Normalisers of the API's text formats: RFC 3339 instants, size strings, comma-separated email
// lists, domain names, time zones and JSON documents. Each pairs a parser with a canonical form and
// an equality, for the mapping layer's comparisons (normalize.ts explains why it compares, never
// rewrites).

// ---------------------------------------------------------------------------------------------
// RFC 3339 instants (docs/portsip-api.md §2.4: output is UTC with a literal Z; input may carry an offset [C5])

export interface ParsedInstant {
  /** Whole seconds since the Unix epoch, UTC. */
  seconds: number;
  /** Fractional second digits with trailing zeros removed ("" for none). */
  fraction: string;
}

const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

export type InstantParse = { ok: true; value: ParsedInstant } | { ok: false; reason: string };

export function parseRfc3339(s: string): InstantParse {
  const m = RFC3339_RE.exec(s);
  if (!m) return { ok: false, reason: 'it does not have the form YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)' };
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12) return { ok: false, reason: `month ${m[2]} is not 01-12` };
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  if (d < 1 || d > dim) return { ok: false, reason: `day ${m[3]} does not exist in ${m[1]}-${m[2]}` };
  if (h > 23) return { ok: false, reason: `hour ${m[4]} is not 00-23` };
  if (mi > 59) return { ok: false, reason: `minute ${m[5]} is not 00-59` };
  // RFC 3339 §5.6 allows second 60 (a leap second).
  if (se > 60) return { ok: false, reason: `second ${m[6]} is not 00-60` };
  let offsetMin = 0;
  if (m[9]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return { ok: false, reason: `offset ${m[9]}${m[10]}:${m[11]} is out of range` };
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  dt.setUTCHours(h, mi, se, 0);
  const seconds = Math.floor(dt.getTime() / 1000) - offsetMin * 60;
  const fraction = (m[7] ?? '').slice(1).replace(/0+$/, '');
  return { ok: true, value: { seconds, fraction } };
}

/** `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the form the API emits (§2.4). */
export function canonicalRfc3339(s: string): string | null {
  const p = parseRfc3339(s);
  if (!p.ok) return null;
  const iso = new Date(p.value.seconds * 1000).toISOString(); // ...T..:..:..\.000Z
  return `${iso.slice(0, 19)}${p.value.fraction ? `.${p.value.fraction}` : ''}Z`;
}

export function instantsEqual(a: string, b: string): boolean {
  const pa = parseRfc3339(a);
  const pb = parseRfc3339(b);
  if (!pa.ok || !pb.ok) return a === b;
  return pa.value.seconds === pb.value.seconds && pa.value.fraction === pb.value.fraction;
}

// ---------------------------------------------------------------------------------------------
// Size strings (docs/portsip-api.md §2.9: positive number + KB|MB|GB|PB; "" = unlimited; TB undocumented, §8 q13)

export interface ParsedSize {
  /** Decimal digits without leading zeros. */
  amount: string;
  unit: string;
}

export function parseSize(s: string): ParsedSize | null {
  const m = /^\s*([0-9]+)\s*([KMGTP]B)\s*$/i.exec(s);
  if (!m) return null;
  return { amount: m[1]!.replace(/^0+(?=\d)/, ''), unit: m[2]!.toUpperCase() };
}

/**
 * "1gb" == "1GB" == "01GB". Different units are NOT converted ("1GB" vs "1024MB"): whether the PBX
 * uses 1000 or 1024 is undocumented, so converting could hide a real change.
 */
export function sizesEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseSize(a);
  const pb = parseSize(b);
  if (!pa || !pb) return a.trim() === b.trim();
  return pa.amount === pb.amount && pa.unit === pb.unit;
}

export function canonicalSize(s: string): string {
  const p = parseSize(s);
  return p ? `${p.amount}${p.unit}` : s.trim();
}

// ---------------------------------------------------------------------------------------------
// Comma-separated email lists (docs/portsip-api.md §2.9: one string, at most 15 addresses)

export function splitEmailList(s: string): string[] {
  if (s.trim() === '') return [];
  return s.split(',').map((e) => e.trim());
}

/** Local part kept as written (it is case-sensitive per RFC 5321); the domain is lower-cased. */
export function canonicalEmail(e: string): string {
  const at = e.lastIndexOf('@');
  return at < 0
    ? e.trim()
    : `${e.slice(0, at).trim()}@${e
        .slice(at + 1)
        .trim()
        .toLowerCase()}`;
}

/** The addresses of a list in canonical form, empty entries left out. */
function canonicalEmails(s: string): string[] {
  return splitEmailList(s)
    .filter((e) => e !== '')
    .map(canonicalEmail);
}

export function canonicalEmailList(s: string): string {
  return canonicalEmails(s).join(',');
}

/** "a@x.com, b@y.com" == "b@Y.com,a@x.com": recipients are a set (order and spacing do not matter). */
export function emailListsEqual(a: string, b: string): boolean {
  const sa = new Set(canonicalEmails(a));
  const sb = new Set(canonicalEmails(b));
  if (sa.size !== sb.size) return false;
  for (const e of sa) if (!sb.has(e)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Domains, codes, time zones, JSON

/** DNS names are case-insensitive; a trailing root dot does not change the name. */
export function canonicalDomain(s: string): string {
  return s.trim().toLowerCase().replace(/\.$/, '');
}

export function domainsEqual(a: string, b: string): boolean {
  return canonicalDomain(a) === canonicalDomain(b);
}

const tzCache = new Map<string, string | null>();
/** The ICU canonical id of a time zone ("US/Pacific" -> "America/Los_Angeles"), or null if unknown. */
export function canonicalTimezone(tz: string): string | null {
  if (tzCache.has(tz)) return tzCache.get(tz)!;
  let out: string | null;
  try {
    out = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    out = null;
  }
  tzCache.set(tz, out);
  return out;
}

/** Aliases of one zone are equal, so a server that canonicalises "Asia/Calcutta" causes no diff. */
export function timezonesEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalTimezone(a);
  return ca !== null && ca === canonicalTimezone(b);
}

function jsonDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonDeepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ka = Object.keys(ao);
  if (ka.length !== Object.keys(bo).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonDeepEqual(ao[k], bo[k]));
}

/** JSON documents compared as values: whitespace and key order do not matter. */
export function jsonTextEqual(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return jsonDeepEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    return false;
  }
}
