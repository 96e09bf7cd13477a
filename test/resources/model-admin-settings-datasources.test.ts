// API <-> state mapping of the remaining resources: exact key sets, write-only never in state, prior
// spelling kept, minimal patches, singleton adopt/reset, documented defaults, data sources.

import type { Block, Schema } from '../../src/provider/schema';
import { UNKNOWN, type ObjectValue } from '../../src/provider/values';
import * as adminUser from '../../src/resources/admin-user/model';
import { adminUserSchema } from '../../src/resources/admin-user/schema';
import * as trunk from '../../src/resources/trunk-assignment/model';
import { trunkAssignmentSchema } from '../../src/resources/trunk-assignment/schema';
import * as settings from '../../src/resources/system-settings/model';
import { systemSettingsSchema } from '../../src/resources/system-settings/schema';
import * as network from '../../src/resources/network-settings/model';
import { networkSettingsSchema } from '../../src/resources/network-settings/schema';
import * as notification from '../../src/resources/notification-settings/model';
import { notificationSettingsSchema } from '../../src/resources/notification-settings/schema';
import * as sbc from '../../src/resources/sbc-settings/model';
import { sbcSettingsSchema } from '../../src/resources/sbc-settings/schema';
import * as im from '../../src/resources/im-server/model';
import { imServerSchema } from '../../src/resources/im-server/schema';
import * as dataFlow from '../../src/resources/data-flow-server/model';
import { dataFlowServerSchema } from '../../src/resources/data-flow-server/schema';
import * as cert from '../../src/resources/certificate/model';
import { certificateSchema } from '../../src/resources/certificate/schema';
import * as brand from '../../src/resources/brand/model';
import { brandSchema } from '../../src/resources/brand/schema';
import * as adminProfile from '../../src/resources/admin-profile/model';
import { adminProfileSchema } from '../../src/resources/admin-profile/schema';
import * as dealerProfile from '../../src/resources/dealer-profile/model';
import { dealerProfileSchema } from '../../src/resources/dealer-profile/schema';
import { tenantDataSourceSchema } from '../../src/datasources/tenant/schema';
import * as dsTenant from '../../src/datasources/tenant/model';
import { dealerDataSourceSchema } from '../../src/datasources/dealer/schema';
import { transportDataSourceSchema } from '../../src/datasources/transport/schema';
import * as dsTransport from '../../src/datasources/transport/model';
import { ipRulesDataSourceSchema } from '../../src/datasources/ip-rules/schema';
import * as dsIpRules from '../../src/datasources/ip-rules/model';
import { systemStatusDataSourceSchema } from '../../src/datasources/system-status/schema';
import * as dsStatus from '../../src/datasources/system-status/model';
import { tenantSchema } from '../../src/resources/tenant/schema';
import { configOf } from './helpers';
import { CERT_PEM, CHAIN_PEM, KEY_PEM, OTHER_CERT_PEM, RSA_KEY_PEM, rewrapped } from './fixtures';
import { metaOf } from '../../src/resources';
import { replacedAttributes } from '../../src/resources/kit/define';

/** The import format a resource type declares. */
const importOf = (type: string) => metaOf(type)!.importFormat;

function expectExactKeys(block: Block, v: ObjectValue) {
  expect(Object.keys(v).sort()).toEqual([...Object.keys(block.attributes), ...Object.keys(block.blocks ?? {})].sort());
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const child = v[name];
    if (Array.isArray(child)) child.forEach((c) => expectExactKeys(nb.block, c as ObjectValue));
  }
}

function writeOnlyNull(schema: Schema, s: ObjectValue) {
  for (const [k, a] of Object.entries(schema.block.attributes)) if (a.writeOnly) expect({ k, v: s[k] }).toEqual({ k, v: null });
}

// ---------------------------------------------------------------------------------------------
describe('admin user', () => {
  const api = {
    id: 'u1',
    name: 'ops',
    role: 'OperationsAdmin',
    email: '',
    display_name: 'Ops',
    enabled: true,
    mobile_phone: null,
    work_phone: '100',
    home_phone: null,
    address: null,
    department: 'NOC',
    website: null,
    created_at: '2025-01-01T00:00:00Z',
  };

  test('every key, write-only null, no stored password, version from prior', () => {
    const prior = configOf(adminUserSchema, {
      id: 'u1',
      name: 'ops',
      role: 'OperationsAdmin',
      password_wo: 'leak?',
      password_wo_version: 2,
    });
    const s = adminUser.toState(api, prior);
    expectExactKeys(adminUserSchema.block, s);
    writeOnlyNull(adminUserSchema, s);
    expect(s).not.toHaveProperty('password');
    expect(JSON.stringify(s)).not.toContain('leak?');
    expect(s).toMatchObject({
      password_wo_version: 2,
      email: null,
      work_phone: '100',
      department: 'NOC',
      enabled: true,
    });
    expect(adminUser.toState(api, s)).toEqual(s);
  });

  test('create body: password from config, nothing null', () => {
    const config = configOf(adminUserSchema, {
      name: 'ops',
      role: 'SiteAdmin',
      password_wo: 'wo-secret-1',
      password_wo_version: 1,
      email: 'ops@example.com',
    });
    const planned: ObjectValue = { ...config, password_wo: null, id: UNKNOWN, enabled: UNKNOWN };
    expect(adminUser.toCreateBody(planned, config)).toEqual({
      name: 'ops',
      role: 'SiteAdmin',
      password: 'wo-secret-1',
      email: 'ops@example.com',
    });
    // Without password_wo there is no password to send (the plan refuses such a create).
    expect(adminUser.toCreateBody(planned, { ...config, password_wo: null })).toEqual({
      name: 'ops',
      role: 'SiteAdmin',
      email: 'ops@example.com',
    });
  });

  test('update patch excludes name, password and role; helpers say what to call', () => {
    const prior = adminUser.toState(api, configOf(adminUserSchema, { password_wo_version: 1 }));
    const planned = { ...prior, name: 'ops2', role: 'SystemAdmin', password_wo_version: 2, department: null, website: 'https://x.example' };
    expect(adminUser.toUpdatePatch(prior, planned)).toEqual({ department: '', website: 'https://x.example' });
    expect(adminUser.toUpdatePatch(prior, { ...prior })).toBeNull();
    expect(adminUser.usernameChange(prior, planned)).toBe('ops2');
    expect(adminUser.roleChange(prior, planned)).toBe('SystemAdmin');
    expect(adminUser.roleChange(prior, { ...prior })).toBeNull();
    expect(adminUser.usernameChange(prior, { ...prior, name: UNKNOWN })).toBeNull();
    expect(adminUser.passwordChange(prior, planned, { ...planned, password_wo: 'new-pass-1' })).toBe('new-pass-1');
    // Not configured (imported user, password unmanaged): never sent.
    expect(adminUser.passwordChange(prior, planned, planned)).toBeNull();
    expect(replacedAttributes(adminUserSchema.block, prior, planned)).toEqual([]);
  });

  test('passwordChange in write-only mode follows the version', () => {
    const base = configOf(adminUserSchema, { id: 'u1', name: 'ops', role: 'SiteAdmin' });
    const cfg = (v: number) => ({ ...base, password_wo: 'wo-secret-1', password_wo_version: v });
    expect(adminUser.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 2 }, cfg(2))).toBe('wo-secret-1');
    expect(adminUser.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 1 }, cfg(1))).toBeNull();
  });

  test('import key', () => {
    expect(importOf('portsip_admin_user').parse('name=ops')).toEqual({ name: 'ops' });
    expect(importOf('portsip_admin_user').parse('')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('trunk assignment', () => {
  const ids = { trunk_id: 'NzAwNTUxOTA5NzczMTQ4MTYw', tenant_id: 'NzAwNTUxOTA5NzczMTQ4MTYx' };

  test('import: ids from the key, every key, DID spacing kept from prior', () => {
    const s = trunk.toState({ did_numbers: '3000;12000-18000', concurrency: 5 }, null, ids);
    expectExactKeys(trunkAssignmentSchema.block, s);
    expect(s).toEqual({ id: `${ids.trunk_id}/${ids.tenant_id}`, ...ids, did_numbers: '3000;12000-18000', concurrency: 5 });
    const prior = { ...s, did_numbers: '12000-18000; 3000' };
    expect(trunk.toState({ did_numbers: '3000;12000-18000', concurrency: 5 }, prior).did_numbers).toBe('12000-18000; 3000');
    expect(trunk.toState({ did_numbers: '3000', concurrency: 5 }, prior).did_numbers).toBe('3000');
    expect(trunk.toState({ did_numbers: '', concurrency: 5 }, prior).did_numbers).toBeNull();
  });

  test('bodies: canonical DID pool; update sends the whole assignment; replacement on id change', () => {
    const planned = configOf(trunkAssignmentSchema, { ...ids, id: UNKNOWN, did_numbers: ' 3000 ; 4000-4999 ', concurrency: UNKNOWN });
    expect(trunk.toCreateBody(planned)).toEqual({ did_numbers: '3000;4000-4999' });
    const prior = trunk.toState({ did_numbers: '3000;4000-4999', concurrency: 5 }, null, ids);
    expect(trunk.toUpdatePatch(prior, { ...prior, did_numbers: '4000-4999;3000' })).toBeNull();
    expect(trunk.toUpdatePatch(prior, { ...prior, concurrency: 8 })).toEqual({ did_numbers: '3000;4000-4999', concurrency: 8 });
    expect(trunk.toUpdatePatch(prior, { ...prior, did_numbers: null })).toEqual({ did_numbers: '', concurrency: 5 });
    expect(replacedAttributes(trunkAssignmentSchema.block, prior, { ...prior, tenant_id: 'other' })).toEqual(['tenant_id']);
    expect(replacedAttributes(trunkAssignmentSchema.block, prior, { ...prior, trunk_id: UNKNOWN })).toEqual(['trunk_id']);
    expect(replacedAttributes(trunkAssignmentSchema.block, prior, { ...prior, concurrency: 1 })).toEqual([]);
  });

  test('import key', () => {
    expect(importOf('portsip_trunk_assignment').parse(`${ids.trunk_id}/${ids.tenant_id}`)).toEqual(ids);
    expect(importOf('portsip_trunk_assignment').parse('abc')).toBeNull();
    expect(importOf('portsip_trunk_assignment').parse('abc/')).toBeNull();
    expect(importOf('portsip_trunk_assignment').parse('a/b/c')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('system settings', () => {
  const api: Record<string, unknown> = {
    ...settings.systemSettingsDefaults,
    blocked_user_agents: '',
    congestion_management_metric: 'WAIT_TIME',
    auto_answer_alert_info_header: null,
    trace_server_host: '',
    trace_server_port: null,
    stir_shaken_cert: CERT_PEM,
    // GET returns the private key [C1]; it must never be read into state.
    stir_shaken_key: KEY_PEM,
    custom_options: '{"b":2,"a":1}',
  };

  test('import: every key, fixed id, the private key is NOT read into state', () => {
    const s = settings.toState(api, null);
    expectExactKeys(systemSettingsSchema.block, s);
    writeOnlyNull(systemSettingsSchema, s);
    expect(s.id).toBe('system_settings');
    expect(s).not.toHaveProperty('stir_shaken_key');
    expect(JSON.stringify(s)).not.toContain(KEY_PEM.split('\n')[1]);
    expect(s.reset_on_destroy).toBeNull();
    expect(s.user_agent).toBe('PortSIP UC');
    expect(s.blocked_user_agents).toBeNull();
    expect(importOf('portsip_system_settings').parse('system_settings')).toEqual({});
    expect(importOf('portsip_system_settings').parse('x')).toBeNull();
  });

  test('key never in state, a changed live key is no drift; prior spellings kept', () => {
    const prior = {
      ...settings.toState(api, null),
      stir_shaken_key_wo_version: 1,
      stir_shaken_cert: rewrapped(CERT_PEM),
      custom_options: '{ "a": 1, "b": 2 }',
      reset_on_destroy: true,
    };
    const s = settings.toState(api, prior);
    expect(s.stir_shaken_cert).toBe(rewrapped(CERT_PEM));
    expect(s.custom_options).toBe('{ "a": 1, "b": 2 }');
    expect(s.reset_on_destroy).toBe(true);
    expect(s.stir_shaken_key_wo_version).toBe(1);
    // The write-only key cannot be compared: a different key on the PBX reads as the same state.
    expect(settings.toState({ ...api, stir_shaken_key: RSA_KEY_PEM }, prior)).toEqual(s);
    expect(settings.toState({ ...api, stir_shaken_key: '' }, prior)).toEqual(s);
  });

  test('adopt: only configured values that differ; unknowns skipped; key sent when new', () => {
    const planned = { ...settings.toState(api, null), id: 'system_settings' } as ObjectValue;
    for (const k of Object.keys(planned)) if (k !== 'id') planned[k] = UNKNOWN;
    Object.assign(planned, {
      user_agent: 'PortSIP UC',
      session_timer_duration: 1800,
      custom_options: '{"a":1,"b":2}',
      reset_on_destroy: true,
      stir_shaken_key_wo: null,
      stir_shaken_key_wo_version: 1,
    });
    expect(settings.toCreatePatch(api, planned, { stir_shaken_key_wo: RSA_KEY_PEM })).toEqual({
      session_timer_duration: 1800,
      stir_shaken_key: RSA_KEY_PEM,
    });
    expect(settings.toCreatePatch(api, planned, { stir_shaken_key_wo: rewrapped(KEY_PEM) })).toEqual({ session_timer_duration: 1800 });
    // No key configured: the live key is left alone.
    expect(settings.toCreatePatch(api, planned, {})).toEqual({ session_timer_duration: 1800 });
  });

  test('update: minimal; key only on version bump', () => {
    const prior = { ...settings.toState(api, null), stir_shaken_key_wo_version: 1 };
    expect(settings.toUpdatePatch(prior, { ...prior }, { stir_shaken_key_wo: KEY_PEM })).toBeNull();
    expect(settings.toUpdatePatch(prior, { ...prior, flow_timer: 30, enable_prack: true })).toEqual({ flow_timer: 30, enable_prack: true });
    expect(settings.toUpdatePatch(prior, { ...prior, stir_shaken_key_wo_version: 2 }, { stir_shaken_key_wo: KEY_PEM })).toEqual({
      stir_shaken_key: KEY_PEM,
    });
    expect(settings.toUpdatePatch(prior, { ...prior, reset_on_destroy: true })).toBeNull();
    // A version bump without the key in config has nothing to send.
    expect(settings.toUpdatePatch(prior, { ...prior, stir_shaken_key_wo_version: 2 }, {})).toBeNull();
  });

  test('documented defaults (docs/portsip-api.md Op 13) and the reset patch', () => {
    expect(settings.systemSettingsDefaults).toEqual({
      user_agent: 'PortSIP UC',
      enable_shared_address_space_address_range: true,
      enable_digest_auth: true,
      enable_auth_mid_dialog: false,
      enable_digest_auth_int: false,
      enable_external_recording: true,
      enable_reject_bad_nonce: false,
      statistics_log_interval: 600,
      dead_session_timeout: 600,
      enable_session_timer: true,
      session_timer_duration: 3600,
      enable_to_tag_in_register: false,
      enable_congestion_management: true,
      congestion_management_tolerance: 600,
      enable_create_non_exist_extension: false,
      enable_prack: false,
      enable_tenant_level_trunk: true,
      enable_diversion_support: false,
      enable_history_info_support: false,
      enable_outbound_support: true,
      flow_timer: 0,
      register_expiration_time: 300,
      enable_auto_answer_alert_info_header: false,
      enable_auto_answer_call_info_header: true,
      enable_require_answer_mode: false,
      enable_www_auth: false,
      user_equal_required_for_auth_name: true,
      web_failed_auth_amount: 5,
      web_blacklist_time_interval: 3600,
      sip_failed_auth_amount: 50,
      sip_failed_challenge_requests_amount: 1000,
      sip_blacklist_time_interval: 3600,
      sip_detection_period: 10,
      sip_barrier_1_packets: 5000,
      sip_barrier_1_blocking_time: 3600,
      sip_barrier_2_packets: 2000,
      sip_barrier_2_blocking_time: 30,
    });
    // Every default names a schema attribute, and its description states it.
    for (const [k, v] of Object.entries(settings.systemSettingsDefaults)) {
      expect(systemSettingsSchema.block.attributes[k]!.description).toContain(
        `Server default \`${typeof v === 'string' ? JSON.stringify(v) : String(v)}\``,
      );
    }
    expect(settings.toResetPatch(api)).toBeNull();
    expect(settings.toResetPatch({ ...api, flow_timer: 30, user_agent: 'X' })).toEqual({ flow_timer: 0, user_agent: 'PortSIP UC' });
    expect(Object.keys(settings.toResetPatch() ?? {})).toHaveLength(37);
  });
});

// ---------------------------------------------------------------------------------------------
describe('network settings, IM and Data Flow', () => {
  const netApi = {
    web_domain: 'PBX.example.com',
    private_ipv4: '10.0.0.5',
    public_ipv4: '',
    enable_ipv6: true,
    private_ipv6: 'fd00::5',
    public_ipv6: '2001:db8::5',
    primary_dns_server: '1.1.1.1',
    secondary_dns_server: null,
  };

  test('every key; addresses and domain compared semantically, prior spelling kept', () => {
    const s = network.toState(netApi, null);
    expectExactKeys(networkSettingsSchema.block, s);
    expect(s.public_ipv4).toBeNull();
    const prior = { ...s, web_domain: 'pbx.example.com', public_ipv6: '2001:DB8:0:0::5' };
    const again = network.toState(netApi, prior);
    expect(again.web_domain).toBe('pbx.example.com');
    expect(again.public_ipv6).toBe('2001:DB8:0:0::5');
    expect(network.toUpdatePatch(prior, { ...prior, public_ipv6: '2001:db8::5' })).toBeNull();
    expect(network.toUpdatePatch(prior, { ...prior, public_ipv6: '2001:db8::6', enable_ipv6: false })).toEqual({
      public_ipv6: '2001:db8::6',
      enable_ipv6: false,
    });
  });

  test('defaults and reset', () => {
    expect(network.networkSettingsDefaults).toEqual({ enable_ipv6: true });
    expect(network.toResetPatch(netApi)).toBeNull();
    expect(network.toResetPatch({ ...netApi, enable_ipv6: false })).toEqual({ enable_ipv6: true });
    expect(im.imServerDefaults).toEqual({});
    expect(dataFlow.dataFlowServerDefaults).toEqual({});
    expect(im.toResetPatch({ private_ipv4: '10.0.0.1' })).toBeNull();
    expect(dataFlow.toResetPatch()).toBeNull();
  });

  test('IM and Data Flow: four addresses, adopt patch minimal', () => {
    const api = { private_ipv4: '10.0.0.7', private_ipv6: null, public_ipv4: '198.51.100.7', public_ipv6: '' };
    for (const [m, schema, id] of [
      [im, imServerSchema, 'im_server'],
      [dataFlow, dataFlowServerSchema, 'data_flow_server'],
    ] as const) {
      const s = m.toState(api, null);
      expectExactKeys(schema.block, s);
      expect(s).toMatchObject({ id, private_ipv4: '10.0.0.7', private_ipv6: null, public_ipv6: null });
      const planned: ObjectValue = {
        ...configOf(schema, { id, public_ipv4: '198.51.100.8', private_ipv4: '10.0.0.7' }),
        private_ipv6: UNKNOWN,
        public_ipv6: UNKNOWN,
      };
      expect(m.toCreatePatch(api, planned)).toEqual({ public_ipv4: '198.51.100.8' });
      expect(m.toUpdatePatch(s, { ...s })).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------
describe('notification settings', () => {
  const api = {
    type: 'SMTP',
    server: 'smtp.example.com',
    port: 587,
    reply_to: '',
    username: 'alerts@example.com',
    auth: 'LOGIN',
    enable_tls_ssl: false,
    enable_starttls_auto: true,
    recipients: 'a@example.com,b@example.org',
    enable_tenant_access: true,
    hard_disk_threshold: 0.9,
    notify_hard_disk_exceeded_threshold: true,
    cpu_threshold: 0.8,
    notify_cpu_exceeded_threshold: false,
    memory_threshold: null,
    notify_memory_exceeded_threshold: false,
    notify_ip_blocked: true,
    notify_license_limited: false,
    notify_service_disconnected: false,
    notify_push_certs_update_failed: false,
  };

  test('every key; password never read; recipients order kept from prior', () => {
    const prior = {
      ...notification.toState(api, null),
      recipients: 'b@EXAMPLE.org, a@example.com',
      password_wo_version: 3,
    };
    const s = notification.toState({ ...api, password: 'leaked-1' }, prior);
    expectExactKeys(notificationSettingsSchema.block, s);
    writeOnlyNull(notificationSettingsSchema, s);
    expect(s).toMatchObject({ recipients: 'b@EXAMPLE.org, a@example.com', password_wo_version: 3, reply_to: null });
    expect(s).not.toHaveProperty('password');
    expect(JSON.stringify(s)).not.toContain('leaked-1');
    expect(notification.toState(api, null).password_wo_version).toBeNull();
  });

  test('every patch carries type and username', () => {
    const prior = notification.toState(api, null);
    expect(notification.toUpdatePatch(prior, { ...prior })).toBeNull();
    expect(notification.toUpdatePatch(prior, { ...prior, port: 465 })).toEqual({ port: 465, type: 'SMTP', username: 'alerts@example.com' });
    expect(notification.toUpdatePatch(prior, { ...prior, username: 'new@example.com' })).toEqual({
      username: 'new@example.com',
      type: 'SMTP',
    });
    expect(notification.toUpdatePatch(prior, { ...prior, notify_ip_blocked: false, type: UNKNOWN })).toEqual({
      notify_ip_blocked: false,
      type: 'SMTP',
      username: 'alerts@example.com',
    });
    // password alone (version bump) also carries both
    const p2 = { ...prior, password_wo_version: 1 };
    expect(notification.toUpdatePatch(p2, { ...p2, password_wo_version: 2 }, { password_wo: 'wo-1' })).toEqual({
      password: 'wo-1',
      type: 'SMTP',
      username: 'alerts@example.com',
    });
    expect(notification.toUpdatePatch(p2, { ...p2 }, { password_wo: 'wo-1' })).toBeNull();
  });

  test('adopt: configured differences plus password, with type and username from live', () => {
    const planned = configOf(notificationSettingsSchema, {
      id: 'notification_settings',
      port: 465,
      recipients: 'b@example.org, a@example.com',
      password_wo_version: 1,
    });
    for (const k of ['type', 'server', 'username', 'auth', 'enable_tls_ssl', 'reply_to']) planned[k] = UNKNOWN;
    expect(notification.toCreatePatch(api, planned, { password_wo: 'wo-1' })).toEqual({
      port: 465,
      password: 'wo-1',
      type: 'SMTP',
      username: 'alerts@example.com',
    });
    expect(notification.toCreatePatch(api, { ...planned, port: 587 }, {})).toBeNull();
    const fresh = notification.toCreatePatch({ auth: 'AUTO' }, { ...planned, type: 'SMTP' }, {});
    expect(fresh).toEqual({ port: 465, recipients: 'b@example.org, a@example.com', type: 'SMTP' });
    expect(notification.missingRequired(fresh)).toEqual(['username']);
  });

  test('documented defaults (docs/portsip-api.md Op 14); reset keeps type and username', () => {
    expect(notification.notificationSettingsDefaults).toEqual({
      auth: 'AUTO',
      enable_tls_ssl: true,
      enable_starttls_auto: false,
      enable_tenant_access: true,
      notify_hard_disk_exceeded_threshold: false,
      notify_cpu_exceeded_threshold: false,
      notify_memory_exceeded_threshold: false,
      notify_ip_blocked: false,
      notify_license_limited: false,
      notify_service_disconnected: false,
      notify_push_certs_update_failed: false,
    });
    expect(notification.toResetPatch(api)).toEqual({
      auth: 'AUTO',
      enable_tls_ssl: true,
      enable_starttls_auto: false,
      notify_hard_disk_exceeded_threshold: false,
      notify_ip_blocked: false,
      type: 'SMTP',
      username: 'alerts@example.com',
    });
    expect(notification.toResetPatch({ ...api, ...notification.notificationSettingsDefaults })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('SBC settings', () => {
  const api = {
    domain: 'sbc.example.com',
    http_port: 8882,
    https_port: 8883,
    transports: [
      { protocol: 'UDP', port: 5060 },
      { protocol: 'TLS', port: 5061 },
    ],
  };

  test('transports: filled on import, unmanaged ([]) when prior had none, managed when prior had some', () => {
    const imported = sbc.toState(api, null);
    expectExactKeys(sbcSettingsSchema.block, imported);
    expect(imported.transports).toEqual(api.transports);
    const unmanaged = { ...imported, transports: [] };
    expect(sbc.toState(api, unmanaged).transports).toEqual([]);
    const managed = { ...imported, transports: [{ protocol: 'udp', port: 5060 }] };
    expect(sbc.toState(api, managed).transports).toEqual([
      { protocol: 'udp', port: 5060 },
      { protocol: 'TLS', port: 5061 },
    ]);
  });

  test('patches: an empty list is never sent; a changed list is sent whole', () => {
    const prior = sbc.toState(api, null);
    expect(sbc.toUpdatePatch(prior, { ...prior, transports: [] })).toBeNull();
    expect(sbc.toUpdatePatch(prior, { ...prior, transports: [{ protocol: 'UDP', port: 5060 }] })).toEqual({
      transports: [{ protocol: 'UDP', port: 5060 }],
    });
    expect(
      sbc.toUpdatePatch(prior, {
        ...prior,
        transports: [
          { protocol: 'udp', port: 5060 },
          { protocol: 'TLS', port: 5061 },
        ],
      }),
    ).toBeNull();
    expect(sbc.toUpdatePatch(prior, { ...prior, domain: 'SBC.example.com.' })).toBeNull();
    const planned: ObjectValue = {
      ...configOf(sbcSettingsSchema, { id: 'sbc_settings', https_port: 9443 }),
      domain: UNKNOWN,
      http_port: UNKNOWN,
    };
    expect(sbc.toCreatePatch(api, planned)).toEqual({ https_port: 9443 });
  });

  test('defaults and reset', () => {
    expect(sbc.sbcSettingsDefaults).toEqual({ http_port: 8882, https_port: 8883 });
    expect(sbc.toResetPatch(api)).toBeNull();
    expect(sbc.toResetPatch({ ...api, https_port: 9443 })).toEqual({ https_port: 8883 });
  });
});

// ---------------------------------------------------------------------------------------------
describe('certificate', () => {
  test('read: crt spelling kept when only wrapping differs; the live key is never read', () => {
    const api = { crt: CHAIN_PEM, key: KEY_PEM };
    const imported = cert.toState(api, null);
    expectExactKeys(certificateSchema.block, imported);
    writeOnlyNull(certificateSchema, imported);
    expect(imported).toMatchObject({ id: 'certificate', crt: CHAIN_PEM });
    expect(imported).not.toHaveProperty('key');
    expect(JSON.stringify(imported)).not.toContain(KEY_PEM.split('\n')[1]);
    const prior = { ...imported, crt: rewrapped(CHAIN_PEM), key_wo_version: 1 };
    expect(cert.toState(api, prior).crt).toBe(rewrapped(CHAIN_PEM));
    expect(cert.toState({ ...api, crt: OTHER_CERT_PEM }, prior).crt).toBe(OTHER_CERT_PEM);
    // A different key on the PBX is not visible (write-only): same state.
    expect(cert.toState({ ...api, key: RSA_KEY_PEM }, prior)).toEqual(cert.toState(api, prior));
  });

  test('create is skipped when the PBX already has the same certificate (and key, when one is given)', () => {
    const planned = configOf(certificateSchema, { id: 'certificate', crt: rewrapped(CHAIN_PEM), key_wo_version: 1 });
    expect(cert.toCreateBody({ crt: CHAIN_PEM, key: KEY_PEM }, planned, { key_wo: KEY_PEM })).toBeNull();
    expect(cert.toCreateBody({ crt: CERT_PEM, key: KEY_PEM }, planned, { key_wo: KEY_PEM })).toEqual({
      crt: rewrapped(CHAIN_PEM),
      key: KEY_PEM,
    });
    // Same certificate, other key configured: uploaded.
    expect(cert.toCreateBody({ crt: CHAIN_PEM, key: KEY_PEM }, planned, { key_wo: RSA_KEY_PEM })).toEqual({
      crt: rewrapped(CHAIN_PEM),
      key: RSA_KEY_PEM,
    });
    // No key_wo: adopting the certificate the PBX already has does nothing ...
    expect(cert.toCreateBody({ crt: CHAIN_PEM, key: KEY_PEM }, planned, {})).toBeNull();
    // ... but uploading a different certificate needs the key, and says which attribute to set.
    expect(() => cert.toCreateBody({ crt: CERT_PEM, key: KEY_PEM }, planned, {})).toThrow(/Attribute "key_wo" is required to upload/);
    expect(() => cert.toCreateBody(null, planned, {})).toThrow(/"key_wo" is required/);
    // No certificate planned (unknown): nothing to decide yet.
    expect(cert.toCreateBody(null, { ...planned, crt: UNKNOWN }, {})).toBeNull();
  });

  test('update sends crt AND key whenever either changes', () => {
    const prior = configOf(certificateSchema, { id: 'certificate', crt: CHAIN_PEM, key_wo_version: 1 });
    expect(cert.toUpdateBody(prior, { ...prior, crt: rewrapped(CHAIN_PEM) }, { key_wo: KEY_PEM })).toBeNull();
    expect(cert.toUpdateBody(prior, { ...prior, crt: OTHER_CERT_PEM }, { key_wo: KEY_PEM })).toEqual({ crt: OTHER_CERT_PEM, key: KEY_PEM });
    expect(cert.toUpdateBody(prior, { ...prior, key_wo_version: 2 }, { key_wo: RSA_KEY_PEM })).toEqual({
      crt: CHAIN_PEM,
      key: RSA_KEY_PEM,
    });
    // Nothing to upload: no key needed.
    expect(cert.toUpdateBody(prior, { ...prior }, {})).toBeNull();
    // An upload without key_wo is an error naming the attribute; the key is never guessed.
    expect(() => cert.toUpdateBody(prior, { ...prior, crt: OTHER_CERT_PEM }, {})).toThrow(/Attribute "key_wo" is required/);
    expect(() => cert.toUpdateBody(prior, { ...prior, key_wo_version: 2 }, null)).toThrow(/Attribute "key_wo" is required/);
    expect(cert.certificateDefaults).toEqual({});
    expect(cert.toResetPatch()).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('brand (no GET)', () => {
  test('read returns the prior state unchanged, with every key', () => {
    const prior = configOf(brandSchema, { id: 'brand', theme: 'DARK', title: 'Acme' });
    expect(brand.toState(prior)).toEqual(prior);
    const imported = brand.toState(null);
    expectExactKeys(brandSchema.block, imported);
    expect(imported.id).toBe('brand');
    expect(Object.entries(imported).filter(([k, v]) => k !== 'id' && v !== null)).toEqual([]);
  });

  test('bodies: configured values only; removed attributes are not cleared', () => {
    expect(brand.toCreateBody(configOf(brandSchema, { id: UNKNOWN, theme: 'GREEN', title: '' }))).toEqual({ theme: 'GREEN', title: '' });
    expect(brand.toCreateBody(configOf(brandSchema, {}))).toBeNull();
    const prior = configOf(brandSchema, { id: 'brand', theme: 'DARK', title: 'Acme', product: 'PBX' });
    expect(brand.toUpdatePatch(prior, { ...prior, title: 'Acme Ltd', product: null })).toEqual({ title: 'Acme Ltd' });
    expect(brand.toUpdatePatch(prior, { ...prior })).toBeNull();
    expect(brand.brandDefaults).toEqual({});
  });
});

// ---------------------------------------------------------------------------------------------
describe('admin and dealer profiles', () => {
  test('admin profile: API id goes to user_id; name and password through their endpoints', () => {
    const api = { id: 'u0', name: 'admin', role: 'SystemAdmin', email: 'root@example.com', display_name: '', mobile_phone: null };
    const s = adminProfile.toState(api, null);
    expectExactKeys(adminProfileSchema.block, s);
    writeOnlyNull(adminProfileSchema, s);
    expect(s).toMatchObject({ id: 'admin_profile', user_id: 'u0', role: 'SystemAdmin', name: 'admin', display_name: null });
    const planned = { ...s, name: 'chief', email: 'chief@example.com', role: 'X', user_id: 'other' };
    expect(adminProfile.toUpdatePatch(s, planned)).toEqual({ email: 'chief@example.com' });
    expect(adminProfile.usernameChange(s, planned)).toBe('chief');
    expect(adminProfile.usernameChange(null, { ...planned, name: 'admin' }, api)).toBeNull();
    // The current password is the provider's own sign-in password.
    const cfg = { new_password_wo: 'new-secret' };
    expect(adminProfile.passwordChange(null, planned, cfg, 'old-secret')).toEqual({
      old_password: 'old-secret',
      new_password: 'new-secret',
    });
    expect(adminProfile.passwordChange(null, planned, { new_password_wo: 'old-secret' }, 'old-secret')).toBeNull();
    expect(adminProfile.passwordChange({ ...s, password_wo_version: 1 }, { ...s, password_wo_version: 1 }, cfg, 'old-secret')).toBeNull();
    expect(adminProfile.passwordChange({ ...s, password_wo_version: 1 }, { ...s, password_wo_version: 2 }, cfg, 'old-secret')).toEqual({
      old_password: 'old-secret',
      new_password: 'new-secret',
    });
    expect(adminProfile.passwordChange({ ...s, password_wo_version: 1 }, { ...s, password_wo_version: 2 }, {}, 'old-secret')).toBeNull();
    expect(() => adminProfile.passwordChange(null, planned, cfg, undefined)).toThrow(/no password/);
    expect(
      adminProfile.toCreatePatch(api, {
        ...configOf(adminProfileSchema, { id: 'admin_profile', email: 'root@example.com', department: 'IT', name: 'boss' }),
        website: UNKNOWN,
      }),
    ).toEqual({ department: 'IT' });
    expect(adminProfile.adminProfileDefaults).toEqual({});
  });

  test('dealer profile: read-only dealer fields computed, never sent', () => {
    const api = {
      id: 'd7',
      enabled: true,
      level: 'RESELLER',
      name: 'acme',
      email: 'a@acme.example',
      display_name: 'Acme',
      website: '',
      phone: null,
      address: null,
      description: null,
      max_tenants: 100,
      max_extensions: 50000,
    };
    const s = dealerProfile.toState(api, null);
    expectExactKeys(dealerProfileSchema.block, s);
    expect(s).toMatchObject({ id: 'dealer_profile', dealer_id: 'd7', level: 'RESELLER', max_tenants: 100, website: null });
    expect(dealerProfile.toUpdatePatch(s, { ...s, max_tenants: 5, level: 'DISTRIBUTOR', phone: '+1 555', name: 'acme2' })).toEqual({
      phone: '+1 555',
    });
    expect(dealerProfile.usernameChange(s, { ...s, name: 'acme2' })).toBe('acme2');
    expect(dealerProfile.dealerProfileDefaults).toEqual({});
    expect(dealerProfile.toResetPatch(api)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe('data sources', () => {
  test('schemas: everything computed, lookup keys Optional+Computed, no write-only or omitted secrets', () => {
    const t = tenantDataSourceSchema.block;
    expect(t.attributes.id).toMatchObject({ optional: true, computed: true });
    expect(t.attributes.domain).toMatchObject({ optional: true, computed: true });
    expect(t.attributes.name).toMatchObject({ computed: true });
    expect(t.attributes.name!.optional).toBeUndefined();
    expect(t.blocks).toBeUndefined();
    expect(Object.keys(t.attributes).sort()).toEqual(
      [...Object.keys(tenantSchema.block.attributes), ...Object.keys(tenantSchema.block.blocks!)].sort(),
    );
    const hook = t.attributes.cdr_event!.type as { object: Record<string, unknown> };
    expect(Object.keys(hook.object).sort()).toEqual(['auth', 'enabled', 'url', 'username']);
    expect(t.attributes.cdr_event!.sensitive).toBeUndefined();
    expect(t.attributes.office_hours!.type).toMatchObject({
      object: { monday: { object: { enabled: 'bool', ranges: { list: { object: { from: 'string', to: 'string' } } } } } },
    });
    const d = dealerDataSourceSchema.block;
    expect(d.attributes.password).toBeUndefined();
    expect(d.attributes.password_wo).toBeUndefined();
    expect(d.attributes.name).toMatchObject({ optional: true, computed: true });
    expect(transportDataSourceSchema.block.attributes.status).toMatchObject({ computed: true, type: 'string' });
    for (const s of [
      tenantDataSourceSchema,
      dealerDataSourceSchema,
      transportDataSourceSchema,
      ipRulesDataSourceSchema,
      systemStatusDataSourceSchema,
    ]) {
      for (const a of Object.values(s.block.attributes)) {
        expect(a.writeOnly).toBeFalsy();
        expect(a.required).toBeFalsy();
      }
    }
  });

  test('tenant: nested objects filled; configured domain spelling kept', () => {
    const api = {
      id: 'tn1',
      name: 'Acme',
      domain: 'sip.acme.example',
      office_hours: { monday: { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] } },
      cdr_event: { enabled: true, auth: 'BEARER', token: 'secret', url: 'https://h' },
    };
    const s = dsTenant.toState(api, configOf(tenantDataSourceSchema, { domain: 'SIP.Acme.Example' }), 'd1');
    expect(Object.keys(s).sort()).toEqual(Object.keys(tenantDataSourceSchema.block.attributes).sort());
    expect(s.domain).toBe('SIP.Acme.Example');
    expect(s.dealer_id).toBe('d1');
    expect(s.cdr_event).toEqual({ enabled: true, auth: 'BEARER', username: null, url: 'https://h' });
    expect((s.office_hours as ObjectValue).monday).toEqual({ enabled: true, ranges: [{ from: '09:00', to: '17:00' }] });
    expect((s.office_hours as ObjectValue).tuesday).toBeNull();
  });

  test('transport, IP rules and system status', () => {
    expect(
      dsTransport.toState(
        { id: 't1', protocol: 'TLS', port: 5061, verification: 'DISABLE' },
        configOf(transportDataSourceSchema, { protocol: 'tls', port: 5061 }),
        'ACTIVATED',
      ),
    ).toEqual({ id: 't1', protocol: 'tls', port: 5061, verification: 'DISABLE', status: 'ACTIVATED' });
    const cfg = configOf(ipRulesDataSourceSchema, { filter: "startswith(cidr,'10.')", target: 'DENY' });
    expect(dsIpRules.toQuery(cfg)).toEqual({ filter: "(startswith(cidr,'10.')) and target eq 'DENY'" });
    expect(dsIpRules.toQuery(configOf(ipRulesDataSourceSchema, {}))).toEqual({});
    const s = dsIpRules.toState(
      [
        { id: 'r1', cidr: '10.0.0.0/8', target: 'DENY', expire_at: null },
        { id: 'r2', cidr: '10.1.0.0/16', target: 'ACCEPT', description: 'x' },
      ],
      cfg,
    );
    expect(s).toEqual({
      id: "filter=startswith(cidr,'10.');target=DENY",
      filter: cfg.filter,
      target: 'DENY',
      rules: [{ id: 'r1', cidr: '10.0.0.0/8', target: 'DENY', expire_at: null, description: null }],
    });
    const st = dsStatus.toState({ version: '22.3.5', current_calls: 3, calls_in_24_hours: [{ time: '2025-01-01T00:00:00Z', count: 4 }] });
    expect(Object.keys(st).sort()).toEqual(Object.keys(systemStatusDataSourceSchema.block.attributes).sort());
    expect(st).toMatchObject({
      id: 'system_status',
      version: '22.3.5',
      current_calls: 3,
      licensed_users: null,
      calls_in_24_hours: [{ time: '2025-01-01T00:00:00Z', count: 4 }],
    });
    expect(systemStatusDataSourceSchema.block.attributes.license_key).toMatchObject({ sensitive: true });
  });
});

// ---------------------------------------------------------------------------------------------
describe('schemas', () => {
  const all: Record<string, Schema> = {
    admin_user: adminUserSchema,
    trunk_assignment: trunkAssignmentSchema,
    system_settings: systemSettingsSchema,
    network_settings: networkSettingsSchema,
    notification_settings: notificationSettingsSchema,
    sbc_settings: sbcSettingsSchema,
    im_server: imServerSchema,
    data_flow_server: dataFlowServerSchema,
    certificate: certificateSchema,
    brand: brandSchema,
    admin_profile: adminProfileSchema,
    dealer_profile: dealerProfileSchema,
  };
  test.each(Object.entries(all))('%s: version 0, described, flags consistent', (name, schema) => {
    expect(schema.version).toBe(0);
    const walk = (b: Block) => {
      for (const [n, a] of Object.entries(b.attributes)) {
        expect({ n, ok: a.description.length > 10 }).toEqual({ n, ok: true });
        const modes = [a.required, a.optional && !a.computed, a.optional && a.computed, a.computed && !a.optional].filter(Boolean);
        expect({ n, modes: modes.length }).toEqual({ n, modes: 1 });
        if (a.writeOnly) expect(a.computed).toBeFalsy();
        if (/_wo$/.test(n)) expect(a.writeOnly).toBe(true);
      }
      for (const nb of Object.values(b.blocks ?? {})) walk(nb.block);
    };
    walk(schema.block);
    expect(schema.block.attributes.id).toMatchObject({ computed: true });
    if (!['admin_user', 'trunk_assignment'].includes(name)) {
      expect(schema.block.attributes.reset_on_destroy).toMatchObject({ optional: true, type: 'bool' });
      expect(schema.block.attributes.reset_on_destroy!.computed).toBeFalsy();
    }
  });

  test('singleton API attributes are Optional+Computed (brand: Optional, no GET; certificate crt: Required)', () => {
    for (const [name, s] of Object.entries(all)) {
      if (['admin_user', 'trunk_assignment', 'brand', 'certificate'].includes(name)) continue;
      for (const [n, a] of Object.entries(s.block.attributes)) {
        if (n === 'id' || n === 'reset_on_destroy' || a.writeOnly || /_version$/.test(n) || a.sensitive || (a.computed && !a.optional))
          continue;
        expect({ name, n, oc: a.optional && a.computed }).toEqual({ name, n, oc: true });
      }
    }
  });
});
