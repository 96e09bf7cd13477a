export { systemSettingsResource } from './resource';
export { systemSettingsSchema, SYSTEM_SETTINGS_ID } from './schema';
