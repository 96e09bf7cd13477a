// portsip_admin_profile: API <-> state mapping (pure functions). The API shape is INFERRED for 22.3
// (docs/portsip-api.md Ops 10-12 [I]; the client's AdminProfile types). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { AdminProfile, AdminProfileUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { SINGLETON_RULES } from '../common/singleton';
import { settingsModel } from '../kit/model';
import { ADMIN_PROFILE_ID, adminProfileDefaults, adminProfileSchema } from './schema';

export { adminProfileDefaults };

/**
 * The new name for POST /admin/user/username (body `{name}` [I]) and `{old_password, new_password}` for POST
 * /admin/user/password: the signed-in account's own changes (common/singleton.ts).
 */
export { ownUsernameChange as usernameChange, ownPasswordChange as passwordChange } from '../common/singleton';

export const adminProfileRules: FieldRules = {
  ...SINGLETON_RULES,
  user_id: { apiName: 'id' },
  // Changed through /admin/user/username (usernameChange), never in the profile body.
  name: { notSent: true },
  password_wo_version: { fromPrior: true, notSent: true },
  email: { blankIsNull: true },
  display_name: { blankIsNull: true },
  mobile_phone: { blankIsNull: true },
  work_phone: { blankIsNull: true },
  home_phone: { blankIsNull: true },
  address: { blankIsNull: true },
  department: { blankIsNull: true },
  website: { blankIsNull: true },
};

/** The mapping functions; the profile body never carries the name or password; no documented defaults. */
export const { toState, toCreatePatch, toUpdatePatch, toResetPatch, keepPriorSpelling } = settingsModel<AdminProfile, AdminProfileUpdate>(
  adminProfileSchema.block,
  adminProfileRules,
  ADMIN_PROFILE_ID,
  adminProfileDefaults,
);
