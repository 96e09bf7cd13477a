// portsip_trunk end to end: real terraform -> dist/provider.js -> the emulator. The password goes
// through an ephemeral variable into the write-only `password_wo` and must never reach the state.
import { attrs, expectExit, expectPlan, reimport, withAcceptance } from './portsip';

jest.setTimeout(300_000);

const PW1 = 'Trunk-first-S3cret';
const PW2 = 'Trunk-second-S3cret';

interface Opts {
  name?: string;
  brand?: string;
  concurrency?: number;
  version?: number;
  extra?: string;
}

const trunk = (o: Opts = {}) => `
variable "trunk_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_trunk" "carrier" {
  name                 = "${o.name ?? 'carrier-main'}"
  brand                = "${o.brand ?? 'Generic'}"
  auth_mode            = "REGISTER_AUTH"
  transport            = "UDP"
  hostname             = "sip.carrier.example"
  port                 = 5060
  outbound_server      = "sip.carrier.example"
  outbound_server_port = 5060
  concurrency          = ${o.concurrency ?? 30}
  auth_id              = "pbx-acme"
  password_wo          = var.trunk_password
  password_wo_version  = ${o.version ?? 1}
  ${o.extra ?? ''}
}
`;

test('lifecycle: create (password never in state), update in place, password rotation, replace on brand, import by id and name, drift, destroy', () =>
  withAcceptance(
    async ({ h, api, emu }) => {
      const livePassword = (id: string): unknown => emu.store.c.providers.get(id)?._password;
      h.writeConfig(trunk());
      await h.init();
      await h.apply();
      const created = attrs(h, 'portsip_trunk.carrier');
      expect(created).toMatchObject({
        name: 'carrier-main',
        brand: 'Generic',
        auth_mode: 'REGISTER_AUTH',
        concurrency: 30,
        enabled: true,
        register_interval: 600,
        password_wo: null,
        password_wo_version: 1,
        username: null,
      });
      const id = String(created.id);
      expect(livePassword(id)).toBe(PW1);
      expect(h.stateText()).not.toContain(PW1);
      await expectPlan(h, 0, 'after create');

      // In place: concurrency, and a new password sent because its version changed.
      h.env.TF_VAR_trunk_password = PW2;
      await expectPlan(h, 0, 'a new write-only value alone is no change');
      h.writeConfig(trunk({ concurrency: 45, version: 2, extra: 'did_numbers = "3000;12000-18000"' }));
      const upd = await h.plan();
      expect(upd.stdout).toMatch(/will be updated in-place/);
      expect(upd.stdout).not.toContain(PW2);
      await h.apply();
      expect(attrs(h, 'portsip_trunk.carrier')).toMatchObject({
        id,
        concurrency: 45,
        did_numbers: '3000;12000-18000',
        password_wo_version: 2,
      });
      expect(livePassword(id)).toBe(PW2);
      expect(h.stateText()).not.toContain(PW2);
      await expectPlan(h, 0, 'after update');

      // Renaming is an update (updateProvider takes name).
      h.writeConfig(trunk({ name: 'carrier-renamed', concurrency: 45, version: 2, extra: 'did_numbers = "3000;12000-18000"' }));
      await h.apply();
      expect(attrs(h, 'portsip_trunk.carrier')).toMatchObject({ id, name: 'carrier-renamed' });

      // brand is not in updateProvider: replacement.
      const cfg = trunk({
        name: 'carrier-renamed',
        brand: 'Telnyx',
        concurrency: 45,
        version: 2,
        extra: 'did_numbers = "3000;12000-18000"',
      });
      h.writeConfig(cfg);
      expect((await h.plan()).stdout).toMatch(/brand\s+= "Generic" -> "Telnyx" # forces replacement/);
      await h.apply();
      const replaced = attrs(h, 'portsip_trunk.carrier');
      const newId = String(replaced.id);
      expect(newId).not.toBe(id);
      expect(emu.store.c.providers.has(id)).toBe(false);
      expect(livePassword(newId)).toBe(PW2);
      await expectPlan(h, 0, 'after replace on brand');

      // Import by id and by name; the import apply sends the configured password once (its version
      // is Terraform's own), then nothing is left to do.
      await reimport(h, 'portsip_trunk.carrier', newId);
      await expectPlan(h, 0, 'after import by id');
      await reimport(h, 'portsip_trunk.carrier', 'carrier-renamed');
      expect(attrs(h, 'portsip_trunk.carrier').id).toBe(newId);
      await expectPlan(h, 0, 'after import by name');
      expect(h.stateText()).not.toContain(PW2);

      // Drift on a managed attribute is repaired; an unmanaged O+C one shows only in -refresh-only.
      await api.providers.update(newId, { concurrency: 7 });
      const drift = await expectPlan(h, 2, 'after out-of-band change');
      expect(drift.stdout).toMatch(/concurrency\s+= 7 -> 45/);
      await h.apply();
      expect(emu.store.c.providers.get(newId)?.concurrency).toBe(45);
      await api.providers.update(newId, { keep_alive: false });
      await expectPlan(h, 0, 'O+C drift is not a change');
      expect(expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 2).stdout).toMatch(/keep_alive\s+= true -> false/);

      await h.destroy();
      expect(emu.store.c.providers.has(newId)).toBe(false);
    },
    { env: { TF_VAR_trunk_password: PW1 } },
  ));

test('a trunk assigned to a tenant through portsip_trunk.x.id; destroy removes both', () =>
  withAcceptance(
    async ({ h, emu }) => {
      h.writeConfig(`${trunk()}
resource "portsip_tenant" "acme" {
  name     = "Acme"
  domain   = "acme.pbx.example.com"
  timezone = "America/New_York"
  currency = "USD"
  region   = "USA"
}

resource "portsip_trunk_assignment" "acme" {
  trunk_id    = portsip_trunk.carrier.id
  tenant_id   = portsip_tenant.acme.id
  did_numbers = "12125550100-12125550149"
  concurrency = 20
}
`);
      await h.init();
      await h.apply();
      const trunkId = String(attrs(h, 'portsip_trunk.carrier').id);
      const tenantId = String(attrs(h, 'portsip_tenant.acme').id);
      expect(attrs(h, 'portsip_trunk_assignment.acme')).toMatchObject({ trunk_id: trunkId, tenant_id: tenantId, concurrency: 20 });
      expect(emu.store.assignments.get(trunkId)?.get(tenantId)).toMatchObject({ concurrency: 20 });
      await expectPlan(h, 0, 'after create');
      await h.destroy();
      expect(emu.store.c.providers.has(trunkId)).toBe(false);
      expect(emu.store.assignments.get(trunkId)?.size ?? 0).toBe(0);
    },
    { env: { TF_VAR_trunk_password: PW1 } },
  ));

test('a duplicate name names the existing trunk and the import block', () =>
  withAcceptance(
    async ({ h, emu }) => {
      const existing = emu.seedIds.providers[1];
      h.writeConfig(trunk({ name: 'telnyx-main' }));
      await h.init();
      const r = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'conflicting create');
      expect(r.stderr).toContain(`import {\n  to = portsip_trunk.NAME\n  id = "${existing}"\n}`);
      expect(r.stderr).toMatch(/name "telnyx-main"/);
    },
    { env: { TF_VAR_trunk_password: PW1 } },
  ));

test('two trunks with one name fail the plan on both blocks, before anything is created', () =>
  withAcceptance(
    async ({ h, emu }) => {
      const second = trunk({ name: 'carrier-main' })
        .replace(/variable "trunk_password" \{[^}]*\}/, '')
        .replace('"carrier"', '"twin"');
      h.writeConfig(`${trunk()}\n${second}`);
      await h.init();
      const r = expectExit(await h.tf('plan', '-input=false', '-no-color'), 1, 'plan with a duplicate trunk name');
      const blocks = r.stderr.split(/^Error: /m).slice(1);
      expect(blocks.map((b) => b.split('\n')[0]!.trim())).toEqual([
        'Duplicate trunk name: 2 resources have name "carrier-main"',
        'Duplicate trunk name: 2 resources have name "carrier-main"',
      ]);
      expect(blocks.map((b) => /with ([\w.]+),/.exec(b)?.[1]).sort()).toEqual(['portsip_trunk.carrier', 'portsip_trunk.twin']);
      expect(emu.store.c.providers.size).toBe(3); // the seed only
    },
    { env: { TF_VAR_trunk_password: PW1 } },
  ));
