// Invalid requests: each must be 400 VALIDATE_FAILED naming the field in errors[0].detail.field
// (docs/portsip-api.md §2.7, §2.9, §6.6), never a 5xx.
import type { EmulatorHandle } from '../../src/emulator';
import { SEED_IDS } from '../../src/emulator';
import { specOperations } from '../../src/emulator/validate';
import { Api, type J, boot, created, dealerBody, expectField, tenantBody } from './helpers';

let emu: EmulatorHandle;
let api: Api;
const ids: Record<string, string> = {};
/** An id that beforeAll created; a name it did not create is a bug in a case table. */
function id(name: string): string {
  const v = ids[name];
  if (v === undefined) throw new Error(`no id named "${name}"`);
  return v;
}

beforeAll(async () => {
  ({ emu, api } = await boot());
  ids.tenant = await created(api.post('/tenants', tenantBody(1)));
  ids.tenant2 = await created(api.post('/tenants', tenantBody(2)));
  ids.dealer = await created(api.post('/dealers', dealerBody(1)));
  ids.user = await created(api.post('/admin/users', { name: 'ops-val', password: 'secret1', role: 'OperationsAdmin' }));
  ids.rule = (await api.post('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY' })).body.id;
  ids.tls = await created(api.post('/transports', { protocol: 'TLS', port: 5061 }));
  ids.tcp = await created(api.post('/transports', { protocol: 'TCP', port: 5063 }));
  ids.udp = SEED_IDS.transportUdp;
  ids.admin = SEED_IDS.admin;
  ids.provider = SEED_IDS.providers[0];
  ids.provider2 = SEED_IDS.providers[1];
  expect((await api.post(`/providers/${ids.provider}/assignees/${ids.tenant}`, { did_numbers: '1000-1999', concurrency: 2 })).status).toBe(
    204,
  );
});
afterAll(() => emu.close());

const long = (n: number) => 'x'.repeat(n);
const emails = (n: number) => Array.from({ length: n }, (_, i) => `u${i}@example.com`).join(',');
const oh = (from: string, to: string) => ({ monday: { enabled: true, ranges: [{ from, to }] } });

// [label, method, path (":name" = ids[name]), body, field]
const cases: [string, 'GET' | 'POST', string, J, string][] = [
  // admin users (22.3 rules, §4 Ops 3-12)
  ['user: name missing', 'POST', '/admin/users', { password: 'secret1', role: 'SystemAdmin' }, 'name'],
  ['user: name starts with .', 'POST', '/admin/users', { name: '.bob', password: 'secret1', role: 'SystemAdmin' }, 'name'],
  ['user: name ends with .', 'POST', '/admin/users', { name: 'bob.', password: 'secret1', role: 'SystemAdmin' }, 'name'],
  ['user: name has a space', 'POST', '/admin/users', { name: 'bob smith', password: 'secret1', role: 'SystemAdmin' }, 'name'],
  ['user: name 65 chars', 'POST', '/admin/users', { name: long(65), password: 'secret1', role: 'SystemAdmin' }, 'name'],
  [
    'user: duplicate of admin (case-insensitive)',
    'POST',
    '/admin/users',
    { name: 'ADMIN', password: 'secret1', role: 'SystemAdmin' },
    'name',
  ],
  ['user: password under 6', 'POST', '/admin/users', { name: 'bob', password: '12345', role: 'SystemAdmin' }, 'password'],
  ['user: tenant role', 'POST', '/admin/users', { name: 'bob', password: 'secret1', role: 'Admin' }, 'role'],
  ['user: role missing', 'POST', '/admin/users', { name: 'bob', password: 'secret1' }, 'role'],
  ['user: bad email', 'POST', '/admin/users', { name: 'bob', password: 'secret1', role: 'SiteAdmin', email: 'nope' }, 'email'],
  ['user: enabled not boolean', 'POST', '/admin/users', { name: 'bob', password: 'secret1', role: 'SiteAdmin', enabled: 'yes' }, 'enabled'],
  [
    'user: mobile_phone 33 chars',
    'POST',
    '/admin/users',
    { name: 'bob', password: 'secret1', role: 'SiteAdmin', mobile_phone: long(33) },
    'mobile_phone',
  ],
  ['user: role in update body', 'POST', '/admin/users/:user', { role: 'SystemAdmin' }, 'role'],
  ['user: username rules on rename', 'POST', '/admin/users/:user/username', { name: 'bad name' }, 'name'],
  ['user: unknown role', 'POST', '/admin/users/:user/role', { role: 'Nope' }, 'role'],
  ['user: short new password', 'POST', '/admin/users/:user/password', { new_password: '123' }, 'new_password'],
  ['user: built-in admin keeps SystemAdmin', 'POST', '/admin/users/:admin/role', { role: 'SiteAdmin' }, 'role'],
  ['user: cannot disable yourself', 'POST', '/admin/users/:admin', { enabled: false }, 'enabled'],
  ['user: wrong old password', 'POST', '/admin/user/password', { old_password: 'wrong!', new_password: 'secret9' }, 'old_password'],
  ['role: built-in name reserved', 'POST', '/roles', { name: 'SystemAdmin', permissions: {} }, 'name'],
  // dealers (§4 Ops 18-22)
  ['dealer: reserved name root', 'POST', '/dealers', dealerBody('', { name: 'root' }), 'name'],
  ['dealer: reserved name Administrator', 'POST', '/dealers', dealerBody('', { name: 'Administrator' }), 'name'],
  ['dealer: level enum', 'POST', '/dealers', dealerBody(9, { level: 'GOLD' }), 'level'],
  ['dealer: password missing', 'POST', '/dealers', { name: 'dx', level: 'RESELLER' }, 'password'],
  ['dealer: max_tenants negative', 'POST', '/dealers', dealerBody(9, { max_tenants: -1 }), 'max_tenants'],
  ['dealer: email over 128', 'POST', '/dealers', dealerBody(9, { email: `${long(120)}@example.com` }), 'email'],
  ['dealer: display_name over 1024', 'POST', '/dealers', dealerBody(9, { display_name: long(1025) }), 'display_name'],
  ['dealer: duplicate name', 'POST', '/dealers', dealerBody(1), 'name'],
  ['dealer: name taken by an admin user', 'POST', '/dealers', dealerBody('', { name: 'ops-val' }), 'name'],
  ['dealer: level is immutable', 'POST', '/dealers/:dealer', { level: 'RESELLER' }, 'level'],
  ['dealer: phone over 32', 'POST', '/dealers/:dealer', { phone: long(33) }, 'phone'],
  ['dealer: reset to short password', 'POST', '/dealers/:dealer/password', { password: 'abc' }, 'password'],
  // IP rules (§4 Ops 24-26)
  ['ip: bad IPv4', 'POST', '/ip_filters', { cidr: '300.1.1.1/24', target: 'DENY' }, 'cidr'],
  ['ip: IPv4 prefix 33', 'POST', '/ip_filters', { cidr: '10.0.0.0/33', target: 'DENY' }, 'cidr'],
  ['ip: IPv6 prefix 129', 'POST', '/ip_filters', { cidr: '2001:db8::/129', target: 'DENY' }, 'cidr'],
  ['ip: target enum', 'POST', '/ip_filters', { cidr: '10.0.0.0/8', target: 'ALLOW' }, 'target'],
  ['ip: target missing', 'POST', '/ip_filters', { cidr: '10.0.0.0/8' }, 'target'],
  ['ip: expire_at month 13', 'POST', '/ip_filters', { cidr: '10.0.0.0/8', target: 'DENY', expire_at: '2024-13-01T00:00:00Z' }, 'expire_at'],
  ['ip: expire_at not RFC 3339', 'POST', '/ip_filters', { cidr: '10.0.0.0/8', target: 'DENY', expire_at: 'tomorrow' }, 'expire_at'],
  ['ip: description over 255', 'POST', '/ip_filters', { cidr: '10.0.0.0/8', target: 'DENY', description: long(256) }, 'description'],
  ['ip: prefix with a leading zero', 'POST', '/ip_filters', { cidr: '1.2.3.4/08', target: 'ACCEPT' }, 'cidr'],
  ['ip: bad CIDR on update', 'POST', '/ip_filters/:rule', { cidr: 'not-an-ip' }, 'cidr'],
  // transports (§4 Ops 29-31)
  ['transport: protocol WSS not in enum', 'POST', '/transports', { protocol: 'WSS', port: 5065 }, 'protocol'],
  ['transport: port 70000', 'POST', '/transports', { protocol: 'TCP', port: 70000 }, 'port'],
  ['transport: port as string', 'POST', '/transports', { protocol: 'TCP', port: '5063' }, 'port'],
  ['transport: port 0', 'POST', '/transports', { protocol: 'TCP', port: 0 }, 'port'],
  ['transport: duplicate UDP 5060', 'POST', '/transports', { protocol: 'UDP', port: 5060 }, 'port'],
  ['transport: TCP on the TLS port', 'POST', '/transports', { protocol: 'TCP', port: 5061 }, 'port'],
  ['transport: verification enum', 'POST', '/transports', { protocol: 'TLS', port: 5071, verification: 'SOMETIMES' }, 'verification'],
  ['transport: protocol is immutable', 'POST', '/transports/:udp', { protocol: 'TCP' }, 'protocol'],
  ['transport: update to a taken port', 'POST', '/transports/:tls', { port: 5063, verification: 'OPTIONAL' }, 'port'],
  // tenants (§4 Ops 35-37)
  ['tenant: domain missing', 'POST', '/tenants', { name: 'A', timezone: 'UTC', currency: 'USD', region: 'USA' }, 'domain'],
  ['tenant: timezone missing', 'POST', '/tenants', { name: 'A', domain: 'a.example.com', currency: 'USD', region: 'USA' }, 'timezone'],
  ['tenant: name empty', 'POST', '/tenants', tenantBody('e', { name: '' }), 'name'],
  ['tenant: unknown timezone', 'POST', '/tenants', tenantBody('z', { timezone: 'Mars/Olympus' }), 'timezone'],
  ['tenant: lower-case currency', 'POST', '/tenants', tenantBody('z', { currency: 'usd' }), 'currency'],
  ['tenant: alpha-2 region', 'POST', '/tenants', tenantBody('z', { region: 'US' }), 'region'],
  ['tenant: duplicate domain (case-insensitive)', 'POST', '/tenants', tenantBody('z', { domain: 'T1.PBX.example.com' }), 'domain'],
  ['tenant: domain with a space', 'POST', '/tenants', tenantBody('z', { domain: 'a b.example.com' }), 'domain'],
  ['tenant: TB size unit', 'POST', '/tenants', tenantBody('z', { disk_quota: '10TB' }), 'disk_quota'],
  ['tenant: zero size', 'POST', '/tenants', tenantBody('z', { disk_quota: '0MB' }), 'disk_quota'],
  ['tenant: size with a space', 'POST', '/tenants', tenantBody('z', { im_disk_quota: '5 GB' }), 'im_disk_quota'],
  ['tenant: size without unit', 'POST', '/tenants', tenantBody('z', { extension_im_disk_quota: 'lots' }), 'extension_im_disk_quota'],
  ['tenant: 16 e-mail recipients', 'POST', '/tenants', tenantBody('z', { email_recipients: emails(16) }), 'email_recipients'],
  ['tenant: recipient not an e-mail', 'POST', '/tenants', tenantBody('z', { email_recipients: 'a@example.com,nope' }), 'email_recipients'],
  ['tenant: contact_update_interval 0', 'POST', '/tenants', tenantBody('z', { contact_update_interval: 0 }), 'contact_update_interval'],
  [
    'tenant: contact_update_interval 43201',
    'POST',
    '/tenants',
    tenantBody('z', { contact_update_interval: 43201 }),
    'contact_update_interval',
  ],
  ['tenant: recording_retention 0', 'POST', '/tenants', tenantBody('z', { recording_retention: 0 }), 'recording_retention'],
  ['tenant: max_extensions negative', 'POST', '/tenants', tenantBody('z', { max_extensions: -5 }), 'max_extensions'],
  ['tenant: contact_match_type enum', 'POST', '/tenants', tenantBody('z', { contact_match_type: 'FUZZY' }), 'contact_match_type'],
  ['tenant: website over 255', 'POST', '/tenants', tenantBody('z', { website: long(256) }), 'website'],
  [
    'tenant: office hours from after to',
    'POST',
    '/tenants',
    tenantBody('z', { office_hours: oh('18:00', '09:00') }),
    'office_hours.monday.ranges[0].from',
  ],
  [
    'tenant: office hours 25:00',
    'POST',
    '/tenants',
    tenantBody('z', { office_hours: oh('09:00', '25:00') }),
    'office_hours.monday.ranges[0].to',
  ],
  ['tenant: webhook auth enum', 'POST', '/tenants', tenantBody('z', { cdr_event: { auth: 'OAUTH' } }), 'cdr_event.auth'],
  [
    'tenant: 22.3 password_policy min_length 5',
    'POST',
    '/tenants',
    tenantBody('z', { password_policy: { min_length: 5 } }),
    'password_policy.min_length',
  ],
  [
    'tenant: 22.3 inbound append enum',
    'POST',
    '/tenants',
    tenantBody('z', { contact_inbound_rule_append_type: 'X' }),
    'contact_inbound_rule_append_type',
  ],
  ['tenant: update to a taken domain', 'POST', '/tenants/:tenant2', { domain: 't1.pbx.example.com' }, 'domain'],
  ['tenant: switch without id', 'POST', '/tenants/switch', undefined, 'id'],
  // settings (§4 Op 13)
  ['settings: session_timer_duration 60', 'POST', '/admin/settings', { session_timer_duration: 60 }, 'session_timer_duration'],
  ['settings: register_expiration_time 4000', 'POST', '/admin/settings', { register_expiration_time: 4000 }, 'register_expiration_time'],
  ['settings: empty user_agent', 'POST', '/admin/settings', { user_agent: '' }, 'user_agent'],
  ['settings: trace_server_port 65536', 'POST', '/admin/settings', { trace_server_port: 65536 }, 'trace_server_port'],
  ['settings: congestion metric enum', 'POST', '/admin/settings', { congestion_management_metric: 'LOAD' }, 'congestion_management_metric'],
  ['settings: alert-info enum', 'POST', '/admin/settings', { auto_answer_alert_info_header: 'RING' }, 'auto_answer_alert_info_header'],
  ['settings: statistics_log_interval -1', 'POST', '/admin/settings', { statistics_log_interval: -1 }, 'statistics_log_interval'],
  ['settings: custom_options not JSON', 'POST', '/admin/settings', { custom_options: 'a=b' }, 'custom_options'],
  // notification (§4 Ops 14-15)
  ['notification: type missing', 'POST', '/admin/notification', { username: 'u' }, 'type'],
  ['notification: username missing', 'POST', '/admin/notification', { type: 'SMTP' }, 'username'],
  ['notification: type enum', 'POST', '/admin/notification', { type: 'SENDGRID', username: 'u' }, 'type'],
  ['notification: 16 recipients', 'POST', '/admin/notification', { type: 'SMTP', username: 'u', recipients: emails(16) }, 'recipients'],
  ['notification: auth enum', 'POST', '/admin/notification', { type: 'SMTP', username: 'u', auth: 'OAUTH' }, 'auth'],
  ['notification: port -1', 'POST', '/admin/notification', { type: 'SMTP', username: 'u', port: -1 }, 'port'],
  ['notification: username over 128', 'POST', '/admin/notification', { type: 'SMTP', username: long(129) }, 'username'],
  ['test_email: subject missing', 'POST', '/admin/notification/test_email', { recipient: 'a@example.com', content: 'c' }, 'subject'],
  // sbc, network, im, key, brand
  ['sbc: http_port 70000', 'POST', '/sbc', { http_port: 70000 }, 'http_port'],
  ['sbc: transport protocol enum', 'POST', '/sbc', { transports: [{ protocol: 'SCTP', port: 5060 }] }, 'transports[0].protocol'],
  ['network: IPv6 in an IPv4 field', 'POST', '/network', { public_ipv4: '2001:db8::1' }, 'public_ipv4'],
  ['network: enable_ipv6 as string', 'POST', '/network', { enable_ipv6: 'true' }, 'enable_ipv6'],
  ['im: IPv4 in an IPv6 field', 'POST', '/im', { private_ipv6: '10.0.0.1' }, 'private_ipv6'],
  ['key: crt not PEM', 'POST', '/key', { crt: 'hello', key: '-----BEGIN PRIVATE KEY-----\nA\n-----END PRIVATE KEY-----' }, 'crt'],
  ['key: key missing', 'POST', '/key', { crt: '-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----' }, 'key'],
  ['brand: theme enum', 'POST', '/brand', { theme: 'PINK' }, 'theme'],
  ['brand: bottom_text over 256', 'POST', '/brand', { bottom_text: long(257) }, 'bottom_text'],
  ['license: license_key missing', 'POST', '/license', {}, 'license_key'],
  // trunk assignment DID pools (§4 Op 50)
  ['assign: DID syntax', 'POST', '/providers/:provider2/assignees/:tenant2', { did_numbers: 'abc' }, 'did_numbers'],
  ['assign: DID range reversed', 'POST', '/providers/:provider2/assignees/:tenant2', { did_numbers: '200-100' }, 'did_numbers'],
  ['assign: DID pool overlaps itself', 'POST', '/providers/:provider2/assignees/:tenant2', { did_numbers: '100-200;150' }, 'did_numbers'],
  [
    "assign: DID pool overlaps another tenant's",
    'POST',
    '/providers/:provider2/assignees/:tenant2',
    { did_numbers: '1500-2500' },
    'did_numbers',
  ],
  ['assign: concurrency negative', 'POST', '/providers/:provider2/assignees/:tenant2', { concurrency: -1 }, 'concurrency'],
  // list query parameters (§2.6)
  ['list: top=0', 'GET', '/tenants?top=0', undefined, 'top'],
  ['list: top=101', 'GET', '/tenants?top=101', undefined, 'top'],
  ['list: skip=-1', 'GET', '/transports?skip=-1', undefined, 'skip'],
  ['list: top not a number', 'GET', '/ip_filters?top=ten', undefined, 'top'],
  ['list: broken filter', 'GET', "/tenants?filter=name eq 'x", undefined, 'filter'],
  ['list: filter without operator', 'GET', "/tenants?filter='x'", undefined, 'filter'],
  ['list: bad orderby direction', 'GET', '/tenants?orderby=name sideways', undefined, 'orderby'],
  // auth bodies (§3)
  ['sign_in: password missing', 'POST', '/auth/sign_in', { username: 'admin' }, 'password'],
  ['refresh: refresh_token missing', 'POST', '/auth/refresh_token', {}, 'refresh_token'],
  ['body: array instead of object', 'POST', '/network', [], 'body'],
];

describe('each invalid request is refused, naming the field, and changes nothing', () => {
  let before: string;
  beforeAll(() => {
    before = JSON.stringify(emu.state());
  });

  test.each(cases)('%s', async (_label, method, path, body, field) => {
    const p = path.replace(/:([a-z0-9]+)/g, (_, k: string) => {
      if (!(k in ids)) throw new Error(`case path ${path}: no id named "${k}"`);
      return id(k);
    });
    const r = await api.req(method, p, body);
    expectField(r, field);
    expect(typeof r.body.errors[0].message).toBe('string');
  });

  test('the PBX state after all of them is what it was before', () => {
    expect(JSON.parse(JSON.stringify(emu.state()))).toEqual(JSON.parse(before));
  });
});

test('the last transport cannot be deleted', async () => {
  const { emu: e, api: a } = await boot();
  try {
    const r = await a.post(`/transports/${SEED_IDS.transportUdp}/destroy`);
    expectField(r, 'id');
  } finally {
    await e.close();
  }
});

test('strictUnknownFields rejects unknown keys, naming them', async () => {
  const { emu: e, api: a } = await boot({ strictUnknownFields: true });
  try {
    expectField(await a.post('/network', { web_domain: 'x.example.com', frobnicate: 1 }), 'frobnicate');
    expectField(await a.post('/transports', { protocol: 'TCP', port: 5090, colour: 'red' }), 'colour');
    expect((await a.post('/network', { web_domain: 'x.example.com' })).status).toBe(200);
  } finally {
    await e.close();
  }
});

test('TB sizes are accepted with allowSizeTB', async () => {
  const { emu: e, api: a } = await boot({ allowSizeTB: true });
  try {
    expect((await a.post('/tenants', tenantBody('tb', { disk_quota: '2TB' }))).status).toBe(201);
  } finally {
    await e.close();
  }
});

test('junk bodies on every route never produce a 5xx', async () => {
  const junk: J[] = [
    null,
    0,
    'x',
    [],
    [1],
    { id: null },
    { name: 5, port: 'x', cidr: 7, did_numbers: 9, office_hours: 'x', password_policy: [], transports: 'x' },
    { a: { b: { c: null } } },
    { expire_at: 12, domain: {}, timezone: 3 },
  ];
  const paths = specOperations().map((o) => ({
    m: o.method,
    p: o.path
      .replace('{id}', id('tenant'))
      .replace('{tenant_id}', id('tenant2'))
      .replace('{dealer_id}', id('dealer'))
      .replace('{name}', 'x')
      .replace('{provider}', 'microsoft'),
  }));
  paths.push(
    { m: 'POST', p: '/admin/users' },
    { m: 'POST', p: `/admin/users/${ids.user}` },
    { m: 'POST', p: '/admin/user' },
    { m: 'POST', p: '/dataflow' },
  );
  const fresh = api.as(api.token);
  for (const { m, p } of paths) {
    if (p.endsWith('/destroy') || p.includes('sign_out') || p.includes('oauth/revoke')) continue;
    for (const b of m === 'POST' ? junk : [undefined]) {
      const r = await fresh.req(m, p, b === undefined ? undefined : JSON.stringify(b));
      if (r.status >= 500) throw new Error(`${m} ${p} ${JSON.stringify(b)} -> ${r.status} ${r.text}`);
    }
  }
});
