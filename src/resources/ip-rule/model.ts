// portsip_ip_rule: API <-> state mapping (pure functions).

import type { IpRule, IpRuleCreate, IpRuleUpdate } from '../../client/types';
import type { ObjectValue, Value } from '../../provider/values';
import {
  apiToState,
  keepPriorSpelling as keepPrior,
  semanticallyEqualAt,
  stateToBody,
  statePatch,
  type ApiObject,
  type FieldRules,
  type ToStateOptions,
} from '../common/mapping';
import { ipRuleSchema } from './schema';

export const ipRuleRules: FieldRules = {
  // Whether the PBX masks host bits is undocumented (Op 24 [I]); compare networks so either way is no diff.
  cidr: { kind: 'cidr' },
  target: { kind: 'enum' },
  // The API answers in UTC with "Z" (§2.4); a config with an offset names the same instant. A rule
  // without expiry may come back as "" or null; clearing sends null, the API's blank (§2.3), since ""
  // is not a date-time.
  expire_at: { kind: 'rfc3339', blankIsNull: true, clearWith: null },
  description: { blankIsNull: true },
};

export function toState(api: IpRule | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return apiToState(ipRuleSchema.block, ipRuleRules, api, prior, opts);
}

export function toCreateBody(planned: ObjectValue): IpRuleCreate {
  return stateToBody<IpRuleCreate>(ipRuleSchema.block, ipRuleRules, planned);
}

/**
 * POST /ip_filters/{id} body with only what changed, or null. Removing `expire_at` sends
 * `"expire_at": null`; whether the PBX clears the expiry then or keeps it (merge semantics, docs/portsip-api.md
 * §2.2 [I]) is unverified: an open point for the emulator and a live PBX.
 */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): IpRuleUpdate | null {
  return statePatch(ipRuleSchema.block, ipRuleRules, prior, planned);
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(ipRuleSchema.block, ipRuleRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(ipRuleSchema.block, ipRuleRules, planned, prior);
}
