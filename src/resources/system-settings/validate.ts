// portsip_system_settings: static validation (docs/portsip-api.md Op 13 ranges and enums [C1], §6.6 cross-field
// checks).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import {
  checkObject,
  combination,
  hostOrIp,
  INT32_MAX,
  intRange,
  isKnown,
  jsonText,
  notBlank,
  oneOf,
  pem,
  quote,
  stringLength,
  writeOnlyChecks,
  type Validator,
  inferred,
} from '../common/validators';
import { ALERT_INFO_HEADERS, CONGESTION_METRICS } from './schema';

const nonNeg = intRange(0, INT32_MAX);

const rules: Record<string, Validator | Validator[]> = {
  user_agent: [stringLength(1, 1024), inferred(notBlank())],
  statistics_log_interval: nonNeg,
  dead_session_timeout: nonNeg,
  session_timer_duration: intRange(90, 3600),
  congestion_management_metric: oneOf(CONGESTION_METRICS),
  congestion_management_tolerance: nonNeg,
  flow_timer: nonNeg,
  register_expiration_time: intRange(90, 3600),
  auto_answer_alert_info_header: oneOf(ALERT_INFO_HEADERS),
  trace_server_host: inferred(hostOrIp()),
  trace_server_port: intRange(0, 65535),
  web_failed_auth_amount: nonNeg,
  web_blacklist_time_interval: nonNeg,
  sip_failed_auth_amount: nonNeg,
  sip_failed_challenge_requests_amount: nonNeg,
  sip_blacklist_time_interval: nonNeg,
  sip_detection_period: nonNeg,
  sip_barrier_1_packets: nonNeg,
  sip_barrier_1_blocking_time: nonNeg,
  sip_barrier_2_packets: nonNeg,
  sip_barrier_2_blocking_time: nonNeg,
  // "Content of this certificate file for STIR/SHAKEN support" (seed Op 13) names no format: the PEM
  // checks are plausibility checks (inferred), warnings only.
  stir_shaken_cert: inferred(pem({ kind: 'certificate' })),
  stir_shaken_key_wo: inferred(pem({ kind: 'private_key' })),
  custom_options: jsonText(),
};

export interface ValidateOptions {
  writeOnlyAttributesAllowed?: boolean;
}

/** A setting that only takes effect when a switch is on: warn when the switch is explicitly off. */
function unusedWhenOff(config: ObjectValue, attr: string, switchAttr: string): Diagnostic[] {
  if (!isKnown(config[attr]) || config[switchAttr] !== false) return [];
  return [
    combination(
      [attr],
      `Attribute "${attr}" (${quote(config[attr])}) only takes effect when "${switchAttr}" is true, and "${switchAttr}" is false; it is sent but has no effect.`,
      'warning',
    ),
  ];
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules, ['stir_shaken_key_wo']);
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'stir_shaken_key_wo', version: 'stir_shaken_key_wo_version' }]));
  out.push(...unusedWhenOff(config, 'session_timer_duration', 'enable_session_timer'));
  out.push(...unusedWhenOff(config, 'congestion_management_metric', 'enable_congestion_management'));
  out.push(...unusedWhenOff(config, 'congestion_management_tolerance', 'enable_congestion_management'));
  out.push(...unusedWhenOff(config, 'auto_answer_alert_info_header', 'enable_auto_answer_alert_info_header'));
  // A key without its certificate (or the reverse) cannot sign anything; the server may hold the
  // other half already, so this is only a hint when exactly one half is configured.
  const keySet = isKnown(config.stir_shaken_key_wo);
  if (keySet && config.stir_shaken_cert === null) {
    out.push(
      combination(
        ['stir_shaken_cert'],
        'Attribute "stir_shaken_cert" is not set, but a STIR/SHAKEN private key is; the PBX needs both. Set "stir_shaken_cert" unless the PBX already holds the matching certificate.',
        'warning',
      ),
    );
  }
  return out;
}
