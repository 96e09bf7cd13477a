// portsip_dealer_profile: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { CurrentDealer, CurrentDealerUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { SINGLETON_RULES } from '../common/singleton';
import { settingsModel } from '../kit/model';
import { DEALER_PROFILE_ID, dealerProfileDefaults, dealerProfileSchema } from './schema';

export { dealerProfileDefaults };

/**
 * The new name for POST /dealer/username (Op 46, body `{name}` [C1]) and `{old_password, new_password}` for
 * POST /dealer/password (Op 47): the signed-in account's own changes (common/singleton.ts).
 */
export { ownUsernameChange as usernameChange, ownPasswordChange as passwordChange } from '../common/singleton';

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

/** The mapping functions; the profile body never carries the name or password; no documented defaults. */
export const { toState, toCreatePatch, toUpdatePatch, toResetPatch, keepPriorSpelling } = settingsModel<CurrentDealer, CurrentDealerUpdate>(
  dealerProfileSchema.block,
  dealerProfileRules,
  DEALER_PROFILE_ID,
  dealerProfileDefaults,
);
