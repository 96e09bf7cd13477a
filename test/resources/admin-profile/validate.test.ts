// Validation of the admin profile: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), valid configurations and unknown values.

import { UNKNOWN } from '../../../src/provider/values';
import { adminProfileSchema } from '../../../src/resources/admin-profile/schema';
import { validate as vAdminProfile } from '../../../src/resources/admin-profile/validate';
import { configOf } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, NO_WO, testInvalidCases } from '../invalid-cases';

const adminProfile = configBuilder(adminProfileSchema, {});

const cases: InvalidCase[] = [
  // The current password is the provider's own (no old_password_wo): only the new one is configured.
  {
    name: 'admin profile version without the new password',
    run: () => vAdminProfile(adminProfile({ password_wo_version: 1 })),
    expect: [{ path: ['password_wo_version'], contains: ['"password_wo_version" requires "new_password_wo"'] }],
  },
  {
    name: 'admin profile new password too short is not echoed',
    run: () => vAdminProfile(adminProfile({ new_password_wo: 'tiny', password_wo_version: 1 })),
    expect: [
      {
        path: ['new_password_wo'],
        contains: ['"new_password_wo"', 'at least 6 characters', 'value of 4 characters'],
        notContains: ['tiny'],
      },
    ],
  },
  {
    name: 'admin profile password change before Terraform 1.11',
    run: () => vAdminProfile(adminProfile({ new_password_wo: 'new-secret', password_wo_version: 1 }), NO_WO),
    expect: [
      { path: ['new_password_wo'], contains: ['"new_password_wo" is write-only', 'Upgrade Terraform'], notContains: ['new-secret'] },
    ],
  },
  {
    name: 'admin profile email invalid',
    run: () => vAdminProfile(adminProfile({ email: 'me at example.com' })),
    expect: [{ path: ['email'], contains: ['"email"', '"me at example.com"', 'email address'] }],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vAdminProfile(configOf(adminProfileSchema, {}))).toEqual([]);
    expect(
      vAdminProfile(
        adminProfile({
          name: 'admin',
          email: 'me@example.com',
          new_password_wo: 'new-secret',
          password_wo_version: 2,
        }),
      ),
    ).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('admin profile with every argument unknown', () => {
    expect(vAdminProfile(everyUnknown(adminProfileSchema))).toEqual([]);
  });

  test('unknown new password satisfies the version', () => {
    expect(vAdminProfile(adminProfile({ new_password_wo: UNKNOWN, password_wo_version: 1 }))).toEqual([]);
  });
});
