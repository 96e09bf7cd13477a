// Validation of the brand: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), valid configurations and unknown values.

import { brandSchema } from '../../../src/resources/brand/schema';
import { validate as vBrand } from '../../../src/resources/brand/validate';
import { configOf } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, long, testInvalidCases } from '../invalid-cases';

const brand = configBuilder(brandSchema, {});

const cases: InvalidCase[] = [
  {
    name: 'brand theme mixed case',
    run: () => vBrand(brand({ theme: 'Dark' })),
    expect: [
      { path: ['theme'], contains: ['"theme"', '"Dark"', '"BLUE", "DARK", "GREEN", "LIGHT_BLUE", "PURPLE"', 'Did you mean "DARK"'] },
    ],
  },
  {
    name: 'brand bottom text too long',
    run: () => vBrand(brand({ bottom_text: long(257, 'b') })),
    expect: [{ path: ['bottom_text'], contains: ['"bottom_text"', 'at most 256 characters', '(257 characters)'] }],
  },
  {
    name: 'brand logo as a URL',
    run: () => vBrand(brand({ logo: 'https://cdn.example.com/logo.png' })),
    expect: [
      {
        path: ['logo'],
        severity: 'warning',
        contains: ['"logo"', '"https://cdn.example.com/logo.png"', 'file id from the PBX file library', 'not a URL'],
      },
    ],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vBrand(configOf(brandSchema, {}))).toEqual([]);
    expect(vBrand(brand({ theme: 'LIGHT_BLUE', logo: 'NzAwNTUxOTA5NzczMTQ4MTYw', bottom_text: '<b>Acme</b>', title: '' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('brand with every argument unknown', () => {
    expect(vBrand(everyUnknown(brandSchema))).toEqual([]);
  });
});
