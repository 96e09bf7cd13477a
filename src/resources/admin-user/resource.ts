// portsip_admin_user: the shared CRUD flow (common/crud.ts) with /admin/users calls (Ops 2-9, 22.3).
// `name`, `role` and the password go in the create body; afterwards each has its own endpoint
// (Ops 6-8), called after the profile patch in afterUpdate: name, then role, then password, so a
// failure leaves the user readable under a name the state can follow (crud.ts re-reads on failure).
// The password is write-only on the API side: `password_wo` is read from the apply-time config and
// sent only on create and when `password_wo_version` changes (model.passwordChange).

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { crudResource } from '../common/crud';
import { listedCollection } from '../common/read-cache';
import { requirePasswordOnCreate } from '../common/password';
import {
  keepPriorSpelling,
  passwordChange,
  requiresReplace,
  roleChange,
  toCreateBody,
  toState,
  toUpdatePatch,
  usernameChange,
  type AdminUserApi,
} from './model';
import { adminUserImportKey, adminUserSchema } from './schema';
import { validate } from './validate';

/** A list item is used in place of a GET only when it carries what the state maps. */
const FULL_KEYS = ['id', 'name', 'role', 'enabled'] as const;

const reader = (client: PortsipClient) => listedCollection<AdminUserApi>('admin_users', client.adminUsers, FULL_KEYS);

export const adminUserResource: ResourceDefinition<PortsipContext> = crudResource({
  typeName: 'portsip_admin_user',
  noun: 'system user',
  schema: adminUserSchema,
  validate,
  keepPriorSpelling,
  requiresReplace,
  createChecks: (config) => requirePasswordOnCreate('system user', config),
  reader,
  toState: (live, prior, opts) => toState(live, prior, opts),
  api: (client) => ({
    create: (body, recovery) => client.adminUsers.create(body as Parameters<PortsipClient['adminUsers']['create']>[0], recovery),
    update: (id, patch) => client.adminUsers.update(id, patch as Parameters<PortsipClient['adminUsers']['update']>[1]),
    delete: (id) => client.adminUsers.delete(id),
  }),
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
  importKey: adminUserImportKey,
});
