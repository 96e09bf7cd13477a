export { systemSettingsResource } from './resource';
