// portsip_ip_rule: static validation (docs/portsip-api.md Op 24/26 [C1], §2.4, §2.9).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, cidr, oneOf, rfc3339, stringLength, type Validator } from '../common/validators';
import { IP_RULE_TARGETS } from './schema';

const rules: Record<string, Validator | Validator[]> = {
  cidr: cidr(),
  target: oneOf(IP_RULE_TARGETS),
  expire_at: rfc3339(),
  description: stringLength(0, 255),
};

export function validate(config: ObjectValue): Diagnostic[] {
  return checkObject(config, [], rules);
}
