export { tenantDataSource } from './datasource';
export { tenantDataSourceSchema } from './schema';
