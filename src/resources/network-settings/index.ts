export { networkSettingsResource } from './resource';
export { networkSettingsSchema } from './schema';
