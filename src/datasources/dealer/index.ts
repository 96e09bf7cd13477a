export { dealerDataSource } from './datasource';
