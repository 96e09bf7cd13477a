// portsip_admin_user: the kit's collection mode with /admin/users calls (Ops 2-9, 22.3).
// `name`, `role` and the password go in the create body; afterwards each has its own endpoint
// (Ops 6-8), called after the profile patch in afterUpdate: name, then role, then password, so a
// failure leaves the user readable under a name the state can follow (the kit re-reads on failure).
// The password is write-only on the API side: `password_wo` is read from the apply-time config and
// sent only on create and when `password_wo_version` changes (model.passwordChange).

import { defineCollection } from '../kit/collection';
import { listedCollection } from '../common/read-cache';
import { requirePasswordOnCreate } from '../common/password';
import { accountName } from '../common/unique-keys';
import { keepPriorSpelling, passwordChange, roleChange, toCreateBody, toState, toUpdatePatch, usernameChange } from './model';
import { adminUserSchema } from './schema';
import { validate } from './validate';

/** A list item is used in place of a GET only when it carries what the state maps. */
const FULL_KEYS = ['id', 'name', 'role', 'enabled'] as const;

export const adminUserResource = defineCollection({
  typeName: 'portsip_admin_user',
  label: 'admin user',
  schema: adminUserSchema,
  validate,
  keepPriorSpelling,
  importExample: 'ops-admin',
  unique: accountName,
  createChecks: (config) => requirePasswordOnCreate('admin user', config),
  area: (client) => client.adminUsers,
  reader: (client) => listedCollection('admin_users', client.adminUsers, FULL_KEYS),
  toState: (live, prior, opts) => toState(live, prior, opts),
  toCreateBody: (planned, config) => toCreateBody(planned, config),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
  async afterUpdate(id, prior, planned, config, ctx) {
    const users = ctx.provider.client.adminUsers;
    const name = usernameChange(prior, planned);
    if (name !== null) await users.changeUsername(id, name);
    const role = roleChange(prior, planned);
    if (role !== null) await users.changeRole(id, role);
    const pw = passwordChange(prior, planned, config);
    if (pw !== null) await users.changePassword(id, pw);
  },
});
