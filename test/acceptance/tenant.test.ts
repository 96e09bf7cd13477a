// portsip_tenant end to end: real terraform -> dist/provider.js -> the emulator, including
// `dealer_id` (designate/remove endpoints) and the partial state of a failed multi-step create.
import { attrs, expectExit, expectPlan, liveCounts, reimport, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const DEALERS = `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "portsip_dealer" "one" {
  name        = "dealer-one"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
}

resource "portsip_dealer" "two" {
  name        = "dealer-two"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
}
`;

interface TenantOpts {
  name?: string;
  domain?: string;
  dealer?: string | null;
  maxExtensions?: number;
  officeHours?: string;
}

const tenant = (o: TenantOpts = {}) => `${DEALERS}
resource "portsip_tenant" "acme" {
  name           = "${o.name ?? 'ACME'}"
  domain         = "${o.domain ?? 'acme.example.com'}"
  timezone       = "Europe/London"
  currency       = "USD"
  region         = "USA"
  max_extensions = ${o.maxExtensions ?? 50}
  disk_quota     = "10GB"
  ${o.dealer === null ? '' : `dealer_id = ${o.dealer ?? 'portsip_dealer.one.id'}`}

  office_hours {
    monday {
      enabled = true
      ranges {
        from = "09:00"
        to   = "17:00"
      }
    }
    ${o.officeHours ?? ''}
  }
}
`;

const ENV = { env: { TF_VAR_dealer_password: 'dealer-Passw0rd' } };

async function dealerOf(
  api: { tenants: { getDealers(id: string): Promise<{ items: { id?: string }[] }> } },
  id: string,
): Promise<string | null> {
  return (await api.tenants.getDealers(id)).items[0]?.id ?? null;
}

test('lifecycle: create with dealer, update in place (fields, blocks, dealer change and removal), import by id and domain, drift, destroy', () =>
  withAcceptance(async ({ h, api, emu }) => {
    h.writeConfig(tenant());
    await h.init();
    await h.apply();
    const t = attrs(h, 'portsip_tenant.acme');
    const one = String(attrs(h, 'portsip_dealer.one').id);
    const two = String(attrs(h, 'portsip_dealer.two').id);
    expect(t).toMatchObject({
      name: 'ACME',
      domain: 'acme.example.com',
      dealer_id: one,
      max_extensions: 50,
      disk_quota: '10GB',
      enabled: true,
    });
    expect(await dealerOf(api, String(t.id))).toBe(one);
    await expectPlan(h, 0, 'after create');

    // Domains compare case-insensitively: a re-spelling is no change.
    h.writeConfig(tenant({ domain: 'ACME.Example.com' }));
    await expectPlan(h, 0, 'domain in another letter case');

    // In place: rename (22.3), a limit, a new office-hours day, and a move to another dealer.
    h.writeConfig(
      tenant({ name: 'ACME Corp', maxExtensions: 60, dealer: 'portsip_dealer.two.id', officeHours: 'tuesday {\n enabled = false\n }' }),
    );
    const upd = await h.plan();
    expect(upd.stdout).toMatch(/portsip_tenant\.acme will be updated in-place/);
    expect(upd.stdout).not.toMatch(/must be replaced/);
    await h.apply();
    expect(attrs(h, 'portsip_tenant.acme')).toMatchObject({ id: t.id, name: 'ACME Corp', max_extensions: 60, dealer_id: two });
    const live = await api.tenants.get(String(t.id));
    expect(live).toMatchObject({ name: 'ACME Corp', max_extensions: 60 });
    expect((live.office_hours as Record<string, unknown>).tuesday).toMatchObject({ enabled: false });
    expect(await dealerOf(api, String(t.id))).toBe(two);
    await expectPlan(h, 0, 'after update');

    // Removing dealer_id removes the tenant from its dealer.
    h.writeConfig(tenant({ name: 'ACME Corp', maxExtensions: 60, dealer: null, officeHours: 'tuesday {\n enabled = false\n }' }));
    await h.apply();
    expect(attrs(h, 'portsip_tenant.acme').dealer_id).toBeNull();
    expect(await dealerOf(api, String(t.id))).toBeNull();
    await expectPlan(h, 0, 'after dealer removal');

    // Import by id, then by SIP domain.
    await reimport(h, 'portsip_tenant.acme', String(t.id));
    await expectPlan(h, 0, 'after import by id');
    await reimport(h, 'portsip_tenant.acme', 'acme.example.com');
    expect(attrs(h, 'portsip_tenant.acme').id).toBe(t.id);
    await expectPlan(h, 0, 'after import by domain');

    // Out of band: a configured field, and a designation made in the portal.
    await api.tenants.update(String(t.id), { max_extensions: 99 });
    await api.tenants.designateDealer(String(t.id), one);
    // Default tenant_dealer_reads = "managed": this tenant's configuration leaves dealer_id unset, so
    // its link is not read (one request per tenant) and the designation is not reported.
    emu.resetStats();
    const managed = await expectPlan(h, 2, 'after out-of-band change, managed dealer reads');
    expect(managed.stdout).toMatch(/max_extensions\s+= 99 -> 60/);
    expect(managed.stdout).not.toMatch(/dealer_id/);
    expect(emu.stats().byRoute['GET /api/tenants/{id}'] ?? 0).toBe(1);
    expect(emu.stats().byRoute['GET /api/tenants/{id}/dealers'] ?? 0).toBe(0);
    // "all" reads every link: the designation is drift, removed by the apply.
    const ALL = { PORTSIP_TENANT_DEALER_READS: 'all' };
    const drift = expectExit(await h.tfWithEnv(ALL, 'plan', '-input=false', '-no-color', '-detailed-exitcode'), 2, 'all dealer reads');
    expect(drift.stdout).toMatch(/max_extensions\s+= 99 -> 60/);
    expect(drift.stdout).toMatch(/- dealer_id\s+= "[^"]+" -> null/);
    const ro = expectExit(await h.tfWithEnv(ALL, 'plan', '-input=false', '-no-color', '-refresh-only'), 0, 'refresh-only');
    expect(ro.stdout).toMatch(/changed outside of Terraform/);
    expect(ro.stdout).toMatch(/max_extensions\s+= 60 -> 99/);
    expectExit(await h.tfWithEnv(ALL, 'apply', '-input=false', '-no-color', '-auto-approve'), 0, 'apply with all dealer reads');
    expect(await dealerOf(api, String(t.id))).toBeNull();
    await expectPlan(h, 0, 'after repairing drift');

    // Setting dealer_id on a tenant that was designated out of band (unseen in managed mode): the
    // apply looks at the link first and moves the tenant, whatever designating does to an owner.
    await api.tenants.designateDealer(String(t.id), two);
    h.writeConfig(
      tenant({ name: 'ACME Corp', maxExtensions: 60, dealer: 'portsip_dealer.one.id', officeHours: 'tuesday {\n enabled = false\n }' }),
    );
    emu.resetStats();
    await h.apply();
    expect(emu.stats().byRoute['POST /api/tenants/{id}/dealers/{dealer_id}/destroy']).toBe(1);
    expect(await dealerOf(api, String(t.id))).toBe(one);
    expect(attrs(h, 'portsip_tenant.acme').dealer_id).toBe(one);
    // Managed now: an out-of-band removal is drift again in the default mode.
    await api.tenants.removeDealer(String(t.id), one);
    const back = await expectPlan(h, 2, 'managed link removed out of band');
    expect(back.stdout).toMatch(/\+ dealer_id\s+= "[^"]+"/);
    // "none": refreshes never read the link; the plan trusts the state (one request per tenant).
    emu.resetStats();
    expectExit(
      await h.tfWithEnv({ PORTSIP_TENANT_DEALER_READS: 'none' }, 'plan', '-input=false', '-no-color', '-detailed-exitcode'),
      0,
      'none: link not read',
    );
    expect(emu.stats().byRoute['GET /api/tenants/{id}'] ?? 0).toBe(1);
    expect(emu.stats().byRoute['GET /api/tenants/{id}/dealers'] ?? 0).toBe(0);
    await h.apply();
    expect(await dealerOf(api, String(t.id))).toBe(one);

    await h.destroy();
    const counts = await liveCounts(emu, api);
    expect(counts.tenants).toBe(0);
    expect(counts.dealers).toBe(0);
  }, ENV));

test('a create whose dealer designation fails records the tenant (partial state) and recovers', () =>
  withAcceptance(async ({ h, api, emu }) => {
    // The emulator refuses to designate to a disabled dealer: the POST /tenants has succeeded by then.
    const cfg = (enabled: boolean) => `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
resource "portsip_dealer" "one" {
  name        = "dealer-one"
  level       = "DISTRIBUTOR"
  password_wo = var.dealer_password
  enabled     = ${enabled}
}
resource "portsip_tenant" "acme" {
  name      = "ACME"
  domain    = "acme.example.com"
  timezone  = "UTC"
  currency  = "USD"
  region    = "USA"
  dealer_id = portsip_dealer.one.id
}
`;
    h.writeConfig(cfg(false));
    await h.init();
    const r = expectExit(await h.tf('apply', '-auto-approve', '-no-color', '-input=false'), 1, 'designation fails');
    expect(r.stderr).toMatch(/was created \(id "[^"]+"\) but a follow-up step failed/);
    const partial = h.resource('portsip_tenant.acme');
    expect(partial).toBeDefined();
    expect(partial!.attributes.dealer_id).toBeNull();
    expect((await liveCounts(emu, api)).tenants).toBe(1);
    // Terraform recorded it tainted: fixing the dealer replaces it, and no tenant is orphaned.
    h.writeConfig(cfg(true));
    await h.apply();
    const fixed = attrs(h, 'portsip_tenant.acme');
    expect(await dealerOf(api, String(fixed.id))).toBe(attrs(h, 'portsip_dealer.one').id);
    expect((await liveCounts(emu, api)).tenants).toBe(1);
    await expectPlan(h, 0, 'after recovery');
    await h.destroy();
    expect(await liveCounts(emu, api)).toMatchObject({ tenants: 0, dealers: 0 });
  }, ENV));

test('a duplicate domain names the existing tenant and the import block', () =>
  withAcceptance(async ({ h, api }) => {
    const existing = await api.tenants.create({
      name: 'Other',
      domain: 'acme.example.com',
      timezone: 'UTC',
      currency: 'USD',
      region: 'USA',
    });
    h.writeConfig(tenant({ dealer: null }));
    await h.init();
    const r = expectExit(
      await h.tf('apply', '-auto-approve', '-no-color', '-input=false', '-target=portsip_tenant.acme'),
      1,
      'conflicting create',
    );
    expect(r.stderr).toContain(`import {\n  to = portsip_tenant.NAME\n  id = "${existing.id}"\n}`);
    expect(r.stderr).toMatch(/domain "acme\.example\.com"/);
  }, ENV));

test('renaming a tenant on a PortSIP 22.2 PBX is refused at plan time (version detected from /admin/status)', () =>
  withAcceptance(
    async ({ h, emu }) => {
      const cfg = (name: string) =>
        `resource "portsip_tenant" "acme" {\n  name = "${name}"\n  domain = "acme.example.com"\n  timezone = "UTC"\n  currency = "USD"\n  region = "USA"\n}\n`;
      h.writeConfig(cfg('ACME'));
      await h.init();
      await h.apply();
      await expectPlan(h, 0, 'after create on 22.2');
      emu.resetStats();
      h.writeConfig(cfg('ACME Corp'));
      const r = expectExit(await h.plan(), 1, 'rename on 22.2');
      expect(r.stderr).toContain('Tenant name cannot be changed on PortSIP 22.2');
      expect(emu.stats().byRoute['GET /api/admin/status']).toBe(1);
      h.writeConfig(cfg('ACME'));
      await h.destroy();
    },
    { emulator: { apiVersion: '22.2' } },
  ));
