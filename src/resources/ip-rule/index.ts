export { ipRuleResource } from './resource';
export { ipRuleSchema } from './schema';
