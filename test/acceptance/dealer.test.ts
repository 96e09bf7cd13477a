// portsip_dealer end to end: real terraform -> dist/provider.js -> the emulator. Passwords go
// through a variable into the write-only `password_wo` (never a literal in config).
import { PortsipClient } from '../../src/client';
import { attrs, expectExit, expectPlan, liveCounts, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const dealer = (o: { name?: string; level?: string; email?: string; version?: number; maxTenants?: number } = {}) => `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_dealer" "acme" {
  name                = "${o.name ?? 'acme-reseller'}"
  level               = "${o.level ?? 'DISTRIBUTOR'}"
  password_wo         = var.dealer_password
  password_wo_version = ${o.version ?? 1}
  email               = "${o.email ?? 'ops@acme.example'}"
  ${o.maxTenants !== undefined ? `max_tenants = ${o.maxTenants}` : ''}
}
`;

/** Whether `name` can sign in with `password` (proves the password reached the PBX). */
async function canSignIn(url: string, name: string, password: string): Promise<boolean> {
  const c = new PortsipClient({ endpoint: url, username: name, password, retry: { maxAttempts: 1 } });
  try {
    await c.signIn();
    return true;
  } catch {
    return false;
  } finally {
    await c.close();
  }
}

test('lifecycle: create, update in place, password rotation, replace on name and level, import, drift, destroy', () =>
  withAcceptance(
    async ({ h, api, emu }) => {
      h.writeConfig(dealer());
      await h.init();
      await h.apply();
      const created = attrs(h, 'portsip_dealer.acme');
      expect(created).toMatchObject({
        name: 'acme-reseller',
        level: 'DISTRIBUTOR',
        email: 'ops@acme.example',
        enabled: true,
        max_tenants: 100,
        password_wo: null,
      });
      expect(await canSignIn(emu.url, 'acme-reseller', 'first-Passw0rd')).toBe(true);
      await expectPlan(h, 0, 'after create');

      // A new write-only value alone is invisible to Terraform (docs/protocol.md "Write-only attributes")...
      h.env.TF_VAR_dealer_password = 'second-Passw0rd';
      await expectPlan(h, 0, 'write-only change without version bump');
      // ...bumping the version sends it, together with an in-place update.
      h.writeConfig(dealer({ version: 2, email: 'noc@acme.example', maxTenants: 5 }));
      const upd = await h.plan();
      expect(upd.stdout).toMatch(/will be updated in-place/);
      await h.apply();
      expect(attrs(h, 'portsip_dealer.acme')).toMatchObject({
        id: created.id,
        email: 'noc@acme.example',
        max_tenants: 5,
        password_wo_version: 2,
      });
      expect(await canSignIn(emu.url, 'acme-reseller', 'second-Passw0rd')).toBe(true);
      await expectPlan(h, 0, 'after update');

      // name cannot be updated: replacement.
      h.writeConfig(dealer({ version: 2, email: 'noc@acme.example', maxTenants: 5, name: 'acme-two' }));
      expect((await h.plan()).stdout).toMatch(/name\s+= "acme-reseller" -> "acme-two" # forces replacement/);
      await h.apply();
      const renamed = attrs(h, 'portsip_dealer.acme');
      expect(renamed.id).not.toBe(created.id);
      await expectPlan(h, 0, 'after replace on name');

      // level cannot be updated either.
      h.writeConfig(dealer({ version: 2, email: 'noc@acme.example', maxTenants: 5, name: 'acme-two', level: 'RESELLER' }));
      expect((await h.plan()).stdout).toMatch(/level\s+= "DISTRIBUTOR" -> "RESELLER" # forces replacement/);
      await h.apply();
      const releveled = attrs(h, 'portsip_dealer.acme');
      expect(releveled.id).not.toBe(renamed.id);
      expect((await liveCounts(emu, api)).dealers).toBe(1);
      await expectPlan(h, 0, 'after replace on level');

      // Import: the version is Terraform's own, unknown to the PBX, so the import apply sends the
      // configured password once (the documented behaviour); after that nothing is left to do.
      await reimport(h, 'portsip_dealer.acme', String(releveled.id));
      await expectPlan(h, 0, 'after import by id');
      await reimport(h, 'portsip_dealer.acme', 'acme-two');
      expect(attrs(h, 'portsip_dealer.acme').id).toBe(releveled.id);
      await expectPlan(h, 0, 'after import by name');

      await api.dealers.update(String(releveled.id), { email: 'hand@acme.example' });
      const drift = await expectPlan(h, 2, 'after out-of-band change');
      expect(drift.stdout).toMatch(/email\s+= "hand@acme.example" -> "noc@acme.example"/);
      const ro = await h.plan('-refresh-only');
      expect(ro.stdout).toMatch(/changed outside of Terraform/);
      expect(ro.stdout).toMatch(/email\s+= "noc@acme.example" -> "hand@acme.example"/);

      // An O+C attribute left unset is not managed: its drift shows only in -refresh-only.
      await api.dealers.update(String(releveled.id), { email: 'noc@acme.example', tenant_full_access: false });
      await expectPlan(h, 0, 'O+C drift is not a change');
      expect(expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 2).stdout).toMatch(/tenant_full_access\s+= true -> false/);

      await h.destroy();
      expect((await liveCounts(emu, api)).dealers).toBe(0);
    },
    { env: { TF_VAR_dealer_password: 'first-Passw0rd' } },
  ));

test('a duplicate name names the existing dealer and the import block', () =>
  withAcceptance(
    async ({ h, api }) => {
      const existing = await api.dealers.create({
        name: 'acme-reseller',
        level: 'DISTRIBUTOR',
        password: 'some-Passw0rd',
        max_tenants: 10,
        max_extensions: 10,
      });
      h.writeConfig(dealer());
      await h.init();
      const r = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'conflicting create');
      expect(r.stderr).toContain(`import {\n  to = portsip_dealer.NAME\n  id = "${existing.id}"\n}`);
      expect(r.stderr).toMatch(/name "acme-reseller"/);
    },
    { env: { TF_VAR_dealer_password: 'first-Passw0rd' } },
  ));
