// portsip_notification_settings: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts. Every POST body carries `type` and `username` (required by the
// API even on update [C1]).

import type { NotificationSettings, NotificationSettingsUpdate } from '../../client/types';
import { UNKNOWN, type ObjectValue, type Value } from '../../provider/values';
import { statePatch, type ApiObject, type FieldRules } from '../common/mapping';
import { settingsModel } from '../kit/model';
import { adoptPatch, resetPatch, SINGLETON_RULES } from '../common/singleton';
import { NOTIFICATION_SETTINGS_ID, notificationSettingsDefaults, notificationSettingsSchema } from './schema';

export { notificationSettingsDefaults };

export const notificationSettingsRules: FieldRules = {
  ...SINGLETON_RULES,
  type: { kind: 'enum' },
  auth: { kind: 'enum' },
  server: { kind: 'domain', blankIsNull: true },
  reply_to: { blankIsNull: true },
  recipients: { kind: 'email_list', blankIsNull: true },
  // The password is never returned [C1]; sent by passwordChange().
  password_wo_version: { fromPrior: true, notSent: true },
};

function knownString(v: Value | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** The write-only password to send, or null: on create (`prior` null) and when `password_wo_version` changed. */
export function passwordChange(prior: ObjectValue | null, planned: ObjectValue, config: ObjectValue | null): string | null {
  const wo = knownString(config?.password_wo);
  if (wo === null) return null;
  if (prior === null) return wo;
  return semanticallyEqual('password_wo_version', prior.password_wo_version ?? null, planned.password_wo_version ?? null) ? null : wo;
}

/** `type` and `username` for the body: planned when known, else prior/live (never unknown, never null-sent). */
function required(body: ApiObject, planned: ObjectValue, fallback: ObjectValue | ApiObject | null): void {
  for (const k of ['type', 'username'] as const) {
    const p = planned[k];
    const v = p !== UNKNOWN && p !== null && p !== undefined ? p : (fallback?.[k] as Value | undefined);
    if (typeof v === 'string' && v !== '') body[k] = v;
  }
}

function finish(
  body: ApiObject | null,
  planned: ObjectValue,
  fallback: ObjectValue | ApiObject | null,
  password: string | null,
): NotificationSettingsUpdate | null {
  if (body === null && password === null) return null;
  const out: ApiObject = { ...(body ?? {}) };
  if (password !== null) out.password = password;
  required(out, planned, fallback);
  return out as NotificationSettingsUpdate;
}

/**
 * The adopting create: the configured settings that differ from `live` (plus the password when
 * configured), always with `type` and `username`; null when the PBX already matches. When neither
 * config nor the PBX has a `type`/`username`, the body lacks them and the API will refuse it: the
 * resource reports that the attribute must be configured.
 */
export function toCreatePatch(
  live: NotificationSettings | ApiObject,
  planned: ObjectValue,
  config?: ObjectValue | null,
): NotificationSettingsUpdate | null {
  const body = adoptPatch(notificationSettingsSchema.block, notificationSettingsRules, NOTIFICATION_SETTINGS_ID, live, planned);
  return finish(body, planned, live, passwordChange(null, planned, config ?? null));
}

/** POST /admin/notification body with what changed, always with `type` and `username`; null when nothing changed. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue, config?: ObjectValue | null): NotificationSettingsUpdate | null {
  const body = statePatch(notificationSettingsSchema.block, notificationSettingsRules, prior, planned);
  return finish(body, planned, prior, passwordChange(prior, planned, config ?? null));
}

/** `reset_on_destroy`: the documented defaults not already in place, with `type` and `username` from `live`/`state`; null when nothing to do. */
export function toResetPatch(
  live?: NotificationSettings | ApiObject | null,
  state?: ObjectValue | null,
): NotificationSettingsUpdate | null {
  const body = resetPatch(notificationSettingsSchema.block, notificationSettingsRules, notificationSettingsDefaults, live ?? null);
  if (body === null) return null;
  required(body, state ?? {}, live ?? null);
  return body as NotificationSettingsUpdate;
}

/** Names of the always-required body fields that are missing (for a clear error before calling the API). */
export function missingRequired(body: NotificationSettingsUpdate | ApiObject | null): string[] {
  if (body === null) return [];
  const b = body as ApiObject;
  return ['type', 'username'].filter((k) => typeof b[k] !== 'string' || b[k] === '');
}

export const { toState, semanticallyEqual, keepPriorSpelling } = settingsModel<NotificationSettings, NotificationSettingsUpdate>(
  notificationSettingsSchema.block,
  notificationSettingsRules,
  NOTIFICATION_SETTINGS_ID,
  notificationSettingsDefaults,
);
