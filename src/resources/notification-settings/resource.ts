// portsip_notification_settings: the kit's singleton mode (kit/singleton.ts) with
// Op 14: GET/POST /admin/notification. The API requires `type` and `username` in EVERY body, even a
// partial update [C1]: the model adds them from planned/prior/live, and a body that still lacks them
// (a fresh PBX and a config that sets neither) fails here with the attribute to set, not with a 400.
// The password is write-only on the API side (GET never returns it): `password_wo` is sent on create
// and when `password_wo_version` changes (model.passwordChange).

import type { NotificationSettingsUpdate } from '../../client/types';
import type { Diagnostic } from '../../provider/values';
import { defineSingleton } from '../kit/singleton';
import { keepPriorSpelling, missingRequired, toCreatePatch, toResetPatch, toState, toUpdatePatch } from './model';
import { NOTIFICATION_SETTINGS_ID, notificationSettingsDefaults, notificationSettingsSchema } from './schema';
import { validate } from './validate';

function checkBody(body: NotificationSettingsUpdate): Diagnostic[] {
  return missingRequired(body).map((k) => ({
    severity: 'error' as const,
    summary: `Missing required attribute "${k}"`,
    detail: `The PBX has no mail server "${k}" yet and the PortSIP API requires one in every notification settings update: set "${k}" in portsip_notification_settings.`,
    path: [k],
  }));
}

export const notificationSettingsResource = defineSingleton({
  typeName: 'portsip_notification_settings',
  label: 'notification settings',
  fixedId: NOTIFICATION_SETTINGS_ID,
  defaults: notificationSettingsDefaults,
  schema: notificationSettingsSchema,
  validate,
  keepPriorSpelling,
  get: (client) => client.notification.get(),
  toState: (live, prior, opts) => toState(live ?? {}, prior, opts),
  createBody: (live, planned, config) => toCreatePatch(live ?? {}, planned, config),
  updateBody: (prior, planned, config) => toUpdatePatch(prior, planned, config),
  resetBody: (live, state) => toResetPatch(live, state),
  checkBody,
  post: (client, body) => client.notification.update(body),
});
