// Accounts whose password is write-only (portsip_dealer, portsip_admin_user): a create without
// `password_wo` is refused at plan time (PlanResourceChange, prior null) with a diagnostic on
// ["password_wo"]; an imported account (prior state) may leave the password unmanaged.
import type { ResourceContext, ResourceDefinition } from '../../src/provider/definition';
import { UNKNOWN, type ObjectValue } from '../../src/provider/values';
import type { PortsipContext } from '../../src/resources/common/context';
import { adminUserResource, adminUserSchema } from '../../src/resources/admin-user';
import { dealerResource, dealerSchema } from '../../src/resources/dealer';
import { configOf, freshLedger, resourceCtx } from './helpers';

// plan() must not call the API for a create; a context whose only member is the plan ledger (no
// API client: it throws) proves it. A fresh ledger per plan: each test plans one object.
const ctx: ResourceContext<PortsipContext> = resourceCtx(
  new Proxy({} as PortsipContext, {
    get: (_t, p) => {
      if (p === 'ledger') return freshLedger();
      throw new Error(`plan used the provider context (${String(p)})`);
    },
  }),
);

const cases: [string, ResourceDefinition<PortsipContext>, ObjectValue, string][] = [
  ['dealer', dealerResource, configOf(dealerSchema, { name: 'acme-reseller', level: 'RESELLER' }), 'a dealer'],
  ['admin user', adminUserResource, configOf(adminUserSchema, { name: 'ops-admin', role: 'SystemAdmin' }), 'an admin user'],
];

describe.each(cases)('%s', (_name, resource, base, noun) => {
  const plan = (config: ObjectValue, prior: ObjectValue | null = null) =>
    resource.plan({ prior, proposed: config, config, priorPrivate: Buffer.alloc(0) }, ctx);

  test('validation accepts a config without password_wo (it may be an imported account)', () => {
    expect(resource.validate!(base, ctx)).toEqual([]);
  });

  test('a create without password_wo fails at plan with an error on password_wo', async () => {
    const r = await plan(base);
    const errs = (r.diagnostics ?? []).filter((d) => d.severity === 'error');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ path: ['password_wo'], summary: 'Missing required argument' });
    expect(errs[0]!.detail).toContain(`Attribute "password_wo" is required to create ${noun}`);
    expect(errs[0]!.detail).toMatch(/import it instead/);
  });

  test('a create with password_wo (known or from an unknown value) plans cleanly; the secret is not in the plan', async () => {
    for (const pw of ['secret-123', UNKNOWN] as const) {
      const config: ObjectValue = { ...base, password_wo: pw };
      const r = await plan(config);
      expect(r.diagnostics ?? []).toEqual([]);
      expect(r.planned.password_wo).toBeNull();
      expect(JSON.stringify(r.planned)).not.toContain('secret-123');
    }
  });

  test('an existing (imported) account without password_wo plans without error', async () => {
    const prior = { ...base, id: 'x1' };
    const r = await resource.plan(
      { prior, proposed: { ...base, id: 'x1' }, config: base, priorPrivate: Buffer.alloc(0) },
      {
        ...ctx,
        provider: {
          client: {},
          ledger: freshLedger(),
          apiVersion: async () => '22.3',
        } as unknown as PortsipContext,
      },
    );
    expect((r.diagnostics ?? []).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
