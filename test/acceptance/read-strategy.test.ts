// Read coalescing (docs/design.md "Resource behaviour"): with read_strategy = "batch" (the default) a plan lists each type
// once (pages of top=100, shared by the concurrent reads) instead of one GET per resource;
// "per_resource" does one GET each. Tenants are never batched (their list holds summaries).
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
