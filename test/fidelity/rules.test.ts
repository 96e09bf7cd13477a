// Every validation rule of the provider and the emulator, with its source, and a test that both sides
// agree with that source (docs/fidelity.md is the table in prose; the last test keeps the two in step).
//
// A rule has provider cases (a configuration run through the resource's validate(): "ok" = no
// diagnostic at that attribute, "warning", or "error") and emulator cases (a request to a fresh
// emulator: the expected HTTP status). A rule enforced on one side only says so in `where`; the
// other side then has a case showing it accepts the value (or none when the value cannot reach it).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../src/emulator';
import type { Schema } from '../../src/provider/schema';
import type { Diagnostic, ObjectValue } from '../../src/provider/values';
import { TENANT_AI_TRANSCRIPTION_FLAG, TENANT_CRM_INTEGRATIONS_FLAG } from '../../src/common/api-223-names';
import { adminUserSchema } from '../../src/resources/admin-user/schema';
import { validate as vAdminUser } from '../../src/resources/admin-user/validate';
import { brandSchema } from '../../src/resources/brand/schema';
import { validate as vBrand } from '../../src/resources/brand/validate';
import { certificateSchema } from '../../src/resources/certificate/schema';
import { validate as vCert } from '../../src/resources/certificate/validate';
import { dealerSchema } from '../../src/resources/dealer/schema';
import { validate as vDealer } from '../../src/resources/dealer/validate';
import { dealerProfileSchema } from '../../src/resources/dealer-profile/schema';
import { validate as vDealerProfile } from '../../src/resources/dealer-profile/validate';
import { ipRuleSchema } from '../../src/resources/ip-rule/schema';
import { validate as vIpRule } from '../../src/resources/ip-rule/validate';
import { networkSettingsSchema } from '../../src/resources/network-settings/schema';
import { validate as vNetwork } from '../../src/resources/network-settings/validate';
import { notificationSettingsSchema } from '../../src/resources/notification-settings/schema';
import { validate as vNotification } from '../../src/resources/notification-settings/validate';
import { sbcSettingsSchema } from '../../src/resources/sbc-settings/schema';
import { validate as vSbc } from '../../src/resources/sbc-settings/validate';
import { systemSettingsSchema } from '../../src/resources/system-settings/schema';
import { validate as vSettings } from '../../src/resources/system-settings/validate';
import { tenantSchema } from '../../src/resources/tenant/schema';
import { validate as vTenant } from '../../src/resources/tenant/validate';
import { transportSchema } from '../../src/resources/transport/schema';
import { validate as vTransport } from '../../src/resources/transport/validate';
import { trunkAssignmentSchema } from '../../src/resources/trunk-assignment/schema';
import { validate as vTrunk } from '../../src/resources/trunk-assignment/validate';
import { Api, type J } from '../emulator/helpers';
import { blockOf, configOf, describeDiags } from '../resources/helpers';
import { CERT_PEM, KEY_PEM } from '../resources/fixtures';

type Verdict = 'ok' | 'warning' | 'error';

interface ProviderCase {
  run: () => Diagnostic[];
  /** The attribute the verdict is about (first path element). */
  attr: string;
  expect: Verdict;
}

interface EmulatorCase {
  method?: 'GET' | 'POST';
  /** Under /api; `:tenant`, `:dealer`, `:user`, `:tcp`, `:trunk` are replaced by ids made in beforeAll. */
  path: string;
  body?: J;
  expect: number;
}

interface Rule {
  id: string;
  provider?: ProviderCase[];
  emulator?: EmulatorCase[];
}

const mk =
  (schema: Schema, base: ObjectValue) =>
  (o: ObjectValue = {}) =>
    configOf(schema, { ...base, ...o });
const tenant = mk(tenantSchema, { name: 'Acme', domain: 'sip.acme.example', timezone: 'Europe/London', currency: 'GBP', region: 'GBR' });
const hook = (v: ObjectValue) => blockOf(tenantSchema, ['cdr_event'], v);
const dealer = mk(dealerSchema, { name: 'acme-reseller', level: 'RESELLER', password_wo: 'secret-123', password_wo_version: 1 });
const transport = mk(transportSchema, { protocol: 'TLS', port: 5061 });
const ipRule = mk(ipRuleSchema, { cidr: '192.0.2.0/24', target: 'DENY' });
const adminUser = mk(adminUserSchema, { name: 'ops-admin', role: 'OperationsAdmin', password_wo: 'secret-123', password_wo_version: 1 });
const notification = mk(notificationSettingsSchema, { type: 'SMTP', username: 'alerts@example.com' });
const settings = mk(systemSettingsSchema, {});
const network = mk(networkSettingsSchema, {});
const sbc = mk(sbcSettingsSchema, {});
const cert = mk(certificateSchema, { crt: CERT_PEM, key_wo: KEY_PEM, key_wo_version: 1 });
const brand = mk(brandSchema, {});
const trunk = mk(trunkAssignmentSchema, { trunk_id: 'NzAwNTUxOTA5NzczMTQ4MjAw', tenant_id: 'NzAwNTUxOTA5NzczMTQ4MTYx' });
const dealerProfile = mk(dealerProfileSchema, {});

let n = 0;
/** A tenant body with a fresh domain. */
const T = (o: J = {}): J => ({ name: `T${++n}`, domain: `t${n}.fid.example`, timezone: 'UTC', currency: 'USD', region: 'USA', ...o });
/** A dealer body with a fresh name and the required fields. */
const D = (o: J = {}): J => ({
  name: `fd${++n}`,
  password: 'secret1',
  level: 'DISTRIBUTOR',
  max_tenants: 100,
  max_extensions: 50000,
  ...o,
});
const U = (o: J = {}): J => ({ name: `fu${++n}`, password: 'secret1', role: 'OperationsAdmin', ...o });
const P = (c: ProviderCase['run'], attr: string, expect: Verdict): ProviderCase => ({ run: c, attr, expect });
const E = (path: string, body: J, expect: number, method: 'GET' | 'POST' = 'POST'): EmulatorCase => ({ method, path, body, expect });

export const RULES: Rule[] = [
  // ---- transports
  {
    id: 'transport.protocol',
    provider: [P(() => vTransport(transport({ protocol: 'WSS' })), 'protocol', 'error')],
    emulator: [E('/transports', { protocol: 'WSS', port: 5065 }, 400)],
  },
  {
    id: 'transport.port.range',
    provider: [P(() => vTransport(transport({ port: 70000 })), 'port', 'error')],
    emulator: [E('/transports', { protocol: 'TCP', port: 70000 }, 400)],
  },
  {
    id: 'transport.port.tcp-zero',
    provider: [P(() => vTransport(transport({ protocol: 'TCP', port: 0 })), 'port', 'error')],
    emulator: [E('/transports', { protocol: 'TCP', port: 0 }, 400)],
  },
  {
    id: 'transport.port.tls-zero',
    provider: [P(() => vTransport(transport({ protocol: 'TLS', port: 0 })), 'port', 'error')],
    emulator: [E('/transports', { protocol: 'TLS', port: 0 }, 400)],
  },
  {
    id: 'transport.port.udp-zero',
    provider: [P(() => vTransport(transport({ protocol: 'UDP', port: 0 })), 'port', 'warning')],
    emulator: [E('/transports', { protocol: 'UDP', port: 0 }, 201)],
  },
  {
    id: 'transport.verification.enum',
    provider: [P(() => vTransport(transport({ verification: 'SOMETIMES' })), 'verification', 'error')],
    emulator: [E('/transports', { protocol: 'TLS', port: 5161, verification: 'SOMETIMES' }, 400)],
  },
  {
    id: 'transport.verification.any-protocol',
    provider: [P(() => vTransport(transport({ protocol: 'UDP', port: 5070, verification: 'MANDATORY' })), 'verification', 'warning')],
    emulator: [E('/transports', { protocol: 'UDP', port: 5070, verification: 'MANDATORY' }, 201)],
  },
  { id: 'transport.protocol.immutable', emulator: [E('/transports/:tcp', { protocol: 'UDP' }, 400)] },
  {
    id: 'transport.port.unique',
    provider: [P(() => vTransport(transport({ protocol: 'TCP', port: 5063 })), 'port', 'ok')],
    emulator: [E('/transports', { protocol: 'TLS', port: 5063 }, 400)],
  },
  { id: 'transport.last', emulator: [] },
  {
    id: 'transport.status.protocol',
    emulator: [E('/transports/UDP/status', undefined, 200, 'GET'), E('/transports/:tcp/status', undefined, 400, 'GET')],
  },
  // ---- IP rules
  {
    id: 'ip_rule.cidr',
    provider: [
      P(() => vIpRule(ipRule({ cidr: '192.0.2.0/33' })), 'cidr', 'error'),
      P(() => vIpRule(ipRule({ cidr: '2001:db8::/32' })), 'cidr', 'ok'),
    ],
    emulator: [
      E('/ip_filters', { cidr: '192.0.2.0/33', target: 'DENY' }, 400),
      E('/ip_filters', { cidr: '2001:db8::/32', target: 'DENY' }, 200),
    ],
  },
  {
    id: 'ip_rule.target',
    provider: [P(() => vIpRule(ipRule({ target: 'ALLOW' })), 'target', 'error')],
    emulator: [E('/ip_filters', { cidr: '192.0.2.0/24', target: 'ALLOW' }, 400)],
  },
  {
    id: 'ip_rule.expire_at',
    provider: [
      P(() => vIpRule(ipRule({ expire_at: '2030-13-01T00:00:00Z' })), 'expire_at', 'error'),
      P(() => vIpRule(ipRule({ expire_at: '2030-01-01T08:00:00+08:00' })), 'expire_at', 'ok'),
    ],
    emulator: [
      E('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY', expire_at: '2030-13-01T00:00:00Z' }, 400),
      E('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY', expire_at: '2030-01-01T08:00:00+08:00' }, 200),
    ],
  },
  {
    id: 'ip_rule.description',
    provider: [P(() => vIpRule(ipRule({ description: 'x'.repeat(256) })), 'description', 'error')],
    emulator: [E('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY', description: 'x'.repeat(256) }, 400)],
  },
  {
    id: 'ip_rule.cidr.duplicates',
    provider: [P(() => vIpRule(ipRule({ cidr: '198.51.100.0/24' })), 'cidr', 'ok')],
    emulator: [
      E('/ip_filters', { cidr: '198.51.100.0/24', target: 'DENY' }, 200),
      E('/ip_filters', { cidr: '198.51.100.0/24', target: 'ACCEPT' }, 200),
    ],
  },
  // ---- dealers
  {
    id: 'dealer.name.username',
    provider: [
      P(() => vDealer(dealer({ name: '.acme' })), 'name', 'error'),
      P(() => vDealer(dealer({ name: "o'brien_2-x" })), 'name', 'ok'),
    ],
    emulator: [E('/dealers', D({ name: '.acme' }), 400), E('/dealers', D({ name: "o'brien_2-x" }), 201)],
  },
  {
    id: 'dealer.name.reserved',
    provider: [P(() => vDealer(dealer({ name: 'Root' })), 'name', 'error')],
    emulator: [E('/dealers', D({ name: 'Root' }), 400)],
  },
  {
    id: 'dealer.level',
    provider: [P(() => vDealer(dealer({ level: 'GOLD' })), 'level', 'error')],
    emulator: [E('/dealers', D({ level: 'GOLD' }), 400)],
  },
  {
    id: 'account.password.min6',
    provider: [
      P(() => vDealer(dealer({ password_wo: '12345' })), 'password_wo', 'error'),
      P(() => vAdminUser(adminUser({ password_wo: '12345' })), 'password_wo', 'error'),
    ],
    emulator: [E('/dealers', D({ password: '12345' }), 400), E('/admin/users', U({ password: '12345' }), 400)],
  },
  {
    id: 'account.email',
    provider: [
      P(() => vDealer(dealer({ email: 'nope' })), 'email', 'error'),
      P(() => vAdminUser(adminUser({ email: 'nope' })), 'email', 'error'),
    ],
    emulator: [E('/dealers', D({ email: 'nope' }), 400), E('/admin/users', U({ email: 'nope' }), 400)],
  },
  {
    id: 'dealer.lengths',
    provider: [P(() => vDealer(dealer({ phone: '1'.repeat(33) })), 'phone', 'error')],
    emulator: [E('/dealers', D({ phone: '1'.repeat(33) }), 400)],
  },
  {
    id: 'dealer.limits',
    provider: [P(() => vDealer(dealer({ max_tenants: -1 })), 'max_tenants', 'error')],
    emulator: [E('/dealers', D({ max_tenants: -1 }), 400)],
  },
  {
    id: 'dealer.create.required-limits',
    provider: [P(() => vDealer(dealer({})), 'max_tenants', 'ok')],
    emulator: [E('/dealers', { name: `fd${++n}`, password: 'secret1', level: 'DISTRIBUTOR' }, 400)],
  },
  { id: 'dealer.immutable', emulator: [E('/dealers/:dealer', { level: 'RESELLER' }, 400)] },
  // ---- admin users
  {
    id: 'admin_user.name.username',
    provider: [P(() => vAdminUser(adminUser({ name: 'bob smith' })), 'name', 'error')],
    emulator: [E('/admin/users', U({ name: 'bob smith' }), 400)],
  },
  {
    id: 'admin_user.name.reserved',
    provider: [
      P(() => vAdminUser(adminUser({ name: 'SYSTEM' })), 'name', 'error'),
      P(() => vAdminUser(adminUser({ name: 'administrator' })), 'name', 'error'),
    ],
    emulator: [E('/admin/users', U({ name: 'SYSTEM' }), 400), E('/admin/users/:user/username', { name: 'root' }, 400)],
  },
  {
    id: 'admin_user.role',
    provider: [
      P(() => vAdminUser(adminUser({ role: 'systemadmin' })), 'role', 'error'),
      P(() => vAdminUser(adminUser({ role: 'Auditors' })), 'role', 'ok'),
    ],
    emulator: [E('/admin/users', U({ role: 'Nope' }), 400)],
  },
  {
    id: 'admin_user.lengths',
    provider: [P(() => vAdminUser(adminUser({ mobile_phone: '1'.repeat(33) })), 'mobile_phone', 'error')],
    emulator: [E('/admin/users', U({ mobile_phone: '1'.repeat(33) }), 400)],
  },
  {
    id: 'admin_user.password.key',
    emulator: [
      E('/admin/users/:user/password', { password: 'secret77' }, 400),
      E('/admin/users/:user/password', { new_password: 'secret77' }, 200),
    ],
  },
  {
    id: 'account.name.unique',
    provider: [P(() => vAdminUser(adminUser({ name: 'fid-dealer' })), 'name', 'ok')],
    emulator: [E('/admin/users', U({ name: 'FID-DEALER' }), 400)],
  },
  { id: 'admin_user.guards', emulator: [E('/admin/users/NzAwNTUxOTA5NzczMTQ4MTYw/destroy', undefined, 400)] },
  // ---- tenants
  {
    id: 'tenant.lengths',
    provider: [P(() => vTenant(tenant({ website: 'x'.repeat(256) })), 'website', 'error')],
    emulator: [E('/tenants', T({ website: 'x'.repeat(256) }), 400)],
  },
  {
    id: 'tenant.domain.host',
    provider: [
      P(() => vTenant(tenant({ domain: 'a b.example' })), 'domain', 'error'),
      P(() => vTenant(tenant({ domain: '2001:db8::5' })), 'domain', 'ok'),
      P(() => vTenant(tenant({ domain: '_sip.example.com' })), 'domain', 'ok'),
    ],
    emulator: [
      E('/tenants', T({ domain: 'a b.example' }), 400),
      E('/tenants', T({ domain: '2001:db8::5' }), 201),
      E('/tenants', T({ domain: '_sip.example.com' }), 201),
    ],
  },
  {
    id: 'tenant.timezone',
    provider: [P(() => vTenant(tenant({ timezone: 'Mars/Olympus' })), 'timezone', 'error')],
    emulator: [E('/tenants', T({ timezone: 'Mars/Olympus' }), 400)],
  },
  {
    id: 'tenant.currency',
    provider: [P(() => vTenant(tenant({ currency: 'usd' })), 'currency', 'error')],
    emulator: [E('/tenants', T({ currency: 'usd' }), 400)],
  },
  {
    id: 'tenant.region',
    provider: [P(() => vTenant(tenant({ region: 'US' })), 'region', 'error')],
    emulator: [E('/tenants', T({ region: 'US' }), 400)],
  },
  {
    id: 'tenant.size',
    provider: [
      P(() => vTenant(tenant({ disk_quota: '5 GB' })), 'disk_quota', 'error'),
      P(() => vTenant(tenant({ disk_quota: '' })), 'disk_quota', 'ok'),
    ],
    emulator: [E('/tenants', T({ disk_quota: '5 GB' }), 400), E('/tenants', T({ disk_quota: '' }), 201)],
  },
  {
    id: 'tenant.retention',
    provider: [P(() => vTenant(tenant({ log_retention: 0 })), 'log_retention', 'error')],
    emulator: [E('/tenants', T({ log_retention: 0 }), 400)],
  },
  {
    id: 'tenant.counts',
    provider: [P(() => vTenant(tenant({ max_call_queues: -1 })), 'max_call_queues', 'error')],
    emulator: [E('/tenants', T({ max_call_queues: -1 }), 400)],
  },
  {
    id: 'tenant.contact_update_interval',
    provider: [P(() => vTenant(tenant({ contact_update_interval: 43201 })), 'contact_update_interval', 'error')],
    emulator: [E('/tenants', T({ contact_update_interval: 43201 }), 400)],
  },
  {
    id: 'email_list.max15',
    provider: [
      P(
        () => vTenant(tenant({ email_recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') })),
        'email_recipients',
        'error',
      ),
      P(
        () => vNotification(notification({ recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') })),
        'recipients',
        'error',
      ),
    ],
    emulator: [
      E('/tenants', T({ email_recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') }), 400),
      E(
        '/admin/notification',
        { type: 'SMTP', username: 'u', recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') },
        400,
      ),
    ],
  },
  {
    id: 'tenant.contact_match_length',
    provider: [
      P(() => vTenant(tenant({ contact_match_length: 6 })), 'contact_match_length', 'warning'),
      P(() => vTenant(tenant({ contact_match_type: 'MATCH_EXACTLY', contact_match_length: 6 })), 'contact_match_length', 'warning'),
      P(() => vTenant(tenant({ contact_match_type: 'MATCH_LENGTH', contact_match_length: 6 })), 'contact_match_length', 'ok'),
    ],
    emulator: [
      E('/tenants', T({ contact_match_length: 6 }), 201),
      E('/tenants', T({ contact_match_type: 'DISABLE', contact_match_length: 6 }), 201),
    ],
  },
  {
    id: 'tenant.office_hours',
    provider: [
      P(
        () =>
          vTenant(
            tenant({
              office_hours: blockOf(tenantSchema, ['office_hours'], {
                monday: blockOf(tenantSchema, ['office_hours', 'monday'], { ranges: [{ from: '18:00', to: '09:00' }] }),
              }),
            }),
          ),
        'office_hours',
        'error',
      ),
    ],
    emulator: [E('/tenants', T({ office_hours: { monday: { enabled: true, ranges: [{ from: '18:00', to: '09:00' }] } } }), 400)],
  },
  {
    id: 'tenant.webhook.credentials',
    provider: [
      P(
        () => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'Admin!', url: 'https://h.example/c' }) })),
        'cdr_event',
        'error',
      ),
      P(
        () => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'Hook-user12', url: 'https://h.example/c' }) })),
        'cdr_event',
        'ok',
      ),
      P(() => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'abc12', url: 'https://h.example/c' }) })), 'cdr_event', 'error'),
    ],
    emulator: [
      E('/tenants', T({ cdr_event: { auth: 'BASIC', username: 'Admin!', url: 'https://h.example/c' } }), 400),
      E('/tenants', T({ cdr_event: { auth: 'BASIC', username: 'Hook-user12', url: 'https://h.example/c' } }), 201),
      E('/tenants', T({ cdr_event: { auth: 'BASIC', username: 'abc12', url: 'https://h.example/c' } }), 400),
    ],
  },
  {
    id: 'tenant.webhook.url',
    provider: [
      P(() => vTenant(tenant({ cdr_event: hook({ url: 'https://hooks.example.com/cdr?x=1' }) })), 'cdr_event', 'ok'),
      P(() => vTenant(tenant({ cdr_event: hook({ url: 'x'.repeat(129) }) })), 'cdr_event', 'error'),
    ],
    emulator: [
      E('/tenants', T({ cdr_event: { url: 'https://hooks.example.com/cdr?x=1' } }), 201),
      E('/tenants', T({ cdr_event: { url: 'x'.repeat(129) } }), 400),
    ],
  },
  {
    id: 'tenant.webhook.inferred',
    provider: [
      P(() => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', url: 'https://h.example/c' }) })), 'cdr_event', 'warning'),
      P(() => vTenant(tenant({ cdr_event: hook({ enabled: true }) })), 'cdr_event', 'warning'),
    ],
    emulator: [
      E('/tenants', T({ cdr_event: { auth: 'BASIC', url: 'https://h.example/c' } }), 201),
      E('/tenants', T({ cdr_event: { enabled: true } }), 201),
    ],
  },
  {
    id: 'custom_options.json',
    provider: [
      P(() => vTenant(tenant({ custom_options: '{bad' })), 'custom_options', 'error'),
      P(() => vSettings(settings({ custom_options: '{bad' })), 'custom_options', 'error'),
      P(() => vSettings(settings({ custom_options: '[1,2]' })), 'custom_options', 'ok'),
    ],
    emulator: [
      E('/tenants', T({ custom_options: '{bad' }), 400),
      E('/admin/settings', { custom_options: '{bad' }, 400),
      E('/admin/settings', { custom_options: '[1,2]' }, 200),
    ],
  },
  {
    id: 'tenant.feature_flags_223',
    provider: [
      P(
        () => vTenant(tenant({ [TENANT_AI_TRANSCRIPTION_FLAG]: false, [TENANT_CRM_INTEGRATIONS_FLAG]: false })),
        TENANT_AI_TRANSCRIPTION_FLAG,
        'ok',
      ),
    ],
    emulator: [
      E('/tenants', T({ [TENANT_AI_TRANSCRIPTION_FLAG]: false, [TENANT_CRM_INTEGRATIONS_FLAG]: false }), 201),
      E('/tenants', T({ [TENANT_AI_TRANSCRIPTION_FLAG]: 'no' }), 400),
    ],
  },
  {
    id: 'tenant.domain.unique',
    provider: [P(() => vTenant(tenant({ domain: 'fid-taken.example' })), 'domain', 'ok')],
    emulator: [E('/tenants', T({ domain: 'FID-TAKEN.example' }), 400)],
  },
  // ---- notification
  {
    id: 'notification.required',
    emulator: [
      E('/admin/notification', { server: 'smtp.example.com' }, 400),
      E('/admin/notification', { type: 'SMTP', username: 'u', server: 'smtp.example.com' }, 200),
    ],
  },
  {
    id: 'notification.enums',
    provider: [
      P(() => vNotification(notification({ type: 'EXCHANGE' })), 'type', 'error'),
      P(() => vNotification(notification({ auth: 'NTLM' })), 'auth', 'error'),
    ],
    emulator: [
      E('/admin/notification', { type: 'EXCHANGE', username: 'u' }, 400),
      E('/admin/notification', { type: 'SMTP', username: 'u', auth: 'NTLM' }, 400),
    ],
  },
  {
    id: 'notification.thresholds',
    provider: [
      P(() => vNotification(notification({ cpu_threshold: 90 })), 'cpu_threshold', 'warning'),
      P(() => vNotification(notification({ cpu_threshold: 0.9 })), 'cpu_threshold', 'ok'),
    ],
    emulator: [E('/admin/notification', { type: 'SMTP', username: 'u', cpu_threshold: 90 }, 200)],
  },
  {
    id: 'port.range',
    provider: [
      P(() => vNotification(notification({ port: 65536 })), 'port', 'error'),
      P(() => vSettings(settings({ trace_server_port: -1 })), 'trace_server_port', 'error'),
      P(() => vSbc(sbc({ http_port: 65536 })), 'http_port', 'error'),
    ],
    emulator: [
      E('/admin/notification', { type: 'SMTP', username: 'u', port: 65536 }, 400),
      E('/admin/settings', { trace_server_port: -1 }, 400),
      E('/sbc', { http_port: 65536 }, 400),
    ],
  },
  {
    id: 'host.inferred',
    provider: [
      P(() => vNotification(notification({ server: 'smtp example.com' })), 'server', 'warning'),
      P(() => vNetwork(network({ web_domain: 'pbx example.com' })), 'web_domain', 'warning'),
      P(() => vNetwork(network({ primary_dns_server: 'dns.example.com' })), 'primary_dns_server', 'warning'),
    ],
    emulator: [
      E('/admin/notification', { type: 'SMTP', username: 'u', server: 'smtp example.com' }, 200),
      E('/network', { primary_dns_server: 'dns.example.com' }, 200),
    ],
  },
  // ---- system settings
  {
    id: 'settings.ranges',
    provider: [
      P(() => vSettings(settings({ session_timer_duration: 89 })), 'session_timer_duration', 'error'),
      P(() => vSettings(settings({ register_expiration_time: 3601 })), 'register_expiration_time', 'error'),
    ],
    emulator: [E('/admin/settings', { session_timer_duration: 89 }, 400), E('/admin/settings', { register_expiration_time: 3601 }, 400)],
  },
  {
    id: 'settings.user_agent',
    provider: [P(() => vSettings(settings({ user_agent: '' })), 'user_agent', 'error')],
    emulator: [E('/admin/settings', { user_agent: '' }, 400)],
  },
  {
    id: 'settings.enums',
    provider: [P(() => vSettings(settings({ congestion_management_metric: 'QUEUE' })), 'congestion_management_metric', 'error')],
    emulator: [E('/admin/settings', { congestion_management_metric: 'QUEUE' }, 400)],
  },
  {
    id: 'settings.stir_shaken.pem',
    provider: [P(() => vSettings(settings({ stir_shaken_cert: 'not pem' })), 'stir_shaken_cert', 'warning')],
    emulator: [E('/admin/settings', { stir_shaken_cert: 'not pem' }, 200)],
  },
  // ---- network, IM, Data Flow
  {
    id: 'ip_family',
    provider: [P(() => vNetwork(network({ private_ipv4: '2001:db8::1' })), 'private_ipv4', 'error')],
    emulator: [
      E('/network', { private_ipv4: '2001:db8::1' }, 400),
      E('/im', { public_ipv6: '192.0.2.1' }, 400),
      E('/dataflow', { private_ipv4: 'x' }, 400),
    ],
  },
  // ---- SBC
  {
    id: 'sbc.transports',
    provider: [
      P(() => vSbc(sbc({ transports: [{ protocol: 'TCP', port: 0 }] })), 'transports', 'error'),
      P(() => vSbc(sbc({ transports: [{ protocol: 'WSS', port: 1 }] })), 'transports', 'error'),
    ],
    emulator: [
      E('/sbc', { transports: [{ protocol: 'WSS', port: 1 }] }, 400),
      E('/sbc', { transports: [{ protocol: 'TCP', port: 0 }] }, 400),
      E('/sbc', { transports: [{ protocol: 'UDP', port: 0 }] }, 200),
    ],
  },
  {
    id: 'sbc.inferred',
    provider: [P(() => vSbc(sbc({ http_port: 8443, https_port: 8443 })), 'https_port', 'warning')],
    emulator: [E('/sbc', { http_port: 8443, https_port: 8443 }, 200)],
  },
  // ---- certificate, brand
  {
    id: 'certificate.pem',
    provider: [P(() => vCert(cert({ crt: 'garbage' })), 'crt', 'error')],
    emulator: [E('/key', { crt: 'garbage', key: KEY_PEM }, 400), E('/key', { crt: CERT_PEM }, 400)],
  },
  {
    id: 'brand.theme',
    provider: [P(() => vBrand(brand({ theme: 'RED' })), 'theme', 'error')],
    emulator: [E('/brand', { theme: 'RED' }, 400)],
  },
  {
    id: 'brand.bottom_text',
    provider: [P(() => vBrand(brand({ bottom_text: 'x'.repeat(257) })), 'bottom_text', 'error')],
    emulator: [E('/brand', { bottom_text: 'x'.repeat(257) }, 400)],
  },
  {
    id: 'brand.file_id',
    provider: [P(() => vBrand(brand({ logo: 'https://cdn.example.com/logo.png' })), 'logo', 'warning')],
    emulator: [E('/brand', { logo: 'https://cdn.example.com/logo.png' }, 200)],
  },
  // ---- trunk assignment
  {
    id: 'trunk.did_pool',
    provider: [
      P(() => vTrunk(trunk({ did_numbers: '200-100' })), 'did_numbers', 'error'),
      P(() => vTrunk(trunk({ did_numbers: '1-5;3' })), 'did_numbers', 'error'),
    ],
    emulator: [
      E('/providers/:trunk/assignees/:tenant', { did_numbers: '200-100' }, 400),
      E('/providers/:trunk/assignees/:tenant', { did_numbers: '1-5;3' }, 400),
    ],
  },
  {
    id: 'trunk.did_pool.other_tenants',
    provider: [P(() => vTrunk(trunk({ did_numbers: '1000-1999' })), 'did_numbers', 'ok')],
    emulator: [E('/providers/:trunk2/assignees/:tenant2', { did_numbers: '1500' }, 400)],
  },
  {
    id: 'trunk.concurrency',
    provider: [P(() => vTrunk(trunk({ concurrency: -1 })), 'concurrency', 'error')],
    emulator: [E('/providers/:trunk/assignees/:tenant', { concurrency: -1 }, 400)],
  },
  { id: 'trunk.ids', provider: [P(() => vTrunk(trunk({ trunk_id: 'a/b' })), 'trunk_id', 'error')] },
  // ---- profiles
  {
    id: 'dealer_profile.name',
    provider: [P(() => vDealerProfile(dealerProfile({ name: 'admin' })), 'name', 'error')],
  },
  {
    id: 'strings.blank',
    provider: [
      P(() => vTenant(tenant({ name: '   ' })), 'name', 'warning'),
      P(() => vSettings(settings({ user_agent: '   ' })), 'user_agent', 'warning'),
    ],
    emulator: [E('/tenants', T({ name: '   ' }), 201), E('/admin/settings', { user_agent: '   ' }, 200)],
  },
  // ---- the request as a whole
  {
    id: 'body.unknown_fields',
    emulator: [E('/network', { web_domain: 'pbx.example.com', frobnicate: 1 }, 200)],
  },
];

// ---------------------------------------------------------------------------------------------

let emu: EmulatorHandle;
let api: Api;
const ids: Record<string, string> = {};

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  api = new Api(emu.url);
  await api.signIn();
  const must = async (p: Promise<{ status: number; body: J; text: string }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(`setup failed: ${r.status} ${r.text}`);
    return r.body?.id as string;
  };
  ids.tcp = await must(api.post('/transports', { protocol: 'TCP', port: 5063 }));
  ids.dealer = await must(api.post('/dealers', D({ name: 'fid-dealer' })));
  ids.user = await must(api.post('/admin/users', U({ name: 'fid-user' })));
  ids.tenant = await must(api.post('/tenants', T({ domain: 'fid-taken.example' })));
  ids.tenant2 = await must(api.post('/tenants', T()));
  ids.trunk = emu.seedIds.providers[0];
  ids.trunk2 = emu.seedIds.providers[1];
  expect((await api.post(`/providers/${ids.trunk}/assignees/${ids.tenant}`, { did_numbers: '1000-1999' })).status).toBe(204);
});
afterAll(() => emu.close());

function verdictAt(ds: Diagnostic[], attr: string): Verdict {
  const at = ds.filter((d) => d.path?.[0] === attr);
  if (at.some((d) => d.severity === 'error')) return 'error';
  if (at.some((d) => d.severity === 'warning')) return 'warning';
  return 'ok';
}

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  test('has at least one case', () => {
    expect((rule.provider?.length ?? 0) + (rule.emulator?.length ?? 0) + (rule.id === 'transport.last' ? 1 : 0)).toBeGreaterThan(0);
  });
  if (rule.provider?.length)
    test('provider', () => {
      for (const c of rule.provider!) {
        const ds = c.run();
        const got = verdictAt(ds, c.attr);
        if (got !== c.expect) throw new Error(`expected ${c.expect} at ${c.attr}, got ${got}:\n${describeDiags(ds)}`);
      }
    });
  if (rule.emulator?.length)
    test('emulator', async () => {
      for (const c of rule.emulator!) {
        const p = c.path.replace(/:(\w+)/g, (_m, k: string) => ids[k] ?? `:${k}`);
        const r = c.method === 'GET' ? await api.get(p) : await api.post(p, c.body);
        if (r.status !== c.expect)
          throw new Error(
            `${c.method ?? 'POST'} ${p} ${JSON.stringify(c.body)?.slice(0, 200)}: expected ${c.expect}, got ${r.status} ${r.text}`,
          );
      }
    });
});

test('the last transport cannot be deleted (transport.last)', async () => {
  const e = await startEmulator({ port: 0 });
  try {
    const a = new Api(e.url);
    await a.signIn();
    expect((await a.post(`/transports/${e.seedIds.transportUdp}/destroy`)).status).toBe(400);
  } finally {
    await e.close();
  }
});

test('docs/fidelity.md lists exactly the rules tested here', () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'fidelity.md'), 'utf8');
  const inDoc = new Set([...doc.matchAll(/^\| `([a-z0-9_.-]+)` +\|/gm)].map((m) => m[1]!));
  const inTest = new Set(RULES.map((r) => r.id));
  expect([...inDoc].filter((id) => !inTest.has(id))).toEqual([]);
  expect([...inTest].filter((id) => !inDoc.has(id))).toEqual([]);
});
