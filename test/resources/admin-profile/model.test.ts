// API <-> state mapping of the admin profile (the signed-in admin): exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import { UNKNOWN } from '../../../src/provider/values';
import * as adminProfile from '../../../src/resources/admin-profile/model';
import { adminProfileSchema } from '../../../src/resources/admin-profile/schema';
import { configOf } from '../helpers';
import { expectExactKeys, writeOnlyNull } from '../model-checks';

test('admin profile: API id goes to user_id; name and password through their endpoints', () => {
  const api = { id: 'u0', name: 'admin', role: 'SystemAdmin', email: 'root@example.com', display_name: '', mobile_phone: null };
  const s = adminProfile.toState(api, null);
  expectExactKeys(adminProfileSchema.block, s);
  writeOnlyNull(adminProfileSchema, s);
  expect(s).toMatchObject({ id: 'admin_profile', user_id: 'u0', role: 'SystemAdmin', name: 'admin', display_name: null });
  const planned = { ...s, name: 'chief', email: 'chief@example.com', role: 'X', user_id: 'other' };
  expect(adminProfile.toUpdatePatch(s, planned)).toEqual({ email: 'chief@example.com' });
  expect(adminProfile.usernameChange(s, planned)).toBe('chief');
  expect(adminProfile.usernameChange(null, { ...planned, name: 'admin' }, api)).toBeNull();
  // The current password is the provider's own sign-in password.
  const cfg = { new_password_wo: 'new-secret' };
  expect(adminProfile.passwordChange(null, planned, cfg, 'old-secret')).toEqual({
    old_password: 'old-secret',
    new_password: 'new-secret',
  });
  expect(adminProfile.passwordChange(null, planned, { new_password_wo: 'old-secret' }, 'old-secret')).toBeNull();
  expect(adminProfile.passwordChange({ ...s, password_wo_version: 1 }, { ...s, password_wo_version: 1 }, cfg, 'old-secret')).toBeNull();
  expect(adminProfile.passwordChange({ ...s, password_wo_version: 1 }, { ...s, password_wo_version: 2 }, cfg, 'old-secret')).toEqual({
    old_password: 'old-secret',
    new_password: 'new-secret',
  });
  expect(adminProfile.passwordChange({ ...s, password_wo_version: 1 }, { ...s, password_wo_version: 2 }, {}, 'old-secret')).toBeNull();
  expect(() => adminProfile.passwordChange(null, planned, cfg, undefined)).toThrow(/no password/);
  expect(
    adminProfile.toCreatePatch(api, {
      ...configOf(adminProfileSchema, { id: 'admin_profile', email: 'root@example.com', department: 'IT', name: 'boss' }),
      website: UNKNOWN,
    }),
  ).toEqual({ department: 'IT' });
  expect(adminProfile.adminProfileDefaults).toEqual({});
});
