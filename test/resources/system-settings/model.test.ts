// API <-> state mapping of the system settings: exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import * as settings from '../../../src/resources/system-settings/model';
import { systemSettingsSchema } from '../../../src/resources/system-settings/schema';
import { expectExactKeys, writeOnlyNull } from '../model-checks';
import { CERT_PEM, KEY_PEM, RSA_KEY_PEM, rewrapped } from '../fixtures';
import { metaOf } from '../../../src/resources';

/** The import format a resource type declares. */
const importOf = (type: string) => metaOf(type)!.importFormat;

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
