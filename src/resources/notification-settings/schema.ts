// portsip_notification_settings: schema (docs/portsip-api.md Op 14 [C1]): the system mail server and the
// alerts it sends. A singleton (src/resources/common/singleton.ts).
//
// - `type` and `username` are required by the API on EVERY POST, updates included [C1]: the model
//   always sends both (from config, else the value in state). They are Optional+Computed here so an
//   adopted server needs no config for them.
// - `password` is never returned by GET [C1]: write-only `password_wo` + `password_wo_version`
//   (Terraform 1.11+; the dealer's design). Leave it unset to keep the password the PBX has.
// - 22.6 renames `notify_service_disconnected` to `notify_service_status_changed` [C2]; the 22.3 name
//   is used.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optional, optionalComputed, resetOnDestroy, singletonId, UNMANAGED_WHEN_UNSET } from '../common/schema-helpers';

export const NOTIFICATION_SETTINGS_ID = 'notification_settings';

export const MAIL_TYPES = ['SMTP', 'MS365', 'GMAIL'] as const;
export const SMTP_AUTH_TYPES = ['DISABLE', 'AUTO', 'LOGIN', 'PLAIN'] as const;

/** Documented server defaults (C1 Op 14), restored by `reset_on_destroy`. */
export const notificationSettingsDefaults: Readonly<Record<string, Value>> = Object.freeze({
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

const U = UNMANAGED_WHEN_UNSET;
const ND = 'No documented server default.';
const def = (name: string) => `Server default \`${String(notificationSettingsDefaults[name])}\`.`;
const threshold = (what: string, flag: string) =>
  `${what} usage that triggers an alert email, as a fraction from 0 to 1 (\`0.9\` = 90 %; the API documents only the example 0.9). The email is sent only when \`${flag}\` is true. ${ND} ${U}`;
const flag = (name: string, what: string) => optionalComputed('bool', `Email the recipients ${what}. ${def(name)} ${U}`);

export const notificationSettingsSchema: Schema = {
  version: 0,
  block: {
    description:
      'The system mail server and alert emails (`/api/admin/notification`), a singleton. Creating it adopts the live settings and changes only the attributes you set. Destroying it only forgets them, unless `reset_on_destroy = true`. Import id: `notification_settings`. Send a test email with the `portsip` CLI.',
    attributes: {
      id: singletonId(NOTIFICATION_SETTINGS_ID),
      reset_on_destroy: resetOnDestroy(
        '`auth = "AUTO"`, TLS on, STARTTLS off, tenant access on, every `notify_*` flag off; the server, account and thresholds are left as they are',
      ),
      type: optionalComputed(
        'string',
        `The sender: \`SMTP\` (any SMTP server), \`MS365\` or \`GMAIL\` (OAuth, set up through the Microsoft/Google admin integrations). Case-sensitive. The API needs it on every change, so the value in state is sent when it is not configured. ${ND} ${U}`,
      ),
      server: optionalComputed('string', `The SMTP server host name or IP address. ${ND} ${U}`),
      port: optionalComputed('number', `The SMTP server port, 0-65535 (usually 465 with TLS, 587 with STARTTLS, 25). ${ND} ${U}`),
      reply_to: optionalComputed('string', `The Reply-To address of the emails. ${ND} ${U}`),
      username: optionalComputed(
        'string',
        `The mail account user name, at most 128 characters. The API needs it on every change, so the value in state is sent when it is not configured. ${ND} ${U}`,
      ),
      password_wo: optional(
        'string',
        'The mail account password, write-only (Terraform 1.11+): never stored in plan or state. Sent when the resource is created and whenever `password_wo_version` changes; leave it unset to keep the password the PBX has.',
        { writeOnly: true },
      ),
      password_wo_version: optional('number', 'Any number; changing it re-sends `password_wo`. Requires `password_wo`.'),
      auth: optionalComputed(
        'string',
        `SMTP authentication: \`DISABLE\` (none, e.g. an IP-authenticated relay), \`AUTO\` (the server picks), \`LOGIN\` or \`PLAIN\`. Case-sensitive. ${def('auth')} ${U}`,
      ),
      enable_tls_ssl: optionalComputed('bool', `Connect with TLS/SSL. ${def('enable_tls_ssl')} ${U}`),
      enable_starttls_auto: optionalComputed(
        'bool',
        `Upgrade the connection with STARTTLS when the server offers it. ${def('enable_starttls_auto')} ${U}`,
      ),
      recipients: optionalComputed(
        'string',
        `Who receives the alert emails: comma-separated addresses, at most 15, e.g. \`ops@example.com,noc@example.com\`. Order, spacing and the letter case of domains do not matter. ${ND} ${U}`,
      ),
      enable_tenant_access: optionalComputed(
        'bool',
        `Let tenants send their emails through this mail server. ${def('enable_tenant_access')} ${U}`,
      ),
      hard_disk_threshold: optionalComputed('number', threshold('Disk', 'notify_hard_disk_exceeded_threshold')),
      notify_hard_disk_exceeded_threshold: flag('notify_hard_disk_exceeded_threshold', 'when disk usage exceeds `hard_disk_threshold`'),
      cpu_threshold: optionalComputed('number', threshold('CPU', 'notify_cpu_exceeded_threshold')),
      notify_cpu_exceeded_threshold: flag('notify_cpu_exceeded_threshold', 'when CPU usage exceeds `cpu_threshold`'),
      memory_threshold: optionalComputed('number', threshold('Memory', 'notify_memory_exceeded_threshold')),
      notify_memory_exceeded_threshold: flag('notify_memory_exceeded_threshold', 'when memory usage exceeds `memory_threshold`'),
      notify_ip_blocked: flag('notify_ip_blocked', 'when an IP address is blocked'),
      notify_license_limited: flag('notify_license_limited', 'when a license limit is reached'),
      notify_service_disconnected: flag(
        'notify_service_disconnected',
        'when a service disconnects (renamed `notify_service_status_changed` in PortSIP 22.6)',
      ),
      notify_push_certs_update_failed: flag('notify_push_certs_update_failed', 'when updating the push-notification certificates fails'),
    },
  },
};
