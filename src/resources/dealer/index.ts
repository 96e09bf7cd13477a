export { dealerResource } from './resource';
export { dealerSchema, dealerImportKey, dealerReplaceOnChange, DEALER_LEVELS } from './schema';
export { validate as validateDealer } from './validate';
