export { systemStatusDataSource } from './datasource';
