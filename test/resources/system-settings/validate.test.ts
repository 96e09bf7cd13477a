// Validation of the system settings: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), several problems at once, valid configurations and unknown values.

import { BigNum } from '../../../src/provider/values';
import { systemSettingsSchema } from '../../../src/resources/system-settings/schema';
import { validate as vSettings } from '../../../src/resources/system-settings/validate';
import { configOf, errors } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, long, NO_WO, testInvalidCases } from '../invalid-cases';
import { CERT_PEM, CHAIN_PEM, KEY_PEM, RSA_KEY_PEM } from '../fixtures';

const settings = configBuilder(systemSettingsSchema, {});

const cases: InvalidCase[] = [
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
];

testInvalidCases(cases);

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
});

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vSettings(configOf(systemSettingsSchema, {}))).toEqual([]);
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
  });
});

describe('unknown values are skipped', () => {
  test('system settings with every argument unknown', () => {
    expect(vSettings(everyUnknown(systemSettingsSchema))).toEqual([]);
  });
});
