export { adminProfileResource } from './resource';
export { adminProfileSchema, ADMIN_PROFILE_ID } from './schema';
