export { trunkAssignmentResource } from './resource';
export { trunkAssignmentSchema, trunkAssignmentImportKey, trunkAssignmentId } from './schema';
