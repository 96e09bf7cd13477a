// portsip_admin_profile: API <-> state mapping (pure functions). The API shape is INFERRED for 22.3
// (docs/portsip-api.md Ops 10-12 [I]). Singleton semantics are in src/resources/common/singleton.ts.

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
import { ADMIN_PROFILE_ID, adminProfileDefaults, adminProfileSchema } from './schema';

/** GET /admin/user (22.3, inferred: the admin-user item shape). */
export interface AdminProfileApi {
  id?: string;
  name?: string;
  role?: string;
  email?: string | null;
  display_name?: string | null;
  mobile_phone?: string | null;
  work_phone?: string | null;
  home_phone?: string | null;
  address?: string | null;
  department?: string | null;
  website?: string | null;
  [key: string]: unknown;
}

/** POST /admin/user body (22.3, inferred; Op 10 has no name, enabled or role). */
export type AdminProfileUpdateBody = Partial<
  Record<'email' | 'display_name' | 'mobile_phone' | 'work_phone' | 'home_phone' | 'address' | 'department' | 'website', string>
>;

export { adminProfileDefaults };

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

export function toState(api: AdminProfileApi | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(adminProfileSchema.block, adminProfileRules, ADMIN_PROFILE_ID, api, prior, opts);
}

/** The adopting create: the configured profile fields that differ from `live`, or null (name and password separately). */
export function toCreatePatch(live: AdminProfileApi | ApiObject, planned: ObjectValue): AdminProfileUpdateBody | null {
  return adoptPatch(adminProfileSchema.block, adminProfileRules, ADMIN_PROFILE_ID, live, planned);
}

/** POST /admin/user body with the changed profile fields (never name or password), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): AdminProfileUpdateBody | null {
  return statePatch(adminProfileSchema.block, adminProfileRules, prior, planned);
}

/** The new name for POST /admin/user/username (body `{name}` [I]), or null. `prior` null = create (compare with `live`). */
export function usernameChange(prior: ObjectValue | null, planned: ObjectValue, live?: AdminProfileApi | ApiObject | null): string | null {
  return ownUsernameChange(prior, planned, live ?? null);
}

/** `{old_password, new_password}` for POST /admin/user/password, or null. `prior` null = create. */
export function passwordChange(
  prior: ObjectValue | null,
  planned: ObjectValue,
  config: ObjectValue | null,
  currentPassword: string | undefined,
): OwnPasswordChange | null {
  return ownPasswordChange(prior, planned, config, currentPassword);
}

/** `reset_on_destroy`: no documented defaults, so always null. */
export function toResetPatch(live?: AdminProfileApi | ApiObject | null): AdminProfileUpdateBody | null {
  return resetPatch(adminProfileSchema.block, adminProfileRules, adminProfileDefaults, live ?? null);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(adminProfileSchema.block, adminProfileRules, planned, prior);
}
