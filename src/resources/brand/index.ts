export { brandResource } from './resource';
export { brandSchema, BRAND_ID } from './schema';
