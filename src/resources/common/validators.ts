// A small, composable validation toolkit shared by every resource. The rules of the house and the
// core (diagnostic wording, drivers, combinators) are in validators-core.ts; the validators are
// split by subject:
//   validators-basic.ts        strings, enumerations, patterns, JSON text, numbers;
//   validators-formats.ts      sizes, email addresses and lists, user names, currency and country codes;
//   validators-time.ts         RFC 3339 instants, times of day, time zones;
//   validators-network.ts      CIDR prefixes, IP addresses, host names;
//   validators-documents.ts    PEM certificates and keys, DID pools;
//   validators-combination.ts  cross-field rules (exactly one of, write-only pairs, own password).
// Resources import from this file only, so that where a validator lives can change without touching
// them; it re-exports what they use (a helper only the validator files share stays in its file).

export {
  SUMMARY_MISSING_ATTRIBUTE,
  SUMMARY_UNSUPPORTED,
  all,
  check,
  checkObject,
  firstError,
  formatPath,
  inferred,
  isKnown,
  problem,
  quote,
  sensitive,
} from './validators-core';
export type { Validator } from './validators-core';
export { INT32_MAX, intRange, jsonText, matches, notBlank, numberRange, oneOf, stringLength } from './validators-basic';
export { currency, email, emailList, region, sizeString, username } from './validators-formats';
export { hhmm, hhmmMinutes, rfc3339, timezone } from './validators-time';
export { cidr, hostOrIp, ipAddress } from './validators-network';
export { didPool, pem } from './validators-documents';
export { combination, exactlyOneOf, isSet, ownPasswordChecks, writeOnlyChecks } from './validators-combination';
