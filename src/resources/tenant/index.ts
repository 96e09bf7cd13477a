export { tenantResource } from './resource';
