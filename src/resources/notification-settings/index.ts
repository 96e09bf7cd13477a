export { notificationSettingsResource } from './resource';
export { notificationSettingsSchema, NOTIFICATION_SETTINGS_ID } from './schema';
