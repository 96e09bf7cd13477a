export { transportDataSource } from './datasource';
export { transportDataSourceSchema } from './schema';
