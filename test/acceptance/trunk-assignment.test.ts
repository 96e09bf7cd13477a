// portsip_trunk_assignment end to end: real terraform -> dist/provider.js -> the emulator (whose
// seeded trunks are the assignment targets). Tenants are created through the API: only the
// assignment is under test here.
import { attrs, expectExit, expectPlan, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const assignment = (trunk: string, tenant: string, dids: string, concurrency: number) => `
resource "portsip_trunk_assignment" "a" {
  trunk_id     = "${trunk}"
  tenant_id    = "${tenant}"
  did_numbers  = "${dids}"
  concurrency  = ${concurrency}
}
`;

const tenantBody = (n: string) =>
  ({ name: n, domain: `${n}.example.com`, timezone: 'UTC', currency: 'USD', region: 'USA' }) as Parameters<
    import('../../src/client').PortsipClient['tenants']['create']
  >[0];

test('lifecycle: assign, update in place, same pool spelled differently, import, drift, replace, destroy', () =>
  withAcceptance(async ({ h, api, emu }) => {
    const [t1, t2] = emu.seedIds.providers;
    const tenant = (await api.tenants.create(tenantBody('acme'))).id;
    h.writeConfig(assignment(t1, tenant, '3000;12000-12099', 5));
    await h.init();
    await h.apply();
    expect(attrs(h, 'portsip_trunk_assignment.a')).toMatchObject({
      id: `${t1}/${tenant}`,
      trunk_id: t1,
      tenant_id: tenant,
      did_numbers: '3000;12000-12099',
      concurrency: 5,
    });
    expect(await api.providers.getAssignment(t1, tenant)).toMatchObject({ did_numbers: '3000;12000-12099', concurrency: 5 });
    await expectPlan(h, 0, 'after create');

    h.writeConfig(assignment(t1, tenant, '3000-3010;12000-12099', 10));
    const upd = await h.plan();
    expect(upd.stdout).toMatch(/will be updated in-place/);
    await h.apply();
    expect(await api.providers.getAssignment(t1, tenant)).toMatchObject({ did_numbers: '3000-3010;12000-12099', concurrency: 10 });
    await expectPlan(h, 0, 'after update');

    // The same pool in another order and with spaces is no change.
    h.writeConfig(assignment(t1, tenant, '12000-12099; 3000-3010', 10));
    await expectPlan(h, 0, 'same pool, other spelling');

    await reimport(h, 'portsip_trunk_assignment.a', `${t1}/${tenant}`);
    await expectPlan(h, 0, 'after import');

    await api.providers.assign(t1, tenant, { concurrency: 3 });
    const drift = await expectPlan(h, 2, 'after out-of-band change');
    expect(drift.stdout).toMatch(/concurrency\s+= 3 -> 10/);
    const ro = expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 2, 'refresh-only');
    expect(ro.stdout).toMatch(/changed outside of Terraform/);
    await h.apply();
    expect((await api.providers.getAssignment(t1, tenant))?.concurrency).toBe(10);
    await expectPlan(h, 0, 'after repairing drift');

    // Another trunk is another assignment.
    h.writeConfig(assignment(t2, tenant, '12000-12099; 3000-3010', 10));
    const rep = await h.plan();
    expect(rep.stdout).toMatch(/trunk_id\s+= "[^"]+" -> "[^"]+" # forces replacement/);
    await h.apply();
    expect(await api.providers.getAssignment(t1, tenant)).toBeNull();
    expect(await api.providers.getAssignment(t2, tenant)).toMatchObject({ concurrency: 10 });
    await expectPlan(h, 0, 'after replace');

    await api.providers.unassign(t2, tenant);
    const gone = await expectPlan(h, 2, 'after out-of-band unassign');
    expect(gone.stdout).toMatch(/will be created/);
    await h.apply();
    await expectPlan(h, 0, 'after re-create');

    await h.destroy();
    expect(h.addresses()).toEqual([]);
    expect((await api.providers.assignees(t2)).items).toEqual([]);
  }));

test('overlapping DID pools and existing assignments are reported clearly', () =>
  withAcceptance(async ({ h, api, emu }) => {
    const [t1, , t3] = emu.seedIds.providers;
    const a = (await api.tenants.create(tenantBody('alpha'))).id;
    const b = (await api.tenants.create(tenantBody('beta'))).id;
    await api.providers.assign(t3, b, { did_numbers: '5000-5099', concurrency: 2 });
    h.writeConfig(assignment(t1, a, '5050', 1));
    await h.init();
    const overlap = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'overlapping pool');
    expect(overlap.stderr).toMatch(/DID pool refused: it overlaps another tenant's pool/);
    expect(overlap.stderr).toMatch(/overlaps the DID pool of tenant/);
    expect(await api.providers.getAssignment(t1, a)).toBeNull();

    // An assignment made elsewhere is not silently overwritten: the error gives the import block.
    h.writeConfig(assignment(t3, b, '5000-5099', 4));
    const conflict = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'existing assignment');
    expect(conflict.stderr).toContain(`import {\n  to = portsip_trunk_assignment.NAME\n  id = "${t3}/${b}"\n}`);
    expect((await api.providers.getAssignment(t3, b))?.concurrency).toBe(2);
  }));
