export { dealersDataSource } from './datasource';
export { dealersDataSourceSchema } from './schema';
