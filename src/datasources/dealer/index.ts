export { dealerDataSource } from './datasource';
export { dealerDataSourceSchema } from './schema';
