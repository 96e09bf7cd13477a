export { certificateResource } from './resource';
