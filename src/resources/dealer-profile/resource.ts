// portsip_dealer_profile: the kit's singleton mode (kit/singleton.ts) with Ops 45-47: GET/POST /dealer, /dealer/username, /dealer/password.
// The profile body never carries the login name or the password: each has its own endpoint, called
// after the profile POST (name first, so a failed password change leaves a consistent, readable
// account). These are the provider's OWN credentials: after a change, the provider configuration must
// follow (the schema says so); the client of this process keeps its token, so the rest of the run works.

import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, passwordChange, toCreatePatch, toResetPatch, toState, toUpdatePatch, usernameChange } from './model';
import { DEALER_PROFILE_ID, dealerProfileSchema } from './schema';
import { validate } from './validate';

export const dealerProfileResource = defineSingleton({
  typeName: 'portsip_dealer_profile',
  label: 'dealer profile',
  fixedId: DEALER_PROFILE_ID,
  // The profile of the dealer account the provider signs in with: an administrator's export cannot read it.
  exportable: false,
  schema: dealerProfileSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.dealerProfile.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned) => toCreatePatch(live ?? {}, planned),
  updateBody: (prior, planned) => toUpdatePatch(prior, planned),
  resetBody: (live) => toResetPatch(live),
  post: (client, body) => client.dealerProfile.update(body),
  async afterWrite(prior, planned, config, live, ctx) {
    const client = ctx.provider.client;
    const name = usernameChange(prior, planned, live);
    if (name !== null) await client.dealerProfile.changeUsername(name);
    const pw = passwordChange(prior, planned, config, ctx.provider.signInPassword);
    if (pw !== null) await client.dealerProfile.changePassword(pw.old_password, pw.new_password);
  },
});
