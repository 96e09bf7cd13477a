// portsip_admin_profile: the kit's singleton mode (kit/singleton.ts) with Ops 10-12: GET/POST /admin/user, /admin/user/username, /admin/user/password.
// The profile body never carries the login name or the password: each has its own endpoint, called
// after the profile POST (name first, so a failed password change leaves a consistent, readable
// account). These are the provider's OWN credentials: after a change, the provider configuration must
// follow (the schema says so); the client of this process keeps its token, so the rest of the run works.

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, passwordChange, toCreatePatch, toResetPatch, toState, toUpdatePatch, usernameChange } from './model';
import { ADMIN_PROFILE_ID, adminProfileDefaults, adminProfileSchema } from './schema';
import { validate } from './validate';

export const adminProfileResource = defineSingleton({
  typeName: 'portsip_admin_profile',
  label: 'admin profile',
  fixedId: ADMIN_PROFILE_ID,
  defaults: adminProfileDefaults,
  schema: adminProfileSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.adminProfile.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.adminProfile.update(body),
  async afterWrite(prior, planned, config, live, ctx) {
    const client = ctx.provider.client;
    const name = usernameChange(prior, planned, live);
    if (name !== null) await client.adminProfile.changeUsername(name);
    const pw = passwordChange(prior, planned, config, ctx.provider.signInPassword);
    if (pw !== null) await client.adminProfile.changePassword(pw.old_password, pw.new_password);
  },
});
