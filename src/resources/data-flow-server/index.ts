export { dataFlowServerResource } from './resource';
export { dataFlowServerSchema, DATA_FLOW_SERVER_ID } from './schema';
