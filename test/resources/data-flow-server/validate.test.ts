// Validation of the Data Flow server: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), valid configurations and unknown values.

import { dataFlowServerSchema } from '../../../src/resources/data-flow-server/schema';
import { validate as vDataFlow } from '../../../src/resources/data-flow-server/validate';
import { configOf } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, testInvalidCases } from '../invalid-cases';

const dataFlow = configBuilder(dataFlowServerSchema, {});

const cases: InvalidCase[] = [
  {
    name: 'Data Flow IPv4 in the IPv6 field',
    run: () => vDataFlow(dataFlow({ private_ipv6: '10.1.2.3' })),
    expect: [{ path: ['private_ipv6'], contains: ['"private_ipv6"', '"10.1.2.3"', 'IPv6 address', 'matching "_ipv4" attribute'] }],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vDataFlow(configOf(dataFlowServerSchema, {}))).toEqual([]);
    expect(vDataFlow(dataFlow({ public_ipv4: '198.51.100.9' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('data flow with every argument unknown', () => {
    expect(vDataFlow(everyUnknown(dataFlowServerSchema))).toEqual([]);
  });
});
