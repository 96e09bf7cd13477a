// The toolkit additions: PEM, DID pool and IP address normalisers, fromApiValue, dataSourceBlock.

import {
  canonicalDidPool,
  canonicalIp,
  canonicalPem,
  didPoolsEqual,
  ipsEqual,
  parseDidPool,
  parsePem,
  pemEqual,
  semanticEqual,
} from '../../src/resources/common/normalize';
import { fromApiValue } from '../../src/resources/common/mapping';
import { dataSourceBlock } from '../../src/resources/common/schema-helpers';
import { metaOf } from '../../src/resources';
import { CERT_PEM, CHAIN_PEM, KEY_PEM, OTHER_CERT_PEM, rewrapped } from './fixtures';

describe('PEM', () => {
  test('wrapping, CRLF and trailing white space do not matter; content and order do', () => {
    expect(pemEqual(CHAIN_PEM, rewrapped(CHAIN_PEM))).toBe(true);
    expect(pemEqual(`  ${CERT_PEM}\n\n`, CERT_PEM.replace(/\n/g, '\r\n'))).toBe(true);
    expect(pemEqual(CERT_PEM, OTHER_CERT_PEM)).toBe(false);
    expect(pemEqual(`${CERT_PEM}${OTHER_CERT_PEM}`, `${OTHER_CERT_PEM}${CERT_PEM}`)).toBe(false);
    expect(semanticEqual('pem', rewrapped(KEY_PEM), KEY_PEM)).toBe(true);
    expect(canonicalPem(rewrapped(CERT_PEM))).toBe(CERT_PEM);
  });

  test('parse errors name the problem', () => {
    expect(parsePem('hello')).toEqual({ ok: false, reason: expect.stringContaining('no "-----BEGIN') });
    expect(parsePem('-----BEGIN CERTIFICATE-----\nAAAA\n')).toEqual({ ok: false, reason: expect.stringContaining('no matching END') });
    expect(parsePem('-----END CERTIFICATE-----')).toEqual({ ok: false, reason: expect.stringContaining('no matching BEGIN') });
    expect(parsePem('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----')).toEqual({
      ok: false,
      reason: expect.stringContaining('empty'),
    });
    const p = parsePem(CHAIN_PEM);
    expect(p.ok && p.blocks.map((b) => b.label)).toEqual(['CERTIFICATE', 'CERTIFICATE']);
  });
});

describe('DID pools', () => {
  test('parse, canonical form and set equality', () => {
    expect(parseDidPool('3000; 12000-18000')).toEqual({
      ok: true,
      intervals: [
        { start: 3000n, end: 3000n, text: '3000' },
        { start: 12000n, end: 18000n, text: '12000-18000' },
      ],
    });
    expect(parseDidPool('')).toEqual({ ok: true, intervals: [] });
    expect(parseDidPool('1-2-3').ok).toBe(false);
    expect(canonicalDidPool(' 1 ; 2 - 3 ')).toBe('1;2-3');
    expect(didPoolsEqual('1;2-3', '2-3; 1')).toBe(true);
    expect(didPoolsEqual('1;2-3', '1;2-4')).toBe(false);
    expect(didPoolsEqual('00123', '123')).toBe(true); // compared as integers (docs/portsip-api.md Op 50 [I])
    expect(semanticEqual('did_pool', '5;6', '6 ;5')).toBe(true);
  });
});

describe('IP addresses', () => {
  test('canonical forms', () => {
    expect(canonicalIp('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(canonicalIp('[::1]')).toBe('::1');
    expect(canonicalIp('10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIp('10.0.0.1/8')).toBeNull();
    expect(ipsEqual('2001:db8::1', '2001:0DB8::0001')).toBe(true);
    expect(ipsEqual('10.0.0.1', '10.0.0.2')).toBe(false);
    expect(ipsEqual('not-an-ip', 'not-an-ip')).toBe(true);
    expect(semanticEqual('ip', 'FD00::5', 'fd00::5')).toBe(true);
  });
});

describe('mapping and schema helpers', () => {
  test('fromApiValue builds nested objects and lists with exactly the type keys', () => {
    const t = { object: { a: 'string', n: 'number', l: { list: { object: { x: 'bool' } } }, m: { map: 'string' } } } as const;
    expect(fromApiValue({ a: 'x', n: '5', l: [{ x: true, y: 1 }], extra: 1, m: { k: 'v' } }, t)).toEqual({
      a: 'x',
      n: 5,
      l: [{ x: true }],
      m: { k: 'v' },
    });
    expect(fromApiValue(null, t)).toBeNull();
    expect(fromApiValue('nope', t)).toBeNull();
  });

  test('dataSourceBlock refuses an unknown lookup attribute', () => {
    expect(() => dataSourceBlock({ attributes: {} }, { lookup: ['id'] })).toThrow('lookup attribute "id"');
  });

  test("a singleton's import format accepts only the fixed id", () => {
    const k = metaOf('portsip_brand')!.importFormat;
    expect(k.parse(' brand ')).toEqual({});
    expect(k.parse('Brand')).toBeNull();
  });
});
