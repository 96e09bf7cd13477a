// Plan-time checks across resources (src/resources/common/plan-ledger.ts), with real terraform:
// duplicate unique keys fail `terraform plan` on every block that has them (Terraform names each
// address), before any object is created; deleting or replacing a dealer that still has tenants
// fails at plan naming the tenants, unless the plan removes or moves them; destroying a settings
// singleton warns that it only forgets.
import { expectExit, liveCounts, withAcceptance } from './portsip';

jest.setTimeout(300_000);

const ENV = { env: { TF_VAR_pw: 'Passw0rd-plan' } };
const PW = `
variable "pw" {
  type      = string
  sensitive = true
  ephemeral = true
}
`;

const tenant = (name: string, domain: string, extra = '') => `
resource "portsip_tenant" "${name}" {
  name           = "${name}"
  domain         = "${domain}"
  timezone       = "Europe/London"
  currency       = "USD"
  region         = "USA"
  max_extensions = 10
  disk_quota     = "1GB"
  ${extra}
}
`;

/** Terraform wraps diagnostic text at 80 columns. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** The error blocks terraform printed, as [summary, address] pairs. */
function errors(stderr: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const block of stderr.split(/^Error: /m).slice(1)) {
    const summary = block.split('\n')[0]!.trim();
    const address = /with ([\w.[\]"-]+),/.exec(block)?.[1] ?? '';
    out.push([summary, address]);
  }
  return out;
}

describe('duplicate unique keys fail the plan on each block', () => {
  test('tenant domains differing only in case, dealer vs admin user name, transports on one TCP port, two system settings', async () => {
    await withAcceptance(async ({ h, emu, api }) => {
      h.writeConfig(`${PW}
${tenant('a', 'Acme.Example.com')}
${tenant('b', 'acme.example.com')}
${tenant('c', 'other.example.com')}

resource "portsip_dealer" "ops" {
  name        = "ops"
  level       = "DISTRIBUTOR"
  password_wo = var.pw
}

resource "portsip_admin_user" "ops" {
  name        = "OPS"
  role        = "OperationsAdmin"
  password_wo = var.pw
}

resource "portsip_transport" "tcp" {
  protocol = "TCP"
  port     = 5070
}

resource "portsip_transport" "tls" {
  protocol = "TLS"
  port     = 5070
}

resource "portsip_transport" "udp" {
  protocol = "UDP"
  port     = 5070
}

resource "portsip_system_settings" "one" {
  user_agent = "one"
}

resource "portsip_system_settings" "two" {
  user_agent = "two"
}
`);
      await h.init();
      const r = expectExit(await h.tfWithEnv(ENV.env, 'plan', '-input=false', '-no-color'), 1, 'plan with duplicates');
      const errs = errors(r.stderr);
      const by = (re: RegExp) =>
        errs
          .filter(([s]) => re.test(s))
          .map(([, a]) => a)
          .sort();
      expect(by(/^Duplicate tenant domain: 2 resources have domain/)).toEqual(['portsip_tenant.a', 'portsip_tenant.b']);
      expect(by(/^Duplicate account name: 2 resources have name/)).toEqual(['portsip_admin_user.ops', 'portsip_dealer.ops']);
      expect(by(/^Duplicate transport port: 2 resources have protocol/)).toEqual(['portsip_transport.tcp', 'portsip_transport.tls']);
      expect(by(/^Only one portsip_system_settings per configuration/)).toEqual([
        'portsip_system_settings.one',
        'portsip_system_settings.two',
      ]);
      // Nothing else failed: the distinct tenant and the UDP transport plan fine.
      expect(errs).toHaveLength(8);
      expect(flat(r.stderr)).toContain('PortSIP keeps tenant domains unique, regardless of case.');
      expect(await liveCounts(emu, api)).toEqual({ tenants: 0, dealers: 0, transports: 0, ipRules: 0 });
    }, ENV);
  });

  test('a duplicate the validate walk cannot see (for_each over one literal domain) fails on the second instance', async () => {
    await withAcceptance(async ({ h }) => {
      h.writeConfig(`
resource "portsip_tenant" "many" {
  for_each       = toset(["x", "y"])
  name           = "t-\${each.key}"
  domain         = "same.example.com"
  timezone       = "Europe/London"
  currency       = "USD"
  region         = "USA"
  max_extensions = 10
  disk_quota     = "1GB"
}
`);
      await h.init();
      const r = expectExit(await h.plan(), 1, 'for_each duplicate');
      const errs = errors(r.stderr);
      expect(errs).toHaveLength(1);
      expect(errs[0]![0]).toMatch(/^Duplicate tenant domain: another resource in this plan also has domain "same.example.com"/);
      expect(errs[0]![1]).toMatch(/^portsip_tenant\.many\["[xy]"\]$/);
    });
  });
});

describe('a dealer with tenants', () => {
  const config = (o: { level: string; tenantDealer: string; keepOne?: boolean }) => `${PW}
resource "portsip_dealer" "one" {
  name        = "dealer-one"
  level       = "${o.level}"
  password_wo = var.pw
}
${
  o.keepOne === false
    ? ''
    : `resource "portsip_dealer" "two" {
  name        = "dealer-two"
  level       = "DISTRIBUTOR"
  password_wo = var.pw
}`
}
${tenant('acme', 'acme.example.com', `dealer_id = ${o.tenantDealer}`)}
`;

  test('replacing it fails at plan naming the tenants, also when the plan moves them; moved first, it applies', async () => {
    await withAcceptance(async ({ h, api }) => {
      h.writeConfig(config({ level: 'DISTRIBUTOR', tenantDealer: 'portsip_dealer.one.id' }));
      await h.init();
      await h.apply();
      // A second tenant designated to dealer-one outside Terraform: the plan must name it too.
      const one = (await api.dealers.listAll()).find((d) => d.name === 'dealer-one')!;
      const extra = await api.tenants.create({
        name: 'outside',
        domain: 'outside.example.com',
        timezone: 'Europe/London',
        currency: 'USD',
        region: 'USA',
        max_extensions: 5,
        disk_quota: '1GB',
      });
      const extraId = String(extra.id);
      await api.tenants.designateDealer(extraId, String(one.id));

      // level forces replacement; the managed tenant follows the new dealer only after the old one is deleted.
      h.writeConfig(config({ level: 'RESELLER', tenantDealer: 'portsip_dealer.one.id' }));
      const r = expectExit(await h.tfWithEnv(ENV.env, 'plan', '-input=false', '-no-color'), 1, 'replace with tenants');
      const errs = errors(r.stderr);
      expect(errs).toEqual([['Dealer "dealer-one" cannot be replaced: it still has 2 tenants', 'portsip_dealer.one']]);
      expect(flat(r.stderr)).toMatch(/acme\.example\.com \(id "[^"]+"\), outside\.example\.com \(id "[^"]+"\)/);
      expect(flat(r.stderr)).toContain('`level` changed');

      // A move in the same plan does not help: Terraform runs the tenant's update in parallel with the delete.
      h.writeConfig(config({ level: 'RESELLER', tenantDealer: 'portsip_dealer.two.id' }));
      await api.tenants.removeDealer(extraId, String(one.id));
      const same = expectExit(await h.tfWithEnv(ENV.env, 'plan', '-input=false', '-no-color'), 1, 'replace while moving');
      expect(errors(same.stderr)).toEqual([['Dealer "dealer-one" cannot be replaced: it still has 1 tenant', 'portsip_dealer.one']]);

      // Moved first in its own apply, the replacement plans and applies.
      h.writeConfig(config({ level: 'DISTRIBUTOR', tenantDealer: 'portsip_dealer.two.id' }));
      expectExit(await h.tfWithEnv(ENV.env, 'apply', '-input=false', '-no-color', '-auto-approve'), 0, 'move the tenant');
      h.writeConfig(config({ level: 'RESELLER', tenantDealer: 'portsip_dealer.two.id' }));
      expectExit(await h.tfWithEnv(ENV.env, 'apply', '-input=false', '-no-color', '-auto-approve'), 0, 'replace after the move');
      const acme = (await api.tenants.listAll()).find((t) => t.domain === 'acme.example.com')!;
      const two = (await api.dealers.listAll()).find((d) => d.name === 'dealer-two')!;
      expect((await api.tenants.getDealers(String(acme.id))).items.map((d) => d.id)).toEqual([two.id]);
      expect((await api.dealers.listAll()).find((d) => d.name === 'dealer-one')?.level).toBe('RESELLER');
    }, ENV);
  });

  test('deleting it fails at plan while an unmanaged tenant is designated to it; terraform destroy of both passes', async () => {
    await withAcceptance(async ({ h, api }) => {
      h.writeConfig(config({ level: 'DISTRIBUTOR', tenantDealer: 'portsip_dealer.one.id' }));
      await h.init();
      await h.apply();
      // Forget the tenant (still designated to dealer-one on the PBX), then remove the dealer.
      await h.tfOk(['state', 'rm', 'portsip_tenant.acme']);
      h.writeConfig(`${PW}
resource "portsip_dealer" "two" {
  name        = "dealer-two"
  level       = "DISTRIBUTOR"
  password_wo = var.pw
}
`);
      const r = expectExit(await h.tfWithEnv(ENV.env, 'plan', '-input=false', '-no-color'), 1, 'delete with tenants');
      // A resource gone from the configuration has no block for Terraform to point at: the summary names the dealer.
      expect(errors(r.stderr)).toEqual([['Dealer "dealer-one" cannot be deleted: it still has 1 tenant', '']]);
      expect(flat(r.stderr)).toMatch(/acme\.example\.com \(id "[^"]+"\)/);
      expect((await api.dealers.listAll()).map((d) => d.name).sort()).toEqual(['dealer-one', 'dealer-two']);

      // Bring the tenant back under management (import), then destroy everything: the tenant goes first.
      const acme = (await api.tenants.listAll()).find((t) => t.domain === 'acme.example.com')!;
      h.writeConfig(config({ level: 'DISTRIBUTOR', tenantDealer: 'portsip_dealer.one.id' }));
      await h.tfOk(['import', '-input=false', '-no-color', 'portsip_tenant.acme', String(acme.id)]);
      const d = await h.tfWithEnv(ENV.env, 'destroy', '-input=false', '-no-color', '-auto-approve');
      expectExit(d, 0, 'destroy all');
      expect(await api.dealers.listAll()).toEqual([]);
    }, ENV);
  });
});

test('destroying a settings singleton warns that it only forgets', async () => {
  await withAcceptance(async ({ h }) => {
    h.writeConfig(`
resource "portsip_system_settings" "sys" {
  user_agent = "plan-checks"
}
`);
    await h.init();
    await h.apply();
    h.writeConfig('');
    const r = expectExit(await h.plan(), 0);
    expect(r.stdout + r.stderr).toContain("Warning: Destroying portsip_system_settings only removes it from Terraform's state");
    expect(flat(r.stdout + r.stderr)).toContain('set `reset_on_destroy = true`');
  });
});
