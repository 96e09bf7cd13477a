// Validation of the tenant's webhook blocks (cdr_event, extension_event): invalid configurations, valid
// ones, unknown values, and warnings that must not hide errors.

import { type ObjectValue, UNKNOWN } from '../../../src/provider/values';
import { tenantSchema } from '../../../src/resources/tenant/schema';
import { validate as validateTenant } from '../../../src/resources/tenant/validate';
import { blockOf, configOf, errors, warnings } from '../helpers';
import { type InvalidCase, long, testInvalidCases } from '../invalid-cases';

const TENANT_BASE: ObjectValue = { name: 'Acme', domain: 'sip.acme.example', timezone: 'Europe/London', currency: 'GBP', region: 'GBR' };
const tenant = (o: ObjectValue = {}) => configOf(tenantSchema, { ...TENANT_BASE, ...o });
const day = (d: string, v: ObjectValue) => blockOf(tenantSchema, ['office_hours', d], v);
const officeHours = (days: Record<string, ObjectValue>) =>
  blockOf(tenantSchema, ['office_hours'], Object.fromEntries(Object.entries(days).map(([d, v]) => [d, day(d, v)])));
const hook = (v: ObjectValue) => blockOf(tenantSchema, ['cdr_event'], v);

const cases: InvalidCase[] = [
  {
    name: 'webhook auth wrong case',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'basic', username: 'hookuser1', password_wo: 'hookpass1', url: 'https://h.example/cdr' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'auth'],
        contains: ['"cdr_event.auth"', '"basic"', '"DISABLE", "BASIC", "DIGEST", "BEARER"', 'Did you mean "BASIC"'],
      },
    ],
  },
  {
    // The password is write-only and may be left to the PBX (e.g. after an import): only the user name is required.
    name: 'webhook BASIC without credentials',
    run: () => validateTenant(tenant({ cdr_event: hook({ auth: 'BASIC', url: 'https://h.example/cdr' }) })),
    expect: [
      {
        path: ['cdr_event', 'username'],
        contains: ['"cdr_event.username"', 'is not set while "cdr_event.auth" is "BASIC"', '"password_wo"'],
        severity: 'warning',
      },
    ],
  },
  {
    name: 'webhook DIGEST with a password but no user name',
    run: () => validateTenant(tenant({ cdr_event: hook({ auth: 'DIGEST', password_wo: 'hookpass1', url: 'https://h.example/cdr' }) })),
    expect: [
      {
        path: ['cdr_event', 'username'],
        contains: ['"cdr_event.username"', 'is not set while "cdr_event.auth" is "DIGEST"'],
        notContains: ['hookpass1'],
        severity: 'warning',
      },
    ],
  },
  {
    name: 'webhook username breaks the pattern',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'DIGEST', username: 'Admin!', password_wo: 'hookpass1', url: 'https://h.example/cdr' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'username'],
        contains: ['"cdr_event.username"', '"Admin!"', 'at least six lower-case letters a-z or digits 0-9 in a row'],
      },
    ],
  },
  {
    name: 'webhook password too short is not echoed',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'BASIC', username: 'hookuser1', password_wo: 'abc12', url: 'https://h.example/cdr' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'password_wo'],
        contains: ['"cdr_event.password_wo"', 'value of 5 characters', 'sensitive', '6 to 64 characters'],
        notContains: ['abc12'],
      },
    ],
  },
  {
    name: 'webhook blank token is not echoed',
    run: () =>
      validateTenant(
        tenant({
          extension_event: blockOf(tenantSchema, ['extension_event'], {
            enabled: true,
            auth: 'BEARER',
            token_wo: '   ',
            url: 'https://h.example/ext',
          }),
        }),
      ),
    // Blank is allowed by the documents (no constraint on `token`): a warning, still without the value.
    expect: [{ path: ['extension_event', 'token_wo'], severity: 'warning', contains: ['"extension_event.token_wo"', 'sensitive'] }],
  },
  {
    name: 'webhook credentials version without a secret',
    run: () => validateTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'hookuser1', credentials_wo_version: 2 }) })),
    expect: [
      {
        path: ['cdr_event', 'credentials_wo_version'],
        contains: ['"cdr_event.credentials_wo_version"', 'requires "cdr_event.password_wo" or "cdr_event.token_wo"'],
      },
    ],
  },
  {
    name: 'webhook token with BASIC auth (warning)',
    run: () =>
      validateTenant(
        tenant({
          cdr_event: hook({
            auth: 'BASIC',
            username: 'hookuser1',
            password_wo: 'hookpass1',
            token_wo: 'T0k3n',
            url: 'https://h.example/x',
          }),
        }),
      ),
    expect: [
      {
        path: ['cdr_event', 'token_wo'],
        severity: 'warning',
        contains: ['"cdr_event.token_wo"', 'only used when "cdr_event.auth" is "BEARER"', '"BASIC"'],
        notContains: ['T0k3n', 'hookpass1'],
      },
    ],
  },
  {
    name: 'webhook password with BEARER auth (warning)',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'BEARER', password_wo: 'hookpass1', token_wo: 'T0k3n', url: 'https://h.example/x' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'password_wo'],
        severity: 'warning',
        contains: ['"cdr_event.password_wo"', 'only used when "cdr_event.auth" is "BASIC" or "DIGEST"', '"BEARER"'],
        notContains: ['T0k3n', 'hookpass1'],
      },
    ],
  },
  {
    name: 'webhook write-only secrets before Terraform 1.11',
    run: () =>
      validateTenant(
        tenant({
          cdr_event: hook({ auth: 'BASIC', username: 'hookuser1', password_wo: 'hookpass1', url: 'https://h.example/cdr' }),
          extension_event: blockOf(tenantSchema, ['extension_event'], { auth: 'BEARER', token_wo: 'T0k3n', url: 'https://h.example/ext' }),
        }),
        { writeOnlyAttributesAllowed: false },
      ),
    expect: [
      {
        path: ['cdr_event', 'password_wo'],
        contains: ['"cdr_event.password_wo" is write-only', 'Terraform 1.11'],
        notContains: ['hookpass1'],
      },
      {
        path: ['extension_event', 'token_wo'],
        contains: ['"extension_event.token_wo" is write-only', 'Terraform 1.11'],
        notContains: ['T0k3n'],
      },
    ],
  },
  {
    name: 'webhook url too long',
    run: () => validateTenant(tenant({ cdr_event: hook({ url: `https://h.example/${long(120)}` }) })),
    expect: [{ path: ['cdr_event', 'url'], contains: ['"cdr_event.url"', '1 to 128 characters', '(138 characters)'] }],
  },
  {
    name: 'webhook enabled without url',
    run: () => validateTenant(tenant({ extension_event: blockOf(tenantSchema, ['extension_event'], { enabled: true }) })),
    expect: [
      {
        path: ['extension_event', 'url'],
        contains: ['"extension_event.url"', 'is not set while "extension_event.enabled" is true'],
        severity: 'warning',
      },
    ],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no diagnostics', () => {
  test('webhooks: BASIC with only a user name (password kept on the PBX), BEARER without a token', () => {
    expect(
      validateTenant(tenant({ cdr_event: hook({ enabled: true, auth: 'BASIC', username: 'hookuser1', url: 'https://h.example/x' }) })),
    ).toEqual([]);
    expect(
      validateTenant(
        tenant({
          extension_event: blockOf(tenantSchema, ['extension_event'], { enabled: true, auth: 'BEARER', url: 'https://h.example/ext' }),
        }),
      ),
    ).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('unknown credentials satisfy BASIC; unknown from/to skip the order check', () => {
    const cfg = tenant({
      cdr_event: hook({ auth: 'BASIC', username: UNKNOWN, password_wo: UNKNOWN, credentials_wo_version: 1, url: 'https://h.example/x' }),
      office_hours: officeHours({ monday: { ranges: [{ from: UNKNOWN, to: '08:00' }] } }),
    });
    expect(validateTenant(cfg)).toEqual([]);
  });
});

test('warnings do not hide errors and carry paths', () => {
  const ds = validateTenant(
    tenant({ cdr_event: hook({ auth: 'DISABLE', username: 'hookuser1', url: 'https://h.example/x', token_wo: 'abc' }) }),
  );
  expect(errors(ds)).toEqual([]);
  expect(warnings(ds).map((d) => d.path)).toEqual([
    ['cdr_event', 'token_wo'],
    ['cdr_event', 'username'],
  ]);
});
