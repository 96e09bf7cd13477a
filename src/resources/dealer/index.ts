export { dealerResource } from './resource';
export { dealerSchema } from './schema';
