// portsip_admin_profile: schema (docs/portsip-api.md Ops 10-12). The signed-in system user (the account the
// provider is configured with), `/api/admin/user`, new in PortSIP 22.3: paths confirmed [C2], JSON
// names INFERRED (the admin-user names, docs/portsip-api.md Op 10 [I]). A singleton
// (src/resources/common/singleton.ts); there is no `enabled` or `role` to set here (Op 10).
//
// Renaming (`name`, Op 11) and the password change (Op 12, which needs the current password) change
// the provider's own credentials: update the provider configuration in the same change.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { computed, optional, optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const ADMIN_PROFILE_ID = 'admin_profile';

/** No profile field has a documented default: `reset_on_destroy` has nothing to restore. */
export const adminProfileDefaults: Readonly<Record<string, Value>> = Object.freeze({});

const U = `No documented server default. ${UNMANAGED_WHEN_UNSET}`;
const INFERRED = '(JSON name inferred for PortSIP 22.3.)';

export const adminProfileSchema: Schema = {
  version: 0,
  block: {
    description:
      "The profile of the signed-in system user, i.e. the account this provider uses (`/api/admin/user`, PortSIP 22.3+). A singleton: creating it adopts the live profile and changes only what you set; destroying it only forgets it. Import id: `admin_profile`. Changing `name` or the password changes the provider's own credentials: update the provider configuration too.",
    attributes: {
      id: singletonId(ADMIN_PROFILE_ID),
      reset_on_destroy: resetOnDestroy('no profile field has a documented default, so nothing is changed'),
      user_id: computed('string', 'The API id of the signed-in system user.'),
      role: computed('string', 'The role of the signed-in system user (change it with `portsip_admin_user`, not here).'),
      name: optionalComputed(
        'string',
        `The login name, 1-64 characters: letters, digits and \`_ - ' .\`, not starting or ending with \`.\`. Changed through \`/admin/user/username\`; the provider's \`username\` must follow. ${UNMANAGED_WHEN_UNSET}`,
      ),
      email: optionalComputed('string', `Email address, at most 128 characters. ${INFERRED} ${U}`),
      display_name: optionalComputed('string', `Display name, at most 1024 characters (128 from PortSIP 22.6). ${INFERRED} ${U}`),
      mobile_phone: optionalComputed('string', `Mobile phone number, at most 32 characters. ${INFERRED} ${U}`),
      work_phone: optionalComputed('string', `Office phone number, at most 32 characters. ${INFERRED} ${U}`),
      home_phone: optionalComputed('string', `Home phone number, at most 32 characters. ${INFERRED} ${U}`),
      address: optionalComputed('string', `Postal address, at most 128 characters. ${INFERRED} ${U}`),
      department: optionalComputed('string', `Department, at most 128 characters. ${INFERRED} ${U}`),
      website: optionalComputed('string', `Website. ${INFERRED} ${U}`),
      new_password_wo: optional(
        'string',
        "The new password (at least 6 characters), write-only (Terraform 1.11+). Sent through `/admin/user/password` when the resource is created and whenever `password_wo_version` changes; the provider's `password` must follow.",
        { writeOnly: true },
      ),
      password_wo_version: optional(
        'number',
        "Any number; changing it changes the password (from the provider's own `password`) to `new_password_wo`. Requires `new_password_wo`.",
      ),
    },
  },
};
