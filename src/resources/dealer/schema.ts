// portsip_dealer: schema (API-NOTES Ops 18-22, C1).
//
// Password handling. The API never returns the password (Op 18/19 [C1]) and changes it only through
// POST /dealers/{id}/password (Op 21). Two ways to supply it, exactly one of which must be set:
// - `password_wo` (write-only, Terraform >= 1.11): never stored in plan or state. Terraform cannot see
//   a change to it, so `password_wo_version` (any number) is bumped to re-send it. The version is
//   optional: without it the password is sent at create only (and when switching from `password`).
//   Setting the version without `password_wo` is an error (there is nothing to send).
// - `password` (sensitive, for Terraform < 1.11): stored in state in plain text (sensitive only hides it
//   in the UI, PROTOCOL-NOTES §5). A change re-sends it. On import it is null in state, so the first
//   apply after an import resets the password to the configured one.

import type { Schema } from '../../provider/schema';
import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type ImportKeyFormat } from '../common/schema-helpers';

const U = UNMANAGED_WHEN_UNSET;

export const DEALER_LEVELS = ['DISTRIBUTOR', 'SUB_DISTRIBUTOR', 'RESELLER'] as const;

export const dealerSchema: Schema = {
  version: 0,
  block: {
    description:
      'A PortSIP dealer (reseller) account (`/api/dealers`). Import with the dealer id or its `name`. Set the password with `password_wo` + `password_wo_version` (Terraform 1.11+, never stored) or with `password` (stored in state).',
    attributes: {
      id: computed('string', 'The dealer id assigned by the PBX (an opaque string).'),
      name: required(
        'string',
        "The dealer's login name, 1-64 characters: letters, digits and `_ - ' .`, not starting or ending with `.`; `admin`, `system`, `administrator` and `root` are reserved (any letter case). The API cannot rename a dealer, so changing it replaces the dealer.",
      ),
      level: required(
        'string',
        'Dealer tier: `DISTRIBUTOR` (first level), `SUB_DISTRIBUTOR` (second) or `RESELLER` (third). Case-sensitive. The API cannot change it, so changing it replaces the dealer.',
      ),
      password: optional(
        'string',
        'The dealer password (at least 6 characters), for Terraform before 1.11. Stored in state in plain text (marked sensitive). The API never returns it, so it cannot drift. Exactly one of `password` and `password_wo` must be set.',
        { sensitive: true },
      ),
      password_wo: optional(
        'string',
        'The dealer password (at least 6 characters), write-only (Terraform 1.11+): never stored in plan or state. Changing it alone does nothing; bump `password_wo_version` to send a new one. Exactly one of `password` and `password_wo` must be set.',
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
        `Maximum number of tenants the dealer may create, 0-2147483647. Server default \`100\`. ${U}`,
      ),
      max_extensions: optionalComputed(
        'number',
        `Maximum number of extensions the dealer may create, 0-2147483647. Server default \`50000\`. ${U}`,
      ),
      tenant_full_access: optionalComputed(
        'bool',
        `Whether the reseller has full control over its tenants. Only takes effect when changed by a first-level dealer (distributor). Server default \`true\`. ${U}`,
      ),
    },
  },
};

/** The API cannot update these (Op 20 [C1]): a change plans a replacement. */
export const dealerReplaceOnChange: readonly string[] = ['name', 'level'];

export const dealerSensitive: readonly string[] = ['password', 'password_wo'];

/** Import by API id or by login `name` ("name=<name>" forces the name reading). */
export const dealerImportKey: ImportKeyFormat<{ name: string }> = {
  format: '<name>',
  example: 'acme-reseller',
  attributes: ['name'],
  parse(id: string) {
    const key = id.startsWith('name=') ? id.slice('name='.length) : id;
    return key.length > 0 ? { name: key } : null;
  },
};
