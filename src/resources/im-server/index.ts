export { imServerResource } from './resource';
export { imServerSchema, IM_SERVER_ID } from './schema';
