// Read coalescing (docs/design.md "Resource behaviour"): with read_strategy = "batch" (the default) a plan lists each type
// once (pages of top=100, shared by the concurrent reads) instead of one GET per resource;
// "per_resource" does one GET each. Tenants are never batched (their list holds summaries); those
// written literally are read ahead (common/read-cache.ts "Read ahead"), those of count/for_each not.
import { expectPlan, withAcceptance } from './portsip';

jest.setTimeout(240_000);

const config = (strategy: string) => `
provider "portsip" {
  read_strategy = "${strategy}"
}

resource "portsip_ip_rule" "r" {
  count  = 12
  cidr   = "10.\${count.index}.0.0/16"
  target = "ACCEPT"
}

resource "portsip_transport" "t" {
  count    = 5
  protocol = "TCP"
  port     = 7000 + count.index
}

resource "portsip_tenant" "x" {
  count    = 3
  name     = "T\${count.index}"
  domain   = "x\${count.index}.example.com"
  timezone = "UTC"
  currency = "USD"
  region   = "USA"
}
`;

test('batch lists each type once per plan (paging past 100); per_resource GETs each object', () =>
  withAcceptance(async ({ h, emu, api }) => {
    // 150 unmanaged rules make the listing span two pages.
    for (let i = 0; i < 150; i++) await api.ipRules.create({ cidr: `172.16.${i}.0/24`, target: 'DENY' });
    h.writeConfig(config('batch'));
    await h.init();
    await h.apply();

    emu.resetStats();
    await expectPlan(h, 0, 'batch plan');
    const batch = emu.stats().byRoute;
    expect(batch['GET /api/ip_filters']).toBe(2); // 162 rules: skip=0 and skip=100, once for 12 reads
    expect(batch['GET /api/ip_filters/{id}'] ?? 0).toBe(0);
    expect(batch['GET /api/transports']).toBe(1);
    expect(batch['GET /api/transports/{id}'] ?? 0).toBe(0);
    expect(batch['GET /api/tenants'] ?? 0).toBe(0);
    expect(batch['GET /api/tenants/{id}']).toBe(3);

    h.writeConfig(config('per_resource'));
    emu.resetStats();
    await expectPlan(h, 0, 'per_resource plan');
    const per = emu.stats().byRoute;
    expect(per['GET /api/ip_filters'] ?? 0).toBe(0);
    expect(per['GET /api/ip_filters/{id}']).toBe(12);
    expect(per['GET /api/transports/{id}']).toBe(5);

    // An object deleted out of band is missing from the snapshot: confirmed gone, planned for creation.
    h.writeConfig(config('batch'));
    const victim = String(h.state()!.resources.find((r) => r.type === 'portsip_ip_rule')!.instances[3]!.attributes.id);
    await api.ipRules.delete(victim);
    emu.resetStats();
    const r = await expectPlan(h, 2, 'after out-of-band delete');
    expect(r.stdout).toMatch(/portsip_ip_rule\.r\[3\] will be created/);
    expect(r.stdout).toMatch(/Plan: 1 to add, 0 to change, 0 to destroy/);
    expect(emu.stats().byRoute['GET /api/ip_filters/{id}']).toBe(1);
    await h.apply();
    await h.destroy();
  }));

test('batch: tenants written literally are read ahead from their list, and only those', () =>
  withAcceptance(async ({ h, emu, api }) => {
    // On the PBX but not in the configuration: listed, never read.
    await api.tenants.create({ name: 'Other', domain: 'other.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    const tenants = [0, 1, 2, 3]
      .map(
        (i) =>
          `resource "portsip_tenant" "l${i}" {\n  name     = "L${i}"\n  domain   = "l${i}.example.com"\n  timezone = "UTC"\n  currency = "USD"\n  region   = "USA"\n}\n`,
      )
      .join('');
    h.writeConfig(`provider "portsip" {}\n${tenants}`);
    await h.init();
    await h.apply();

    emu.resetStats();
    await expectPlan(h, 0, 'batch plan');
    let s = emu.stats().byRoute;
    expect(s['GET /api/tenants']).toBe(1); // the list, once, for the domains the validate walk saw
    expect(s['GET /api/tenants/{id}']).toBe(4); // each managed tenant once, the other one never

    // tenant_dealer_reads = "none" is the fewest requests per plan: no list, one GET per tenant.
    h.writeConfig(`provider "portsip" {\n  tenant_dealer_reads = "none"\n}\n${tenants}`);
    emu.resetStats();
    await expectPlan(h, 0, 'batch plan, tenant_dealer_reads = none');
    s = emu.stats().byRoute;
    expect(s['GET /api/tenants'] ?? 0).toBe(0);
    expect(s['GET /api/tenants/{id}']).toBe(4);
    h.writeConfig(`provider "portsip" {}\n${tenants}`);

    // 150 more on the PBX, listed after ours: the list is read only as far as it pays (4 declared:
    // at most 40 items, so one page), and the GETs stay one per managed tenant.
    for (let i = 0; i < 150; i++)
      await api.tenants.create({
        name: `Other ${i}`,
        domain: `other${i}.example.com`,
        timezone: 'UTC',
        currency: 'USD',
        region: 'USA',
      });
    emu.resetStats();
    await expectPlan(h, 0, 'batch plan, 155 tenants on the PBX');
    s = emu.stats().byRoute;
    expect(s['GET /api/tenants']).toBe(1);
    expect(s['GET /api/tenants/{id}']).toBe(4);

    // Deleted out of band: not in the list, so its refresh sends its own GET, which finds it gone.
    const victim = h.state()!.resources.find((r) => r.name === 'l2')!.instances[0]!.attributes.id;
    await api.tenants.delete(String(victim));
    emu.resetStats();
    const r = await expectPlan(h, 2, 'after out-of-band delete');
    expect(r.stdout).toMatch(/portsip_tenant\.l2 will be created/);
    expect(r.stdout).toMatch(/Plan: 1 to add, 0 to change, 0 to destroy/);
    s = emu.stats().byRoute;
    expect(s['GET /api/tenants']).toBe(1);
    expect(s['GET /api/tenants/{id}']).toBe(4);
    await h.apply();
    await h.destroy();
  }));
