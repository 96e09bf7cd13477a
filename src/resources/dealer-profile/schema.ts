// portsip_dealer_profile: schema (docs/portsip-api.md Ops 45-47 [C1]). The signed-in dealer (the provider is
// configured with a dealer account), `/api/dealer`. A singleton (src/resources/common/singleton.ts).
//
// Renaming (`name`, Op 46) and the password change (Op 47, which needs the current password) change
// the provider's own credentials: update the provider configuration in the same change.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { computed, optional, optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const DEALER_PROFILE_ID = 'dealer_profile';

/** No profile field has a documented default: `reset_on_destroy` has nothing to restore. */
export const dealerProfileDefaults: Readonly<Record<string, Value>> = Object.freeze({});

const U = `No documented server default. ${UNMANAGED_WHEN_UNSET}`;

export const dealerProfileSchema: Schema = {
  version: 0,
  block: {
    description:
      "The profile of the signed-in dealer, i.e. the dealer account this provider uses (`/api/dealer`). A singleton: creating it adopts the live profile and changes only what you set; destroying it only forgets it. Import id: `dealer_profile`. Changing `name` or the password changes the provider's own credentials: update the provider configuration too.",
    attributes: {
      id: singletonId(DEALER_PROFILE_ID),
      reset_on_destroy: resetOnDestroy('no profile field has a documented default, so nothing is changed'),
      dealer_id: computed('string', 'The API id of the signed-in dealer.'),
      level: computed('string', 'The dealer tier: `DISTRIBUTOR`, `SUB_DISTRIBUTOR` or `RESELLER` (set by the system administrator).'),
      enabled: computed('bool', 'Whether the dealer account is enabled (set by the system administrator).'),
      max_tenants: computed('number', 'Maximum number of tenants the dealer may create (set by the system administrator).'),
      max_extensions: computed('number', 'Maximum number of extensions the dealer may create (set by the system administrator).'),
      name: optionalComputed(
        'string',
        `The dealer's login name, 1-64 characters: letters, digits and \`_ - ' .\`, not starting or ending with \`.\`; \`admin\`, \`system\`, \`administrator\` and \`root\` are reserved. Changed through \`/dealer/username\`; the provider's \`username\` must follow. ${UNMANAGED_WHEN_UNSET}`,
      ),
      email: optionalComputed('string', `Email address, at most 128 characters. ${U}`),
      display_name: optionalComputed('string', `Display name, at most 1024 characters (128 from PortSIP 22.6). ${U}`),
      website: optionalComputed('string', `Website. ${U}`),
      phone: optionalComputed('string', `Mobile phone number, at most 32 characters. ${U}`),
      address: optionalComputed('string', `Postal address, at most 128 characters. ${U}`),
      description: optionalComputed('string', `Free-text description. ${U}`),
      new_password_wo: optional(
        'string',
        "The new password (at least 6 characters), write-only (Terraform 1.11+). Sent through `/dealer/password` when the resource is created and whenever `password_wo_version` changes; the provider's `password` must follow.",
        { writeOnly: true },
      ),
      password_wo_version: optional(
        'number',
        "Any number; changing it changes the password (from the provider's own `password`) to `new_password_wo`. Requires `new_password_wo`.",
      ),
    },
  },
};
