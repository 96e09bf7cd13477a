export { transportResource } from './resource';
