// The kit's singleton mode (src/resources/kit/singleton.ts) and the trunk assignment's error
// mapping, with in-memory fakes of the client: which calls each step makes, and what it returns.
import { ValidationError } from '../../../src/client';
import type { ResourceContext } from '../../../src/provider/definition';
import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import { brandResource } from '../../../src/resources/brand';
import type { PortsipContext } from '../../../src/resources/common/context';
import { networkSettingsResource, networkSettingsSchema } from '../../../src/resources/network-settings';
import { notificationSettingsResource, notificationSettingsSchema } from '../../../src/resources/notification-settings';
import { trunkAssignmentResource, trunkAssignmentSchema } from '../../../src/resources/trunk-assignment';
import { configOf, freshLedger, resourceCtx } from '../helpers';

type Call = [string, ...unknown[]];

function fakeCtx(client: Record<string, unknown>, signInPassword?: string): ResourceContext<PortsipContext> {
  return resourceCtx({
    client,
    reads: undefined,
    readStrategy: 'batch',
    signInPassword,
    ledger: freshLedger(),
    apiVersion: async () => '22.3',
  });
}

function fakeNetwork(live: Record<string, unknown>) {
  const calls: Call[] = [];
  const client = {
    network: {
      get: async () => ({ ...live }),
      update: async (b: Record<string, unknown>) => {
        calls.push(['update', b]);
        Object.assign(live, b);
      },
    },
  };
  return { calls, ctx: fakeCtx(client), live };
}

const LIVE = {
  web_domain: 'pbx.example.com',
  private_ipv4: null,
  public_ipv4: null,
  enable_ipv6: true,
  private_ipv6: null,
  public_ipv6: null,
  primary_dns_server: null,
  secondary_dns_server: null,
};

test('create adopts: nothing is sent when the PBX already has the configured values', async () => {
  const { calls, ctx } = fakeNetwork({ ...LIVE });
  const config = configOf(networkSettingsSchema, { web_domain: 'pbx.example.com' });
  const { planned } = await networkSettingsResource.plan({ prior: null, proposed: config, config, priorPrivate: Buffer.alloc(0) }, ctx);
  expect(planned.id).toBe('network_settings');
  expect(planned.enable_ipv6).toBe(UNKNOWN);
  const r = await networkSettingsResource.apply({ action: 'create', prior: null, planned, config, plannedPrivate: Buffer.alloc(0) }, ctx);
  expect(calls).toEqual([]);
  expect(r.newState).toMatchObject({ id: 'network_settings', web_domain: 'pbx.example.com', enable_ipv6: true });
});

test('create sends only the configured fields that differ; update sends the minimal patch', async () => {
  const { calls, ctx } = fakeNetwork({ ...LIVE });
  const config = configOf(networkSettingsSchema, { web_domain: 'pbx.example.com', enable_ipv6: false, public_ipv4: '203.0.113.5' });
  const { planned } = await networkSettingsResource.plan({ prior: null, proposed: config, config, priorPrivate: Buffer.alloc(0) }, ctx);
  const created = (
    await networkSettingsResource.apply({ action: 'create', prior: null, planned, config, plannedPrivate: Buffer.alloc(0) }, ctx)
  ).newState!;
  expect(calls).toEqual([['update', { enable_ipv6: false, public_ipv4: '203.0.113.5' }]]);
  calls.length = 0;
  const next = { ...created, public_ipv4: '203.0.113.6' };
  const upd = await networkSettingsResource.apply(
    { action: 'update', prior: created, planned: next, config: next, plannedPrivate: Buffer.alloc(0) },
    ctx,
  );
  expect(calls).toEqual([['update', { public_ipv4: '203.0.113.6' }]]);
  expect(upd.newState).toEqual(next);
});

test('delete forgets unless reset_on_destroy, which restores only documented defaults that differ', async () => {
  const { calls, ctx } = fakeNetwork({ ...LIVE, enable_ipv6: false });
  const state: ObjectValue = { ...configOf(networkSettingsSchema, {}), id: 'network_settings', enable_ipv6: false };
  expect(
    (
      await networkSettingsResource.apply(
        { action: 'delete', prior: state, planned: null, config: null, plannedPrivate: Buffer.alloc(0) },
        ctx,
      )
    ).newState,
  ).toBeNull();
  expect(calls).toEqual([]);
  await networkSettingsResource.apply(
    { action: 'delete', prior: { ...state, reset_on_destroy: true }, planned: null, config: null, plannedPrivate: Buffer.alloc(0) },
    ctx,
  );
  expect(calls).toEqual([['update', { enable_ipv6: true }]]);
});

test('import accepts only the fixed id', async () => {
  const { ctx } = fakeNetwork({ ...LIVE });
  expect((await networkSettingsResource.importState!('network_settings', ctx)).state).toMatchObject({
    id: 'network_settings',
    web_domain: null,
  });
  const bad = await networkSettingsResource.importState!('something-else', ctx);
  expect(bad.state).toBeNull();
  expect(bad.diagnostics?.[0]?.detail).toMatch(/import it with the id "network_settings"/);
});

test('notification: a body without type/username is refused before the API with the attribute to set', async () => {
  const calls: Call[] = [];
  const ctx = fakeCtx({
    notification: {
      get: async () => ({ type: null, username: null, port: null }),
      update: async (b: unknown) => void calls.push(['update', b]),
    },
  });
  const config = configOf(notificationSettingsSchema, { port: 587 });
  const { planned } = await notificationSettingsResource.plan(
    { prior: null, proposed: config, config, priorPrivate: Buffer.alloc(0) },
    ctx,
  );
  const r = await notificationSettingsResource.apply(
    { action: 'create', prior: null, planned, config, plannedPrivate: Buffer.alloc(0) },
    ctx,
  );
  expect(calls).toEqual([]);
  expect(r.newState).toBeNull();
  expect(r.diagnostics?.map((d) => d.path)).toEqual([['type'], ['username']]);
});

test('brand: no GET, so read returns the prior state and create sends every configured value', async () => {
  const calls: Call[] = [];
  const ctx = fakeCtx({ brand: { update: async (b: unknown) => void calls.push(['update', b]) } });
  const config = configOf(brandResource.schema, { theme: 'DARK', title: 'Acme' });
  const { planned } = await brandResource.plan({ prior: null, proposed: config, config, priorPrivate: Buffer.alloc(0) }, ctx);
  const created = (await brandResource.apply({ action: 'create', prior: null, planned, config, plannedPrivate: Buffer.alloc(0) }, ctx))
    .newState!;
  expect(calls).toEqual([['update', { theme: 'DARK', title: 'Acme' }]]);
  expect((await brandResource.read({ current: created, private: Buffer.alloc(0) }, ctx)).newState).toEqual(created);
});

test('a singleton checks the stop signal: after StopProvider nothing is read or written', async () => {
  const calls: unknown[] = [];
  const ctx = { ...fakeCtx({ brand: { update: async (b: unknown) => calls.push(b) } }), signal: AbortSignal.abort() };
  const config = configOf(brandResource.schema, { theme: 'DARK' });
  await expect(
    brandResource.apply(
      { action: 'create', prior: null, planned: { ...config, id: 'brand' }, config, plannedPrivate: Buffer.alloc(0) },
      ctx,
    ),
  ).rejects.toThrow(/asked the provider to stop/);
  expect(calls).toEqual([]);
});

test('trunk assignment: a DID refusal from the PBX points at did_numbers and names the overlap', async () => {
  const ctx = fakeCtx({
    providers: {
      getAssignment: async () => null,
      assign: async () => {
        throw new ValidationError({
          status: 400,
          code: 'VALIDATE_FAILED',
          message: 'field validation failed',
          method: 'POST',
          path: '/providers/p/assignees/t',
          detail: { field: 'did_numbers', reason: 'overlaps the DID pool of tenant X on trunk Y' },
        });
      },
    },
  });
  const config = configOf(trunkAssignmentSchema, { trunk_id: 'p', tenant_id: 't', did_numbers: '5050', concurrency: 1 });
  const { planned } = await trunkAssignmentResource.plan({ prior: null, proposed: config, config, priorPrivate: Buffer.alloc(0) }, ctx);
  expect(planned.id).toBe('p/t');
  const r = await trunkAssignmentResource.apply({ action: 'create', prior: null, planned, config, plannedPrivate: Buffer.alloc(0) }, ctx);
  expect(r.newState).toBeNull();
  expect(r.diagnostics?.[0]).toMatchObject({
    path: ['did_numbers'],
    summary: expect.stringMatching(/overlaps another tenant's pool/),
    detail: expect.stringMatching(/overlaps the DID pool of tenant X on trunk Y/),
  });
});

test('profiles: name and password go through their own endpoints after the profile body (admin Ops 10-12, dealer Ops 45-47)', async () => {
  const { adminProfileResource, adminProfileSchema } = await import('../../../src/resources/admin-profile');
  const { dealerProfileResource, dealerProfileSchema } = await import('../../../src/resources/dealer-profile');
  for (const [res, schema, prop] of [
    [adminProfileResource, adminProfileSchema, 'adminProfile'],
    [dealerProfileResource, dealerProfileSchema, 'dealerProfile'],
  ] as const) {
    const calls: Call[] = [];
    const live: Record<string, unknown> = { id: 'u1', name: 'old-name', display_name: 'Old', email: null };
    const api = {
      get: async () => ({ ...live }),
      update: async (b: Record<string, unknown>) => void calls.push(['update', b]),
      changeUsername: async (n: string) => void calls.push(['username', n]),
      changePassword: async (o: string, n: string) => void calls.push(['password', o, n]),
    };
    // The current password sent as old_password is the one the provider signed in with.
    const ctx = fakeCtx({ [prop]: api }, 'old-secret');
    expect(Object.keys(schema.block.attributes)).not.toContain('old_password_wo');
    const prior = (await res.read({ current: configOf(schema, { id: `${prop}` }), private: Buffer.alloc(0) }, ctx)).newState!;
    const planned = { ...prior, name: 'new-name', display_name: 'New', password_wo_version: 1 };
    const config = { ...planned, new_password_wo: 'new-secret' };
    await res.apply({ action: 'update', prior, planned, config, plannedPrivate: Buffer.alloc(0) }, ctx);
    expect(calls).toEqual([
      ['update', { display_name: 'New' }],
      ['username', 'new-name'],
      ['password', 'old-secret', 'new-secret'],
    ]);
    // The same version again: the write-only password is not re-sent.
    calls.length = 0;
    await res.apply({ action: 'update', prior: planned, planned: { ...planned }, config, plannedPrivate: Buffer.alloc(0) }, ctx);
    expect(calls).toEqual([]);
    // A provider without a password (token sign-in) cannot change its own password: the apply fails
    // with a diagnostic and nothing is sent.
    const noPw = fakeCtx({ [prop]: api });
    const r = await res.apply(
      { action: 'update', prior: planned, planned: { ...planned, password_wo_version: 2 }, config, plannedPrivate: Buffer.alloc(0) },
      noPw,
    );
    expect(calls.filter((c) => c[0] === 'password')).toEqual([]);
    expect(r.diagnostics?.map((d) => d.severity)).toContain('error');
    expect(JSON.stringify(r.diagnostics)).not.toContain('new-secret');
  }
});
