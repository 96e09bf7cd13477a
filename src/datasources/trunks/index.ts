export { trunksDataSource } from './datasource';
