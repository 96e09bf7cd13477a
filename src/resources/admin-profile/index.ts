export { adminProfileResource } from './resource';
export { adminProfileSchema } from './schema';
