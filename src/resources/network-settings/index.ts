export { networkSettingsResource } from './resource';
export { networkSettingsSchema, NETWORK_SETTINGS_ID } from './schema';
