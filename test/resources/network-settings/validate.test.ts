// Validation of the network settings: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), several problems at once, valid configurations and unknown values.

import { networkSettingsSchema } from '../../../src/resources/network-settings/schema';
import { validate as vNetwork } from '../../../src/resources/network-settings/validate';
import { configOf, errors, warnings } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, testInvalidCases } from '../invalid-cases';

const network = configBuilder(networkSettingsSchema, {});

const cases: InvalidCase[] = [
  {
    name: 'private IPv4 octet over 255',
    run: () => vNetwork(network({ private_ipv4: '10.0.0.256' })),
    expect: [{ path: ['private_ipv4'], contains: ['"private_ipv4"', '"10.0.0.256"', 'IPv4 address such as', '"256" is greater than 255'] }],
  },
  {
    name: 'IPv6 address in the IPv4 field',
    run: () => vNetwork(network({ public_ipv4: '2001:db8::5' })),
    expect: [{ path: ['public_ipv4'], contains: ['"public_ipv4"', '"2001:db8::5"', 'IPv4 address', 'matching "_ipv6" attribute'] }],
  },
  {
    name: 'IPv6 with a bad group',
    run: () => vNetwork(network({ private_ipv6: '2001:db8::g' })),
    expect: [
      {
        path: ['private_ipv6'],
        contains: ['"private_ipv6"', '"2001:db8::g"', 'IPv6 address such as', '"g" is not a 1-4 digit hexadecimal group'],
      },
    ],
  },
  {
    name: 'DNS server with a prefix',
    run: () => vNetwork(network({ primary_dns_server: '8.8.8.8/32' })),
    expect: [
      {
        path: ['primary_dns_server'],
        severity: 'warning',
        contains: ['"primary_dns_server"', '"8.8.8.8/32"', 'IPv4 or IPv6 address', 'without a "/prefix"', 'not a documented PortSIP rule'],
      },
    ],
  },
  {
    name: 'web domain with a space',
    run: () => vNetwork(network({ web_domain: 'pbx example.com' })),
    expect: [
      { path: ['web_domain'], severity: 'warning', contains: ['"web_domain"', '"pbx example.com"', 'host name', 'Not allowed: " "'] },
    ],
  },
  {
    name: 'IPv6 address with IPv6 disabled (warning)',
    run: () => vNetwork(network({ enable_ipv6: false, public_ipv6: '2001:db8::5' })),
    expect: [{ path: ['public_ipv6'], severity: 'warning', contains: ['"public_ipv6"', '"enable_ipv6" is false'] }],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('network: every address wrong', () => {
    const ds = vNetwork(
      network({
        web_domain: '-bad-.example',
        private_ipv4: '1.2.3.4.5',
        public_ipv4: 'x',
        private_ipv6: '::1::',
        public_ipv6: '1.2.3.4',
        primary_dns_server: 'dns',
        secondary_dns_server: '300.1.1.1',
      }),
    );
    // The IPv4/IPv6 fields follow their documented meaning; the host name and DNS checks are inferred: warnings.
    expect(errors(ds).map((d) => d.path![0])).toEqual(['private_ipv4', 'public_ipv4', 'private_ipv6', 'public_ipv6']);
    expect(warnings(ds).map((d) => d.path![0])).toEqual(['web_domain', 'primary_dns_server', 'secondary_dns_server']);
  });
});

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vNetwork(configOf(networkSettingsSchema, {}))).toEqual([]);
    expect(
      vNetwork(
        network({
          web_domain: 'pbx.example.com',
          private_ipv4: '10.0.0.5',
          public_ipv4: '203.0.113.5',
          private_ipv6: 'fd00::5',
          public_ipv6: '2001:DB8::5',
          primary_dns_server: '1.1.1.1',
          secondary_dns_server: '2606:4700:4700::1111',
        }),
      ),
    ).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('network with every argument unknown', () => {
    expect(vNetwork(everyUnknown(networkSettingsSchema))).toEqual([]);
  });
});
