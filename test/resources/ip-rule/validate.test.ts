// Validation of the IP rule: invalid configurations (path, attribute name, bad value and what is
// allowed in every diagnostic), several problems at once, valid configurations and unknown values.

import { type ObjectValue, UNKNOWN } from '../../../src/provider/values';
import { ipRuleSchema } from '../../../src/resources/ip-rule/schema';
import { validate as validateIpRule } from '../../../src/resources/ip-rule/validate';
import { configOf, errors } from '../helpers';
import { type InvalidCase, long, testInvalidCases } from '../invalid-cases';

const ipRule = (o: ObjectValue = {}) => configOf(ipRuleSchema, { cidr: '192.0.2.0/24', target: 'DENY', ...o });

const cases: InvalidCase[] = [
  {
    name: 'ip rule IPv4 prefix too long',
    run: () => validateIpRule(ipRule({ cidr: '10.0.0.0/33' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"10.0.0.0/33"', 'CIDR notation', '/33 exceeds /32'] }],
  },
  {
    name: 'ip rule IPv6 prefix too long',
    run: () => validateIpRule(ipRule({ cidr: '2001:db8::/129' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"2001:db8::/129"', '/128 for IPv6', '/129 exceeds /128'] }],
  },
  {
    name: 'ip rule without prefix',
    run: () => validateIpRule(ipRule({ cidr: '198.51.100.7' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"198.51.100.7"', 'prefix length is missing', '/32'] }],
  },
  {
    name: 'ip rule octet over 255',
    run: () => validateIpRule(ipRule({ cidr: '300.1.1.0/24' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"300.1.1.0/24"', '"300" is greater than 255'] }],
  },
  {
    name: 'ip rule leading zero',
    run: () => validateIpRule(ipRule({ cidr: '010.0.0.0/8' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"010.0.0.0/8"', 'leading zero'] }],
  },
  {
    name: 'ip rule bad IPv6',
    run: () => validateIpRule(ipRule({ cidr: '2001:db8::1::/64' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"2001:db8::1::/64"', '"::" may appear only once'] }],
  },
  {
    name: 'ip rule host bits warn',
    run: () => validateIpRule(ipRule({ cidr: '10.0.0.1/8' })),
    expect: [{ path: ['cidr'], severity: 'warning', contains: ['"cidr"', '"10.0.0.1/8"', 'host bits', '10.0.0.0/8'] }],
  },
  {
    name: 'ip rule target lower case',
    run: () => validateIpRule(ipRule({ target: 'allow' })),
    expect: [{ path: ['target'], contains: ['"target"', '"allow"', '"ACCEPT", "DENY"'] }],
  },
  {
    name: 'ip rule expire_at month 13',
    run: () => validateIpRule(ipRule({ expire_at: '2030-13-01T00:00:00Z' })),
    expect: [{ path: ['expire_at'], contains: ['"expire_at"', '"2030-13-01T00:00:00Z"', 'RFC 3339', 'month 13'] }],
  },
  {
    name: 'ip rule expire_at 30 February',
    run: () => validateIpRule(ipRule({ expire_at: '2030-02-30T00:00:00Z' })),
    expect: [{ path: ['expire_at'], contains: ['"expire_at"', '"2030-02-30T00:00:00Z"', 'day 30 does not exist'] }],
  },
  {
    name: 'ip rule expire_at without zone',
    run: () => validateIpRule(ipRule({ expire_at: '2030-01-01 00:00:00' })),
    expect: [{ path: ['expire_at'], contains: ['"expire_at"', '"2030-01-01 00:00:00"', '"2017-07-21T17:32:28Z"'] }],
  },
  {
    name: 'ip rule description too long',
    run: () => validateIpRule(ipRule({ description: long(256, 'd') })),
    expect: [{ path: ['description'], contains: ['"description"', 'at most 255 characters', '(256 characters)'] }],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('ip rule with every attribute wrong', () => {
    const ds = validateIpRule(ipRule({ cidr: '10.0.0/8', target: 'REJECT', expire_at: 'tomorrow', description: long(300) }));
    expect(errors(ds).map((d) => d.path)).toEqual([['cidr'], ['target'], ['expire_at'], ['description']]);
  });
});

describe('valid configurations produce no diagnostics', () => {
  test('ip rules', () => {
    expect(
      validateIpRule(ipRule({ cidr: '2001:db8::/32', target: 'ACCEPT', expire_at: '2030-01-31T08:00:00.5+08:00', description: '' })),
    ).toEqual([]);
    expect(validateIpRule(ipRule({ cidr: '0.0.0.0/0' }))).toEqual([]);
    expect(validateIpRule(ipRule({ cidr: '::ffff:192.0.2.1/128' }))).toEqual([]);
    expect(validateIpRule(ipRule({ expire_at: '2028-02-29T23:59:60Z' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('ip rule', () => {
    expect(validateIpRule(ipRule({ cidr: UNKNOWN, target: UNKNOWN, expire_at: UNKNOWN }))).toEqual([]);
  });

  test('nulls are skipped too (Terraform enforces required attributes itself)', () => {
    expect(validateIpRule(configOf(ipRuleSchema, {}))).toEqual([]);
  });
});
