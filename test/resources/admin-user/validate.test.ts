// Validation of the admin user: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), several problems at once, valid configurations and unknown values.

import { adminUserSchema } from '../../../src/resources/admin-user/schema';
import { validate as vAdminUser } from '../../../src/resources/admin-user/validate';
import { errors } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, long, NO_WO, testInvalidCases } from '../invalid-cases';

const adminUser = configBuilder(adminUserSchema, {
  name: 'ops-admin',
  role: 'OperationsAdmin',
  password_wo: 'secret-123',
  password_wo_version: 1,
});

const cases: InvalidCase[] = [
  {
    name: 'admin user name with a space',
    run: () => vAdminUser(adminUser({ name: 'ops admin' })),
    expect: [{ path: ['name'], contains: ['"name"', '"ops admin"', "letters, digits and the characters _ - ' .", 'Not allowed: " "'] }],
  },
  {
    name: 'admin user name starts with a dot',
    run: () => vAdminUser(adminUser({ name: '.ops' })),
    expect: [{ path: ['name'], contains: ['"name"', '".ops"', 'must not start or end with "."'] }],
  },
  {
    name: 'admin user name too long',
    run: () => vAdminUser(adminUser({ name: long(65) })),
    expect: [{ path: ['name'], contains: ['"name"', '1 to 64 characters', 'has 65 characters'] }],
  },
  {
    name: 'admin user role in the wrong case',
    run: () => vAdminUser(adminUser({ role: 'systemadmin' })),
    expect: [
      {
        path: ['role'],
        contains: ['"role"', '"systemadmin"', '"SystemAdmin", "OperationsAdmin", "SiteAdmin"', 'custom role', 'Did you mean "SystemAdmin"'],
      },
    ],
  },
  {
    name: 'admin user role empty',
    run: () => vAdminUser(adminUser({ role: '' })),
    expect: [{ path: ['role'], contains: ['"role"', 'got ""', '1 to 64 characters'] }],
  },
  {
    name: 'admin user role too long',
    run: () => vAdminUser(adminUser({ role: long(65, 'R') })),
    expect: [{ path: ['role'], contains: ['"role"', '1 to 64 characters', 'has 65 characters'] }],
  },
  {
    name: 'admin user with a tenant role (warning)',
    run: () => vAdminUser(adminUser({ role: 'StandardUser' })),
    expect: [{ path: ['role'], severity: 'warning', contains: ['"role"', '"StandardUser"', 'dealer or tenant role', '"SystemAdmin"'] }],
  },
  {
    name: 'admin user write-only password too short is not echoed',
    run: () => vAdminUser(adminUser({ password_wo: 'abc12' })),
    expect: [
      {
        path: ['password_wo'],
        contains: ['"password_wo"', 'at least 6 characters', 'value of 5 characters', 'sensitive'],
        notContains: ['abc12'],
      },
    ],
  },
  {
    name: 'admin user version without write-only password',
    run: () => vAdminUser(adminUser({ password_wo: null })),
    expect: [{ path: ['password_wo_version'], contains: ['"password_wo_version" requires "password_wo"', 'remove "password_wo_version"'] }],
  },
  {
    name: 'admin user write-only before Terraform 1.11',
    run: () => vAdminUser(adminUser(), NO_WO),
    expect: [
      {
        path: ['password_wo'],
        contains: ['"password_wo" is write-only', 'Terraform 1.11', 'Upgrade Terraform'],
        notContains: ['secret-123', 'Use "password"'],
      },
    ],
  },
  {
    name: 'admin user email invalid',
    run: () => vAdminUser(adminUser({ email: 'ops@localhost' })),
    expect: [{ path: ['email'], contains: ['"email"', '"ops@localhost"', 'email address such as', '"localhost" is not a valid domain'] }],
  },
  {
    name: 'admin user mobile phone too long',
    run: () => vAdminUser(adminUser({ mobile_phone: long(33, '1') })),
    expect: [{ path: ['mobile_phone'], contains: ['"mobile_phone"', 'at most 32 characters', 'has 33 characters'] }],
  },
  {
    name: 'admin user department too long',
    run: () => vAdminUser(adminUser({ department: long(129, 'd') })),
    expect: [{ path: ['department'], contains: ['"department"', 'at most 128 characters', '(129 characters)'] }],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('admin user breaking five rules', () => {
    const ds = vAdminUser(adminUser({ name: `.${long(70)}!`, role: 'siteadmin', email: 'x', password_wo: 'tiny' }));
    expect(errors(ds).map((d) => d.path)).toEqual([['name'], ['name'], ['name'], ['password_wo'], ['role'], ['email']]);
  });
});

describe('valid configurations produce no errors', () => {
  test('admin user: write-only, no password (imported), custom role', () => {
    expect(
      vAdminUser(adminUser({ email: 'ops@example.com', mobile_phone: '+1 555 0100', website: 'https://example.com', enabled: false })),
    ).toEqual([]);
    expect(vAdminUser(adminUser({ password_wo: null, password_wo_version: null, role: 'Billing Auditors' }))).toEqual([]);
    expect(vAdminUser(adminUser({ password_wo_version: null }), { writeOnlyAttributesAllowed: true })).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('admin user with every argument unknown', () => {
    expect(vAdminUser(everyUnknown(adminUserSchema))).toEqual([]);
  });
});
