// The conformance check (option `conformance`): requests are checked against PortSIP's OpenAPI
// (22.2) or our documented 22.3 shapes before the route sees them; violations are 400 and recorded.
import type { EmulatorHandle } from '../../src/emulator';
import { assertConformant } from '../acceptance/portsip';
import { Api, boot, dealerBody, tenantBody } from './helpers';

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await boot({ conformance: true })));
afterAll(() => emu.close());
beforeEach(() => emu.resetConformance());

test('a conformant request passes and is counted', async () => {
  expect((await api.post('/dealers', dealerBody('c1'))).status).toBe(201);
  expect(emu.conformance()).toEqual({ checked: 1, violations: [] });
});

test('dealer create without the required max_tenants/max_extensions is a violation (OpenAPI required)', async () => {
  const r = await api.post('/dealers', { name: 'c2', password: 'secret1', level: 'RESELLER' });
  expect(r.status).toBe(400);
  expect(r.body.errors[0].message).toMatch(/does not conform to PortSIP's OpenAPI schema of POST \/api\/dealers/);
  expect(r.body.errors[0].detail.reason).toMatch(/^not conformant: max_tenants is required/);
  const v = emu.conformance().violations;
  expect(v.map((x) => `${x.field} ${x.reason} ${x.source}`)).toEqual([
    'max_tenants is required openapi-22.2',
    'max_extensions is required openapi-22.2',
  ]);
  expect(() => assertConformant(emu.conformance())).toThrow(/2 request\(s\)|POST \/api\/dealers.*max_tenants is required/s);
});

test('undocumented keys, nested too, are violations (without the check they are dropped)', async () => {
  expect((await api.post('/network', { web_domain: 'pbx.example.com', frobnicate: 1 })).status).toBe(400);
  const t = tenantBody('c3', { cdr_event: { enabled: false, colour: 'red' } });
  expect((await api.post('/tenants', t)).status).toBe(400);
  expect(emu.conformance().violations.map((v) => v.field)).toEqual(['frobnicate', 'cdr_event.colour']);
  const { emu: e2, api: a2 } = await boot();
  try {
    expect((await a2.post('/network', { web_domain: 'pbx.example.com', frobnicate: 1 })).status).toBe(200);
    expect('frobnicate' in (await a2.get('/network')).body).toBe(false);
  } finally {
    await e2.close();
  }
});

test('read-only tenant keys echoed back in a write are violations', async () => {
  expect((await api.post('/tenants', tenantBody('c4', { created_at: '2024-01-01T00:00:00Z' }))).status).toBe(400);
  expect(emu.conformance().violations[0]).toMatchObject({
    operation: 'POST /api/tenants',
    field: 'created_at',
    reason: 'is not a documented field',
  });
});

test('22.3 tenant keys (C2 names and the inferred AI/CRM flags), nulls for blanks and the webhook URL doc bug conform', async () => {
  const body = tenantBody('c5', {
    allow_password_retrieval: true,
    contact_inbound_rule_append_type: 'PREPEND',
    enable_feature_ai_transcription: false,
    enable_feature_crm_integrations: false,
    website: null,
    cdr_event: { enabled: true, auth: 'BEARER', token: 't0k3n', url: 'https://hooks.example.com/cdr' },
  });
  expect((await api.post('/tenants', body)).status).toBe(201);
  expect(emu.conformance().violations).toEqual([]);
});

test('the transport status path takes the protocol (the OpenAPI enum), not a transport id', async () => {
  expect((await api.get('/transports/UDP/status')).status).toBe(200);
  const r = await api.get(`/transports/${emu.seedIds.transportUdp}/status`);
  expect(r.status).toBe(400);
  expect(emu.conformance().violations).toEqual([
    expect.objectContaining({ operation: 'GET /api/transports/{id}/status', field: 'id', reason: 'must be one of UDP, TCP, TLS' }),
  ]);
});

test('22.3-only operations are checked against the documented 22.3 shapes', async () => {
  const id = (await api.post('/admin/users', { name: 'c6', password: 'secret1', role: 'SiteAdmin' })).body.id;
  expect((await api.post(`/admin/users/${id}/password`, { password: 'secret99' })).status).toBe(400);
  expect(emu.conformance().violations.map((v) => `${v.field} ${v.reason} ${v.source}`)).toEqual([
    'new_password is required documented-22.3',
    'password is not a documented field documented-22.3',
  ]);
  emu.resetConformance();
  expect((await api.post(`/admin/users/${id}/password`, { new_password: 'secret99' })).status).toBe(200);
  expect((await api.post('/dataflow', { private_ipv4: '10.0.0.5' })).status).toBe(200);
  expect(emu.conformance().violations).toEqual([]);
});

test('a body on an operation that documents none is a violation; an empty one is fine', async () => {
  const t = (await api.post('/tenants', tenantBody('c7'))).body.id;
  const d = (await api.post('/dealers', dealerBody('c7'))).body.id;
  expect((await api.post(`/tenants/${t}/dealers/${d}`, { dealer_id: d })).status).toBe(400);
  expect((await api.post(`/tenants/${t}/dealers/${d}`, {})).status).toBe(200);
  expect(emu.conformance().violations).toEqual([
    expect.objectContaining({ field: 'body', reason: 'this operation documents no request body', source: 'openapi-22.2' }),
  ]);
});

test('the report is served at /__emulator/conformance and reset there', async () => {
  await api.post('/network', { nope: 1 });
  const base = emu.url.replace(/\/api$/, '');
  const r = (await (await fetch(`${base}/__emulator/conformance`)).json()) as { violations: unknown[] };
  expect(r.violations).toHaveLength(1);
  expect((await fetch(`${base}/__emulator/conformance/reset`, { method: 'POST' })).status).toBe(204);
  expect(emu.conformance()).toEqual({ checked: 0, violations: [] });
});
