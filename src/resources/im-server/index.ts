export { imServerResource } from './resource';
