export { sbcSettingsResource } from './resource';
