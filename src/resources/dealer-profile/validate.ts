// portsip_dealer_profile: static validation (docs/portsip-api.md Ops 45-47 [C1], §2.9).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, email, ownPasswordChecks, stringLength, username, type Validator } from '../common/validators';

const rules: Record<string, Validator | Validator[]> = {
  name: username(),
  email: [stringLength(0, 128), email()],
  display_name: stringLength(0, 1024),
  phone: stringLength(0, 32),
  address: stringLength(0, 128),
};

export interface ValidateOptions {
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules);
  out.push(...ownPasswordChecks(config, opts));
  return out;
}
