export { tenantsDataSource } from './datasource';
