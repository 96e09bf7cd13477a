// Valid round trips per area (docs/portsip-api.md §4, §5), with the documented status codes of §6.5.
import type { EmulatorHandle } from '../../src/emulator';
import { SEED_IDS } from '../../src/emulator';
import { Api, boot, created, dealerBody, tenantBody } from './helpers';

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await boot()));
afterAll(() => emu.close());

describe('singletons', () => {
  test('network: defaults, merge update, unknown keys dropped (unknownFields ignore)', async () => {
    const g = await api.get('/network');
    expect(g.status).toBe(200);
    expect(g.body).toEqual({
      web_domain: null,
      private_ipv4: null,
      public_ipv4: null,
      enable_ipv6: true,
      private_ipv6: null,
      public_ipv6: null,
      primary_dns_server: null,
      secondary_dns_server: null,
    });
    const p = await api.post('/network', { web_domain: 'pbx.example.com', public_ipv4: '203.0.113.5', x_future: 1 });
    expect(p.status).toBe(200);
    expect(p.text).toBe('');
    await api.post('/network', { primary_dns_server: '8.8.8.8' });
    const g2 = await api.get('/network');
    expect(g2.body).toMatchObject({
      web_domain: 'pbx.example.com',
      public_ipv4: '203.0.113.5',
      primary_dns_server: '8.8.8.8',
      enable_ipv6: true,
    });
    expect('x_future' in g2.body).toBe(false);
    const info = await api.as().get('/info');
    expect(info.status).toBe(200);
    expect(info.body.web_domain).toBe('pbx.example.com');
  });

  test('settings: documented defaults, stir_shaken_key is returned', async () => {
    const g = await api.get('/admin/settings');
    expect(g.body).toMatchObject({
      user_agent: 'PortSIP UC',
      session_timer_duration: 3600,
      register_expiration_time: 300,
      sip_failed_auth_amount: 50,
      stir_shaken_key: null,
    });
    expect(
      (
        await api.post('/admin/settings', {
          session_timer_duration: 1800,
          stir_shaken_key: '-----BEGIN PRIVATE KEY-----x',
          congestion_management_metric: 'WAIT_TIME',
        })
      ).status,
    ).toBe(200);
    const g2 = await api.get('/admin/settings');
    expect(g2.body).toMatchObject({
      session_timer_duration: 1800,
      stir_shaken_key: '-----BEGIN PRIVATE KEY-----x',
      congestion_management_metric: 'WAIT_TIME',
      user_agent: 'PortSIP UC',
    });
  });

  test('notification: password is write-only; test email lands in the outbox', async () => {
    const before = await api.post('/admin/notification/test_email', { recipient: 'ops@example.com', subject: 's', content: 'c' });
    expect(before.status).toBe(400); // no mail server yet
    const p = await api.post('/admin/notification', {
      type: 'SMTP',
      username: 'mailer',
      password: 'p4ss',
      server: 'smtp.example.com',
      port: 587,
      recipients: 'a@example.com,b@example.com',
    });
    expect(p.status).toBe(200);
    const g = await api.get('/admin/notification');
    expect(g.body).toMatchObject({
      type: 'SMTP',
      username: 'mailer',
      server: 'smtp.example.com',
      port: 587,
      auth: 'AUTO',
      enable_tls_ssl: true,
    });
    expect('password' in g.body).toBe(false);
    expect(JSON.stringify(emu.state())).not.toContain('"password"');
    const t = await api.post('/admin/notification/test_email', { recipient: 'ops@example.com', subject: 'Hello', content: 'Test' });
    expect(t.status).toBe(200);
    expect(emu.outbox().some((e) => e.kind === 'email' && e.to === 'ops@example.com' && e.subject === 'Hello')).toBe(true);
  });

  test('sbc, im and their tokens', async () => {
    expect((await api.get('/sbc')).body).toEqual({ domain: null, http_port: 8882, https_port: 8883, transports: [] });
    expect((await api.post('/sbc', { domain: 'sbc.example.com', transports: [{ protocol: 'UDP', port: 5066 }] })).status).toBe(200);
    expect((await api.get('/sbc')).body).toMatchObject({
      domain: 'sbc.example.com',
      http_port: 8882,
      transports: [{ protocol: 'UDP', port: 5066 }],
    });
    const t1 = (await api.get('/sbc/token')).body.token;
    const t2 = await api.post('/sbc/token');
    expect(t2.status).toBe(200);
    expect(t2.body.token).not.toBe(t1);
    expect((await api.post('/sbc/token/destroy')).status).toBe(204);
    expect((await api.get('/sbc/token')).body.token).toBeNull();
    expect((await api.post('/im', { private_ipv4: '10.0.0.5', public_ipv6: '2001:db8::5' })).status).toBe(200);
    expect((await api.get('/im')).body).toEqual({
      private_ipv4: '10.0.0.5',
      private_ipv6: null,
      public_ipv4: null,
      public_ipv6: '2001:db8::5',
    });
    expect((await api.post('/im/token')).body.token).toMatch(/^[0-9a-f]{48}$/);
    expect((await api.post('/im/token/destroy')).status).toBe(204);
  });

  test('dataflow (22.3, inferred path plus aliases)', async () => {
    expect((await api.post('/dataflow', { private_ipv4: '10.0.0.9' })).status).toBe(200);
    expect((await api.get('/dataflow')).body).toEqual({
      private_ipv4: '10.0.0.9',
      private_ipv6: null,
      public_ipv4: null,
      public_ipv6: null,
    });
    expect((await api.get('/data_flow')).body.private_ipv4).toBe('10.0.0.9');
    expect((await api.post('/dataflow/token')).status).toBe(200);
  });

  test('key answers 204 and GET returns the private key; brand has no GET', async () => {
    const pem = {
      crt: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    };
    const p = await api.post('/key', pem);
    expect(p.status).toBe(204);
    expect(p.text).toBe('');
    expect((await api.get('/key')).body).toEqual(pem);
    expect((await api.post('/brand', { theme: 'DARK', title: 'My PBX' })).status).toBe(200);
    const g = await api.get('/brand');
    expect(g.status).toBe(405);
  });

  test('status and license', async () => {
    const s = await api.get('/admin/status');
    expect(s.status).toBe(200);
    expect(s.body.version).toBe('22.3.0');
    expect(s.body.current_trunks).toBe(3);
    expect((await api.post('/license', { license_key: 'ABC-123' })).status).toBe(200);
    expect((await api.get('/license')).body).toMatchObject({ license_key: 'ABC-123', product_name: 'PortSIP PBX', api_version: '22.3' });
  });
});

describe('admin users (22.3)', () => {
  test('full lifecycle', async () => {
    const id = await created(
      api.post('/admin/users', { name: 'ops1', password: 'secret1', role: 'OperationsAdmin', email: 'ops1@example.com', x_extra: 'kept' }),
    );
    const g = await api.get(`/admin/users/${id}`);
    expect(g.body).toMatchObject({
      id,
      name: 'ops1',
      role: 'OperationsAdmin',
      enabled: true,
      email: 'ops1@example.com',
      mobile_phone: null,
    });
    expect(g.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect('password' in g.body).toBe(false);
    expect((await api.post(`/admin/users/${id}`, { department: 'NOC' })).status).toBe(200);
    expect((await api.get(`/admin/users/${id}`)).body).toMatchObject({ department: 'NOC', email: 'ops1@example.com' });
    expect((await api.post(`/admin/users/${id}/username`, { name: 'ops-one' })).status).toBe(200);
    expect((await api.post(`/admin/users/${id}/password`, { new_password: 'newpass1' })).status).toBe(200);
    const other = api.as();
    await other.signIn('ops-one', 'newpass1');
    expect((await other.get('/auth/user')).body).toMatchObject({ role: 'OperationsAdmin', role_name: 'OperationsAdmin' });
    expect((await api.post(`/admin/users/${id}/role`, { role: 'SiteAdmin' })).status).toBe(200);
    expect((await other.get('/auth/user')).body.role).toBe('SiteAdmin');
    const list = await api.get('/admin/users');
    expect(list.body.count).toBeGreaterThanOrEqual(2);
    expect(list.body.items.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['admin', 'ops-one']));
    expect((await api.post(`/admin/users/${id}/destroy`)).status).toBe(204);
    expect((await api.get(`/admin/users/${id}`)).status).toBe(404);
    expect((await other.get('/auth/user')).status).toBe(401);
  });

  test('the signed-in admin: profile, username and password', async () => {
    const id = await created(api.post('/admin/users', { name: 'selfie', password: 'secret1', role: 'SystemAdmin' }));
    const me = api.as();
    await me.signIn('selfie', 'secret1');
    expect((await me.get('/admin/user')).body).toMatchObject({ id, name: 'selfie', role: 'SystemAdmin' });
    expect((await me.post('/admin/user', { display_name: 'Self' })).status).toBe(200);
    expect((await me.post('/admin/user/username', { name: 'selfie2' })).status).toBe(200);
    expect((await me.post('/admin/user/password', { old_password: 'secret1', new_password: 'secret2' })).status).toBe(200);
    await me.as().signIn('selfie2', 'secret2');
    expect((await api.get(`/admin/users/${id}`)).body).toMatchObject({ display_name: 'Self', name: 'selfie2' });
  });

  test('built-in admin is protected', async () => {
    const r = await api.post(`/admin/users/${SEED_IDS.admin}/destroy`);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].detail.field).toBe('id');
    expect((await api.get(`/admin/users/${SEED_IDS.admin}`)).body).toMatchObject({ name: 'admin', role: 'SystemAdmin' });
  });

  test('22.2-only endpoints are absent in 22.3', async () => {
    expect((await api.post('/admin/username', { name: 'x' })).status).toBe(404);
    expect((await api.post('/admin/password', { old_password: 'a', new_password: 'b' })).status).toBe(404);
  });
});

describe('dealers', () => {
  test('lifecycle, write-only password, dealer self endpoints', async () => {
    const id = await created(api.post('/dealers', dealerBody('rt', { email: 'd@example.com', level: 'DISTRIBUTOR' })));
    const g = await api.get(`/dealers/${id}`);
    expect(g.body).toMatchObject({
      id,
      name: 'dealerrt',
      level: 'DISTRIBUTOR',
      enabled: true,
      max_tenants: 100,
      max_extensions: 50000,
      tenant_full_access: true,
      phone: null,
    });
    expect('password' in g.body).toBe(false);
    expect((await api.post(`/dealers/${id}`, { phone: '+15551234', max_tenants: 5 })).status).toBe(200);
    expect((await api.get(`/dealers/${id}`)).body).toMatchObject({ phone: '+15551234', max_tenants: 5, email: 'd@example.com' });
    expect((await api.post(`/dealers/${id}/password`, { password: 'another1' })).status).toBe(200);
    const d = api.as();
    await d.signIn('dealerrt', 'another1');
    expect((await d.get('/dealer')).body).toMatchObject({ id, name: 'dealerrt' });
    expect((await d.post('/dealer', { address: '1 Main St' })).status).toBe(200);
    expect((await d.get('/dealer/status')).body).toMatchObject({ max_tenants: 5, current_tenants: 0 });
    expect((await d.post('/dealer/username', { name: 'dealer-rt' })).status).toBe(200);
    expect((await d.post('/dealer/password', { old_password: 'another1', new_password: 'another2' })).status).toBe(200);
    expect((await api.get('/dealers')).body.items.find((x: { id: string }) => x.id === id)).toMatchObject({ name: 'dealer-rt' });
    expect((await api.post(`/dealers/${id}/destroy`)).status).toBe(204);
    expect((await api.get(`/dealers/${id}`)).status).toBe(404);
  });
});

describe('IP rules', () => {
  test('create answers 200 {id}; expire_at normalised to Z; destroy 204 then 400', async () => {
    const r = await api.post('/ip_filters', {
      cidr: '198.51.100.0/24',
      target: 'DENY',
      expire_at: '2030-01-01T10:00:00+02:00',
      description: 'bad net',
    });
    expect(r.status).toBe(200);
    const id = r.body.id;
    expect((await api.get(`/ip_filters/${id}`)).body).toEqual({
      id,
      cidr: '198.51.100.0/24',
      target: 'DENY',
      expire_at: '2030-01-01T08:00:00Z',
      description: 'bad net',
    });
    expect((await api.post(`/ip_filters/${id}`, { target: 'ACCEPT' })).status).toBe(200);
    expect((await api.get(`/ip_filters/${id}`)).body).toMatchObject({ target: 'ACCEPT', cidr: '198.51.100.0/24' });
    const exp = await api.get('/ip_filters/export');
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-type')).toBe('application/octet-stream');
    expect(exp.text).toContain('198.51.100.0/24,ACCEPT');
    expect((await api.post(`/ip_filters/${id}/destroy`)).status).toBe(204);
    const again = await api.post(`/ip_filters/${id}/destroy`);
    expect(again.status).toBe(400); // documented "Invalid rule ID supplied."
  });
});

describe('transports', () => {
  test('seeded UDP 5060; create, update, status by protocol, destroy', async () => {
    const seeded = await api.get(`/transports/${SEED_IDS.transportUdp}`);
    expect(seeded.body).toEqual({ id: SEED_IDS.transportUdp, protocol: 'UDP', port: 5060, verification: null });
    const id = await created(api.post('/transports', { protocol: 'TCP', port: 5063 }));
    expect((await api.post(`/transports/${id}`, { port: 5064 })).status).toBe(200);
    expect((await api.get(`/transports/${id}`)).body).toEqual({ id, protocol: 'TCP', port: 5064, verification: null });
    // Op 33 takes the protocol (C1 enum, seed): an id is refused.
    expect((await api.get(`/transports/${id}/status`)).status).toBe(400);
    expect((await api.get('/transports/TCP/status')).body).toEqual({ status: 'ACTIVATED' });
    expect((await api.get('/transports/UDP/status')).body).toEqual({ status: 'ACTIVATED' });
    expect((await api.get('/transports/TLS/status')).body).toEqual({ status: 'DEACTIVATED' });
    expect((await api.post(`/transports/${id}/destroy`)).status).toBe(204);
    expect((await api.get(`/transports/${id}`)).status).toBe(404);
  });
});

describe('tenants', () => {
  test('create, detail vs summary, merge update, switch, destroy codes', async () => {
    const id = await created(api.post('/tenants', tenantBody('rt', { enable_billing: true, x_crm: { a: 1 } })));
    const d = await api.get(`/tenants/${id}`);
    expect(d.body).toMatchObject({
      id,
      name: 'Tenant rt',
      domain: 'trt.pbx.example.com',
      enable_billing: true,
      max_extensions: 1000,
      extension_im_disk_quota: '1GB',
      contact_append_type: 'APPEND',
      contact_inbound_rule_append_type: 'APPEND',
      allow_password_retrieval: false,
    });
    const list = await api.get(`/tenants?filter=${encodeURIComponent(`id eq '${id}'`)}`);
    expect(list.body.count).toBe(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({ id, name: 'Tenant rt', current_extensions: 0, enabled: true });
    expect('enable_billing' in item).toBe(false); // summary shape
    expect('x_crm' in item).toBe(false);
    expect(
      (
        await api.post(`/tenants/${id}`, {
          name: 'Renamed',
          office_hours: { monday: { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] } },
        })
      ).status,
    ).toBe(200);
    expect((await api.get(`/tenants/${id}`)).body).toMatchObject({
      name: 'Renamed',
      enable_billing: true,
      office_hours: { monday: { enabled: true } },
    });
    expect((await api.post(`/tenants/switch?id=${id}`)).status).toBe(200);
    expect((await api.post(`/tenants/${id}/destroy`)).status).toBe(204);
    expect((await api.post(`/tenants/${id}/destroy`)).status).toBe(404);
    expect((await api.post('/tenants/not-an-id!/destroy')).status).toBe(400);
  });

  test('webhook credentials: stored on create, returned by GET, changed by a merge update', async () => {
    const hook = (password: string) => ({ enabled: true, auth: 'BASIC', username: 'hookuser1', password, url: 'https://h.example/cdr' });
    const id = await created(api.post('/tenants', tenantBody('wh', { cdr_event: hook('hookfirst1') })));
    expect((await api.get(`/tenants/${id}`)).body.cdr_event).toMatchObject({ password: 'hookfirst1' });
    // The nested password is webhook data, not an account password: the update changes it.
    expect((await api.post(`/tenants/${id}`, { cdr_event: { password: 'hooksecond1' } })).status).toBe(200);
    expect((await api.get(`/tenants/${id}`)).body.cdr_event).toEqual(hook('hooksecond1'));
    expect((await api.post(`/tenants/${id}/destroy`)).status).toBe(204);
  });

  test('designate to a dealer, read it, remove it', async () => {
    const t = await created(api.post('/tenants', tenantBody('dd')));
    const d = await created(api.post('/dealers', dealerBody('dd')));
    expect((await api.get(`/tenants/${t}/dealers`)).body).toEqual({ items: [] });
    const p = await api.post(`/tenants/${t}/dealers/${d}`);
    expect(p.status).toBe(200);
    expect(p.text).toBe('');
    expect((await api.get(`/tenants/${t}/dealers`)).body).toEqual({
      items: [{ id: d, enabled: true, level: 'DISTRIBUTOR', name: 'dealerdd', display_name: null }],
    });
    expect((await api.post(`/tenants/${t}/dealers/${d}/destroy`)).status).toBe(204);
    expect((await api.post(`/tenants/${t}/dealers/${d}/destroy`)).status).toBe(404);
  });
});

describe('trunks (providers) and assignment', () => {
  test('list, get, assign 204, check 200/404, unassign 204', async () => {
    const list = await api.get('/providers');
    expect(list.body.count).toBe(3);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(SEED_IDS.providers);
    const pid = SEED_IDS.providers[0];
    expect((await api.get(`/providers/${pid}`)).body).toMatchObject({
      id: pid,
      name: 'twilio-elastic',
      transport: 'UDP',
      register_interval: 600,
    });
    const t = await created(api.post('/tenants', tenantBody('tr')));
    expect((await api.get(`/providers/${pid}/assignees/${t}`)).status).toBe(404);
    const a = await api.post(`/providers/${pid}/assignees/${t}`, { did_numbers: '3000;12000-18000', concurrency: 5 });
    expect(a.status).toBe(204);
    expect((await api.get(`/providers/${pid}/assignees/${t}`)).body).toEqual({ did_numbers: '3000;12000-18000', concurrency: 5 });
    expect((await api.post(`/providers/${pid}/assignees/${t}`, { concurrency: 7 })).status).toBe(204);
    expect((await api.get(`/providers/${pid}/assignees`)).body).toEqual({
      items: [{ tenant_id: t, did_numbers: '3000;12000-18000', concurrency: 7 }],
    });
    expect((await api.post(`/providers/${pid}/assignees/${t}/destroy`)).status).toBe(204);
    expect((await api.get(`/providers/${pid}/assignees/${t}`)).status).toBe(404);
    expect((await api.get('/providers/bm9wZQ==')).status).toBe(404);
  });
});

describe('protocol', () => {
  test('unknown id 404, unknown path 404, other verbs 405, bad JSON 400', async () => {
    const r = await api.get('/tenants/OTk5OTk5OTk5OTk5OTk5OTk5');
    expect(r.status).toBe(404);
    expect(r.body.errors[0].code).toBe('NOT_FOUND');
    expect((await api.get('/nope')).status).toBe(404);
    const put = await api.req('PUT', '/network', {});
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toContain('POST');
    expect((await api.req('DELETE', `/transports/${SEED_IDS.transportUdp}`)).status).toBe(405);
    const bad = await api.post('/network', '{not json');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].detail.field).toBe('body');
  });
});

describe('API 22.2 mode', () => {
  test('22.2 keeps /admin/username and /admin/password and lacks /admin/users and /dataflow', async () => {
    const { emu: e2, api: a2 } = await boot({ apiVersion: '22.2' });
    try {
      expect((await a2.get('/admin/users')).status).toBe(404);
      expect((await a2.get('/dataflow')).status).toBe(404);
      expect((await a2.post('/admin/password', { old_password: 'admin123', new_password: 'changed1' })).status).toBe(200);
      expect((await a2.post('/admin/username', { name: 'root2' })).status).toBe(200);
      await a2.as().signIn('root2', 'changed1');
      expect((await a2.get('/admin/status')).body.version).toBe('22.2.11');
      const t = await created(a2.post('/tenants', tenantBody(22)));
      expect((await a2.post(`/tenants/${t}`, { name: 'Nope' })).body.errors[0].detail.field).toBe('name');
      expect('allow_password_retrieval' in (await a2.get(`/tenants/${t}`)).body).toBe(false);
    } finally {
      await e2.close();
    }
  });
});
