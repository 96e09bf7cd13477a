export { dealersDataSource } from './datasource';
