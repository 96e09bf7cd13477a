export { tenantResource } from './resource';
export { tenantSchema, tenantImportKey, WEEKDAYS } from './schema';
export { validate as validateTenant } from './validate';
