export { systemStatusDataSource } from './datasource';
export { systemStatusDataSourceSchema } from './schema';
