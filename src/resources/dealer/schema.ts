// portsip_dealer: schema (docs/portsip-api.md Ops 18-22, C1).
//
// Password handling. The API never returns the password (Op 18/19 [C1]) and changes it only through
// POST /dealers/{id}/password (Op 21). It is the write-only `password_wo` (Terraform >= 1.11): never
// stored in plan or state. Terraform cannot see a change to it, so `password_wo_version` (any number)
// is bumped to re-send it. The version is optional: without it the password is sent at create only,
// so an imported dealer with `password_wo` set and no version keeps its live password. Setting the
// version without `password_wo` is an error (there is nothing to send); a create without it is refused
// at plan time (the API needs a password).
// There is deliberately no sensitive, stored `password` attribute: besides keeping the secret out of
// state, every second sensitive path in an object makes Terraform 1.11's refresh-only plan report a
// change that is not there (docs/protocol.md, "Exact drift").

import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type KitSchema } from '../common/schema-helpers';

const U = UNMANAGED_WHEN_UNSET;

export const DEALER_LEVELS = ['DISTRIBUTOR', 'SUB_DISTRIBUTOR', 'RESELLER'] as const;

export const dealerSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'A PortSIP dealer (reseller) account (`/api/dealers`). Import with the dealer id or its `name`. The password is write-only (`password_wo`, Terraform 1.11+): never stored in plan or state; bump `password_wo_version` to send a new one.',
    attributes: {
      id: computed('string', 'The dealer id assigned by the PBX (an opaque string).'),
      name: required(
        'string',
        "The dealer's login name, 1-64 characters: letters, digits and `_ - ' .`, not starting or ending with `.`; `admin`, `system`, `administrator` and `root` are reserved (any letter case). The API cannot rename a dealer, so changing it replaces the dealer.",
        { key: 'text', replace: true },
      ),
      level: required(
        'string',
        'Dealer tier: `DISTRIBUTOR` (first level), `SUB_DISTRIBUTOR` (second) or `RESELLER` (third). Case-sensitive. The API cannot change it, so changing it replaces the dealer.',
        { replace: true },
      ),
      password_wo: optional(
        'string',
        'The dealer password (at least 6 characters), write-only (Terraform 1.11+): never stored in plan or state. Required to create a dealer; sent on create and whenever `password_wo_version` changes (changing it alone does nothing). Leave it unset on an imported dealer to leave its password unmanaged.',
        { writeOnly: true },
      ),
      password_wo_version: optional(
        'number',
        'Any number; changing it re-sends `password_wo` through the password-reset endpoint. Requires `password_wo`. Without it the write-only password is sent only when the dealer is created.',
      ),
      enabled: optionalComputed('bool', `Whether the dealer account is enabled. Server default \`true\`. ${U}`),
      email: optional('string', 'Email address, at most 128 characters (required from PortSIP 22.6).'),
      display_name: optional('string', 'Display name, at most 1024 characters (at most 128 and required from PortSIP 22.6).'),
      website: optional('string', "The dealer's website (no documented length limit)."),
      phone: optional('string', 'Mobile phone number, at most 32 characters.'),
      address: optional('string', 'Postal address, at most 128 characters.'),
      description: optional('string', 'Free-text description of the dealer (no documented length limit).'),
      max_tenants: optionalComputed(
        'number',
        `Maximum number of tenants the dealer may create, 0-2147483647. Documented default \`100\`: PortSIP requires it on create, so when it is unset the provider sends \`100\`. ${U}`,
      ),
      max_extensions: optionalComputed(
        'number',
        `Maximum number of extensions the dealer may create, 0-2147483647. Documented default \`50000\`: PortSIP requires it on create, so when it is unset the provider sends \`50000\`. ${U}`,
      ),
      tenant_full_access: optionalComputed(
        'bool',
        `Whether the reseller has full control over its tenants. Only takes effect when changed by a first-level dealer (distributor). Server default \`true\`. ${U}`,
      ),
    },
  },
};
