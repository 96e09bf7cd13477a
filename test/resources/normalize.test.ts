import { BigNum, UNKNOWN } from '../../src/provider/values';
import {
  canonicalCidr,
  canonicalEmailList,
  canonicalRfc3339,
  canonicalSize,
  domainsEqual,
  emailListsEqual,
  instantsEqual,
  jsonTextEqual,
  parseCidr,
  semanticEqual,
  sizesEqual,
  timezonesEqual,
} from '../../src/resources/common/normalize';
import { looksLikeApiId } from '../../src/resources/common/ids';
import { all, check, firstError, formatPath, intRange, quote, stringLength, matches } from '../../src/resources/common/validators';

describe('CIDR', () => {
  test.each([
    ['10.0.0.1/8', '10.0.0.0/8'],
    ['192.0.2.0/24', '192.0.2.0/24'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['198.51.100.7/32', '198.51.100.7/32'],
    ['2001:DB8::1/32', '2001:db8::/32'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001/128', '2001:db8::1/128'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['::/0', '::/0'],
    ['::1/128', '::1/128'],
    ['::ffff:192.0.2.1/128', '::ffff:c000:201/128'],
    ['fe80::1:2/10', 'fe80::/10'],
  ])('%s -> %s', (input, canon) => {
    expect(canonicalCidr(input)).toBe(canon);
  });

  test.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0/8',
    '1.2.3.4.5/32',
    '01.2.3.4/8',
    '10.0.0.0/08',
    '2001:db8::/129',
    '2001:db8::g/64',
    '1:2:3:4:5:6:7:8:9/64',
    'fe80::1%eth0/64',
    ' 10.0.0.0/8',
    '::1::/64',
    '10.0.0.0/-1',
  ])('rejects %s', (s) => {
    expect(parseCidr(s).ok).toBe(false);
  });

  test('semantic equality compares networks', () => {
    expect(semanticEqual('cidr', '10.0.0.1/8', '10.0.0.0/8')).toBe(true);
    expect(semanticEqual('cidr', '10.0.0.0/8', '10.0.0.0/16')).toBe(false);
    expect(semanticEqual('cidr', '2001:DB8::/32', '2001:db8:0::/32')).toBe(true);
  });
});

describe('RFC 3339', () => {
  test('instants, not spellings', () => {
    expect(instantsEqual('2030-01-31T08:00:00+08:00', '2030-01-31T00:00:00Z')).toBe(true);
    expect(instantsEqual('2030-01-31T00:00:00.000Z', '2030-01-31t00:00:00z')).toBe(true);
    expect(instantsEqual('2030-01-31T00:00:00.5Z', '2030-01-31T00:00:00.50Z')).toBe(true);
    expect(instantsEqual('2030-01-31T00:00:00.5Z', '2030-01-31T00:00:00Z')).toBe(false);
    expect(instantsEqual('2030-01-31T00:00:00-00:30', '2030-01-31T00:30:00Z')).toBe(true);
  });
  test('canonical form is UTC with Z', () => {
    expect(canonicalRfc3339('2030-01-31T08:00:00+08:00')).toBe('2030-01-31T00:00:00Z');
    expect(canonicalRfc3339('0099-12-31T23:00:00-02:00')).toBe('0100-01-01T01:00:00Z');
    expect(canonicalRfc3339('2030-01-31T00:00:00.120Z')).toBe('2030-01-31T00:00:00.12Z');
    expect(canonicalRfc3339('2030-02-29T00:00:00Z')).toBeNull();
  });
});

describe('sizes, email lists, domains, time zones, JSON', () => {
  test('sizes: case and leading zeros, not unit conversion', () => {
    expect(sizesEqual('1gb', '1GB')).toBe(true);
    expect(sizesEqual('01GB', '1GB')).toBe(true);
    expect(sizesEqual('1GB', '1024MB')).toBe(false);
    expect(sizesEqual('', '')).toBe(true);
    expect(canonicalSize(' 100 mb ')).toBe('100MB');
  });
  test('email lists are sets with case-insensitive domains', () => {
    expect(emailListsEqual('a@x.com, b@y.com', 'b@Y.COM,a@x.com')).toBe(true);
    expect(emailListsEqual('A@x.com', 'a@x.com')).toBe(false);
    expect(emailListsEqual('a@x.com', 'a@x.com,c@z.com')).toBe(false);
    expect(canonicalEmailList(' a@X.com ,, b@y.com ')).toBe('a@x.com,b@y.com');
  });
  test('domains', () => {
    expect(domainsEqual('SIP.Acme.Example', 'sip.acme.example.')).toBe(true);
    expect(domainsEqual('sip.acme.example', 'sip2.acme.example')).toBe(false);
  });
  test('time zone aliases', () => {
    expect(timezonesEqual('Asia/Calcutta', 'Asia/Kolkata')).toBe(true);
    expect(timezonesEqual('UTC', 'Etc/UTC')).toBe(true);
    expect(timezonesEqual('Europe/London', 'Europe/Paris')).toBe(false);
  });
  test('JSON documents', () => {
    expect(jsonTextEqual('{"a":1,"b":[1,2]}', '{ "b": [1, 2], "a": 1 }')).toBe(true);
    expect(jsonTextEqual('{"a":1}', '{"a":2}')).toBe(false);
    expect(jsonTextEqual('{bad', '{bad')).toBe(true);
  });
  test('semanticEqual handles null, unknown, blank and numbers', () => {
    expect(semanticEqual('exact', null, null)).toBe(true);
    expect(semanticEqual('exact', '', null)).toBe(false);
    expect(semanticEqual('exact', '', null, { blankIsNull: true })).toBe(true);
    expect(semanticEqual('exact', UNKNOWN, UNKNOWN)).toBe(false);
    expect(semanticEqual('exact', 5, new BigNum('5'))).toBe(true);
    expect(semanticEqual('enum', 'deny', 'DENY')).toBe(true);
    expect(semanticEqual('code', 'usd', 'USD')).toBe(true);
  });
});

describe('ids', () => {
  test('API ids are base64 of long decimals', () => {
    expect(looksLikeApiId('NzAwNTUxOTA5NzczMTQ4MTYw')).toBe(true);
    expect(looksLikeApiId(Buffer.from('8836342296556339201').toString('base64'))).toBe(true);
    expect(looksLikeApiId('sip.example.com')).toBe(false);
    expect(looksLikeApiId('acme-reseller')).toBe(false);
  });
});

describe('validator toolkit', () => {
  test('formatPath and quote', () => {
    expect(formatPath(['office_hours', 'monday', 'ranges', 0, 'from'])).toBe('office_hours.monday.ranges[0].from');
    expect(formatPath(['tags', { key: 'env' }])).toBe('tags["env"]');
    expect(quote('x')).toBe('"x"');
    expect(quote(new BigNum('1e400'))).toBe('1e400');
    expect(quote('y'.repeat(100))).toContain('(100 characters)');
  });
  test('check skips null and unknown; all() keeps every problem; firstError() stops', () => {
    expect(check(null, ['a'], stringLength(1, 2))).toEqual([]);
    expect(check(UNKNOWN, ['a'], stringLength(1, 2))).toEqual([]);
    const both = all(stringLength(1, 2), matches(/^[0-9]+$/, 'digits only'));
    expect(check('abc', ['a'], both)).toHaveLength(2);
    expect(check('abc', ['a'], firstError(stringLength(1, 2), matches(/^[0-9]+$/, 'digits only')))).toHaveLength(1);
  });
  test('sensitive context hides the value', () => {
    const [d] = check('hunter2', ['pw'], stringLength(10), { sensitive: true });
    expect(d!.detail).not.toContain('hunter2');
    expect(d!.detail).toContain('7 characters');
  });
  test('intRange with BigNum', () => {
    expect(check(new BigNum('0.1'), ['n'], intRange(0, 10))).toHaveLength(1);
    expect(check(new BigNum('5'), ['n'], intRange(0, 10))).toHaveLength(0);
  });
});
