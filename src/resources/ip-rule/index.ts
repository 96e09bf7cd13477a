export { ipRuleResource } from './resource';
export { ipRuleSchema, ipRuleImportKey, IP_RULE_TARGETS } from './schema';
export { validate as validateIpRule } from './validate';
