// Validation of the remaining resources and the data sources: invalid configurations (path, attribute
// name, value received and what is allowed in every diagnostic), multi-problem configurations, valid
// configurations and unknown values.

import { BigNum, UNKNOWN, type AttributePath, type Diagnostic, type ObjectValue } from '../../src/provider/values';
import type { Schema } from '../../src/provider/schema';
import { adminUserSchema } from '../../src/resources/admin-user/schema';
import { validate as vAdminUser } from '../../src/resources/admin-user/validate';
import { trunkAssignmentSchema } from '../../src/resources/trunk-assignment/schema';
import { validate as vTrunk } from '../../src/resources/trunk-assignment/validate';
import { systemSettingsSchema } from '../../src/resources/system-settings/schema';
import { validate as vSettings } from '../../src/resources/system-settings/validate';
import { networkSettingsSchema } from '../../src/resources/network-settings/schema';
import { validate as vNetwork } from '../../src/resources/network-settings/validate';
import { notificationSettingsSchema } from '../../src/resources/notification-settings/schema';
import { validate as vNotification } from '../../src/resources/notification-settings/validate';
import { sbcSettingsSchema } from '../../src/resources/sbc-settings/schema';
import { validate as vSbc } from '../../src/resources/sbc-settings/validate';
import { imServerSchema } from '../../src/resources/im-server/schema';
import { validate as vIm } from '../../src/resources/im-server/validate';
import { dataFlowServerSchema } from '../../src/resources/data-flow-server/schema';
import { validate as vDataFlow } from '../../src/resources/data-flow-server/validate';
import { certificateSchema } from '../../src/resources/certificate/schema';
import { validate as vCert } from '../../src/resources/certificate/validate';
import { brandSchema } from '../../src/resources/brand/schema';
import { validate as vBrand } from '../../src/resources/brand/validate';
import { adminProfileSchema } from '../../src/resources/admin-profile/schema';
import { validate as vAdminProfile } from '../../src/resources/admin-profile/validate';
import { dealerProfileSchema } from '../../src/resources/dealer-profile/schema';
import { validate as vDealerProfile } from '../../src/resources/dealer-profile/validate';
import { tenantDataSourceSchema } from '../../src/datasources/tenant/schema';
import { validate as vDsTenant } from '../../src/datasources/tenant/validate';
import { dealerDataSourceSchema } from '../../src/datasources/dealer/schema';
import { validate as vDsDealer } from '../../src/datasources/dealer/validate';
import { transportDataSourceSchema } from '../../src/datasources/transport/schema';
import { validate as vDsTransport } from '../../src/datasources/transport/validate';
import { ipRulesDataSourceSchema } from '../../src/datasources/ip-rules/schema';
import { validate as vDsIpRules } from '../../src/datasources/ip-rules/validate';
import { systemStatusDataSourceSchema } from '../../src/datasources/system-status/schema';
import { validate as vDsStatus } from '../../src/datasources/system-status/validate';
import { configOf, describeDiags, errors, warnings } from './helpers';
import { CERT_PEM, CHAIN_PEM, ENCRYPTED_KEY_PEM, KEY_PEM, RSA_KEY_PEM } from './fixtures';

const mk =
  (schema: Schema, base: ObjectValue) =>
  (o: ObjectValue = {}) =>
    configOf(schema, { ...base, ...o });
const adminUser = mk(adminUserSchema, { name: 'ops-admin', role: 'OperationsAdmin', password_wo: 'secret-123', password_wo_version: 1 });
const trunk = mk(trunkAssignmentSchema, {
  trunk_id: 'NzAwNTUxOTA5NzczMTQ4MTYw',
  tenant_id: 'NzAwNTUxOTA5NzczMTQ4MTYx',
  did_numbers: '3000;12000-18000',
  concurrency: 10,
});
const settings = mk(systemSettingsSchema, {});
const network = mk(networkSettingsSchema, {});
const notification = mk(notificationSettingsSchema, { type: 'SMTP', username: 'alerts@example.com' });
const sbc = mk(sbcSettingsSchema, {});
const sbcT = (protocol: string, port: number) => ({ protocol, port });
const im = mk(imServerSchema, {});
const dataFlow = mk(dataFlowServerSchema, {});
const cert = mk(certificateSchema, { crt: CHAIN_PEM, key_wo: KEY_PEM, key_wo_version: 1 });
const brand = mk(brandSchema, {});
const adminProfile = mk(adminProfileSchema, {});
const dealerProfile = mk(dealerProfileSchema, {});
const dsTenant = mk(tenantDataSourceSchema, {});
const dsDealer = mk(dealerDataSourceSchema, {});
const dsTransport = mk(transportDataSourceSchema, {});
const dsIpRules = mk(ipRulesDataSourceSchema, {});

const long = (n: number, ch = 'a') => ch.repeat(n);
const emails = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`).join(',');
const NO_WO = { writeOnlyAttributesAllowed: false };

interface Expected {
  path: AttributePath;
  contains: string[];
  notContains?: string[];
  severity?: 'error' | 'warning';
}

interface Case {
  name: string;
  run: () => Diagnostic[];
  expect: Expected[];
}

const cases: Case[] = [
  // ---- admin user
  {
    name: 'admin user name with a space',
    run: () => vAdminUser(adminUser({ name: 'ops admin' })),
    expect: [{ path: ['name'], contains: ['"name"', '"ops admin"', "letters, digits and the characters _ - ' .", 'Not allowed: " "'] }],
  },
  {
    name: 'admin user name starts with a dot',
    run: () => vAdminUser(adminUser({ name: '.ops' })),
    expect: [{ path: ['name'], contains: ['"name"', '".ops"', 'must not start or end with "."'] }],
  },
  {
    name: 'admin user name too long',
    run: () => vAdminUser(adminUser({ name: long(65) })),
    expect: [{ path: ['name'], contains: ['"name"', '1 to 64 characters', 'has 65 characters'] }],
  },
  {
    name: 'admin user role in the wrong case',
    run: () => vAdminUser(adminUser({ role: 'systemadmin' })),
    expect: [
      {
        path: ['role'],
        contains: ['"role"', '"systemadmin"', '"SystemAdmin", "OperationsAdmin", "SiteAdmin"', 'custom role', 'Did you mean "SystemAdmin"'],
      },
    ],
  },
  {
    name: 'admin user role empty',
    run: () => vAdminUser(adminUser({ role: '' })),
    expect: [{ path: ['role'], contains: ['"role"', 'got ""', '1 to 64 characters'] }],
  },
  {
    name: 'admin user role too long',
    run: () => vAdminUser(adminUser({ role: long(65, 'R') })),
    expect: [{ path: ['role'], contains: ['"role"', '1 to 64 characters', 'has 65 characters'] }],
  },
  {
    name: 'admin user with a tenant role (warning)',
    run: () => vAdminUser(adminUser({ role: 'StandardUser' })),
    expect: [{ path: ['role'], severity: 'warning', contains: ['"role"', '"StandardUser"', 'dealer or tenant role', '"SystemAdmin"'] }],
  },
  {
    name: 'admin user write-only password too short is not echoed',
    run: () => vAdminUser(adminUser({ password_wo: 'abc12' })),
    expect: [
      {
        path: ['password_wo'],
        contains: ['"password_wo"', 'at least 6 characters', 'value of 5 characters', 'sensitive'],
        notContains: ['abc12'],
      },
    ],
  },
  {
    name: 'admin user version without write-only password',
    run: () => vAdminUser(adminUser({ password_wo: null })),
    expect: [{ path: ['password_wo_version'], contains: ['"password_wo_version" requires "password_wo"', 'remove "password_wo_version"'] }],
  },
  {
    name: 'admin user write-only before Terraform 1.11',
    run: () => vAdminUser(adminUser(), NO_WO),
    expect: [
      {
        path: ['password_wo'],
        contains: ['"password_wo" is write-only', 'Terraform 1.11', 'Upgrade Terraform'],
        notContains: ['secret-123', 'Use "password"'],
      },
    ],
  },
  {
    name: 'admin user email invalid',
    run: () => vAdminUser(adminUser({ email: 'ops@localhost' })),
    expect: [{ path: ['email'], contains: ['"email"', '"ops@localhost"', 'email address such as', '"localhost" is not a valid domain'] }],
  },
  {
    name: 'admin user mobile phone too long',
    run: () => vAdminUser(adminUser({ mobile_phone: long(33, '1') })),
    expect: [{ path: ['mobile_phone'], contains: ['"mobile_phone"', 'at most 32 characters', 'has 33 characters'] }],
  },
  {
    name: 'admin user department too long',
    run: () => vAdminUser(adminUser({ department: long(129, 'd') })),
    expect: [{ path: ['department'], contains: ['"department"', 'at most 128 characters', '(129 characters)'] }],
  },

  // ---- trunk assignment
  {
    name: 'DID pool with commas',
    run: () => vTrunk(trunk({ did_numbers: '3000,4000' })),
    expect: [{ path: ['did_numbers'], contains: ['"did_numbers"', '"3000,4000"', 'separated by ";"', 'entry 1 "3000,4000"'] }],
  },
  {
    name: 'DID range reversed',
    run: () => vTrunk(trunk({ did_numbers: '3000;18000-12000' })),
    expect: [{ path: ['did_numbers'], contains: ['"did_numbers"', 'start ≤ end', 'Entry 2 "18000-12000"', 'did you mean "12000-18000"'] }],
  },
  {
    name: 'DID pool overlapping itself',
    run: () => vTrunk(trunk({ did_numbers: '3000-3999;5000;3500' })),
    expect: [
      { path: ['did_numbers'], contains: ['"did_numbers"', 'without overlapping entries', 'Entries 1 "3000-3999" and 3 "3500" overlap'] },
    ],
  },
  {
    name: 'DID pool with a stray separator',
    run: () => vTrunk(trunk({ did_numbers: '3000;' })),
    expect: [{ path: ['did_numbers'], contains: ['"did_numbers"', '"3000;"', 'entry 2 is empty'] }],
  },
  {
    name: 'trunk concurrency negative',
    run: () => vTrunk(trunk({ concurrency: -1 })),
    expect: [{ path: ['concurrency'], contains: ['"concurrency"', 'got -1', 'whole number from 0 to 2147483647'] }],
  },
  {
    name: 'trunk id with a slash',
    run: () => vTrunk(trunk({ trunk_id: 'a/b' })),
    expect: [{ path: ['trunk_id'], contains: ['"trunk_id"', '"a/b"', 'without "/"'] }],
  },
  {
    name: 'tenant id empty',
    run: () => vTrunk(trunk({ tenant_id: '' })),
    expect: [{ path: ['tenant_id'], contains: ['"tenant_id"', 'got ""', 'at least 1 characters'] }],
  },

  // ---- system settings
  {
    name: 'user_agent empty',
    run: () => vSettings(settings({ user_agent: '' })),
    expect: [{ path: ['user_agent'], contains: ['"user_agent"', 'got ""', '1 to 1024 characters'] }],
  },
  {
    name: 'user_agent too long',
    run: () => vSettings(settings({ user_agent: long(1025, 'u') })),
    expect: [{ path: ['user_agent'], contains: ['"user_agent"', '1 to 1024 characters', '(1025 characters)'] }],
  },
  {
    name: 'session_timer_duration below 90',
    run: () => vSettings(settings({ session_timer_duration: 60 })),
    expect: [{ path: ['session_timer_duration'], contains: ['"session_timer_duration"', 'got 60', 'from 90 to 3600'] }],
  },
  {
    name: 'register_expiration_time above 3600',
    run: () => vSettings(settings({ register_expiration_time: 4000 })),
    expect: [{ path: ['register_expiration_time'], contains: ['"register_expiration_time"', 'got 4000', 'from 90 to 3600'] }],
  },
  {
    name: 'congestion metric lower case',
    run: () => vSettings(settings({ congestion_management_metric: 'wait_time' })),
    expect: [
      {
        path: ['congestion_management_metric'],
        contains: ['"congestion_management_metric"', '"wait_time"', '"WAIT_TIME", "TIME_DEPTH", "SIZE"', 'Did you mean "WAIT_TIME"'],
      },
    ],
  },
  {
    name: 'alert-info header unknown',
    run: () => vSettings(settings({ auto_answer_alert_info_header: 'ALERT' })),
    expect: [
      {
        path: ['auto_answer_alert_info_header'],
        contains: ['"auto_answer_alert_info_header"', '"ALERT"', '"INTERCOM", "ALERT_AUTO_ANSWER", "AUTO_ANSWER"'],
      },
    ],
  },
  {
    name: 'trace_server_port too big',
    run: () => vSettings(settings({ trace_server_port: 70000 })),
    expect: [{ path: ['trace_server_port'], contains: ['"trace_server_port"', 'got 70000', 'from 0 to 65535'] }],
  },
  {
    name: 'web_failed_auth_amount negative',
    run: () => vSettings(settings({ web_failed_auth_amount: -5 })),
    expect: [{ path: ['web_failed_auth_amount'], contains: ['"web_failed_auth_amount"', 'got -5', 'from 0 to 2147483647'] }],
  },
  {
    name: 'sip_detection_period beyond int32',
    run: () => vSettings(settings({ sip_detection_period: new BigNum('9999999999999') })),
    expect: [{ path: ['sip_detection_period'], contains: ['"sip_detection_period"', 'got 9999999999999', 'from 0 to 2147483647'] }],
  },
  {
    name: 'settings custom_options not JSON',
    run: () => vSettings(settings({ custom_options: "{'a':1}" })),
    expect: [{ path: ['custom_options'], contains: ['"custom_options"', `"{'a':1}"`, 'JSON document', 'jsonencode'] }],
  },
  {
    name: 'STIR/SHAKEN cert with the key pasted in',
    run: () => vSettings(settings({ stir_shaken_cert: `${CERT_PEM}${KEY_PEM}`, stir_shaken_key_wo: KEY_PEM })),
    expect: [
      {
        path: ['stir_shaken_cert'],
        severity: 'warning',
        contains: ['"stir_shaken_cert"', 'PEM-encoded X.509 certificate', 'contains a private key'],
      },
    ],
  },
  {
    name: 'STIR/SHAKEN key is a certificate and is not echoed',
    run: () => vSettings(settings({ stir_shaken_cert: CERT_PEM, stir_shaken_key_wo: CERT_PEM })),
    expect: [
      {
        path: ['stir_shaken_key_wo'],
        severity: 'warning',
        contains: ['"stir_shaken_key_wo"', 'private key', 'are the certificate and key swapped', 'not shown'],
        notContains: [CERT_PEM.split('\n')[1]!.slice(0, 20)],
      },
    ],
  },
  {
    name: 'STIR/SHAKEN write-only key before Terraform 1.11',
    run: () => vSettings(settings({ stir_shaken_cert: CERT_PEM, stir_shaken_key_wo: KEY_PEM }), NO_WO),
    expect: [
      {
        path: ['stir_shaken_key_wo'],
        contains: ['"stir_shaken_key_wo" is write-only', 'Upgrade Terraform'],
        notContains: [KEY_PEM.split('\n')[1]!.slice(0, 20)],
      },
    ],
  },
  {
    name: 'STIR/SHAKEN version without key',
    run: () => vSettings(settings({ stir_shaken_key_wo_version: 2 })),
    expect: [{ path: ['stir_shaken_key_wo_version'], contains: ['"stir_shaken_key_wo_version" requires "stir_shaken_key_wo"'] }],
  },
  {
    name: 'session timer duration with timers off (warning)',
    run: () => vSettings(settings({ enable_session_timer: false, session_timer_duration: 1800 })),
    expect: [
      {
        path: ['session_timer_duration'],
        severity: 'warning',
        contains: ['"session_timer_duration"', '1800', '"enable_session_timer" is false'],
      },
    ],
  },

  // ---- network settings
  {
    name: 'private IPv4 octet over 255',
    run: () => vNetwork(network({ private_ipv4: '10.0.0.256' })),
    expect: [{ path: ['private_ipv4'], contains: ['"private_ipv4"', '"10.0.0.256"', 'IPv4 address such as', '"256" is greater than 255'] }],
  },
  {
    name: 'IPv6 address in the IPv4 field',
    run: () => vNetwork(network({ public_ipv4: '2001:db8::5' })),
    expect: [{ path: ['public_ipv4'], contains: ['"public_ipv4"', '"2001:db8::5"', 'IPv4 address', 'matching "_ipv6" attribute'] }],
  },
  {
    name: 'IPv6 with a bad group',
    run: () => vNetwork(network({ private_ipv6: '2001:db8::g' })),
    expect: [
      {
        path: ['private_ipv6'],
        contains: ['"private_ipv6"', '"2001:db8::g"', 'IPv6 address such as', '"g" is not a 1-4 digit hexadecimal group'],
      },
    ],
  },
  {
    name: 'DNS server with a prefix',
    run: () => vNetwork(network({ primary_dns_server: '8.8.8.8/32' })),
    expect: [
      {
        path: ['primary_dns_server'],
        severity: 'warning',
        contains: ['"primary_dns_server"', '"8.8.8.8/32"', 'IPv4 or IPv6 address', 'without a "/prefix"', 'not a documented PortSIP rule'],
      },
    ],
  },
  {
    name: 'web domain with a space',
    run: () => vNetwork(network({ web_domain: 'pbx example.com' })),
    expect: [
      { path: ['web_domain'], severity: 'warning', contains: ['"web_domain"', '"pbx example.com"', 'host name', 'Not allowed: " "'] },
    ],
  },
  {
    name: 'IPv6 address with IPv6 disabled (warning)',
    run: () => vNetwork(network({ enable_ipv6: false, public_ipv6: '2001:db8::5' })),
    expect: [{ path: ['public_ipv6'], severity: 'warning', contains: ['"public_ipv6"', '"enable_ipv6" is false'] }],
  },

  // ---- notification settings
  {
    name: 'mail type lower case',
    run: () => vNotification(notification({ type: 'smtp' })),
    expect: [{ path: ['type'], contains: ['"type"', '"smtp"', '"SMTP", "MS365", "GMAIL"', 'Did you mean "SMTP"'] }],
  },
  {
    name: 'SMTP auth unknown',
    run: () => vNotification(notification({ auth: 'NTLM' })),
    expect: [{ path: ['auth'], contains: ['"auth"', '"NTLM"', '"DISABLE", "AUTO", "LOGIN", "PLAIN"'] }],
  },
  {
    name: 'SMTP port too big',
    run: () => vNotification(notification({ port: 65536 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 65536', 'from 0 to 65535'] }],
  },
  {
    name: 'recipients over 15',
    run: () => vNotification(notification({ recipients: emails(16) })),
    expect: [{ path: ['recipients'], contains: ['"recipients"', 'at most 15 email addresses', 'It has 16 addresses'] }],
  },
  {
    name: 'reply_to not an address',
    run: () => vNotification(notification({ reply_to: 'noreply' })),
    expect: [{ path: ['reply_to'], contains: ['"reply_to"', '"noreply"', 'email address', 'not of the form name@domain'] }],
  },
  {
    name: 'mail username too long',
    run: () => vNotification(notification({ username: long(129, 'm') })),
    expect: [{ path: ['username'], contains: ['"username"', 'at most 128 characters', '(129 characters)'] }],
  },
  {
    name: 'CPU threshold as a percentage',
    run: () => vNotification(notification({ cpu_threshold: 90 })),
    expect: [
      { path: ['cpu_threshold'], severity: 'warning', contains: ['"cpu_threshold"', 'got 90', 'number from 0 to 1', 'example 0.9 = 90 %'] },
    ],
  },
  {
    name: 'memory threshold negative',
    run: () => vNotification(notification({ memory_threshold: -0.1 })),
    expect: [{ path: ['memory_threshold'], severity: 'warning', contains: ['"memory_threshold"', 'got -0.1', 'number from 0 to 1'] }],
  },
  {
    name: 'mail password empty is not echoed',
    run: () => vNotification(notification({ password_wo: '' })),
    expect: [{ path: ['password_wo'], contains: ['"password_wo"', 'sensitive'] }],
  },
  {
    name: 'mail write-only password before Terraform 1.11',
    run: () => vNotification(notification({ password_wo: 'secret' }), NO_WO),
    expect: [{ path: ['password_wo'], contains: ['"password_wo" is write-only', 'Upgrade Terraform'], notContains: ['Use "password"'] }],
  },
  {
    name: 'password with auth DISABLE (warning)',
    run: () => vNotification(notification({ auth: 'DISABLE', password_wo: 'secret' })),
    expect: [{ path: ['password_wo'], severity: 'warning', contains: ['"password_wo"', '"auth" is "DISABLE"'] }],
  },

  // ---- SBC
  {
    name: 'SBC http_port too big',
    run: () => vSbc(sbc({ http_port: 70000 })),
    expect: [{ path: ['http_port'], contains: ['"http_port"', 'got 70000', 'from 0 to 65535'] }],
  },
  {
    name: 'SBC transport WSS',
    run: () => vSbc(sbc({ transports: [sbcT('UDP', 5060), sbcT('WSS', 5065)] })),
    expect: [{ path: ['transports', 1, 'protocol'], contains: ['"transports[1].protocol"', '"WSS"', '"UDP", "TCP", "TLS"'] }],
  },
  {
    name: 'SBC TLS transport on port 0',
    run: () => vSbc(sbc({ transports: [sbcT('TLS', 0)] })),
    expect: [{ path: ['transports', 0, 'port'], contains: ['"transports[0].port"', 'from 1 to 65535 for protocol "TLS"', 'got 0'] }],
  },
  {
    name: 'SBC duplicate transport',
    run: () => vSbc(sbc({ transports: [sbcT('UDP', 5060), sbcT('TCP', 5063), sbcT('UDP', 5060)] })),
    expect: [
      {
        path: ['transports', 2],
        severity: 'warning',
        contains: ['"transports[2]"', 'protocol "UDP" and port 5060', '"transports[0]"', 'probably a mistake'],
      },
    ],
  },
  {
    name: 'SBC http and https on one port',
    run: () => vSbc(sbc({ http_port: 8443, https_port: 8443 })),
    expect: [{ path: ['https_port'], severity: 'warning', contains: ['"http_port" and "https_port" are both 8443', 'different ports'] }],
  },

  // ---- IM and Data Flow
  {
    name: 'IM public IPv4 too short',
    run: () => vIm(im({ public_ipv4: '1.2.3' })),
    expect: [{ path: ['public_ipv4'], contains: ['"public_ipv4"', '"1.2.3"', 'IPv4 address', 'four dot-separated numbers'] }],
  },
  {
    name: 'Data Flow IPv4 in the IPv6 field',
    run: () => vDataFlow(dataFlow({ private_ipv6: '10.1.2.3' })),
    expect: [{ path: ['private_ipv6'], contains: ['"private_ipv6"', '"10.1.2.3"', 'IPv6 address', 'matching "_ipv4" attribute'] }],
  },
  {
    name: 'IM reset_on_destroy has nothing to reset (warning)',
    run: () => vIm(im({ reset_on_destroy: true })),
    expect: [{ path: ['reset_on_destroy'], severity: 'warning', contains: ['"reset_on_destroy"', 'no setting', 'documented default'] }],
  },

  // ---- certificate
  {
    name: 'certificate is not PEM',
    run: () => vCert(cert({ crt: 'MIIBszCCAVmgAwIBAgIU' })),
    expect: [{ path: ['crt'], contains: ['"crt"', '"MIIBszCCAVmgAwIBAgIU"', 'PEM-encoded X.509 certificate', 'no "-----BEGIN ...-----"'] }],
  },
  {
    name: 'certificate closed by the wrong END',
    run: () => vCert(cert({ crt: CERT_PEM.replace('END CERTIFICATE', 'END CERT') })),
    expect: [{ path: ['crt'], contains: ['"crt"', 'closed by "-----END CERT-----"'] }],
  },
  {
    name: 'certificate with a broken base64 body',
    run: () => vCert(cert({ crt: CERT_PEM.replace(/\n([A-Za-z0-9+/]{10})/, '\n$1!!') })),
    expect: [{ path: ['crt'], contains: ['"crt"', 'not valid base64'] }],
  },
  {
    name: 'encrypted private key',
    run: () => vCert(cert({ key_wo: ENCRYPTED_KEY_PEM })),
    expect: [{ path: ['key_wo'], contains: ['"key_wo"', 'unencrypted private key', 'encrypted with a passphrase', 'not shown'] }],
  },
  {
    name: 'key and certificate swapped',
    run: () => vCert(cert({ crt: KEY_PEM, key_wo: CERT_PEM })),
    expect: [
      { path: ['crt'], contains: ['"crt"', 'contains a private key'] },
      { path: ['key_wo'], contains: ['"key_wo"', 'are the certificate and key swapped'] },
    ],
  },
  {
    name: 'certificate key version without a key',
    run: () => vCert(cert({ key_wo: null, key_wo_version: 2 })),
    expect: [{ path: ['key_wo_version'], contains: ['"key_wo_version" requires "key_wo"'] }],
  },
  {
    name: 'two keys in the key attribute',
    run: () => vCert(cert({ key_wo: `${KEY_PEM}${RSA_KEY_PEM}` })),
    expect: [
      {
        path: ['key_wo'],
        contains: ['"key_wo"', 'has 2 PEM blocks', 'private key only'],
        notContains: [KEY_PEM.split('\n')[1]!.slice(0, 20)],
      },
    ],
  },
  {
    name: 'certificate write-only key before Terraform 1.11',
    run: () => vCert(cert(), NO_WO),
    expect: [{ path: ['key_wo'], contains: ['"key_wo" is write-only', 'Upgrade Terraform'] }],
  },

  // ---- brand
  {
    name: 'brand theme mixed case',
    run: () => vBrand(brand({ theme: 'Dark' })),
    expect: [
      { path: ['theme'], contains: ['"theme"', '"Dark"', '"BLUE", "DARK", "GREEN", "LIGHT_BLUE", "PURPLE"', 'Did you mean "DARK"'] },
    ],
  },
  {
    name: 'brand bottom text too long',
    run: () => vBrand(brand({ bottom_text: long(257, 'b') })),
    expect: [{ path: ['bottom_text'], contains: ['"bottom_text"', 'at most 256 characters', '(257 characters)'] }],
  },
  {
    name: 'brand logo as a URL',
    run: () => vBrand(brand({ logo: 'https://cdn.example.com/logo.png' })),
    expect: [
      {
        path: ['logo'],
        severity: 'warning',
        contains: ['"logo"', '"https://cdn.example.com/logo.png"', 'file id from the PBX file library', 'not a URL'],
      },
    ],
  },

  // ---- admin and dealer profiles
  // The current password is the provider's own (no old_password_wo): only the new one is configured.
  {
    name: 'admin profile version without the new password',
    run: () => vAdminProfile(adminProfile({ password_wo_version: 1 })),
    expect: [{ path: ['password_wo_version'], contains: ['"password_wo_version" requires "new_password_wo"'] }],
  },
  {
    name: 'admin profile new password too short is not echoed',
    run: () => vAdminProfile(adminProfile({ new_password_wo: 'tiny', password_wo_version: 1 })),
    expect: [
      {
        path: ['new_password_wo'],
        contains: ['"new_password_wo"', 'at least 6 characters', 'value of 4 characters'],
        notContains: ['tiny'],
      },
    ],
  },
  {
    name: 'admin profile password change before Terraform 1.11',
    run: () => vAdminProfile(adminProfile({ new_password_wo: 'new-secret', password_wo_version: 1 }), NO_WO),
    expect: [
      { path: ['new_password_wo'], contains: ['"new_password_wo" is write-only', 'Upgrade Terraform'], notContains: ['new-secret'] },
    ],
  },
  {
    name: 'admin profile email invalid',
    run: () => vAdminProfile(adminProfile({ email: 'me at example.com' })),
    expect: [{ path: ['email'], contains: ['"email"', '"me at example.com"', 'email address'] }],
  },
  {
    name: 'dealer profile reserved name',
    run: () => vDealerProfile(dealerProfile({ name: 'Root' })),
    expect: [{ path: ['name'], contains: ['"name"', '"Root"', 'reserved name', '"admin", "system", "administrator", "root"'] }],
  },
  {
    name: 'dealer profile phone too long',
    run: () => vDealerProfile(dealerProfile({ phone: long(33, '5') })),
    expect: [{ path: ['phone'], contains: ['"phone"', 'at most 32 characters'] }],
  },

  // ---- data sources
  {
    name: 'tenant lookup by id and domain',
    run: () => vDsTenant(dsTenant({ id: 'NzAwNTUxOTA5NzczMTQ4MTYw', domain: 'sip.acme.example' })),
    expect: [{ path: ['domain'], contains: ['Exactly one of "id" or "domain"', 'both set'] }],
  },
  {
    name: 'tenant lookup without a key',
    run: () => vDsTenant(dsTenant()),
    expect: [{ path: ['id'], contains: ['Exactly one of "id" or "domain"', 'got neither'] }],
  },
  {
    name: 'tenant lookup domain with a space',
    run: () => vDsTenant(dsTenant({ domain: 'sip acme' })),
    expect: [{ path: ['domain'], contains: ['"domain"', '"sip acme"', 'host name'] }],
  },
  {
    name: 'dealer lookup name breaks the rules',
    run: () => vDsDealer(dsDealer({ name: 'acme.' })),
    expect: [{ path: ['name'], contains: ['"name"', '"acme."', 'must not start or end with "."'] }],
  },
  {
    name: 'dealer lookup by id and name',
    run: () => vDsDealer(dsDealer({ id: 'x1', name: 'acme' })),
    expect: [{ path: ['name'], contains: ['Exactly one of "id" or "name"'] }],
  },
  {
    name: 'transport lookup by id and protocol',
    run: () => vDsTransport(dsTransport({ id: 't1', protocol: 'TLS', port: 5061 })),
    expect: [{ path: ['protocol'], contains: ['either by "id" or by "protocol" + "port"', 'not both'] }],
  },
  {
    name: 'transport lookup protocol without port',
    run: () => vDsTransport(dsTransport({ protocol: 'TLS' })),
    expect: [{ path: ['port'], contains: ['"port" is required when "protocol" is set', 'got null'] }],
  },
  {
    name: 'transport lookup without anything',
    run: () => vDsTransport(dsTransport()),
    expect: [{ path: ['id'], contains: ['Set "id", or "protocol" and "port"', 'got neither'] }],
  },
  {
    name: 'transport lookup port too big and protocol lower case',
    run: () => vDsTransport(dsTransport({ protocol: 'tls', port: 70000 })),
    expect: [
      { path: ['protocol'], contains: ['"protocol"', '"tls"', 'Did you mean "TLS"'] },
      { path: ['port'], contains: ['"port"', 'got 70000', 'from 0 to 65535'] },
    ],
  },
  {
    name: 'ip rules target lower case',
    run: () => vDsIpRules(dsIpRules({ target: 'deny' })),
    expect: [{ path: ['target'], contains: ['"target"', '"deny"', '"ACCEPT", "DENY"', 'Did you mean "DENY"'] }],
  },
  {
    name: 'ip rules filter with an open string',
    run: () => vDsIpRules(dsIpRules({ filter: "startswith(cidr,'10.)" })),
    expect: [{ path: ['filter'], contains: ['"filter"', `"startswith(cidr,'10.)"`, 'balanced single quotes', 'not closed'] }],
  },
  {
    name: 'ip rules filter with unbalanced parentheses',
    run: () => vDsIpRules(dsIpRules({ filter: "(target eq 'DENY'" })),
    expect: [{ path: ['filter'], contains: ['"filter"', 'balanced parentheses'] }],
  },
  {
    name: 'ip rules filter blank',
    run: () => vDsIpRules(dsIpRules({ filter: '   ' })),
    expect: [{ path: ['filter'], contains: ['"filter"', 'more than white space'] }],
  },
];

function findMatch(ds: Diagnostic[], e: Expected): Diagnostic | undefined {
  return ds.find(
    (d) =>
      d.severity === (e.severity ?? 'error') &&
      JSON.stringify(d.path) === JSON.stringify(e.path) &&
      e.contains.every((s) => (d.detail ?? '').includes(s)) &&
      (e.notContains ?? []).every((s) => !(d.detail ?? '').includes(s)),
  );
}

describe('invalid configurations (admin user, trunk assignment, settings, profiles and data sources)', () => {
  test('there are at least 45 of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ds = c.run();
    for (const e of c.expect) {
      if (!findMatch(ds, e)) throw new Error(`no diagnostic matches ${JSON.stringify(e)}; got:\n${describeDiags(ds)}`);
    }
    expect(errors(ds)).toHaveLength(c.expect.filter((e) => (e.severity ?? 'error') === 'error').length);
    for (const d of ds)
      expect(d.summary).toMatch(
        /^(Invalid attribute value|Invalid attribute combination|Missing required attribute|Unsupported attribute)$/,
      );
  });
});

describe('several problems at once are all reported', () => {
  test('system settings with six problems', () => {
    const ds = vSettings(
      settings({
        user_agent: '',
        session_timer_duration: 10,
        register_expiration_time: 0,
        congestion_management_metric: 'DEPTH',
        trace_server_port: -1,
        custom_options: '{',
      }),
    );
    expect(errors(ds).map((d) => d.path)).toEqual([
      ['user_agent'],
      ['session_timer_duration'],
      ['congestion_management_metric'],
      ['register_expiration_time'],
      ['trace_server_port'],
      ['custom_options'],
    ]);
  });

  test('notification settings: enum, port, recipients (two bad entries), threshold and a version without value', () => {
    const ds = vNotification(
      notification({
        type: 'EXCHANGE',
        port: 1e6,
        recipients: 'ok@example.com,bad,also bad@x',
        hard_disk_threshold: 2,
        password_wo_version: 1,
      }),
    );
    expect(errors(ds).map((d) => d.path)).toEqual([['type'], ['port'], ['recipients'], ['recipients'], ['password_wo_version']]);
    // The threshold range is inferred (the documents show only the example 0.9): a warning.
    expect(warnings(ds).map((d) => d.path)).toContainEqual(['hard_disk_threshold']);
  });

  test('SBC with bad ports and transports everywhere', () => {
    const ds = vSbc(sbc({ http_port: -1, https_port: 65536, transports: [sbcT('udp', 5060), sbcT('TCP', 0), sbcT('TLS', 99999)] }));
    expect(errors(ds).map((d) => d.path)).toEqual([
      ['http_port'],
      ['https_port'],
      ['transports', 0, 'protocol'],
      ['transports', 1, 'port'],
      ['transports', 2, 'port'],
    ]);
  });

  test('admin user breaking five rules', () => {
    const ds = vAdminUser(adminUser({ name: `.${long(70)}!`, role: 'siteadmin', email: 'x', password_wo: 'tiny' }));
    expect(errors(ds).map((d) => d.path)).toEqual([['name'], ['name'], ['name'], ['password_wo'], ['role'], ['email']]);
  });

  test('DID pool: reversed range and two overlaps at once', () => {
    const ds = vTrunk(trunk({ did_numbers: '100-200; 150 ;300-250; 199-201' }));
    const details = errors(ds).map((d) => d.detail);
    expect(details).toHaveLength(3);
    expect(details.join('\n')).toMatch(/Entry 3 "300-250" starts after it ends/);
    expect(details.join('\n')).toMatch(/Entries 1 "100-200" and 2 "150" overlap/);
    expect(details.join('\n')).toMatch(/Entries 1 "100-200" and 4 "199-201" overlap/);
  });

  test('network: every address wrong', () => {
    const ds = vNetwork(
      network({
        web_domain: '-bad-.example',
        private_ipv4: '1.2.3.4.5',
        public_ipv4: 'x',
        private_ipv6: '::1::',
        public_ipv6: '1.2.3.4',
        primary_dns_server: 'dns',
        secondary_dns_server: '300.1.1.1',
      }),
    );
    // The IPv4/IPv6 fields follow their documented meaning; the host name and DNS checks are inferred: warnings.
    expect(errors(ds).map((d) => d.path![0])).toEqual(['private_ipv4', 'public_ipv4', 'private_ipv6', 'public_ipv6']);
    expect(warnings(ds).map((d) => d.path![0])).toEqual(['web_domain', 'primary_dns_server', 'secondary_dns_server']);
  });
});

describe('valid configurations produce no errors', () => {
  test('admin user: write-only, no password (imported), custom role', () => {
    expect(
      vAdminUser(adminUser({ email: 'ops@example.com', mobile_phone: '+1 555 0100', website: 'https://example.com', enabled: false })),
    ).toEqual([]);
    expect(vAdminUser(adminUser({ password_wo: null, password_wo_version: null, role: 'Billing Auditors' }))).toEqual([]);
    expect(vAdminUser(adminUser({ password_wo_version: null }), { writeOnlyAttributesAllowed: true })).toEqual([]);
  });

  test('trunk assignment: spacing tolerated, single numbers and long DIDs', () => {
    expect(vTrunk(trunk({ did_numbers: ' 3000 ; 12000 - 18000 ' }))).toEqual([]);
    expect(vTrunk(trunk({ did_numbers: '0044207946000-0044207946999;0044207947000', concurrency: 0 }))).toEqual([]);
    expect(vTrunk(trunk({ did_numbers: '' }))).toEqual([]);
    expect(vTrunk(trunk({ did_numbers: '5-5;6' }))).toEqual([]);
  });

  test('singletons: an empty config is valid, and so are typical ones', () => {
    for (const [v, s] of [
      [vSettings, systemSettingsSchema],
      [vNetwork, networkSettingsSchema],
      [vSbc, sbcSettingsSchema],
      [vIm, imServerSchema],
      [vDataFlow, dataFlowServerSchema],
      [vBrand, brandSchema],
      [vAdminProfile, adminProfileSchema],
      [vDealerProfile, dealerProfileSchema],
      [vNotification, notificationSettingsSchema],
    ] as const) {
      expect(v(configOf(s, {}))).toEqual([]);
    }
    expect(
      vSettings(
        settings({
          user_agent: 'Acme PBX',
          session_timer_duration: 90,
          register_expiration_time: 3600,
          congestion_management_metric: 'WAIT_TIME',
          trace_server_host: 'trace.example.com',
          trace_server_port: 5060,
          stir_shaken_cert: CHAIN_PEM,
          stir_shaken_key_wo: RSA_KEY_PEM,
          stir_shaken_key_wo_version: 1,
          custom_options: '{"a": [1, 2]}',
          reset_on_destroy: true,
        }),
      ),
    ).toEqual([]);
    expect(
      vNetwork(
        network({
          web_domain: 'pbx.example.com',
          private_ipv4: '10.0.0.5',
          public_ipv4: '203.0.113.5',
          private_ipv6: 'fd00::5',
          public_ipv6: '2001:DB8::5',
          primary_dns_server: '1.1.1.1',
          secondary_dns_server: '2606:4700:4700::1111',
        }),
      ),
    ).toEqual([]);
    expect(
      vNotification(
        notification({
          server: 'smtp.example.com',
          port: 587,
          auth: 'LOGIN',
          enable_tls_ssl: false,
          enable_starttls_auto: true,
          recipients: 'a@example.com, b@example.org',
          cpu_threshold: 0.9,
          hard_disk_threshold: 1,
          memory_threshold: 0,
          password_wo: 'x',
          password_wo_version: 1,
          reset_on_destroy: true,
        }),
      ),
    ).toEqual([]);
    expect(
      vSbc(
        sbc({
          domain: 'sbc.example.com',
          http_port: 8882,
          https_port: 8883,
          transports: [sbcT('UDP', 5060), sbcT('TCP', 5063), sbcT('TLS', 5061), sbcT('UDP', 0)],
        }),
      ),
    ).toEqual([]);
    expect(vIm(im({ private_ipv4: '10.0.0.7', public_ipv6: '2001:db8::7' }))).toEqual([]);
    expect(vDataFlow(dataFlow({ public_ipv4: '198.51.100.9' }))).toEqual([]);
    expect(vBrand(brand({ theme: 'LIGHT_BLUE', logo: 'NzAwNTUxOTA5NzczMTQ4MTYw', bottom_text: '<b>Acme</b>', title: '' }))).toEqual([]);
    expect(
      vAdminProfile(
        adminProfile({
          name: 'admin',
          email: 'me@example.com',
          new_password_wo: 'new-secret',
          password_wo_version: 2,
        }),
      ),
    ).toEqual([]);
    expect(vDealerProfile(dealerProfile({ name: 'acme-reseller', description: 'x' }))).toEqual([]);
  });

  test('certificate: chain with write-only key, RSA key, no key (imported, unchanged), CRLF line ends', () => {
    expect(vCert(cert())).toEqual([]);
    expect(vCert(cert({ key_wo: RSA_KEY_PEM }))).toEqual([]);
    expect(vCert(cert({ key_wo: null, key_wo_version: null }))).toEqual([]);
    expect(vCert(cert({ crt: CHAIN_PEM.replace(/\n/g, '\r\n'), key_wo_version: null }))).toEqual([]);
  });

  test('data sources', () => {
    expect(vDsTenant(dsTenant({ domain: 'sip.acme.example' }))).toEqual([]);
    expect(vDsTenant(dsTenant({ id: 'NzAwNTUxOTA5NzczMTQ4MTYw' }))).toEqual([]);
    expect(vDsDealer(dsDealer({ name: 'acme' }))).toEqual([]);
    expect(vDsTransport(dsTransport({ protocol: 'UDP', port: 5060 }))).toEqual([]);
    expect(vDsTransport(dsTransport({ id: 't1' }))).toEqual([]);
    expect(vDsIpRules(dsIpRules({}))).toEqual([]);
    expect(vDsIpRules(dsIpRules({ filter: "startswith(description,'it''s') and (target eq 'DENY')", target: 'DENY' }))).toEqual([]);
    expect(vDsStatus(configOf(systemStatusDataSourceSchema, {}))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  const everyUnknown = (schema: Schema, base: ObjectValue = {}) => {
    const c = configOf(schema, base);
    for (const [k, a] of Object.entries(schema.block.attributes)) if (!a.computed || a.optional) c[k] = UNKNOWN;
    return c;
  };

  test.each([
    ['admin user', vAdminUser, adminUserSchema],
    ['trunk assignment', vTrunk, trunkAssignmentSchema],
    ['system settings', vSettings, systemSettingsSchema],
    ['network', vNetwork, networkSettingsSchema],
    ['notification', vNotification, notificationSettingsSchema],
    ['sbc', vSbc, sbcSettingsSchema],
    ['im', vIm, imServerSchema],
    ['data flow', vDataFlow, dataFlowServerSchema],
    ['certificate', vCert, certificateSchema],
    ['brand', vBrand, brandSchema],
    ['admin profile', vAdminProfile, adminProfileSchema],
    ['dealer profile', vDealerProfile, dealerProfileSchema],
  ] as const)('%s with every argument unknown', (_n, v, schema) => {
    expect(v(everyUnknown(schema))).toEqual([]);
  });

  test('unknown lookup keys count as maybe set', () => {
    expect(vDsTenant(dsTenant({ id: UNKNOWN }))).toEqual([]);
    expect(vDsDealer(dsDealer({ id: UNKNOWN, name: UNKNOWN }))).toEqual([]);
    expect(vDsTransport(dsTransport({ protocol: UNKNOWN, port: UNKNOWN }))).toEqual([]);
  });

  test('unknown items inside the SBC transport list', () => {
    expect(vSbc(sbc({ transports: [UNKNOWN, { protocol: UNKNOWN, port: 0 }, { protocol: 'UDP', port: UNKNOWN }] }))).toEqual([]);
  });

  test('unknown new password satisfies the version', () => {
    expect(vAdminProfile(adminProfile({ new_password_wo: UNKNOWN, password_wo_version: 1 }))).toEqual([]);
    expect(vDealerProfile(dealerProfile({ new_password_wo: UNKNOWN, password_wo_version: 1 }))).toEqual([]);
  });
});

test('warnings do not hide errors', () => {
  const ds = vNotification(
    notification({
      auth: 'DISABLE',
      password_wo: 'x',
      enable_tls_ssl: true,
      enable_starttls_auto: true,
      port: 0,
      cpu_threshold: 1.5,
      notify_cpu_exceeded_threshold: false,
      type: 'EXCHANGE',
    }),
  );
  expect(errors(ds).map((d) => d.path)).toEqual([['type']]);
  expect(warnings(ds).map((d) => d.path)).toEqual([
    ['cpu_threshold'],
    ['port'],
    ['password_wo'],
    ['enable_starttls_auto'],
    ['cpu_threshold'],
  ]);
});
