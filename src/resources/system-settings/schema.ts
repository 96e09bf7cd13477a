// portsip_system_settings: schema (docs/portsip-api.md Op 13; fields, ranges and defaults from C1, identical in
// the 22.3 reference [C3]). A singleton: create adopts the live settings and changes only what is
// configured; destroy forgets them unless `reset_on_destroy = true` (src/resources/common/singleton.ts).
//
// `stir_shaken_key` is a private key that GET returns [C1]. It is managed only as the write-only
// `stir_shaken_key_wo` + `stir_shaken_key_wo_version` (Terraform 1.11+): never read into state, so
// drift of the key is not detected. No stored, sensitive copy: secrets stay out of state, and a second
// sensitive path would make Terraform 1.11's refresh-only plan flap (docs/protocol.md, "Exact drift").
//
// 22.6 fields (two-factor, SDP codecs, ...) are left out: their types are undocumented [C2].

import type { Attribute, Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optional, optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const SYSTEM_SETTINGS_ID = 'system_settings';

export const CONGESTION_METRICS = ['WAIT_TIME', 'TIME_DEPTH', 'SIZE'] as const;
export const ALERT_INFO_HEADERS = ['INTERCOM', 'ALERT_AUTO_ANSWER', 'AUTO_ANSWER'] as const;

/** Documented server defaults (C1 Op 13), restored by `reset_on_destroy`. Fields without a default are not listed. */
export const systemSettingsDefaults: Readonly<Record<string, Value>> = Object.freeze({
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

const U = UNMANAGED_WHEN_UNSET;

function oc(type: 'bool' | 'number' | 'string', name: string, text: string): Attribute {
  const d = systemSettingsDefaults[name];
  const def =
    d === undefined ? 'No documented server default.' : `Server default \`${typeof d === 'string' ? JSON.stringify(d) : String(d)}\`.`;
  return optionalComputed(type, `${text} ${def} ${U}`);
}

const seconds = (what: string, min = 0) => `${what}, in seconds, ${min}-2147483647.`;

export const systemSettingsSchema: Schema = {
  version: 0,
  block: {
    description:
      'The PBX general (SIP and security) settings (`/api/admin/settings`), a singleton. Creating it adopts the live settings and changes only the attributes you set; attributes left unset are not managed. Destroying it only forgets the settings, unless `reset_on_destroy = true`. Import id: `system_settings`.',
    attributes: {
      id: singletonId(SYSTEM_SETTINGS_ID),
      reset_on_destroy: resetOnDestroy('every attribute whose description names a server default; the others are left as they are'),
      user_agent: oc('string', 'user_agent', 'The SIP `User-Agent` the PBX sends, 1-1024 characters.'),
      blocked_user_agents: oc('string', 'blocked_user_agents', 'SIP `User-Agent` values to reject, separated by `;`.'),
      enable_shared_address_space_address_range: oc(
        'bool',
        'enable_shared_address_space_address_range',
        'Treat 100.64.0.0/10 (RFC 6598 shared address space) as a private range.',
      ),
      enable_digest_auth: oc('bool', 'enable_digest_auth', 'Challenge SIP requests with digest authentication.'),
      enable_auth_mid_dialog: oc('bool', 'enable_auth_mid_dialog', 'Also challenge in-dialog requests.'),
      enable_digest_auth_int: oc('bool', 'enable_digest_auth_int', 'Use digest `auth-int` (integrity protection).'),
      enable_external_recording: oc('bool', 'enable_external_recording', 'Allow external call recording.'),
      enable_reject_bad_nonce: oc('bool', 'enable_reject_bad_nonce', 'Answer a stale or bad nonce with 403 instead of a fresh challenge.'),
      statistics_log_interval: oc('number', 'statistics_log_interval', seconds('Interval between statistics log entries')),
      dead_session_timeout: oc('number', 'dead_session_timeout', seconds('Drop a call after this long without RTP')),
      enable_session_timer: oc('bool', 'enable_session_timer', 'Use SIP session timers (RFC 4028).'),
      session_timer_duration: oc(
        'number',
        'session_timer_duration',
        'Session timer interval in seconds, 90-3600. Only used when `enable_session_timer` is true.',
      ),
      enable_to_tag_in_register: oc('bool', 'enable_to_tag_in_register', 'Add a To tag in REGISTER responses.'),
      enable_congestion_management: oc('bool', 'enable_congestion_management', 'Enable congestion management.'),
      congestion_management_metric: oc(
        'string',
        'congestion_management_metric',
        'Congestion metric: `WAIT_TIME` (recommended), `TIME_DEPTH` or `SIZE`. Case-sensitive. Only used when `enable_congestion_management` is true.',
      ),
      congestion_management_tolerance: oc(
        'number',
        'congestion_management_tolerance',
        'Congestion tolerance, 0-2147483647. Only used when `enable_congestion_management` is true.',
      ),
      enable_create_non_exist_extension: oc(
        'bool',
        'enable_create_non_exist_extension',
        'Auto-create an unknown extension when it registers (with the default password `portsip`: a security risk).',
      ),
      enable_prack: oc('bool', 'enable_prack', 'Support PRACK (RFC 3262).'),
      enable_tenant_level_trunk: oc('bool', 'enable_tenant_level_trunk', 'Allow tenant-level trunks.'),
      enable_diversion_support: oc('bool', 'enable_diversion_support', 'Support the `Diversion` header.'),
      enable_history_info_support: oc('bool', 'enable_history_info_support', 'Support the `History-Info` header.'),
      enable_outbound_support: oc('bool', 'enable_outbound_support', 'Support SIP outbound (RFC 5626).'),
      flow_timer: oc('number', 'flow_timer', seconds('RFC 5626 flow-timer interval')),
      register_expiration_time: oc('number', 'register_expiration_time', 'REGISTER expiry in seconds, 90-3600.'),
      enable_auto_answer_alert_info_header: oc(
        'bool',
        'enable_auto_answer_alert_info_header',
        'Add an auto-answer `Alert-Info` header (chosen by `auto_answer_alert_info_header`).',
      ),
      auto_answer_alert_info_header: oc(
        'string',
        'auto_answer_alert_info_header',
        'Which auto-answer `Alert-Info` header: `INTERCOM` (`info=intercom`), `ALERT_AUTO_ANSWER` (`info=alert-autoanswer;delay=0`) or `AUTO_ANSWER` (`info=Auto Answer`). Case-sensitive.',
      ),
      enable_auto_answer_call_info_header: oc(
        'bool',
        'enable_auto_answer_call_info_header',
        'Add the auto-answer `Call-Info` header (`answer-after=0`).',
      ),
      enable_require_answer_mode: oc('bool', 'enable_require_answer_mode', 'Require answer mode (RFC 5373).'),
      enable_www_auth: oc('bool', 'enable_www_auth', 'Challenge with `WWW-Authenticate` (401) instead of `Proxy-Authenticate` (407).'),
      user_equal_required_for_auth_name: oc(
        'bool',
        'user_equal_required_for_auth_name',
        'Require the SIP user name to equal the authentication name.',
      ),
      trace_server_host: oc('string', 'trace_server_host', 'Host name or IP address of a SIP trace server.'),
      trace_server_port: oc('number', 'trace_server_port', 'Port of the SIP trace server, 0-65535.'),
      web_failed_auth_amount: oc('number', 'web_failed_auth_amount', 'Failed web sign-ins before the address is blocked, 0-2147483647.'),
      web_blacklist_time_interval: oc('number', 'web_blacklist_time_interval', seconds('How long a web client stays blocked')),
      sip_failed_auth_amount: oc(
        'number',
        'sip_failed_auth_amount',
        'Failed SIP authentications before the address is blacklisted, 0-2147483647.',
      ),
      sip_failed_challenge_requests_amount: oc(
        'number',
        'sip_failed_challenge_requests_amount',
        'Unanswered SIP challenges within `sip_detection_period` before the address is blacklisted, 0-2147483647.',
      ),
      sip_blacklist_time_interval: oc('number', 'sip_blacklist_time_interval', seconds('How long a SIP address stays blacklisted')),
      sip_detection_period: oc('number', 'sip_detection_period', seconds('SIP anti-DoS detection period')),
      sip_barrier_1_packets: oc(
        'number',
        'sip_barrier_1_packets',
        'First packet-rate threshold (packets per detection period), 0-2147483647.',
      ),
      sip_barrier_1_blocking_time: oc('number', 'sip_barrier_1_blocking_time', seconds('Block time after the first threshold')),
      sip_barrier_2_packets: oc('number', 'sip_barrier_2_packets', 'Second packet-rate threshold, 0-2147483647.'),
      sip_barrier_2_blocking_time: oc('number', 'sip_barrier_2_blocking_time', seconds('Block time after the second threshold')),
      stir_shaken_cert: oc(
        'string',
        'stir_shaken_cert',
        'STIR/SHAKEN certificate, PEM (use `file(...)`). Compared ignoring line wrapping and line endings.',
      ),
      stir_shaken_key_wo: optional(
        'string',
        'STIR/SHAKEN private key, PEM, write-only (Terraform 1.11+): never stored in plan or state, so changes made on the PBX are not detected. Sent when the resource is created and whenever `stir_shaken_key_wo_version` changes.',
        { writeOnly: true },
      ),
      stir_shaken_key_wo_version: optional(
        'number',
        'Any number; changing it re-sends `stir_shaken_key_wo`. Requires `stir_shaken_key_wo`.',
      ),
      custom_options: oc(
        'string',
        'custom_options',
        'Custom options as a JSON document string (use `jsonencode(...)`). Compared as JSON: white space and key order do not matter.',
      ),
    },
  },
};
