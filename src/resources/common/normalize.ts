// Shared normalisers: parse both sides into a canonical form, then compare (docs/design.md "Resource
// behaviour": normalise both sides before comparing; "Habits" 3). These never rewrite what the user wrote: the mapping layer
// uses them only to decide whether the API value and the prior/config value mean the same thing, and
// then keeps the PRIOR spelling (docs/protocol.md "Planned values": returning a canonical value from RR
// gives a perpetual diff; from PRC or ARC it is an invalid plan/result).
//
// This file holds the semantic equality of Terraform values by kind (semanticEqual), which the
// mapping layer calls; the normalisers it dispatches to are split by subject, and what the
// resources use is re-exported here:
//   normalize-network.ts    CIDR prefixes and IP addresses;
//   normalize-text.ts       instants, sizes, email lists, domains, time zones, JSON;
//   normalize-documents.ts  PEM documents and DID pools.

import { BigNum, UNKNOWN, type Value } from '../../provider/values';
import { didPoolsEqual, pemEqual } from './normalize-documents';
import { cidrsEqual, ipsEqual } from './normalize-network';
import { domainsEqual, emailListsEqual, instantsEqual, jsonTextEqual, sizesEqual, timezonesEqual } from './normalize-text';

export { canonicalDidPool, canonicalPem, didPoolsEqual, parseDidPool, parsePem, pemEqual } from './normalize-documents';
export { canonicalCidr, canonicalIp, ipsEqual, parseCidr } from './normalize-network';
export {
  canonicalDomain,
  canonicalEmailList,
  canonicalRfc3339,
  canonicalSize,
  domainsEqual,
  emailListsEqual,
  instantsEqual,
  jsonTextEqual,
  sizesEqual,
  timezonesEqual,
} from './normalize-text';

/**
 * How an attribute's values are compared:
 * - exact: byte-for-byte (numbers by decimal text)
 * - enum / code: case-insensitive (API enums, ISO codes)
 * - domain, cidr, rfc3339, size, email_list, timezone, json, pem, did_pool, ip: the normalisers
 *   of normalize-*.ts
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
  // Every kind is reflexive, and most comparisons in a no-op plan are of a value with itself: no
  // parsing then (a CIDR's, a domain's) on the per-object plan path.
  if (a === b) return true;
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
      case 'cidr':
        return cidrsEqual(a, b);
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
