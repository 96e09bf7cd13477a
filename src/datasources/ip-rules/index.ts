export { ipRulesDataSource } from './datasource';
