export { transportDataSource } from './datasource';
