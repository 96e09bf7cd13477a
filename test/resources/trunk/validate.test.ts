// portsip_trunk static validation (src/resources/trunk/validate.ts): every documented constraint of
// createProvider/updateProvider gives an error naming the attribute, the value and what is allowed;
// a valid configuration and unknown values give none; the password is never quoted.

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import { trunkSchema } from '../../../src/resources/trunk/schema';
import { validate } from '../../../src/resources/trunk/validate';
import { configOf, describeDiags, errors, warnings } from '../helpers';

const BASE: ObjectValue = {
  name: 'carrier-main',
  transport: 'UDP',
  hostname: 'sip.carrier.example',
  port: 5060,
  outbound_server: 'sip.carrier.example',
  outbound_server_port: 5060,
  concurrency: 30,
};
const trunk = (o: ObjectValue = {}) => configOf(trunkSchema, { ...BASE, ...o });

test('a full valid configuration has no diagnostics', () => {
  const ds = validate(
    trunk({
      brand: 'Generic',
      auth_mode: 'REGISTER_AUTH',
      auth_id: 'pbx',
      username: 'pbx',
      password_wo: 'S3cret',
      password_wo_version: 2,
      register_interval: 600,
      keep_alive_interval: 0,
      additional_ips: '192.0.2.0/24;2001:db8::/32',
      did_numbers: '3000;12000-18000',
      port: 0, // UDP: "no port"
    }),
  );
  expect(describeDiags(ds)).toBe('');
});

test('unknown values are not checked', () => {
  const all = Object.fromEntries(Object.keys(BASE).map((k) => [k, UNKNOWN]));
  expect(validate(trunk({ ...all, additional_ips: UNKNOWN, did_numbers: UNKNOWN }))).toEqual([]);
});

test.each<[string, ObjectValue, string, string[]]>([
  ['empty name', { name: '' }, 'name', ['"name"', '1 to 64 characters']],
  ['name over 64', { name: 'n'.repeat(65) }, 'name', ['"name"', '64']],
  ['blank name', { name: '   ' }, 'name', ['"name"', 'white space']],
  ['brand over 64', { brand: 'b'.repeat(65) }, 'brand', ['"brand"', '64']],
  ['auth_mode not in the enum', { auth_mode: 'DIGEST' }, 'auth_mode', ['"auth_mode"', '"DIGEST"', 'IP_AUTH', 'WHATS_APP']],
  ['transport not in the enum', { transport: 'WSS' }, 'transport', ['"transport"', '"WSS"', 'UDP', 'TLS']],
  ['hostname with spaces', { hostname: 'sip carrier' }, 'hostname', ['"hostname"', 'host name']],
  ['empty hostname', { hostname: '' }, 'hostname', ['"hostname"']],
  ['outbound_server with a scheme', { outbound_server: 'sip://x' }, 'outbound_server', ['"outbound_server"', 'host name']],
  ['port above 65535', { port: 70000 }, 'port', ['"port"', '70000', '0 to 65535']],
  ['outbound_server_port negative', { outbound_server_port: -1 }, 'outbound_server_port', ['"outbound_server_port"', '-1']],
  ['port 0 with TCP', { transport: 'TCP', port: 0 }, 'port', ['"port"', '1 to 65535', 'TCP']],
  ['outbound port 0 with TLS', { transport: 'TLS', outbound_server_port: 0 }, 'outbound_server_port', ['"outbound_server_port"', 'TLS']],
  ['concurrency fractional', { concurrency: 1.5 }, 'concurrency', ['"concurrency"', 'whole number']],
  ['concurrency negative', { concurrency: -3 }, 'concurrency', ['"concurrency"', '-3']],
  ['auth_id over 64', { auth_id: 'a'.repeat(65) }, 'auth_id', ['"auth_id"', '64']],
  ['username over 64', { username: 'u'.repeat(65) }, 'username', ['"username"', '64']],
  ['register_interval negative', { register_interval: -1 }, 'register_interval', ['"register_interval"']],
  ['keep_alive_interval over int32', { keep_alive_interval: 2147483648 }, 'keep_alive_interval', ['"keep_alive_interval"']],
  ['additional_ips entry not CIDR', { additional_ips: '192.0.2.0/24;10.0.0.1' }, 'additional_ips', ['"additional_ips"', 'Entry 2', 'CIDR']],
  ['additional_ips prefix too long', { additional_ips: '192.0.2.0/33' }, 'additional_ips', ['"additional_ips"', 'Entry 1']],
  ['did_numbers inverted range', { did_numbers: '200-100' }, 'did_numbers', ['"did_numbers"', 'starts after it ends']],
  ['did_numbers overlapping', { did_numbers: '100-200;150' }, 'did_numbers', ['"did_numbers"', 'overlap']],
  ['version without password', { password_wo_version: 1 }, 'password_wo_version', ['"password_wo_version"', 'requires "password_wo"']],
])('%s: an error at the attribute naming it', (_what, o, attr, contains) => {
  const es = errors(validate(trunk(o)));
  expect(es.length).toBeGreaterThan(0);
  expect(es[0]!.path).toEqual([attr]);
  for (const c of contains) expect(es[0]!.detail).toContain(c);
});

test('several problems are all reported', () => {
  const es = errors(validate(trunk({ transport: 'SCTP', port: 99999, concurrency: -1, auth_mode: 'x' })));
  expect(es.map((e) => e.path![0]).sort()).toEqual(['auth_mode', 'concurrency', 'port', 'transport']);
});

test('the write-only password is refused by a Terraform before 1.11, and never quoted', () => {
  const ds = validate(trunk({ password_wo: 'Very-S3cret-Value' }), { writeOnlyAttributesAllowed: false });
  expect(errors(ds).map((d) => d.path)).toEqual([['password_wo']]);
  expect(JSON.stringify(ds)).not.toContain('Very-S3cret-Value');
  expect(warnings(validate(trunk({ password_wo: 'x' })))).toEqual([]);
});
