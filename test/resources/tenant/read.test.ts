// A tenant's refresh: the dealer link (GET /tenants/{id}/dealers) is requested together with the
// tenant (GET /tenants/{id}), not after it, and the outcome is the same as one read after the other:
// the owner from the link, null once the tenant is gone, the tenant's own error first.
import { PortsipClient } from '../../../src/client';
import { startEmulator, type EmulatorHandle } from '../../../src/emulator';
import type { ObjectValue } from '../../../src/provider/values';
import { tenantResource } from '../../../src/resources/tenant';
import { providerContext, resourceCtx } from '../helpers';

const PASSWORD = 'Adm1n-tenant-read-S3cret';
let emu: EmulatorHandle;
let api: PortsipClient;
const clients: PortsipClient[] = [];

beforeAll(async () => {
  emu = await startEmulator({ port: 0, adminPassword: PASSWORD });
  api = new PortsipClient({ endpoint: emu.url, username: 'admin', password: PASSWORD });
  clients.push(api);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await emu.close();
});
afterEach(() => emu.setFaults({ latencyMs: 0 }));

/** A provider context as ConfigureProvider builds it, its client signed in, with `events` recording each request's start and end. */
async function newCtx(mode: 'managed' | 'all' | 'none' = 'managed') {
  const client = new PortsipClient({ endpoint: emu.url, username: 'admin', password: PASSWORD });
  clients.push(client);
  await client.signIn();
  const events: string[] = [];
  const spy =
    <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      events.push(`${name} start`);
      try {
        return await f(...a);
      } finally {
        events.push(`${name} end`);
      }
    };
  client.tenants.get = spy('tenant', client.tenants.get.bind(client.tenants));
  client.tenants.getDealers = spy('dealers', client.tenants.getDealers.bind(client.tenants));
  return { ctx: resourceCtx(providerContext(client, PASSWORD, mode), 'portsip_tenant'), events };
}

let n = 0;
async function tenantWithDealer(): Promise<{ tenantId: string; dealerId: string; prior: ObjectValue }> {
  n++;
  const dealer = await api.dealers.create({
    name: `reseller-${n}`,
    level: 'RESELLER',
    password: 'Reseller-Pw-1',
    email: `ops${n}@example.com`,
    max_tenants: 20,
    max_extensions: 1000,
  } as never);
  const tenant = await api.tenants.create({
    name: `Tenant ${n}`,
    domain: `t${n}.read.example.com`,
    timezone: 'UTC',
    currency: 'USD',
    region: 'USA',
  });
  await api.tenants.designateDealer(tenant.id, dealer.id);
  // The state Terraform holds: read once (an import-like read, which always fetches the link).
  const { ctx } = await newCtx();
  const first = await tenantResource.read({ current: { id: tenant.id }, private: Buffer.alloc(0) }, ctx);
  if (!first.newState) throw new Error('tenant not read');
  return { tenantId: tenant.id, dealerId: dealer.id, prior: first.newState };
}

test('the dealer link is requested before the tenant answers, and the state names the dealer', async () => {
  const { dealerId, prior } = await tenantWithDealer();
  expect(prior.dealer_id).toBe(dealerId);
  emu.setFaults({ latencyMs: 100 });
  const { ctx, events } = await newCtx();
  const r = await tenantResource.read({ current: prior, private: Buffer.alloc(0) }, ctx);
  expect(r.diagnostics ?? []).toEqual([]);
  expect(r.newState).toMatchObject({ id: prior.id, domain: prior.domain, dealer_id: dealerId });
  // Both requests are out before either answer is in.
  expect(events.slice(0, 2).sort()).toEqual(['dealers start', 'tenant start']);
  expect(events).toHaveLength(4);
});

test('a tenant whose state has no dealer_id makes one request under "managed", two under "all"', async () => {
  const tenant = await api.tenants.create({
    name: 'No dealer',
    domain: 'nodealer.read.example.com',
    timezone: 'UTC',
    currency: 'USD',
    region: 'USA',
  });
  const { ctx: c0 } = await newCtx();
  const prior = (await tenantResource.read({ current: { id: tenant.id }, private: Buffer.alloc(0) }, c0)).newState!;
  expect(prior.dealer_id).toBeNull();
  const managed = await newCtx('managed');
  await tenantResource.read({ current: prior, private: Buffer.alloc(0) }, managed.ctx);
  expect(managed.events).toEqual(['tenant start', 'tenant end']);
  const all = await newCtx('all');
  const r = await tenantResource.read({ current: prior, private: Buffer.alloc(0) }, all.ctx);
  expect(r.newState!.dealer_id).toBeNull();
  expect(all.events.filter((e) => e.endsWith('start')).sort()).toEqual(['dealers start', 'tenant start']);
});

test('a tenant deleted outside Terraform reads as gone, with no stray error from the link request', async () => {
  const { tenantId, prior } = await tenantWithDealer();
  await api.tenants.delete(tenantId);
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const { ctx, events } = await newCtx();
    const r = await tenantResource.read({ current: prior, private: Buffer.alloc(0) }, ctx);
    expect(r.diagnostics ?? []).toEqual([]);
    expect(r.newState).toBeNull();
    expect(events.filter((e) => e.endsWith('start')).sort()).toEqual(['dealers start', 'tenant start']);
    await new Promise((res) => setImmediate(res));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
