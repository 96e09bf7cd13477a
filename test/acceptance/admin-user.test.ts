// portsip_admin_user end to end: real terraform -> dist/provider.js -> the emulator. Renames, role
// and password changes are in place (their own endpoints, Ops 6-8), never a replacement.
import { attrs, canSignIn, expectExit, expectPlan, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

interface U {
  name: string;
  role: string;
  display: string;
  version: number;
}

const user = (u: U, password: string) => `
variable "pw" {
  type      = string
  sensitive = true
  default   = ${JSON.stringify(password)}
}

resource "portsip_admin_user" "ops" {
  name                = "${u.name}"
  password_wo         = var.pw
  password_wo_version = ${u.version}
  role                = "${u.role}"
  email               = "ops@example.com"
  display_name        = "${u.display}"
}
`;

test('lifecycle: create, rename + role + password in place, import by id and name, drift, destroy', () =>
  withAcceptance(async ({ h, api, emu }) => {
    h.writeConfig(user({ name: 'ops-admin', role: 'OperationsAdmin', display: 'Ops', version: 1 }, 'Initial-Pw1'));
    await h.init();
    await h.apply();
    const created = attrs(h, 'portsip_admin_user.ops');
    expect(created).toMatchObject({ name: 'ops-admin', role: 'OperationsAdmin', enabled: true, password_wo: null, password_wo_version: 1 });
    expect(h.stateText()).not.toContain('Initial-Pw1');
    expect(await api.adminUsers.get(String(created.id))).toMatchObject({ name: 'ops-admin', role: 'OperationsAdmin', display_name: 'Ops' });
    expect(await canSignIn(emu.url, 'ops-admin', 'Initial-Pw1')).toBe(true);
    await expectPlan(h, 0, 'after create');

    // Everything at once, in place: profile, name, role, password.
    h.writeConfig(user({ name: 'ops-lead', role: 'SiteAdmin', display: 'Ops Lead', version: 2 }, 'Second-Pw2'));
    const upd = await h.plan();
    expect(upd.stdout).toMatch(/portsip_admin_user\.ops will be updated in-place/);
    expect(upd.stdout).not.toMatch(/forces replacement/);
    await h.apply();
    expect(attrs(h, 'portsip_admin_user.ops')).toMatchObject({
      id: created.id,
      name: 'ops-lead',
      role: 'SiteAdmin',
      display_name: 'Ops Lead',
    });
    expect(await api.adminUsers.get(String(created.id))).toMatchObject({ name: 'ops-lead', role: 'SiteAdmin', display_name: 'Ops Lead' });
    expect(await canSignIn(emu.url, 'ops-lead', 'Second-Pw2')).toBe(true);
    await expectPlan(h, 0, 'after update');

    await reimport(h, 'portsip_admin_user.ops', String(created.id));
    expect(attrs(h, 'portsip_admin_user.ops').id).toBe(created.id);
    await expectPlan(h, 0, 'after import by id');
    await reimport(h, 'portsip_admin_user.ops', 'ops-lead');
    expect(attrs(h, 'portsip_admin_user.ops').id).toBe(created.id);
    await expectPlan(h, 0, 'after import by name');

    // Out of band: a configured attribute (plan 2) and an O+C one left unset (refresh-only only).
    await api.adminUsers.update(String(created.id), { display_name: 'Changed', enabled: false });
    const drift = await expectPlan(h, 2, 'after out-of-band change');
    expect(drift.stdout).toMatch(/display_name\s+= "Changed" -> "Ops Lead"/);
    expect(drift.stdout).not.toMatch(/enabled/);
    const ro = expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 2, 'refresh-only');
    expect(ro.stdout).toMatch(/changed outside of Terraform/);
    expect(ro.stdout).toMatch(/enabled\s+= true -> false/);
    await h.apply();
    await expectPlan(h, 0, 'after repairing drift');

    // Deleted out of band: created again.
    await api.adminUsers.delete(String(created.id));
    const gone = await expectPlan(h, 2, 'after out-of-band delete');
    expect(gone.stdout).toMatch(/will be created/);
    await h.apply();
    await expectPlan(h, 0, 'after re-create');

    await h.destroy();
    expect(h.addresses()).toEqual([]);
    expect((await api.adminUsers.listAll()).map((u) => u.name)).toEqual(['admin']);
  }));

test('a create that collides with an existing user names it and the import block', () =>
  withAcceptance(async ({ h, api }) => {
    const existing = await api.adminUsers.create({ name: 'ops-admin', password: 'Other-Pw9', role: 'OperationsAdmin' });
    h.writeConfig(user({ name: 'ops-admin', role: 'OperationsAdmin', display: 'Ops', version: 1 }, 'Initial-Pw1'));
    await h.init();
    const r = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'conflicting create');
    expect(r.stderr).toContain(`import {\n  to = portsip_admin_user.NAME\n  id = "${existing.id}"\n}`);
  }));
