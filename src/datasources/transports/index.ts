export { transportsDataSource } from './datasource';
export { transportsDataSourceSchema } from './schema';
