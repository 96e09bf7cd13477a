// The five data sources end to end: objects made through the API, read by real terraform through
// dist/provider.js, checked against what the API says.
import { attrs, expectExit, withAcceptance } from './portsip';

jest.setTimeout(240_000);

test('data sources read tenant, dealer, transport, ip rules and system status', () =>
  withAcceptance(async ({ h, api, emu }) => {
    const dealer = await api.dealers.create({
      name: 'acme-reseller',
      level: 'DISTRIBUTOR',
      password: 'some-Passw0rd',
      max_tenants: 10,
      max_extensions: 10,
      email: 'sales@acme.example',
    });
    const tenant = await api.tenants.create({ name: 'Acme', domain: 'acme.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    await api.tenants.designateDealer(tenant.id, dealer.id);
    const tcp = await api.transports.create({ protocol: 'TCP', port: 5070 });
    const deny = await api.ipRules.create({ cidr: '203.0.113.0/24', target: 'DENY', description: 'bad net' });
    await api.ipRules.create({ cidr: '10.0.0.0/8', target: 'ACCEPT', description: 'office' });
    h.writeConfig(`
data "portsip_tenant" "by_id" {
  id = "${tenant.id}"
}
data "portsip_tenant" "by_domain" {
  domain = "ACME.example.com"
}
data "portsip_dealer" "by_name" {
  name = "acme-reseller"
}
data "portsip_dealer" "by_id" {
  id = "${dealer.id}"
}
data "portsip_transport" "by_key" {
  protocol = "TCP"
  port     = 5070
}
data "portsip_transport" "udp" {
  id = "${emu.seedIds.transportUdp}"
}
data "portsip_ip_rules" "deny" {
  target = "DENY"
}
data "portsip_ip_rules" "all" {}
data "portsip_system_status" "s" {}
`);
    await h.init();
    await h.apply();
    expect(attrs(h, 'data.portsip_tenant.by_id')).toMatchObject({
      id: tenant.id,
      name: 'Acme',
      domain: 'acme.example.com',
      dealer_id: dealer.id,
    });
    // The configured spelling of the lookup key is kept; the rest comes from the PBX.
    expect(attrs(h, 'data.portsip_tenant.by_domain')).toMatchObject({ id: tenant.id, domain: 'ACME.example.com', name: 'Acme' });
    expect(attrs(h, 'data.portsip_dealer.by_name')).toMatchObject({
      id: dealer.id,
      name: 'acme-reseller',
      level: 'DISTRIBUTOR',
      max_tenants: 10,
      email: 'sales@acme.example',
    });
    expect(attrs(h, 'data.portsip_dealer.by_id')).toMatchObject({ id: dealer.id, name: 'acme-reseller' });
    expect(attrs(h, 'data.portsip_transport.by_key')).toMatchObject({ id: tcp.id, protocol: 'TCP', port: 5070 });
    expect(attrs(h, 'data.portsip_transport.by_key').status).toMatch(/^(ACTIVATED|DEACTIVATED)$/);
    expect(attrs(h, 'data.portsip_transport.udp')).toMatchObject({ id: emu.seedIds.transportUdp, protocol: 'UDP' });
    const denyRules = attrs(h, 'data.portsip_ip_rules.deny').rules as Record<string, unknown>[];
    expect(denyRules).toEqual([expect.objectContaining({ id: deny.id, cidr: '203.0.113.0/24', target: 'DENY', description: 'bad net' })]);
    expect((attrs(h, 'data.portsip_ip_rules.all').rules as unknown[]).length).toBe(2);
    const status = attrs(h, 'data.portsip_system_status.s');
    const live = await api.status.get();
    expect(status).toMatchObject({ id: 'system_status', version: live.version, current_tenants: 1, current_dealers: 1, current_trunks: 3 });
  }));

test('a lookup that matches nothing is an error naming the key', () =>
  withAcceptance(async ({ h }) => {
    h.writeConfig(`
data "portsip_dealer" "d" {
  name = "nobody-here"
}
`);
    await h.init();
    const r = expectExit(await h.plan(), 1, 'no match');
    expect(r.stderr).toMatch(/No match for data\.portsip_dealer/);
    expect(r.stderr).toMatch(/name "nobody-here"/);
  }));
