// Network validators: CIDR prefixes, single IP addresses and host names. They parse with the same
// functions the comparisons use (normalize-network.ts), so what passes here is what compares equal.

import { type Validator, forStrings, problem } from './validators-core';
import { canonicalCidr, cidrHasHostBits, parseCidr, parseIp } from './normalize-network';

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
  return forStrings((v, p, c) => {
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
  });
}

/** An IP address without prefix. `family` 4 or 6 restricts it. Light checks only (Op 1 [I]). */
export function ipAddress(family?: 4 | 6): Validator {
  const what =
    family === 4
      ? 'an IPv4 address such as "192.0.2.10"'
      : family === 6
        ? 'an IPv6 address such as "2001:db8::10"'
        : 'an IPv4 or IPv6 address such as "192.0.2.10" or "2001:db8::10"';
  return forStrings((v, p, c) => {
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
    const r = parseIp(v);
    return r.ok
      ? []
      : [problem(p, v, c, `must be ${what}`, `Problem: ${r.reason.replace(/^"([^"]*)" is not a valid IPv[46] address: /, '')}.`)];
  });
}

/**
 * A host name or IP address (tenant SIP domain: "usually an FQDN; the PBX IP address also works", Op 35).
 * Only the character set and label shape are checked; the API documents no stricter rule.
 */
export function hostOrIp(): Validator {
  return forStrings((v, p, c) => {
    if (v === '') return [];
    const rule = 'must be a host name (e.g. "sip.example.com") or an IP address';
    // Anything with a colon, or only digits and dots, is meant as an address and must be a valid one.
    const ipLike = v.includes(':') || /^[0-9.]+$/.test(v) ? parseIp(v) : null;
    if (ipLike) return ipLike.ok ? [] : [problem(p, v, c, rule, `Problem: ${ipLike.reason}.`)];
    const bad = [...new Set([...v].filter((ch) => !/[A-Za-z0-9.\-_]/.test(ch)))];
    if (bad.length) return [problem(p, v, c, rule, `Not allowed: ${bad.map((b) => JSON.stringify(b)).join(', ')}.`)];
    const labels = v.replace(/\.$/, '').split('.');
    if (labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) {
      return [problem(p, v, c, rule, 'Each dot-separated label must be 1 to 63 characters and must not start or end with "-".')];
    }
    return [];
  });
}
