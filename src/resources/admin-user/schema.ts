// portsip_admin_user: schema (docs/portsip-api.md Ops 2-9). The admin-user API is new in PortSIP 22.3: its paths
// are confirmed [C2], but every JSON name below is INFERRED from the extension-user schema whose
// descriptions the 22.3 reference reuses (docs/portsip-api.md Op 3 [I], §8 q1). Check against a live 22.3 PBX.
//
// `name`, `password` and `role` are changed in place through their own endpoints (Ops 6-8), so nothing
// forces replacement. The password follows the dealer's design: write-only `password_wo` +
// `password_wo_version` (Terraform 1.11+), required to create, optional on an imported user.

import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type KitSchema } from '../common/schema-helpers';

/** Built-in system roles of 22.3 [C3, C9]. Custom system roles are allowed too. */
export const BUILTIN_SYSTEM_ROLES = ['SystemAdmin', 'OperationsAdmin', 'SiteAdmin'] as const;
/** Built-in roles that belong to dealers and tenant users, not to system users [C3]. */
export const NON_SYSTEM_BUILTIN_ROLES = [
  'Dealer',
  'Admin',
  'StandardUser',
  'StandardInternationalUser',
  'QueueManager',
  'Replicator',
] as const;

const INFERRED = '(JSON name inferred for PortSIP 22.3.)';

export const adminUserSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'A system (administrator) user of the PBX (`/api/admin/users`, PortSIP 22.3+). Import with the user id or its `name`. The password is write-only (`password_wo`, Terraform 1.11+): never stored in plan or state; bump `password_wo_version` to send a new one. Renaming, password and role changes are made in place through their own API endpoints.',
    attributes: {
      id: computed('string', 'The user id assigned by the PBX (an opaque string).'),
      name: required(
        'string',
        "The login name, 1-64 characters: letters, digits and `_ - ' .`, not starting or ending with `.`. Changed in place through `/admin/users/{id}/username`. Must be unique (the built-in administrator is `admin`).",
        { key: 'text' },
      ),
      password_wo: optional(
        'string',
        'The password (at least 6 characters), write-only (Terraform 1.11+): never stored in plan or state. Required to create a user; sent on create and whenever `password_wo_version` changes (changing it alone does nothing). Leave it unset on an imported user to leave its password unmanaged.',
        { writeOnly: true },
      ),
      password_wo_version: optional(
        'number',
        'Any number; changing it re-sends `password_wo` through `/admin/users/{id}/password`. Requires `password_wo`. Without it the write-only password is sent only when the user is created.',
      ),
      role: required(
        'string',
        'The system role, 1-64 characters: a built-in role (`SystemAdmin`, `OperationsAdmin`, `SiteAdmin`) or the name of a custom system role. Case-sensitive. Changed in place through `/admin/users/{id}/role`.',
      ),
      email: optional('string', `Email address, at most 128 characters (required from PortSIP 22.6). ${INFERRED}`),
      display_name: optional('string', `Display name, at most 1024 characters (at most 128 and required from PortSIP 22.6). ${INFERRED}`),
      enabled: optionalComputed('bool', `Whether the user may sign in. Server default \`true\`. ${UNMANAGED_WHEN_UNSET}`),
      mobile_phone: optional('string', `Mobile phone number, at most 32 characters. ${INFERRED}`),
      work_phone: optional('string', `Office phone number, at most 32 characters. ${INFERRED}`),
      home_phone: optional('string', `Home phone number, at most 32 characters. ${INFERRED}`),
      address: optional('string', `Postal address, at most 128 characters. ${INFERRED}`),
      department: optional('string', `Department, at most 128 characters. ${INFERRED}`),
      website: optional('string', `Personal or company website (no documented length limit). ${INFERRED}`),
    },
  },
};
