export { adminUserResource } from './resource';
export { adminUserSchema } from './schema';
