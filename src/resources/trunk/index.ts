export { trunkResource } from './resource';
