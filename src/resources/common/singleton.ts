// Singleton settings objects (network, settings, notification, SBC, IM, Data Flow, certificate, brand,
// the signed-in admin and dealer): one object per PBX, read with GET {path} and written with a merging
// POST {path} (docs/portsip-api.md §2.2). docs/design.md "Resource behaviour":
//
// - create = adopt: read the live object, then POST only the configured attributes that differ;
// - read = the live object; `id` is a fixed string, `reset_on_destroy` is ours and kept from prior;
// - delete = forget, unless `reset_on_destroy = true`: then POST the documented defaults (only the
//   fields that HAVE a documented default; fields without one are left as they are).
//
// Every API attribute is Optional+Computed, so an attribute left out of config is not managed.

import type { Block } from '../../provider/schema';
import { UNKNOWN, type ObjectValue, type Value } from '../../provider/values';
import { apiToState, semanticallyEqualAt, statePatch, type ApiObject, type FieldRules, type ToStateOptions } from './mapping';

/** Rules every singleton shares: `reset_on_destroy` is never sent and never read from the API. */
export const SINGLETON_RULES: FieldRules = {
  reset_on_destroy: { fromPrior: true, notSent: true },
};

/** The IM and Data Flow servers' four addresses: each an IP, blank meaning unset. */
export const SERVER_ADDRESS_RULES: FieldRules = {
  ...SINGLETON_RULES,
  private_ipv4: { kind: 'ip', blankIsNull: true },
  private_ipv6: { kind: 'ip', blankIsNull: true },
  public_ipv4: { kind: 'ip', blankIsNull: true },
  public_ipv6: { kind: 'ip', blankIsNull: true },
};

/** API object -> state with the fixed id and `reset_on_destroy` from prior. */
export function singletonToState(
  block: Block,
  rules: FieldRules,
  fixedId: string,
  api: ApiObject | null | undefined,
  prior: ObjectValue | null,
  opts: ToStateOptions = {},
): ObjectValue {
  const state = apiToState(block, rules, api, prior, opts);
  // `id` is ours, not the API's (a profile's API `id` is exposed through another attribute via apiName).
  state.id = fixedId;
  return state;
}

/**
 * The adopting create's POST body: the configured (known, non-null) attributes of `planned` that differ
 * from the live object, or null when the PBX already matches.
 */
export function adoptPatch(
  block: Block,
  rules: FieldRules,
  fixedId: string,
  live: ApiObject | null | undefined,
  planned: ObjectValue,
): ApiObject | null {
  const current = singletonToState(block, rules, fixedId, live ?? {}, null, { importing: true });
  // At create, null means "not configured" (an O+C attribute the planner left null): never a clear.
  const configured: ObjectValue = {};
  for (const [k, v] of Object.entries(planned)) configured[k] = v === null ? UNKNOWN : v;
  return statePatch(block, rules, current, configured, live ?? null);
}

/**
 * The POST body that restores `defaults`, leaving out fields the live object already has (compared
 * semantically), or null when nothing needs sending. Without `live`, every default is sent.
 */
export function resetPatch(
  block: Block,
  rules: FieldRules,
  defaults: Readonly<Record<string, Value>>,
  live?: ApiObject | null,
): ApiObject | null {
  const body: ApiObject = {};
  for (const [k, v] of Object.entries(defaults)) {
    if (live && k in live && v !== UNKNOWN && semanticallyEqualAt(block, rules, k, live[k] as Value, v)) continue;
    body[k] = v;
  }
  return Object.keys(body).length ? body : null;
}

/** Body of the signed-in account's password change (Ops 12, 47: `{old_password, new_password}`). */
export interface OwnPasswordChange {
  old_password: string;
  new_password: string;
}

/**
 * For `portsip_admin_profile` / `portsip_dealer_profile`: the password change to make, from the
 * write-only `new_password_wo` in config, or null. The current password is the one the provider signed
 * in with (the account is the provider's own). Made on create when configured, and afterwards only
 * when `password_wo_version` changes (write-only values cannot be compared, docs/protocol.md "Write-only attributes").
 */
export function ownPasswordChange(
  prior: ObjectValue | null,
  planned: ObjectValue,
  config: ObjectValue | null,
  currentPassword: string | undefined,
): OwnPasswordChange | null {
  const newPw = config?.new_password_wo;
  if (typeof newPw !== 'string') return null;
  if (currentPassword === undefined) throw new Error('The provider has no password to sign in with, so it cannot change its own password.');
  const change = { old_password: currentPassword, new_password: newPw };
  if (prior === null) return newPw === currentPassword ? null : change;
  const a = prior.password_wo_version ?? null;
  const b = planned.password_wo_version ?? null;
  if (b === UNKNOWN) return null;
  const same = a === b || (a !== null && b !== null && String(a) === String(b));
  return same ? null : change;
}

/** The new login name for `/admin/user/username` or `/dealer/username` (Ops 11, 46), or null. */
export function ownUsernameChange(prior: ObjectValue | null, planned: ObjectValue, live?: ApiObject | null): string | null {
  const next = planned.name;
  if (typeof next !== 'string') return null;
  const current = prior && typeof prior.name === 'string' ? prior.name : live && typeof live.name === 'string' ? live.name : null;
  return next === current ? null : next;
}
