export { adminUserResource } from './resource';
export { adminUserSchema, adminUserImportKey } from './schema';
export { validate as validateAdminUser } from './validate';
