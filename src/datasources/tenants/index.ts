export { tenantsDataSource } from './datasource';
export { tenantsDataSourceSchema } from './schema';
