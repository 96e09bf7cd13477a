export { notificationSettingsResource } from './resource';
export { notificationSettingsSchema } from './schema';
