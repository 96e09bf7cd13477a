export { certificateResource } from './resource';
export { certificateSchema, CERTIFICATE_ID } from './schema';
