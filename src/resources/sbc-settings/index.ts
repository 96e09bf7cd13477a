export { sbcSettingsResource } from './resource';
export { sbcSettingsSchema, SBC_SETTINGS_ID } from './schema';
