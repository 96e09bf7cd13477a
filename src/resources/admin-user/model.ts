// portsip_admin_user: API <-> state mapping (pure functions). The API shapes are INFERRED for 22.3
// (docs/portsip-api.md Ops 2-9 [I], §8 q1-q2): there is no OpenAPI for them.

import type { ObjectValue } from '../../provider/values';
import { stateToBody, statePatch, type FieldRules } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { adminUserSchema } from './schema';
import type { AdminUser, AdminUserCreate, AdminUserUpdate } from '../../client/types';
import { createPassword, passwordChange } from '../common/password';

export const adminUserRules: FieldRules = {
  // Sent on create; afterwards each has its own endpoint (usernameChange, roleChange below), so the
  // update body never carries them.
  name: { createOnly: true },
  role: { createOnly: true },
  // The password is never returned (Op 2 [I]); sent on create and through Op 7, see passwordChange().
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

/** POST /admin/users body; the password comes from `config.password_wo`. */
export function toCreateBody(planned: ObjectValue, config?: ObjectValue | null): AdminUserCreate {
  const body = stateToBody<AdminUserCreate>(adminUserSchema.block, adminUserRules, planned);
  const pw = createPassword(config);
  if (pw !== null) body.password = pw;
  return body;
}

/** POST /admin/users/{id} body with only the changed profile fields (never name, password or role), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): AdminUserUpdate | null {
  return statePatch(adminUserSchema.block, adminUserRules, prior, planned);
}

/** The new name for POST /admin/users/{id}/username (Op 6, body `{name}` [I]), or null. */
export function usernameChange(prior: ObjectValue, planned: ObjectValue): string | null {
  const next = planned.name;
  if (typeof next !== 'string' || next === prior.name) return null;
  return next;
}

/** The new role for POST /admin/users/{id}/role (Op 8, body `{role}` [I]), or null. */
export function roleChange(prior: ObjectValue, planned: ObjectValue): string | null {
  const next = planned.role;
  if (typeof next !== 'string' || next === prior.role) return null;
  return next;
}

/** The password to send through the account's password endpoint during an update (common/password.ts). */
export { passwordChange };

export const { toState, keepPriorSpelling } = fieldModel<AdminUser>(adminUserSchema.block, adminUserRules);
