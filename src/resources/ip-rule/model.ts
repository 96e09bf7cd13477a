// portsip_ip_rule: API <-> state mapping (pure functions).

import type { operations } from '../../client/types.gen';
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

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type IpRuleApi = Json<operations['showIpRule']['responses'][200]>;
export type IpRuleCreateBody = Json<NonNullable<operations['createIpRule']['requestBody']>>;
export type IpRuleUpdateBody = Json<NonNullable<operations['updateIpRule']['requestBody']>>;

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

export function toState(api: IpRuleApi | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return apiToState(ipRuleSchema.block, ipRuleRules, api, prior, opts);
}

export function toCreateBody(planned: ObjectValue): IpRuleCreateBody {
  return stateToBody(ipRuleSchema.block, ipRuleRules, planned) as unknown as IpRuleCreateBody;
}

/**
 * POST /ip_filters/{id} body with only what changed, or null. Removing `expire_at` sends
 * `"expire_at": null`; whether the PBX clears the expiry then or keeps it (merge semantics, docs/portsip-api.md
 * §2.2 [I]) is unverified: an open point for the emulator and a live PBX.
 */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): IpRuleUpdateBody | null {
  return statePatch(ipRuleSchema.block, ipRuleRules, prior, planned);
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(ipRuleSchema.block, ipRuleRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(ipRuleSchema.block, ipRuleRules, planned, prior);
}
