// Reliability (issue 13), case (a): about 500 resources (300 IP rules, 100 dealers, 80 tenants of
// which 40 designated to a dealer, 10 transports, 6 settings singletons) applied from empty in ONE
// `terraform apply` while the PBX fails a fifth of all requests with 500/503, drops 5 % of
// connections, answers bursts of 429, expires 5 % of tokens, and answers 10 % of creates only after
// the provider's request timeout; with --no-unique-keys, so only the provider stands between a lost
// answer and a duplicate. Then: 0 duplicates, 0 orphans (PBX = state), re-plan exit 0, and destroy
// leaves nothing. The fault dice are seeded.
import { withAcceptance } from '../acceptance/portsip';
import { DEALER_PASSWORD_VAR, printReport, reconcile, report, runTf } from './helpers';

jest.setTimeout(1_200_000);
afterAll(() => printReport('reliability: the fault mix'));

const REQUEST_TIMEOUT_MS = 3000;

const CONFIG = `
provider "portsip" {
  request_timeout = "${REQUEST_TIMEOUT_MS}ms"
}
${DEALER_PASSWORD_VAR}
resource "portsip_ip_rule" "r" {
  count  = 300
  cidr   = "10.\${floor(count.index / 250)}.\${count.index % 250}.0/24"
  target = count.index % 3 == 0 ? "ACCEPT" : "DENY"
}

resource "portsip_dealer" "d" {
  count       = 100
  name        = "dealer-\${count.index}"
  level       = "RESELLER"
  password_wo = var.dealer_password
}

resource "portsip_tenant" "t" {
  count     = 80
  name      = "Tenant \${count.index}"
  domain    = "t\${count.index}.example.com"
  timezone  = "UTC"
  currency  = "USD"
  region    = "USA"
  dealer_id = count.index < 40 ? portsip_dealer.d[count.index].id : null
}

resource "portsip_transport" "tcp" {
  count    = 10
  protocol = count.index % 2 == 0 ? "TCP" : "TLS"
  port     = 6000 + count.index
}

resource "portsip_network_settings" "net" {
  web_domain  = "pbx.example.com"
  enable_ipv6 = false
}

resource "portsip_system_settings" "sys" {
  user_agent = "PortSIP PBX (reliability)"
}

resource "portsip_sbc_settings" "sbc" {
  http_port = 8882
}

resource "portsip_im_server" "im" {
  public_ipv4 = "203.0.113.7"
}

resource "portsip_data_flow_server" "df" {
  private_ipv4 = "10.250.0.7"
}

resource "portsip_brand" "brand" {
  title = "Reliability"
}
`;
const RESOURCES = 300 + 100 + 80 + 10 + 6;

const FAULTS = {
  errorRate: 0.2,
  errorStatus: 'random' as const,
  dropRate: 0.05,
  burst429Every: 50,
  burst429Length: 5,
  tokenExpiryRate: 0.05,
  lateCreateRate: 0.1,
  lateCreateMs: REQUEST_TIMEOUT_MS + 2000,
  seed: 13,
};
const NO_FAULTS = { errorRate: 0, dropRate: 0, burst429Every: 0, burst429Length: 0, tokenExpiryRate: 0, lateCreateRate: 0 };

test(`(a) ${RESOURCES} resources in ONE apply under the fault mix: 0 duplicates, 0 orphans, re-plan clean, destroy leaves nothing`, () =>
  withAcceptance(
    async ({ h, emu }) => {
      h.writeConfig(CONFIG);
      await h.init();
      emu.setFaults(FAULTS);
      emu.resetStats();
      const apply = await runTf(h, ['apply', '-auto-approve', '-no-color', '-input=false', '-parallelism=10']);
      const stats = emu.stats();
      if (apply.code !== 0) throw new Error(`apply exited ${apply.code}\n${apply.stderr.slice(-6000)}`);
      const rec = reconcile(emu, h);
      expect(rec.duplicates).toEqual([]);
      expect(rec.orphans).toEqual([]);
      expect(rec.missing).toEqual([]);
      expect(rec.inState).toBe(RESOURCES - 6);
      const faults = {
        requests: stats.total,
        '5xx': (stats.byStatus['500'] ?? 0) + (stats.byStatus['503'] ?? 0),
        '429': stats.byStatus['429'] ?? 0,
        dropped: stats.byStatus['dropped'] ?? 0,
        '401': stats.byStatus['401'] ?? 0,
        lateCreates: stats.lateCreates,
      };
      expect(faults['5xx']).toBeGreaterThan(50);
      expect(faults.lateCreates).toBeGreaterThan(10);

      const plan = await runTf(h, ['plan', '-detailed-exitcode', '-no-color', '-input=false']);
      if (plan.code !== 0) throw new Error(`re-plan exited ${plan.code}\n${plan.stdout.slice(-3000)}\n${plan.stderr.slice(-3000)}`);

      const destroy = await runTf(h, ['destroy', '-auto-approve', '-no-color', '-input=false', '-parallelism=10']);
      emu.setFaults(NO_FAULTS);
      if (destroy.code !== 0) throw new Error(`destroy exited ${destroy.code}\n${destroy.stderr.slice(-4000)}`);
      const left = reconcile(emu, h);
      expect(left.onPbx).toBe(0);
      report(
        `(a) ${RESOURCES} resources, one apply: exit ${apply.code} in ${(apply.durationMs / 1000).toFixed(0)} s; injected ${JSON.stringify(faults)}; ` +
          `duplicates ${rec.duplicates.length}, orphans ${rec.orphans.length}, PBX ${rec.onPbx} = state ${rec.inState} (+6 singletons); ` +
          `re-plan exit ${plan.code} in ${(plan.durationMs / 1000).toFixed(0)} s; destroy exit ${destroy.code} in ${(destroy.durationMs / 1000).toFixed(0)} s, left ${left.onPbx}`,
      );
    },
    { env: { TF_VAR_dealer_password: 'Dealer-Passw0rd-1' }, emulator: { uniqueKeys: false } },
  ));
