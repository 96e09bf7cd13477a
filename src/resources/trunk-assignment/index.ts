export { trunkAssignmentResource } from './resource';
export { trunkAssignmentSchema } from './schema';
