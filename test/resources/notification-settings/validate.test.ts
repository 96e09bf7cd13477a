// Validation of the notification settings: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), several problems at once, valid configurations and unknown values.

import { notificationSettingsSchema } from '../../../src/resources/notification-settings/schema';
import { validate as vNotification } from '../../../src/resources/notification-settings/validate';
import { configOf, errors, warnings } from '../helpers';
import { configBuilder, emails, everyUnknown, type InvalidCase, long, NO_WO, testInvalidCases } from '../invalid-cases';

const notification = configBuilder(notificationSettingsSchema, { type: 'SMTP', username: 'alerts@example.com' });

const cases: InvalidCase[] = [
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
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
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
});

describe('valid configurations produce no errors', () => {
  test('an empty config is valid, and so is a typical one', () => {
    expect(vNotification(configOf(notificationSettingsSchema, {}))).toEqual([]);
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
  });
});

describe('unknown values are skipped', () => {
  test('notification with every argument unknown', () => {
    expect(vNotification(everyUnknown(notificationSettingsSchema))).toEqual([]);
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
