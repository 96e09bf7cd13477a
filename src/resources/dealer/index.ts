export { dealerResource } from './resource';
export { dealerSchema, dealerImportKey, DEALER_LEVELS } from './schema';
export { validate as validateDealer } from './validate';
