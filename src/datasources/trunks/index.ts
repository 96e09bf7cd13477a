export { trunksDataSource } from './datasource';
export { trunksDataSourceSchema } from './schema';
