// `terraform validate` rejects invalid configurations of the admin-user, trunk-assignment,
// singleton and data-source types, naming the attribute, with no API request. Same runner as the
// core resources (validate-cases.ts); each case is its own block and is asserted on its own.
import { withAcceptance } from './portsip';
import { expectValidateRejects, groupByType, type ValidateCase } from './validate-cases';

jest.setTimeout(240_000);

const USER = `name = "ops-alice"\n  role = "OperationsAdmin"\n  password_wo = "Passw0rd-ok"`;
const TRUNK = `trunk_id = "NzAwNTUxOTA5NzczMTQ4MjAw"\n  tenant_id = "NzAwNTUxOTA5NzczMTQ4MTYw"`;
const long = (n: number) => 'x'.repeat(n);

const cases: ValidateCase[] = [
  // portsip_admin_user
  { why: 'username with a space', type: 'portsip_admin_user', attr: 'name', body: USER.replace('"ops-alice"', '"ops alice"') },
  { why: 'username ending with a dot', type: 'portsip_admin_user', attr: 'name', body: USER.replace('"ops-alice"', '"alice."') },
  // "admin, system, administrator, and root are reserved names for system admin only with case ignored" (22.3 reference)
  { why: 'reserved username', type: 'portsip_admin_user', attr: 'name', body: USER.replace('"ops-alice"', '"Root"') },
  { why: 'username too long', type: 'portsip_admin_user', attr: 'name', body: USER.replace('"ops-alice"', `"${long(65)}"`) },
  {
    why: 'built-in role in the wrong case',
    type: 'portsip_admin_user',
    attr: 'role',
    body: USER.replace('"OperationsAdmin"', '"systemadmin"'),
  },
  { why: 'empty role', type: 'portsip_admin_user', attr: 'role', body: USER.replace('"OperationsAdmin"', '""') },
  { why: 'short write-only password', type: 'portsip_admin_user', attr: 'password_wo', body: USER.replace('"Passw0rd-ok"', '"abc"') },
  { why: 'bad email', type: 'portsip_admin_user', attr: 'email', body: `${USER}\n  email = "alice-at-example"` },
  { why: 'mobile phone too long', type: 'portsip_admin_user', attr: 'mobile_phone', body: `${USER}\n  mobile_phone = "${'9'.repeat(40)}"` },
  { why: 'department too long', type: 'portsip_admin_user', attr: 'department', body: `${USER}\n  department = "${long(200)}"` },
  // portsip_trunk_assignment
  { why: 'DID pool with letters', type: 'portsip_trunk_assignment', attr: 'did_numbers', body: `${TRUNK}\n  did_numbers = "3000;abc"` },
  { why: 'DID range backwards', type: 'portsip_trunk_assignment', attr: 'did_numbers', body: `${TRUNK}\n  did_numbers = "18000-12000"` },
  {
    why: 'DID pool overlapping itself',
    type: 'portsip_trunk_assignment',
    attr: 'did_numbers',
    body: `${TRUNK}\n  did_numbers = "1000-2000;1500"`,
  },
  { why: 'negative concurrency', type: 'portsip_trunk_assignment', attr: 'concurrency', body: `${TRUNK}\n  concurrency = -1` },
  { why: 'empty trunk id', type: 'portsip_trunk_assignment', attr: 'trunk_id', body: TRUNK.replace('"NzAwNTUxOTA5NzczMTQ4MjAw"', '""') },
  // portsip_system_settings
  { why: 'session timer below 90', type: 'portsip_system_settings', attr: 'session_timer_duration', body: `session_timer_duration = 30` },
  {
    why: 'register expiry above 3600',
    type: 'portsip_system_settings',
    attr: 'register_expiration_time',
    body: `register_expiration_time = 7200`,
  },
  {
    why: 'unknown congestion metric',
    type: 'portsip_system_settings',
    attr: 'congestion_management_metric',
    body: `congestion_management_metric = "LATENCY"`,
  },
  {
    why: 'unknown alert-info header',
    type: 'portsip_system_settings',
    attr: 'auto_answer_alert_info_header',
    body: `auto_answer_alert_info_header = "intercom"`,
  },
  { why: 'empty user agent', type: 'portsip_system_settings', attr: 'user_agent', body: `user_agent = ""` },
  { why: 'trace port above 65535', type: 'portsip_system_settings', attr: 'trace_server_port', body: `trace_server_port = 70000` },
  {
    why: 'negative dead session timeout',
    type: 'portsip_system_settings',
    attr: 'dead_session_timeout',
    body: `dead_session_timeout = -5`,
  },
  { why: 'custom options not JSON', type: 'portsip_system_settings', attr: 'custom_options', body: `custom_options = "{not json"` },
  // portsip_network_settings
  { why: 'private IPv4 not an address', type: 'portsip_network_settings', attr: 'private_ipv4', body: `private_ipv4 = "10.0.0.300"` },
  { why: 'public IPv6 not an address', type: 'portsip_network_settings', attr: 'public_ipv6', body: `public_ipv6 = "2001:db8::zz"` },
  // portsip_notification_settings
  {
    why: 'unknown mail server type',
    type: 'portsip_notification_settings',
    attr: 'type',
    body: `type = "SENDGRID"\n  username = "pbx@example.com"`,
  },
  {
    why: 'unknown SMTP auth',
    type: 'portsip_notification_settings',
    attr: 'auth',
    body: `type = "SMTP"\n  username = "pbx@example.com"\n  auth = "CRAM-MD5"`,
  },
  {
    why: 'SMTP port above 65535',
    type: 'portsip_notification_settings',
    attr: 'port',
    body: `type = "SMTP"\n  username = "pbx@example.com"\n  port = 70000`,
  },
  { why: 'username too long', type: 'portsip_notification_settings', attr: 'username', body: `type = "SMTP"\n  username = "${long(130)}"` },
  {
    why: 'sixteen recipients',
    type: 'portsip_notification_settings',
    attr: 'recipients',
    body: `type = "SMTP"\n  username = "pbx@example.com"\n  recipients = "${Array.from({ length: 16 }, (_, i) => `ops${i}@example.com`).join(',')}"`,
  },
  // portsip_sbc_settings
  { why: 'http port above 65535', type: 'portsip_sbc_settings', attr: 'http_port', body: `http_port = 80000` },
  { why: 'negative https port', type: 'portsip_sbc_settings', attr: 'https_port', body: `https_port = -1` },
  {
    why: 'unknown SBC transport protocol',
    type: 'portsip_sbc_settings',
    attr: 'transports[0].protocol',
    line: 'protocol',
    body: `transports {\n    protocol = "WSS"\n    port = 5065\n  }`,
  },
  // portsip_im_server / portsip_data_flow_server
  { why: 'IM private IPv4 not an address', type: 'portsip_im_server', attr: 'private_ipv4', body: `private_ipv4 = "im.example.com:8887"` },
  { why: 'Data Flow public IPv4 not an address', type: 'portsip_data_flow_server', attr: 'public_ipv4', body: `public_ipv4 = "999.1.1.1"` },
  // portsip_certificate
  {
    why: 'certificate without PEM armour',
    type: 'portsip_certificate',
    attr: 'crt',
    body: `crt = "MIIBszCCAVmgAwIBAgIU"\n  key_wo = "-----BEGIN PRIVATE KEY-----\\nMIGH\\n-----END PRIVATE KEY-----\\n"`,
  },
  {
    why: 'private key that is a certificate',
    type: 'portsip_certificate',
    attr: 'key_wo',
    body: `crt = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"\n  key_wo = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"`,
  },
  // portsip_brand
  { why: 'unknown theme', type: 'portsip_brand', attr: 'theme', body: `theme = "ORANGE"` },
  { why: 'bottom text over 256 characters', type: 'portsip_brand', attr: 'bottom_text', body: `bottom_text = "${long(300)}"` },
  // portsip_admin_profile / portsip_dealer_profile
  { why: 'own username reserved-looking with a space', type: 'portsip_admin_profile', attr: 'name', body: `name = "root admin"` },
  { why: 'own email invalid', type: 'portsip_admin_profile', attr: 'email', body: `email = "nobody"` },
  { why: 'dealer phone too long', type: 'portsip_dealer_profile', attr: 'phone', body: `phone = "${'1'.repeat(40)}"` },
  { why: 'dealer display name too long', type: 'portsip_dealer_profile', attr: 'display_name', body: `display_name = "${long(1100)}"` },
  // data sources
  { why: 'ip_rules unknown target', type: 'data.portsip_ip_rules', attr: 'target', body: `target = "ALLOW"` },
  {
    why: 'transport lookup with a bad protocol',
    type: 'data.portsip_transport',
    attr: 'protocol',
    body: `protocol = "SCTP"\n  port = 5060`,
  },
];

const groups = groupByType(cases);

test('there are at least 40 invalid configurations of the newer types', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

test.each(groups)('terraform validate rejects every invalid %s configuration, naming the attribute, with no API request', (_type, group) =>
  withAcceptance((acc) => expectValidateRejects(acc, group)),
);
