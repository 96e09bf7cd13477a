export { dataFlowServerResource } from './resource';
