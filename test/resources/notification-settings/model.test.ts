// API <-> state mapping of the notification settings: exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import { UNKNOWN } from '../../../src/provider/values';
import * as notification from '../../../src/resources/notification-settings/model';
import { notificationSettingsSchema } from '../../../src/resources/notification-settings/schema';
import { configOf } from '../helpers';
import { expectExactKeys, writeOnlyNull } from '../model-checks';

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
