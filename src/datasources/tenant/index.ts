export { tenantDataSource } from './datasource';
