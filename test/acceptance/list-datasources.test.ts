// The plural data sources (portsip_trunks, portsip_tenants, portsip_dealers, portsip_transports) end
// to end: objects made through the API, listed by real terraform through the packaged provider, with
// and without `filter`/`search`, checked against what the API says.
import { attrs, expectExit, withAcceptance } from './portsip';

jest.setTimeout(240_000);

type Items = Record<string, unknown>[];

/** Terraform wraps diagnostics at the terminal width: compare with white space collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

test('list data sources: every item, filter and search, checked against the API', () =>
  withAcceptance(async ({ h, api, emu }) => {
    const reseller = await api.dealers.create({
      name: 'acme-reseller',
      level: 'RESELLER',
      password: 'some-Passw0rd',
      max_tenants: 10,
      max_extensions: 10,
      email: 'sales@acme.example',
    });
    await api.dealers.create({
      name: 'big-distributor',
      level: 'DISTRIBUTOR',
      password: 'some-Passw0rd',
      max_tenants: 5,
      max_extensions: 5,
    });
    const acme = await api.tenants.create({ name: 'Acme', domain: 'acme.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    await api.tenants.create({ name: 'Globex', domain: 'globex.example.org', timezone: 'UTC', currency: 'EUR', region: 'DEU' });
    const tcp = await api.transports.create({ protocol: 'TCP', port: 5070 });
    h.writeConfig(`
data "portsip_trunks" "all" {}
data "portsip_trunks" "twilio" {
  filter = "name eq 'twilio-elastic'"
}
data "portsip_trunks" "search" {
  search = "telnyx"
}
data "portsip_tenants" "all" {}
data "portsip_tenants" "usa" {
  filter = "region eq 'USA'"
}
data "portsip_dealers" "all" {}
data "portsip_dealers" "resellers" {
  filter = "level eq 'RESELLER'"
}
data "portsip_transports" "all" {}
data "portsip_transports" "tcp" {
  filter = "protocol eq 'TCP'"
}
output "twilio_id" {
  value = one(data.portsip_trunks.twilio.trunks).id
}
`);
    await h.init();
    await h.apply();

    const trunks = attrs(h, 'data.portsip_trunks.all').trunks as Items;
    const live = await api.providers.listAll();
    expect(trunks.map((t) => t.id)).toEqual(live.map((t) => t.id));
    expect(trunks[0]).toEqual({
      id: emu.seedIds.providers[0],
      name: 'twilio-elastic',
      enabled: live[0]!.enabled ?? null,
      brand: 'Twilio',
      hostname: 'example.pstn.twilio.com',
      port: live[0]!.port ?? null,
      did_numbers: '14155550100-14155550199',
      shared: live[0]!.shared ?? null,
    });
    expect(attrs(h, 'data.portsip_trunks.twilio')).toMatchObject({ id: "filter=name eq 'twilio-elastic';search=", search: null });
    expect((attrs(h, 'data.portsip_trunks.twilio').trunks as Items).map((t) => t.id)).toEqual([emu.seedIds.providers[0]]);
    expect((attrs(h, 'data.portsip_trunks.search').trunks as Items).map((t) => t.name)).toEqual(['telnyx-main']);
    expect(attrs(h, 'data.portsip_trunks.all').id).toBe('all');

    expect((attrs(h, 'data.portsip_tenants.all').tenants as Items).map((t) => t.domain).sort()).toEqual([
      'acme.example.com',
      'globex.example.org',
    ]);
    expect(attrs(h, 'data.portsip_tenants.usa').tenants).toEqual([
      expect.objectContaining({ id: acme.id, name: 'Acme', domain: 'acme.example.com', region: 'USA', currency: 'USD' }),
    ]);
    expect((attrs(h, 'data.portsip_dealers.all').dealers as Items).map((d) => d.name).sort()).toEqual(['acme-reseller', 'big-distributor']);
    expect(attrs(h, 'data.portsip_dealers.resellers').dealers).toEqual([
      expect.objectContaining({ id: reseller.id, name: 'acme-reseller', level: 'RESELLER', max_tenants: 10, email: 'sales@acme.example' }),
    ]);
    expect(
      (attrs(h, 'data.portsip_transports.all').transports as Items).map((t) => `${String(t.protocol)}:${String(t.port)}`).sort(),
    ).toEqual(['TCP:5070', 'UDP:5060']);
    expect(attrs(h, 'data.portsip_transports.tcp').transports).toEqual([{ id: tcp.id, protocol: 'TCP', port: 5070, verification: null }]);

    // A second plan reads the same lists: nothing to change.
    const again = await h.tf('plan', '-input=false', '-no-color', '-detailed-exitcode');
    expectExit(again, 0, 're-plan');
  }));

test('list data sources: a malformed filter fails validation naming the attribute; an OData error from the PBX shows its reason', () =>
  withAcceptance(async ({ h }) => {
    h.writeConfig(`
data "portsip_tenants" "t" {
  filter = "name eq 'acme"
}
`);
    await h.init();
    const bad = await h.tf('plan', '-input=false', '-no-color');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/filter/);
    expect(flat(bad.stderr)).toMatch(/balanced single quotes/);

    h.writeConfig(`
data "portsip_transports" "t" {
  filter = "port frobnicate 5060"
}
`);
    const rejected = await h.tf('plan', '-input=false', '-no-color');
    expect(rejected.code).not.toBe(0);
    expect(flat(rejected.stderr)).toMatch(/Cannot read data\.portsip_transports/);
    expect(flat(rejected.stderr)).toMatch(/HTTP 400 VALIDATE_FAILED: field validation failed \(field: filter\): /);
  }));
