export { dealerProfileResource } from './resource';
export { dealerProfileSchema } from './schema';
