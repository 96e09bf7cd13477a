export { brandResource } from './resource';
