// portsip_ip_rule: API <-> state mapping (pure functions).

import type { IpRule, IpRuleCreate, IpRuleUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { fieldModel } from '../kit/model';
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

/**
 * The mapping functions. The update patch holds only what changed: removing `expire_at` sends
 * `"expire_at": null`; whether the PBX clears the expiry then or keeps it (merge semantics,
 * docs/portsip-api.md §2.2 [I]) is unverified: an open point for the emulator and a live PBX.
 */
export const { toState, toCreateBody, toUpdatePatch, semanticallyEqual, keepPriorSpelling } = fieldModel<
  IpRule,
  IpRuleCreate,
  IpRuleUpdate
>(ipRuleSchema.block, ipRuleRules);
