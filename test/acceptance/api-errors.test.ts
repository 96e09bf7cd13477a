// API errors through real terraform say why and what to do: the server's reason (detail.reason) is in
// the diagnostic, the summary names the object by its natural key, and a dealer that cannot be
// deleted because tenants still belong to it names those tenants and the way out.
import { expectExit, withAcceptance } from './portsip';

jest.setTimeout(240_000);

/** Terraform wraps diagnostics at the terminal width: compare with white space collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

test("a refused follow-up step shows the server's reason and names the tenant by its domain", () =>
  withAcceptance(async ({ h, api }) => {
    const full = await api.dealers.create({
      name: 'tiny-reseller',
      level: 'RESELLER',
      password: 'some-Passw0rd',
      max_tenants: 1,
      max_extensions: 10,
    });
    const first = await api.tenants.create({ name: 'First', domain: 'first.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    await api.tenants.designateDealer(first.id, full.id);
    h.writeConfig(`
resource "portsip_tenant" "second" {
  name      = "Second"
  domain    = "second.example.com"
  timezone  = "UTC"
  currency  = "USD"
  region    = "USA"
  dealer_id = "${full.id}"
}
`);
    await h.init();
    const r = await h.tf('apply', '-input=false', '-no-color', '-auto-approve');
    expect(r.code).not.toBe(0);
    const err = flat(r.stderr);
    expect(err).toMatch(/Error: Tenant "second\.example\.com" was created \(id "[^"]+"\) but a follow-up step failed/);
    // The server's message, the field and its reason, all three.
    expect(err).toContain(
      'HTTP 400 VALIDATE_FAILED: field validation failed (field: dealer_id): dealer tiny-reseller already has its maximum of 1 tenants',
    );
  }));

test('deleting a dealer that still has tenants names them and says to remove or move them first', () =>
  withAcceptance(async ({ h, api }) => {
    h.writeConfig(`
resource "portsip_dealer" "d" {
  name                = "acme-reseller"
  level               = "RESELLER"
  max_tenants         = 10
  password_wo         = "some-Passw0rd"
  password_wo_version = 1
}
`);
    await h.init();
    await h.apply();
    const dealerId = (await api.dealers.findByName('acme-reseller'))!.id!;
    // The plan is made while the dealer has no tenant; two are designated to it before the apply,
    // so the refusal comes from the PBX at apply time.
    h.writeConfig('# the dealer is removed from the configuration\n');
    expectExit(await h.tf('plan', '-input=false', '-no-color', '-out=del.tfplan'), 0, 'plan the delete');
    for (const domain of ['zeta.example.com', 'alpha.example.com']) {
      const t = await api.tenants.create({ name: domain, domain, timezone: 'UTC', currency: 'USD', region: 'USA' });
      await api.tenants.designateDealer(t.id, dealerId);
    }
    const r = await h.tf('apply', '-input=false', '-no-color', 'del.tfplan');
    expect(r.code).not.toBe(0);
    const err = flat(r.stderr);
    expect(err).toContain('Error: Cannot delete dealer "acme-reseller"');
    expect(err).toContain('the dealer still has 2 tenant(s) and 0 sub-dealer(s); remove them first');
    expect(err).toContain('2 tenants are still designated to dealer "acme-reseller": "alpha.example.com", "zeta.example.com".');
    expect(err).toMatch(
      /Remove them from the dealer first \(set dealer_id of those portsip_tenant resources to another dealer or remove it\), or delete the tenants/,
    );
    // Nothing was lost: the dealer is still in state and on the PBX.
    expect(h.addresses()).toContain('portsip_dealer.d');
    expect(await api.dealers.findByName('acme-reseller')).toBeDefined();
  }));
