// portsip_dealer_profile: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { CurrentDealer, CurrentDealerUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { keepPriorSpelling as keepPrior, statePatch, type ApiObject, type FieldRules, type ToStateOptions } from '../common/mapping';
import {
  adoptPatch,
  ownPasswordChange,
  ownUsernameChange,
  resetPatch,
  SINGLETON_RULES,
  singletonToState,
  type OwnPasswordChange,
} from '../common/singleton';
import { DEALER_PROFILE_ID, dealerProfileDefaults, dealerProfileSchema } from './schema';

export { dealerProfileDefaults };

export const dealerProfileRules: FieldRules = {
  ...SINGLETON_RULES,
  dealer_id: { apiName: 'id' },
  level: { kind: 'enum' },
  // Changed through /dealer/username (usernameChange), never in the profile body.
  name: { notSent: true },
  password_wo_version: { fromPrior: true, notSent: true },
  email: { blankIsNull: true },
  display_name: { blankIsNull: true },
  website: { blankIsNull: true },
  phone: { blankIsNull: true },
  address: { blankIsNull: true },
  description: { blankIsNull: true },
};

export function toState(api: CurrentDealer | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(dealerProfileSchema.block, dealerProfileRules, DEALER_PROFILE_ID, api, prior, opts);
}

/** The adopting create: the configured profile fields that differ from `live`, or null (name and password separately). */
export function toCreatePatch(live: CurrentDealer | ApiObject, planned: ObjectValue): CurrentDealerUpdate | null {
  return adoptPatch(dealerProfileSchema.block, dealerProfileRules, DEALER_PROFILE_ID, live, planned);
}

/** POST /dealer body with the changed profile fields (never name or password), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): CurrentDealerUpdate | null {
  return statePatch(dealerProfileSchema.block, dealerProfileRules, prior, planned);
}

/** The new name for POST /dealer/username (Op 46, body `{name}` [C1]), or null. `prior` null = create (compare with `live`). */
export function usernameChange(prior: ObjectValue | null, planned: ObjectValue, live?: CurrentDealer | ApiObject | null): string | null {
  return ownUsernameChange(prior, planned, live ?? null);
}

/** `{old_password, new_password}` for POST /dealer/password (Op 47), or null. `prior` null = create. */
export function passwordChange(
  prior: ObjectValue | null,
  planned: ObjectValue,
  config: ObjectValue | null,
  currentPassword: string | undefined,
): OwnPasswordChange | null {
  return ownPasswordChange(prior, planned, config, currentPassword);
}

/** `reset_on_destroy`: no documented defaults, so always null. */
export function toResetPatch(live?: CurrentDealer | ApiObject | null): CurrentDealerUpdate | null {
  return resetPatch(dealerProfileSchema.block, dealerProfileRules, dealerProfileDefaults, live ?? null);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(dealerProfileSchema.block, dealerProfileRules, planned, prior);
}
