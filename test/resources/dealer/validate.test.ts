// Validation of the dealer: invalid configurations (path, attribute name, bad value and what is
// allowed in every diagnostic), several problems at once, valid configurations and unknown values.

import { type ObjectValue, UNKNOWN } from '../../../src/provider/values';
import { dealerSchema } from '../../../src/resources/dealer/schema';
import { validate as validateDealer } from '../../../src/resources/dealer/validate';
import { configOf, errors } from '../helpers';
import { type InvalidCase, long, testInvalidCases } from '../invalid-cases';

const DEALER_BASE: ObjectValue = { name: 'acme-reseller', level: 'RESELLER', password_wo: 'secret-123', password_wo_version: 1 };
const dealer = (o: ObjectValue = {}) => configOf(dealerSchema, { ...DEALER_BASE, ...o });

const cases: InvalidCase[] = [
  {
    name: 'dealer reserved name',
    run: () => validateDealer(dealer({ name: 'admin' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got "admin"', 'reserved name', '"admin", "system", "administrator", "root"'] }],
  },
  {
    name: 'dealer reserved name any case',
    run: () => validateDealer(dealer({ name: 'RooT' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got "RooT"', 'in any letter case'] }],
  },
  {
    name: 'dealer name starts with a dot',
    run: () => validateDealer(dealer({ name: '.bob' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got ".bob"', 'must not start or end with "."'] }],
  },
  {
    name: 'dealer name with space and @',
    run: () => validateDealer(dealer({ name: 'bob smith@x' })),
    expect: [
      { path: ['name'], contains: ['"name"', 'got "bob smith@x"', "letters, digits and the characters _ - ' .", 'Not allowed: " ", "@"'] },
    ],
  },
  {
    name: 'dealer name too long',
    run: () => validateDealer(dealer({ name: long(65, 'b') })),
    expect: [{ path: ['name'], contains: ['"name"', 'b'.repeat(65), '1 to 64 characters', 'The value has 65 characters'] }],
  },
  {
    name: 'dealer name empty',
    run: () => validateDealer(dealer({ name: '' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got ""', '1 to 64 characters'] }],
  },
  {
    name: 'dealer level wrong case',
    run: () => validateDealer(dealer({ level: 'reseller' })),
    expect: [
      { path: ['level'], contains: ['"level"', '"reseller"', '"DISTRIBUTOR", "SUB_DISTRIBUTOR", "RESELLER"', 'Did you mean "RESELLER"'] },
    ],
  },
  {
    name: 'dealer level unknown',
    run: () => validateDealer(dealer({ level: 'PARTNER' })),
    expect: [{ path: ['level'], contains: ['"level"', '"PARTNER"', '"DISTRIBUTOR", "SUB_DISTRIBUTOR", "RESELLER"'] }],
  },
  {
    name: 'dealer password_wo too short, not echoed',
    run: () => validateDealer(dealer({ password_wo: 'x9' })),
    expect: [
      { path: ['password_wo'], contains: ['"password_wo"', 'value of 2 characters', 'at least 6 characters'], notContains: ['"x9"'] },
    ],
  },
  {
    name: 'dealer version without password_wo',
    run: () => validateDealer(dealer({ password_wo: null })),
    expect: [{ path: ['password_wo_version'], contains: ['"password_wo_version"', 'requires "password_wo"'] }],
  },
  {
    name: 'dealer password_wo on old Terraform',
    run: () => validateDealer(dealer(), { writeOnlyAttributesAllowed: false }),
    expect: [{ path: ['password_wo'], contains: ['"password_wo"', 'Terraform 1.11', 'Upgrade Terraform'], notContains: ['secret-123'] }],
  },
  {
    name: 'dealer email implausible',
    run: () => validateDealer(dealer({ email: 'ops.example.com' })),
    expect: [{ path: ['email'], contains: ['"email"', '"ops.example.com"', 'email address such as', 'name@domain'] }],
  },
  {
    name: 'dealer email too long',
    run: () => validateDealer(dealer({ email: `${long(60)}@${long(60)}.${long(10)}.com` })),
    expect: [{ path: ['email'], contains: ['"email"', 'at most 128 characters', '(136 characters)'] }],
  },
  {
    name: 'dealer display_name too long',
    run: () => validateDealer(dealer({ display_name: long(1025) })),
    expect: [{ path: ['display_name'], contains: ['"display_name"', 'at most 1024 characters', '(1025 characters)'] }],
  },
  {
    name: 'dealer phone too long',
    run: () => validateDealer(dealer({ phone: '+1 555 0100 0100 0100 0100 0100 01' })),
    expect: [
      { path: ['phone'], contains: ['"phone"', '"+1 555 0100 0100 0100 0100 0100 01"', 'at most 32 characters', 'has 34 characters'] },
    ],
  },
  {
    name: 'dealer address too long',
    run: () => validateDealer(dealer({ address: long(129, 'x') })),
    expect: [{ path: ['address'], contains: ['"address"', 'at most 128 characters', '(129 characters)'] }],
  },
  {
    name: 'dealer max_tenants negative',
    run: () => validateDealer(dealer({ max_tenants: -5 })),
    expect: [{ path: ['max_tenants'], contains: ['"max_tenants"', 'got -5', 'whole number from 0 to 2147483647'] }],
  },
  {
    name: 'dealer max_extensions beyond int32',
    run: () => validateDealer(dealer({ max_extensions: 3000000000 })),
    expect: [{ path: ['max_extensions'], contains: ['"max_extensions"', 'got 3000000000', 'from 0 to 2147483647'] }],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('dealer name breaking three rules at once, plus level and limits', () => {
    const ds = validateDealer(dealer({ name: `.${long(70, 'z')} !`, level: 'Distributor', max_tenants: -1, max_extensions: 0.5 }));
    const nameDiags = errors(ds).filter((d) => d.path?.[0] === 'name');
    expect(nameDiags.map((d) => d.detail)).toEqual([
      expect.stringContaining('1 to 64 characters'),
      expect.stringContaining('Not allowed: " ", "!"'),
      expect.stringContaining('must not start or end with "."'),
    ]);
    expect(errors(ds).map((d) => d.path)).toEqual([['name'], ['name'], ['name'], ['level'], ['max_tenants'], ['max_extensions']]);
  });
});

describe('valid configurations produce no diagnostics', () => {
  test('dealer with password_wo and version, without a version, or without a password', () => {
    expect(
      validateDealer(dealer({ email: 'ops@acme.example', max_tenants: 0, max_extensions: 50000, name: "o'brien_sales.eu-1" })),
    ).toEqual([]);
    // password_wo without a version is allowed: sent at create only.
    expect(validateDealer(dealer({ password_wo_version: null }))).toEqual([]);
    // No password at all is valid config (an imported dealer); a create without one is refused at plan
    // time instead (test/resources/dealer-plan.test.ts).
    expect(validateDealer(dealer({ password_wo: null, password_wo_version: null }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('dealer: unknown password_wo counts as maybe set', () => {
    expect(validateDealer(dealer({ password_wo: UNKNOWN, name: UNKNOWN, level: UNKNOWN }))).toEqual([]);
  });
});
