export { transportsDataSource } from './datasource';
