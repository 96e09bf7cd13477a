// portsip_dealer_profile: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { operations } from '../../client/types.gen';
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

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** GET /dealer. */
export type DealerProfileApi = Json<operations['retrieveCurrentDealer']['responses'][200]>;
/** POST /dealer body (all optional). */
export type DealerProfileUpdateBody = Json<NonNullable<operations['updateCurrentDealer']['requestBody']>>;

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

export function toState(api: DealerProfileApi | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(dealerProfileSchema.block, dealerProfileRules, DEALER_PROFILE_ID, api, prior, opts);
}

/** The adopting create: the configured profile fields that differ from `live`, or null (name and password separately). */
export function toCreatePatch(live: DealerProfileApi | ApiObject, planned: ObjectValue): DealerProfileUpdateBody | null {
  return adoptPatch(dealerProfileSchema.block, dealerProfileRules, DEALER_PROFILE_ID, live, planned);
}

/** POST /dealer body with the changed profile fields (never name or password), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): DealerProfileUpdateBody | null {
  return statePatch(dealerProfileSchema.block, dealerProfileRules, prior, planned);
}

/** The new name for POST /dealer/username (Op 46, body `{name}` [C1]), or null. `prior` null = create (compare with `live`). */
export function usernameChange(prior: ObjectValue | null, planned: ObjectValue, live?: DealerProfileApi | ApiObject | null): string | null {
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
export function toResetPatch(live?: DealerProfileApi | ApiObject | null): DealerProfileUpdateBody | null {
  return resetPatch(dealerProfileSchema.block, dealerProfileRules, dealerProfileDefaults, live ?? null);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(dealerProfileSchema.block, dealerProfileRules, planned, prior);
}
