// `terraform validate` rejects invalid configurations of the core resources and the provider
// block, naming the attribute, without a single API request (ValidateResourceConfig /
// ValidateProviderConfig never reach the PBX). The runner is in validate-cases.ts.
import { withAcceptance } from './portsip';
import { expectValidateRejects, groupByType, type ValidateCase } from './validate-cases';

jest.setTimeout(240_000);

const TENANT = `name = "ACME"\n  domain = "acme.example.com"\n  timezone = "UTC"\n  currency = "USD"\n  region = "USA"`;
const DEALER = `name = "acme-reseller"\n  level = "DISTRIBUTOR"\n  password_wo = "Passw0rd-ok"`;
const long = (n: number) => 'x'.repeat(n);

const cases: ValidateCase[] = [
  // portsip_tenant
  { why: 'empty name', type: 'portsip_tenant', attr: 'name', body: TENANT.replace('"ACME"', '""') },
  { why: 'domain with spaces', type: 'portsip_tenant', attr: 'domain', body: TENANT.replace('acme.example.com', 'bad domain!') },
  { why: 'unknown time zone', type: 'portsip_tenant', attr: 'timezone', body: TENANT.replace('"UTC"', '"Mars/Olympus_Mons"') },
  { why: 'currency not ISO 4217', type: 'portsip_tenant', attr: 'currency', body: TENANT.replace('"USD"', '"usd"') },
  { why: 'region not alpha-3', type: 'portsip_tenant', attr: 'region', body: TENANT.replace('"USA"', '"US"') },
  { why: 'negative max_extensions', type: 'portsip_tenant', attr: 'max_extensions', body: `${TENANT}\n  max_extensions = -1` },
  {
    why: 'fractional max_concurrent_calls',
    type: 'portsip_tenant',
    attr: 'max_concurrent_calls',
    body: `${TENANT}\n  max_concurrent_calls = 2.5`,
  },
  { why: 'bad size unit', type: 'portsip_tenant', attr: 'disk_quota', body: `${TENANT}\n  disk_quota = "100XB"` },
  { why: 'bad im size', type: 'portsip_tenant', attr: 'im_disk_quota', body: `${TENANT}\n  im_disk_quota = "lots"` },
  { why: 'zero retention', type: 'portsip_tenant', attr: 'recording_retention', body: `${TENANT}\n  recording_retention = 0` },
  { why: 'enum spelled wrong', type: 'portsip_tenant', attr: 'contact_match_type', body: `${TENANT}\n  contact_match_type = "FUZZY"` },
  { why: 'enum in lower case', type: 'portsip_tenant', attr: 'contact_append_type', body: `${TENANT}\n  contact_append_type = "append"` },
  {
    why: 'update interval over 30 days',
    type: 'portsip_tenant',
    attr: 'contact_update_interval',
    body: `${TENANT}\n  contact_update_interval = 50000`,
  },
  {
    why: 'not an email',
    type: 'portsip_tenant',
    attr: 'email_recipients',
    body: `${TENANT}\n  email_recipients = "ops@example.com, not-an-email"`,
  },
  { why: 'custom_options not JSON', type: 'portsip_tenant', attr: 'custom_options', body: `${TENANT}\n  custom_options = "{bad json"` },
  { why: 'website too long', type: 'portsip_tenant', attr: 'website', body: `${TENANT}\n  website = "${long(300)}"` },
  { why: 'empty dealer_id', type: 'portsip_tenant', attr: 'dealer_id', body: `${TENANT}\n  dealer_id = ""` },
  {
    why: 'hour 25',
    type: 'portsip_tenant',
    attr: 'office_hours.monday.ranges[0].from',
    line: 'from',
    body: `${TENANT}\n  office_hours {\n    monday {\n      ranges {\n        from = "25:00"\n        to = "26:30"\n      }\n    }\n  }`,
  },
  {
    why: 'range ends before it starts',
    type: 'portsip_tenant',
    attr: 'office_hours.friday.ranges[0].to',
    line: 'to',
    body: `${TENANT}\n  office_hours {\n    friday {\n      ranges {\n        from = "17:00"\n        to = "09:00"\n      }\n    }\n  }`,
  },
  {
    why: 'unknown webhook auth',
    type: 'portsip_tenant',
    attr: 'cdr_event.auth',
    line: 'auth',
    body: `${TENANT}\n  cdr_event {\n    auth = "NTLM"\n    url = "https://hooks.example.com/cdr"\n  }`,
  },
  {
    why: 'webhook password pattern',
    type: 'portsip_tenant',
    attr: 'extension_event.password_wo',
    line: 'password_wo',
    body: `${TENANT}\n  extension_event {\n    auth = "DIGEST"\n    username = "hookuser"\n    password_wo = "NOT-LOWER"\n    url = "https://hooks.example.com/ext"\n  }`,
  },
  {
    why: 'webhook credentials version without a secret',
    type: 'portsip_tenant',
    attr: 'cdr_event.credentials_wo_version',
    line: 'credentials_wo_version',
    body: `${TENANT}\n  cdr_event {\n    auth = "BASIC"\n    username = "hookuser"\n    credentials_wo_version = 1\n    url = "https://hooks.example.com/cdr"\n  }`,
  },
  // portsip_dealer
  { why: 'reserved name', type: 'portsip_dealer', attr: 'name', body: DEALER.replace('"acme-reseller"', '"Admin"') },
  { why: 'name starting with a dot', type: 'portsip_dealer', attr: 'name', body: DEALER.replace('"acme-reseller"', '".acme"') },
  { why: 'name too long', type: 'portsip_dealer', attr: 'name', body: DEALER.replace('"acme-reseller"', `"${long(65)}"`) },
  { why: 'unknown level', type: 'portsip_dealer', attr: 'level', body: DEALER.replace('"DISTRIBUTOR"', '"RESELLER2"') },
  { why: 'short write-only password', type: 'portsip_dealer', attr: 'password_wo', body: DEALER.replace('"Passw0rd-ok"', '"abc"') },
  {
    why: 'version without password_wo',
    type: 'portsip_dealer',
    attr: 'password_wo_version',
    body: `name = "acme-reseller"\n  level = "DISTRIBUTOR"\n  password_wo_version = 1`,
  },
  { why: 'bad email', type: 'portsip_dealer', attr: 'email', body: `${DEALER}\n  email = "nope"` },
  { why: 'phone too long', type: 'portsip_dealer', attr: 'phone', body: `${DEALER}\n  phone = "${'1'.repeat(40)}"` },
  { why: 'address too long', type: 'portsip_dealer', attr: 'address', body: `${DEALER}\n  address = "${long(200)}"` },
  { why: 'negative max_tenants', type: 'portsip_dealer', attr: 'max_tenants', body: `${DEALER}\n  max_tenants = -5` },
  { why: 'max_extensions over int32', type: 'portsip_dealer', attr: 'max_extensions', body: `${DEALER}\n  max_extensions = 3000000000` },
  // portsip_transport
  { why: 'unknown protocol', type: 'portsip_transport', attr: 'protocol', body: `protocol = "SCTP"\n  port = 5060` },
  { why: 'protocol in lower case', type: 'portsip_transport', attr: 'protocol', body: `protocol = "tcp"\n  port = 5063` },
  { why: 'port above 65535', type: 'portsip_transport', attr: 'port', body: `protocol = "UDP"\n  port = 70000` },
  { why: 'negative port', type: 'portsip_transport', attr: 'port', body: `protocol = "UDP"\n  port = -1` },
  { why: 'TCP port 0', type: 'portsip_transport', attr: 'port', body: `protocol = "TCP"\n  port = 0` },
  {
    why: 'unknown verification',
    type: 'portsip_transport',
    attr: 'verification',
    body: `protocol = "TLS"\n  port = 5061\n  verification = "MAYBE"`,
  },
  // portsip_ip_rule
  { why: 'prefix too long', type: 'portsip_ip_rule', attr: 'cidr', body: `cidr = "10.0.0.0/33"\n  target = "ACCEPT"` },
  { why: 'not a cidr', type: 'portsip_ip_rule', attr: 'cidr', body: `cidr = "not-a-cidr"\n  target = "ACCEPT"` },
  { why: 'IPv6 prefix too long', type: 'portsip_ip_rule', attr: 'cidr', body: `cidr = "2001:db8::/129"\n  target = "DENY"` },
  { why: 'unknown target', type: 'portsip_ip_rule', attr: 'target', body: `cidr = "10.0.0.0/8"\n  target = "ALLOW"` },
  {
    why: 'expiry not RFC 3339',
    type: 'portsip_ip_rule',
    attr: 'expire_at',
    body: `cidr = "10.0.0.0/8"\n  target = "ACCEPT"\n  expire_at = "tomorrow"`,
  },
  {
    why: 'description too long',
    type: 'portsip_ip_rule',
    attr: 'description',
    body: `cidr = "10.0.0.0/8"\n  target = "ACCEPT"\n  description = "${long(300)}"`,
  },
  // provider blocks (aliases, so each is its own block)
  { why: 'unknown read strategy', type: 'provider', attr: 'read_strategy', body: `read_strategy = "lazy"` },
  { why: 'unknown tenant dealer reads', type: 'provider', attr: 'tenant_dealer_reads', body: `tenant_dealer_reads = "some"` },
  { why: 'duration without unit', type: 'provider', attr: 'request_timeout', body: `request_timeout = "30 seconds"` },
  { why: 'zero concurrency', type: 'provider', attr: 'max_concurrency', body: `max_concurrency = 0` },
  { why: 'unknown api version', type: 'provider', attr: 'api_version', body: `api_version = "21.0"` },
  { why: 'negative retries', type: 'provider', attr: 'max_retries', body: `max_retries = -1` },
  { why: 'endpoint with a query', type: 'provider', attr: 'endpoint', body: `endpoint = "https://pbx.example.com:8887/api?x=1"` },
];

const groups = groupByType(cases);

test('there are at least 40 invalid configurations', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

test.each(groups)('terraform validate rejects every invalid %s configuration, naming the attribute, with no API request', (_type, group) =>
  withAcceptance((acc) => expectValidateRejects(acc, group)),
);

test('a plan without endpoint or credentials names each missing attribute and its environment variable', () =>
  withAcceptance(
    async ({ h, emu }) => {
      h.writeConfig(`resource "portsip_ip_rule" "r" {\n  cidr   = "10.0.0.0/8"\n  target = "ACCEPT"\n}\n`);
      await h.init();
      const r = await h.plan();
      expect(r.code).toBe(1);
      for (const [attr, env] of [
        ['endpoint', 'PORTSIP_ENDPOINT'],
        ['username', 'PORTSIP_USERNAME'],
        ['password', 'PORTSIP_PASSWORD'],
      ]) {
        expect(r.stderr).toContain(`Missing PortSIP ${attr}`);
        expect(r.stderr).toContain(env);
      }
      expect(emu.stats().total).toBe(0);
    },
    { env: { PORTSIP_ENDPOINT: undefined, PORTSIP_USERNAME: undefined, PORTSIP_PASSWORD: undefined } },
  ));
