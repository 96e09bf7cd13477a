// Validation of the transport: invalid configurations (path, attribute name, bad value and what is
// allowed in every diagnostic), several problems at once, valid configurations and unknown values.

import { type ObjectValue, UNKNOWN } from '../../../src/provider/values';
import { transportSchema } from '../../../src/resources/transport/schema';
import { validate as validateTransport } from '../../../src/resources/transport/validate';
import { configOf, errors } from '../helpers';
import { type InvalidCase, testInvalidCases } from '../invalid-cases';

const transport = (o: ObjectValue = {}) => configOf(transportSchema, { protocol: 'TLS', port: 5061, ...o });

const cases: InvalidCase[] = [
  {
    name: 'transport protocol lower case',
    run: () => validateTransport(transport({ protocol: 'udp', port: 5060 })),
    expect: [{ path: ['protocol'], contains: ['"protocol"', '"udp"', '"UDP", "TCP", "TLS"', 'Did you mean "UDP"'] }],
  },
  {
    name: 'transport protocol WSS',
    run: () => validateTransport(transport({ protocol: 'WSS', port: 5065 })),
    expect: [{ path: ['protocol'], contains: ['"protocol"', '"WSS"', '"UDP", "TCP", "TLS"'] }],
  },
  {
    name: 'transport port too big',
    run: () => validateTransport(transport({ port: 70000 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 70000', 'whole number from 0 to 65535'] }],
  },
  {
    name: 'transport port negative',
    run: () => validateTransport(transport({ port: -1 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got -1', 'from 0 to 65535'] }],
  },
  {
    name: 'transport port fractional',
    run: () => validateTransport(transport({ port: 5060.5 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 5060.5', 'whole number from 0 to 65535'] }],
  },
  {
    name: 'transport TCP port 0',
    run: () => validateTransport(transport({ protocol: 'TCP', port: 0 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 0', 'from 1 to 65535 for protocol "TCP"'] }],
  },
  {
    name: 'transport UDP port 0 warns',
    run: () => validateTransport(transport({ protocol: 'UDP', port: 0 })),
    expect: [{ path: ['port'], severity: 'warning', contains: ['"port"', 'is 0', 'no port', '5060'] }],
  },
  {
    name: 'transport verification unknown',
    run: () => validateTransport(transport({ verification: 'REQUIRED' })),
    expect: [{ path: ['verification'], contains: ['"verification"', '"REQUIRED"', '"DISABLE", "OPTIONAL", "MANDATORY"'] }],
  },
  {
    name: 'transport verification on UDP',
    run: () => validateTransport(transport({ protocol: 'UDP', port: 5060, verification: 'MANDATORY' })),
    expect: [
      {
        path: ['verification'],
        contains: ['"verification"', '"MANDATORY"', 'protocol "UDP"', 'TLS feature'],
        severity: 'warning',
      },
    ],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('transport with a bad protocol, port and verification', () => {
    const ds = validateTransport(transport({ protocol: 'SCTP', port: 65536, verification: 'mandatory' }));
    expect(errors(ds).map((d) => d.path)).toEqual([['protocol'], ['port'], ['verification']]);
  });
});

describe('valid configurations produce no diagnostics', () => {
  test('transports', () => {
    expect(validateTransport(transport({ verification: 'MANDATORY' }))).toEqual([]);
    expect(validateTransport(transport({ protocol: 'UDP', port: 5060, verification: 'DISABLE' }))).toEqual([]);
    expect(validateTransport(transport({ protocol: 'TCP', port: 65535 }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('transport', () => {
    expect(validateTransport(transport({ protocol: UNKNOWN, port: 0, verification: 'MANDATORY' }))).toEqual([]);
  });

  test('nulls are skipped too (Terraform enforces required attributes itself)', () => {
    expect(validateTransport(configOf(transportSchema, {}))).toEqual([]);
  });
});
