export { tenantResource } from './resource';
export { tenantSchema, tenantImportKey, tenantReplaceOnChange, WEEKDAYS } from './schema';
export { validate as validateTenant } from './validate';
