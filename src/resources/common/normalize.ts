// Shared normalisers: parse both sides into a canonical form, then compare (docs/design.md "Resource
// behaviour": normalise both sides before comparing; "Habits" 3). These never rewrite what the user wrote: the mapping layer
// uses them only to decide whether the API value and the prior/config value mean the same thing, and
// then keeps the PRIOR spelling (docs/protocol.md "Planned values": returning a canonical value from RR
// gives a perpetual diff; from PRC or ARC it is an invalid plan/result).

import * as ipaddr from 'ipaddr.js';
import { BigNum, UNKNOWN, type Value } from '../../provider/values';

// ---------------------------------------------------------------------------------------------
// CIDR (docs/portsip-api.md §2.9, Op 24: IPv4 or IPv6 prefix notation; host-bit handling is undocumented [I])

export interface ParsedCidr {
  family: 4 | 6;
  /** Address bytes as written (host bits kept). */
  bytes: number[];
  prefix: number;
}

export type CidrParse = { ok: true; value: ParsedCidr } | { ok: false; reason: string };

// Validity, bytes and the canonical text come from ipaddr.js; the code here only adds PortSIP's
// stricter rules on top (decimal IPv4 without leading zeros, no zone index) and, for an address
// the library rejects, a reason a person can act on.

/** Why `s` is not a plain dotted-decimal IPv4 address, or null when it is one. */
function ipv4Problem(s: string): string | null {
  // Leading zeros are ambiguous (some parsers read them as octal): refused rather than guessed.
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return null;
  const parts = s.split('.');
  if (parts.length !== 4) return 'an IPv4 address has four dot-separated numbers';
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return `"${p}" is not a number from 0 to 255`;
    if (p.length > 1 && p.startsWith('0')) return `"${p}" has a leading zero (ambiguous: octal or decimal)`;
    if (Number(p) > 255) return `"${p}" is greater than 255`;
  }
  return 'not a dotted-decimal IPv4 address';
}

function parseIPv4(s: string): number[] | string {
  return ipv4Problem(s) ?? ipaddr.IPv4.parse(s).toByteArray();
}

/** Why ipaddr.js refused `s` as an IPv6 address, in words. */
function ipv6Problem(s: string, v4tail: boolean): string {
  if (s.indexOf('::') !== s.lastIndexOf('::')) return '"::" may appear only once';
  const head = v4tail ? s.slice(0, s.lastIndexOf(':')) : s;
  // Groups on either side of the "::" (an empty side has none).
  const groups = head.split('::').flatMap((side) => (side === '' ? [] : side.split(':')));
  const bad = groups.find((g) => !/^[0-9a-fA-F]{1,4}$/.test(g));
  if (bad !== undefined) return `"${bad}" is not a 1-4 digit hexadecimal group`;
  if (s.includes('::')) return 'too many groups for "::"';
  return `an IPv6 address has ${v4tail ? 'six (plus an IPv4 tail)' : 'eight'} groups`;
}

function parseIPv6(s: string): number[] | string {
  if (s.includes('%')) return 'zone indexes (%...) are not allowed';
  const tail = s.slice(s.lastIndexOf(':') + 1);
  const v4tail = tail.includes('.');
  if (v4tail) {
    // ipaddr.js also takes octal and hexadecimal parts here; PortSIP's rule for IPv4 applies.
    const p = ipv4Problem(tail);
    if (p !== null) return `embedded IPv4 part: ${p}`;
  }
  if (!ipaddr.IPv6.isValid(s)) return ipv6Problem(s, v4tail);
  // ipaddr.js reads "::a.b.c.d" as the IPv4-mapped "::ffff:a.b.c.d"; RFC 4291 §2.5.5.1 defines it
  // as the (deprecated) IPv4-compatible address, zeros then the four bytes, as before the library.
  if (v4tail && s === `::${tail}`) return [...new Array<number>(12).fill(0), ...ipaddr.IPv4.parse(tail).toByteArray()];
  return ipaddr.IPv6.parse(s).toByteArray();
}

/** Parses `address/prefix`. The prefix is mandatory: the API documents prefix notation only. */
export function parseCidr(input: string): CidrParse {
  const s = input.trim();
  if (s !== input) return { ok: false, reason: 'it has leading or trailing spaces' };
  const slash = s.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'the prefix length is missing (write e.g. 192.0.2.10/32 for a single address)' };
  const addr = s.slice(0, slash);
  const pfx = s.slice(slash + 1);
  const family: 4 | 6 = addr.includes(':') ? 6 : 4;
  const max = family === 4 ? 32 : 128;
  if (!/^(0|[1-9][0-9]{0,2})$/.test(pfx)) return { ok: false, reason: `the prefix length "${pfx}" is not a whole number from 0 to ${max}` };
  const prefix = Number(pfx);
  if (prefix > max) return { ok: false, reason: `the prefix length /${prefix} exceeds /${max} for IPv${family}` };
  const bytes = family === 4 ? parseIPv4(addr) : parseIPv6(addr);
  if (typeof bytes === 'string') return { ok: false, reason: `"${addr}" is not a valid IPv${family} address: ${bytes}` };
  return { ok: true, value: { family, bytes, prefix } };
}

/** The address with its host bits cleared. */
function networkBytes(c: ParsedCidr): number[] {
  const mask = (c.family === 4 ? ipaddr.IPv4 : ipaddr.IPv6).subnetMaskFromPrefixLength(c.prefix).toByteArray();
  return c.bytes.map((b, i) => b & (mask[i] ?? 0));
}

export function cidrHasHostBits(c: ParsedCidr): boolean {
  return networkBytes(c).some((b, i) => b !== c.bytes[i]);
}

/** Canonical network form: host bits cleared, IPv6 lower-case and RFC 5952 compressed. */
export function canonicalCidr(input: string): string | null {
  const p = parseCidr(input);
  if (!p.ok) return null;
  // ipaddr.js writes IPv6 in RFC 5952 form: lower case, the longest run of zero groups compressed.
  return `${ipaddr.fromByteArray(networkBytes(p.value)).toString()}/${p.value.prefix}`;
}

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

export function canonicalEmailList(s: string): string {
  return splitEmailList(s)
    .filter((e) => e !== '')
    .map(canonicalEmail)
    .join(',');
}

/** "a@x.com, b@y.com" == "b@Y.com,a@x.com": recipients are a set (order and spacing do not matter). */
export function emailListsEqual(a: string, b: string): boolean {
  const sa = new Set(
    splitEmailList(a)
      .filter((e) => e !== '')
      .map(canonicalEmail),
  );
  const sb = new Set(
    splitEmailList(b)
      .filter((e) => e !== '')
      .map(canonicalEmail),
  );
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

// ---------------------------------------------------------------------------------------------
// PEM documents (certificate `crt`/`key`, STIR/SHAKEN cert/key: Ops 13, 43). The PBX may re-wrap the
// base64 lines, switch CRLF/LF or trim the trailing newline; none of that changes the document.

export interface PemBlock {
  /** The label after BEGIN, e.g. "CERTIFICATE", "PRIVATE KEY", "EC PRIVATE KEY". */
  label: string;
  /** Base64 body without white space (headers such as "Proc-Type:" are kept out). */
  body: string;
  /** RFC 1421 header lines inside the block (e.g. "Proc-Type: 4,ENCRYPTED"). */
  headers: string[];
}

export type PemParse = { ok: true; blocks: PemBlock[] } | { ok: false; reason: string };

const PEM_LINE_RE = /^-----(BEGIN|END) ([A-Z0-9 ]+)-----$/;

/** Parse one or more PEM blocks (a chain). Text outside the blocks (e.g. "Bag Attributes") is ignored. */
export function parsePem(input: string): PemParse {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  const blocks: PemBlock[] = [];
  let cur: { label: string; body: string[]; headers: string[]; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = PEM_LINE_RE.exec(l);
    if (m && m[1] === 'BEGIN') {
      if (cur)
        return { ok: false, reason: `"-----BEGIN ${cur.label}-----" on line ${cur.line} has no matching END line before line ${i + 1}` };
      cur = { label: m[2]!, body: [], headers: [], line: i + 1 };
    } else if (m && m[1] === 'END') {
      if (!cur) return { ok: false, reason: `line ${i + 1} "${l}" has no matching BEGIN line` };
      if (m[2] !== cur.label) return { ok: false, reason: `"-----BEGIN ${cur.label}-----" is closed by "-----END ${m[2]}-----"` };
      const body = cur.body.join('');
      if (body === '') return { ok: false, reason: `the ${cur.label} block is empty` };
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
        return { ok: false, reason: `the ${cur.label} block is not valid base64` };
      blocks.push({ label: cur.label, body, headers: cur.headers });
      cur = null;
    } else if (cur) {
      if (l === '') continue;
      if (/^[A-Za-z-]+:/.test(l) && cur.body.length === 0) cur.headers.push(l);
      else cur.body.push(l.replace(/\s+/g, ''));
    } else if (l.startsWith('-----')) {
      return { ok: false, reason: `line ${i + 1} "${l.length > 60 ? `${l.slice(0, 60)}…` : l}" is not a valid PEM armour line` };
    }
  }
  if (cur) return { ok: false, reason: `"-----BEGIN ${cur.label}-----" on line ${cur.line} has no matching END line` };
  if (blocks.length === 0) return { ok: false, reason: 'no "-----BEGIN ...-----" / "-----END ...-----" block was found' };
  return { ok: true, blocks };
}

/** Canonical text: each block re-wrapped at 64 characters, LF line ends, one trailing newline. */
export function canonicalPem(input: string): string | null {
  const p = parsePem(input);
  if (!p.ok) return null;
  return p.blocks
    .map((b) =>
      [
        `-----BEGIN ${b.label}-----`,
        ...b.headers,
        ...(b.headers.length ? [''] : []),
        ...(b.body.match(/.{1,64}/g) ?? []),
        `-----END ${b.label}-----`,
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

/** Same blocks in the same order; white space, line ends and line wrapping do not matter. */
export function pemEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalPem(a);
  const cb = canonicalPem(b);
  if (ca === null || cb === null) return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  return ca === cb;
}

// ---------------------------------------------------------------------------------------------
// DID pools (trunk assignment `did_numbers`, Op 50: "3000;12000-18000")

export interface DidInterval {
  start: bigint;
  end: bigint;
  /** The entry as written, white space removed, e.g. "12000-18000". */
  text: string;
}

export type DidPoolParse = { ok: true; intervals: DidInterval[] } | { ok: false; reason: string };

/**
 * Parse a DID pool: single numbers and `start-end` ranges separated by ";". White space around the
 * separators is tolerated (it is removed before sending). Numbers are compared as integers
 * (docs/portsip-api.md Op 50 [I]); BigInt keeps long numbers exact.
 */
export function parseDidPool(input: string): DidPoolParse {
  const s = input.replace(/\s+/g, '');
  if (s === '') return { ok: true, intervals: [] };
  if (!/^\d+(-\d+)?(;\d+(-\d+)?)*$/.test(s)) {
    const bad = s.split(';').findIndex((e) => !/^\d+(-\d+)?$/.test(e));
    const entry = s.split(';')[bad] ?? '';
    return {
      ok: false,
      reason:
        entry === ''
          ? `entry ${bad + 1} is empty (a stray ";"?)`
          : `entry ${bad + 1} "${entry}" is neither a number nor a range "start-end" of digits`,
    };
  }
  const intervals = s.split(';').map((e) => {
    const [a, b] = e.split('-');
    return { start: BigInt(a!), end: BigInt(b ?? a!), text: e };
  });
  return { ok: true, intervals };
}

/** White space removed; order kept. */
export function canonicalDidPool(input: string): string {
  return input.replace(/\s+/g, '');
}

/** The same set of numbers, written as the same entries in any order ("1;2-3" == "2-3; 1"). */
export function didPoolsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseDidPool(a);
  const pb = parseDidPool(b);
  if (!pa.ok || !pb.ok) return canonicalDidPool(a) === canonicalDidPool(b);
  const key = (i: DidInterval) => `${i.start}-${i.end}`;
  const sa = pa.intervals.map(key).sort();
  const sb = pb.intervals.map(key).sort();
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

// ---------------------------------------------------------------------------------------------
// Single IP addresses (network, IM and Data Flow settings: Ops 1, 17, 52)

/** Canonical form of an IPv4 or IPv6 address (IPv6 lower case, RFC 5952), or null. */
export function canonicalIp(input: string): string | null {
  const s = input.trim().replace(/^\[|\]$/g, '');
  if (s.includes('/')) return null;
  const c = canonicalCidr(s.includes(':') ? `${s}/128` : `${s}/32`);
  return c === null ? null : c.slice(0, c.lastIndexOf('/'));
}

/** "2001:DB8::1" == "2001:db8:0:0:0:0:0:1"; non-addresses compare exactly. */
export function ipsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalIp(a);
  return ca !== null && ca === canonicalIp(b);
}

// ---------------------------------------------------------------------------------------------
// Semantic equality of Terraform values, by kind

/**
 * How an attribute's values are compared:
 * - exact: byte-for-byte (numbers by decimal text)
 * - enum / code: case-insensitive (API enums, ISO codes)
 * - domain, cidr, rfc3339, size, email_list, timezone, json: the normalisers above
 */
export type SemanticKind =
  'exact' | 'enum' | 'code' | 'domain' | 'cidr' | 'rfc3339' | 'size' | 'email_list' | 'timezone' | 'json' | 'pem' | 'did_pool' | 'ip';

function numText(v: number | BigNum): string {
  return v instanceof BigNum ? v.text : String(v);
}

export interface EqualOptions {
  /** "" and null mean the same (an unset optional string the API echoes as ""). */
  blankIsNull?: boolean;
}

/**
 * True when a and b denote the same setting. Unknown is never equal to anything (the planner must not
 * keep a prior value over an unknown). Objects and lists are compared element-wise with `kind` exact;
 * the mapping layer walks blocks itself with per-attribute kinds.
 */
export function semanticEqual(kind: SemanticKind, a: Value, b: Value, opts: EqualOptions = {}): boolean {
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (opts.blankIsNull) {
    if (a === '') a = null;
    if (b === '') b = null;
  }
  if (a === null || b === null) return a === b;
  if ((typeof a === 'number' || a instanceof BigNum) && (typeof b === 'number' || b instanceof BigNum)) {
    return numText(a) === numText(b) || Number(numText(a)) === Number(numText(b));
  }
  if (typeof a === 'string' && typeof b === 'string') {
    switch (kind) {
      case 'exact':
        return a === b;
      case 'enum':
      case 'code':
        return a.toUpperCase() === b.toUpperCase();
      case 'domain':
        return domainsEqual(a, b);
      case 'cidr': {
        const ca = canonicalCidr(a);
        return ca !== null ? ca === canonicalCidr(b) : a === b;
      }
      case 'rfc3339':
        return instantsEqual(a, b);
      case 'size':
        return sizesEqual(a, b);
      case 'email_list':
        return emailListsEqual(a, b);
      case 'timezone':
        return timezonesEqual(a, b);
      case 'json':
        return jsonTextEqual(a, b);
      case 'pem':
        return pemEqual(a, b);
      case 'did_pool':
        return didPoolsEqual(a, b);
      case 'ip':
        return ipsEqual(a, b);
    }
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(kind, x, b[i]!, opts));
  }
  if (
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b) &&
    !(a instanceof BigNum) &&
    !(b instanceof BigNum)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual('exact', a[k] ?? null, b[k] ?? null)) return false;
    return true;
  }
  return a === b;
}
