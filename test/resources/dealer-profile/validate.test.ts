// Validation of the dealer profile: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), valid configurations and unknown values.

import { UNKNOWN } from '../../../src/provider/values';
import { dealerProfileSchema } from '../../../src/resources/dealer-profile/schema';
import { validate as vDealerProfile } from '../../../src/resources/dealer-profile/validate';
import { configOf } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, long, testInvalidCases } from '../invalid-cases';

const dealerProfile = configBuilder(dealerProfileSchema, {});

const cases: InvalidCase[] = [
  {
    name: 'dealer profile reserved name',
    run: () => vDealerProfile(dealerProfile({ name: 'Root' })),
    expect: [{ path: ['name'], contains: ['"name"', '"Root"', 'reserved name', '"admin", "system", "administrator", "root"'] }],
  },
  {
    name: 'dealer profile phone too long',
    run: () => vDealerProfile(dealerProfile({ phone: long(33, '5') })),
    expect: [{ path: ['phone'], contains: ['"phone"', 'at most 32 characters'] }],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vDealerProfile(configOf(dealerProfileSchema, {}))).toEqual([]);
    expect(vDealerProfile(dealerProfile({ name: 'acme-reseller', description: 'x' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('dealer profile with every argument unknown', () => {
    expect(vDealerProfile(everyUnknown(dealerProfileSchema))).toEqual([]);
  });

  test('unknown new password satisfies the version', () => {
    expect(vDealerProfile(dealerProfile({ new_password_wo: UNKNOWN, password_wo_version: 1 }))).toEqual([]);
  });
});
