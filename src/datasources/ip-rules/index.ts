export { ipRulesDataSource } from './datasource';
export { ipRulesDataSourceSchema } from './schema';
