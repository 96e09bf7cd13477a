export { dealerProfileResource } from './resource';
export { dealerProfileSchema, DEALER_PROFILE_ID } from './schema';
