// Validation of the data sources' look-up arguments: invalid configurations (path, attribute name, bad
// value and what is allowed in every diagnostic), valid configurations and unknown look-up keys.

import { UNKNOWN } from '../../src/provider/values';
import { tenantDataSourceSchema } from '../../src/datasources/tenant/schema';
import { validate as vDsTenant } from '../../src/datasources/tenant/validate';
import { dealerDataSourceSchema } from '../../src/datasources/dealer/schema';
import { validate as vDsDealer } from '../../src/datasources/dealer/validate';
import { transportDataSourceSchema } from '../../src/datasources/transport/schema';
import { validate as vDsTransport } from '../../src/datasources/transport/validate';
import { ipRulesDataSourceSchema } from '../../src/datasources/ip-rules/schema';
import { validate as vDsIpRules } from '../../src/datasources/ip-rules/validate';
import { systemStatusDataSourceSchema } from '../../src/datasources/system-status/schema';
import { validate as vDsStatus } from '../../src/datasources/system-status/validate';
import { configOf } from '../resources/helpers';
import { configBuilder, type InvalidCase, testInvalidCases } from '../resources/invalid-cases';

const dsTenant = configBuilder(tenantDataSourceSchema, {});
const dsDealer = configBuilder(dealerDataSourceSchema, {});
const dsTransport = configBuilder(transportDataSourceSchema, {});
const dsIpRules = configBuilder(ipRulesDataSourceSchema, {});

const cases: InvalidCase[] = [
  {
    name: 'tenant lookup by id and domain',
    run: () => vDsTenant(dsTenant({ id: 'NzAwNTUxOTA5NzczMTQ4MTYw', domain: 'sip.acme.example' })),
    expect: [{ path: ['domain'], contains: ['Exactly one of "id" or "domain"', 'both set'] }],
  },
  {
    name: 'tenant lookup without a key',
    run: () => vDsTenant(dsTenant()),
    expect: [{ path: ['id'], contains: ['Exactly one of "id" or "domain"', 'got neither'] }],
  },
  {
    name: 'tenant lookup domain with a space',
    run: () => vDsTenant(dsTenant({ domain: 'sip acme' })),
    expect: [{ path: ['domain'], contains: ['"domain"', '"sip acme"', 'host name'] }],
  },
  {
    name: 'dealer lookup name breaks the rules',
    run: () => vDsDealer(dsDealer({ name: 'acme.' })),
    expect: [{ path: ['name'], contains: ['"name"', '"acme."', 'must not start or end with "."'] }],
  },
  {
    name: 'dealer lookup by id and name',
    run: () => vDsDealer(dsDealer({ id: 'x1', name: 'acme' })),
    expect: [{ path: ['name'], contains: ['Exactly one of "id" or "name"'] }],
  },
  {
    name: 'transport lookup by id and protocol',
    run: () => vDsTransport(dsTransport({ id: 't1', protocol: 'TLS', port: 5061 })),
    expect: [{ path: ['protocol'], contains: ['either by "id" or by "protocol" + "port"', 'not both'] }],
  },
  {
    name: 'transport lookup protocol without port',
    run: () => vDsTransport(dsTransport({ protocol: 'TLS' })),
    expect: [{ path: ['port'], contains: ['"port" is required when "protocol" is set', 'got null'] }],
  },
  {
    name: 'transport lookup without anything',
    run: () => vDsTransport(dsTransport()),
    expect: [{ path: ['id'], contains: ['Set "id", or "protocol" and "port"', 'got neither'] }],
  },
  {
    name: 'transport lookup port too big and protocol lower case',
    run: () => vDsTransport(dsTransport({ protocol: 'tls', port: 70000 })),
    expect: [
      { path: ['protocol'], contains: ['"protocol"', '"tls"', 'Did you mean "TLS"'] },
      { path: ['port'], contains: ['"port"', 'got 70000', 'from 0 to 65535'] },
    ],
  },
  {
    name: 'ip rules target lower case',
    run: () => vDsIpRules(dsIpRules({ target: 'deny' })),
    expect: [{ path: ['target'], contains: ['"target"', '"deny"', '"ACCEPT", "DENY"', 'Did you mean "DENY"'] }],
  },
  {
    name: 'ip rules filter with an open string',
    run: () => vDsIpRules(dsIpRules({ filter: "startswith(cidr,'10.)" })),
    expect: [{ path: ['filter'], contains: ['"filter"', `"startswith(cidr,'10.)"`, 'balanced single quotes', 'not closed'] }],
  },
  {
    name: 'ip rules filter with unbalanced parentheses',
    run: () => vDsIpRules(dsIpRules({ filter: "(target eq 'DENY'" })),
    expect: [{ path: ['filter'], contains: ['"filter"', 'balanced parentheses'] }],
  },
  {
    name: 'ip rules filter blank',
    run: () => vDsIpRules(dsIpRules({ filter: '   ' })),
    expect: [{ path: ['filter'], contains: ['"filter"', 'more than white space'] }],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('data sources', () => {
    expect(vDsTenant(dsTenant({ domain: 'sip.acme.example' }))).toEqual([]);
    expect(vDsTenant(dsTenant({ id: 'NzAwNTUxOTA5NzczMTQ4MTYw' }))).toEqual([]);
    expect(vDsDealer(dsDealer({ name: 'acme' }))).toEqual([]);
    expect(vDsTransport(dsTransport({ protocol: 'UDP', port: 5060 }))).toEqual([]);
    expect(vDsTransport(dsTransport({ id: 't1' }))).toEqual([]);
    expect(vDsIpRules(dsIpRules({}))).toEqual([]);
    expect(vDsIpRules(dsIpRules({ filter: "startswith(description,'it''s') and (target eq 'DENY')", target: 'DENY' }))).toEqual([]);
    expect(vDsStatus(configOf(systemStatusDataSourceSchema, {}))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('unknown lookup keys count as maybe set', () => {
    expect(vDsTenant(dsTenant({ id: UNKNOWN }))).toEqual([]);
    expect(vDsDealer(dsDealer({ id: UNKNOWN, name: UNKNOWN }))).toEqual([]);
    expect(vDsTransport(dsTransport({ protocol: UNKNOWN, port: UNKNOWN }))).toEqual([]);
  });
});
