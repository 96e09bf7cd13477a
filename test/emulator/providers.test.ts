// Trunk ("provider") create, update and destroy in the emulator (src/emulator/routes/providers.ts):
// createProvider/updateProvider/deleteProvider of the OpenAPI document, and the choices marked
// [inferred] in docs/emulator.md (unique names, fixed brand/auth_mode, destroy takes assignments).
import type { EmulatorHandle } from '../../src/emulator';
import { Api, boot, tenantBody } from './helpers';

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await boot()));
afterAll(() => emu.close());

const trunkBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  transport: 'UDP',
  hostname: 'sip.carrier.example',
  port: 5060,
  outbound_server: 'sip.carrier.example',
  outbound_server_port: 5060,
  concurrency: 30,
  ...extra,
});

async function create(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await api.post('/providers', trunkBody(name, extra));
  expect({ status: r.status, body: r.body }).toEqual({ status: 201, body: { id: expect.any(String) } });
  return r.body.id as string;
}

test('create fills the documented defaults, keeps the password out of every answer, lists the trunk', async () => {
  const id = await create('carrier-a', { brand: 'Generic', auth_mode: 'REGISTER_AUTH', password: 'Trunk-S3cret' });
  const g = await api.get(`/providers/${id}`);
  expect(g.status).toBe(200);
  expect(g.body).toMatchObject({
    id,
    name: 'carrier-a',
    brand: 'Generic',
    auth_mode: 'REGISTER_AUTH',
    enabled: true,
    registration: true,
    register_interval: 600,
    keep_alive_interval: 360,
    inlan: false,
    stir_shaken_signature_required: false,
    shared: false,
  });
  expect(g.text).not.toContain('Trunk-S3cret');
  const list = await api.get('/providers');
  expect(list.text).not.toContain('Trunk-S3cret');
  expect(list.body.items.map((p: { name: string }) => p.name)).toContain('carrier-a');
});

test.each([
  [
    'a required field missing',
    (() => {
      const b: Record<string, unknown> = trunkBody('x1');
      delete b.concurrency;
      return b;
    })(),
    'concurrency',
  ],
  ['transport outside the enum', trunkBody('x2', { transport: 'WSS' }), 'transport'],
  ['a port above 65535', trunkBody('x3', { port: 70000 }), 'port'],
  ['port 0 on TCP', trunkBody('x4', { transport: 'TCP', port: 0 }), 'port'],
  ['a name over 64 characters', trunkBody('n'.repeat(65)), 'name'],
  ['additional_ips that are not CIDRs', trunkBody('x5', { additional_ips: '192.0.2.0/24;not-an-ip' }), 'additional_ips'],
  ['an inverted DID range', trunkBody('x6', { did_numbers: '200-100' }), 'did_numbers'],
  ['a duplicate name', trunkBody('twilio-elastic'), 'name'],
])('create refuses %s with 400 naming the field', async (_what, body, field) => {
  const r = await api.post('/providers', body);
  expect(r.status).toBe(400);
  expect(JSON.stringify(r.body)).toContain(field);
});

test('update merges, refuses a new brand or auth_mode and a taken name; the password changes without showing', async () => {
  const id = await create('carrier-b', { brand: 'Generic', auth_mode: 'IP_AUTH' });
  expect((await api.post(`/providers/${id}`, { concurrency: 45, enabled: false, password: 'New-S3cret' })).status).toBe(200);
  const g = await api.get(`/providers/${id}`);
  expect(g.body).toMatchObject({ name: 'carrier-b', concurrency: 45, enabled: false, hostname: 'sip.carrier.example' });
  expect(g.text).not.toContain('New-S3cret');
  expect((await api.post(`/providers/${id}`, { brand: 'Other' })).status).toBe(400);
  expect((await api.post(`/providers/${id}`, { auth_mode: 'REGISTER_AUTH' })).status).toBe(400);
  expect((await api.post(`/providers/${id}`, { brand: 'Generic' })).status).toBe(200); // the same value is no change
  expect((await api.post(`/providers/${id}`, { name: 'telnyx-main' })).status).toBe(400);
  expect((await api.post(`/providers/${id}`, { name: 'carrier-b2' })).status).toBe(200);
  expect((await api.get(`/providers/${id}`)).body.name).toBe('carrier-b2');
});

test('destroy answers 204, takes the tenant assignments with it, then 404', async () => {
  const id = await create('carrier-c');
  const t = (await api.post('/tenants', tenantBody('trunk-destroy'))).body.id as string;
  expect((await api.post(`/providers/${id}/assignees/${t}`, { did_numbers: '5000-5009', concurrency: 2 })).status).toBe(204);
  const d = await api.post(`/providers/${id}/destroy`);
  expect(d.status).toBe(204);
  expect((await api.get(`/providers/${id}`)).status).toBe(404);
  expect((await api.get(`/providers/${id}/assignees/${t}`)).status).toBe(404);
  expect((await api.post(`/providers/${id}/destroy`)).status).toBe(404);
  // The tenant's DID pool is free again for another trunk.
  const other = await create('carrier-d');
  expect((await api.post(`/providers/${other}/assignees/${t}`, { did_numbers: '5000-5009', concurrency: 2 })).status).toBe(204);
});
