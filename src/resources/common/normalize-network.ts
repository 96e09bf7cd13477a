// Network normalisers: CIDR prefixes (docs/portsip-api.md §2.9, Op 24: IPv4 or IPv6 prefix notation;
// host-bit handling is undocumented [I]) and single IP addresses (network, IM and Data Flow settings:
// Ops 1, 17, 52). One parser serves both, and the validators (validators-network.ts) use the same
// one, so that what passes validation is exactly what compares equal here.

import * as ipaddr from 'ipaddr.js';

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

/** "192.0.2.1/24" == "192.0.2.0/24" == ...: networks compared after masking; non-networks exactly. */
export function cidrsEqual(a: string, b: string): boolean {
  const ca = canonicalCidr(a);
  return ca !== null ? ca === canonicalCidr(b) : a === b;
}

/**
 * Parses a single address (no prefix) as a host route: /32 for IPv4, /128 for IPv6. Brackets around
 * an IPv6 address ("[2001:db8::1]", as in URLs) are allowed.
 */
export function parseIp(input: string): CidrParse {
  if (!input.includes(':')) return parseCidr(`${input}/32`);
  return parseCidr(`${input.replace(/^\[|\]$/g, '')}/128`);
}

/** Canonical form of an IPv4 or IPv6 address (IPv6 lower case, RFC 5952), or null. */
export function canonicalIp(input: string): string | null {
  const s = input.trim();
  if (s.includes('/')) return null;
  // parseIp unbrackets an IPv6 address itself; brackets around an IPv4 one are tolerated here too.
  const p = parseIp(s.includes(':') ? s : s.replace(/^\[|\]$/g, ''));
  return p.ok ? ipaddr.fromByteArray(p.value.bytes).toString() : null;
}

/** "2001:DB8::1" == "2001:db8:0:0:0:0:0:1"; non-addresses compare exactly. */
export function ipsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalIp(a);
  return ca !== null && ca === canonicalIp(b);
}
