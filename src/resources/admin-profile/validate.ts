// portsip_admin_profile: static validation (docs/portsip-api.md Ops 10-12, §2.9).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, email, ownPasswordChecks, stringLength, username, type Validator } from '../common/validators';

const rules: Record<string, Validator | Validator[]> = {
  // The signed-in system user may well be the built-in `admin`: reserved names are allowed here.
  name: username({ reserved: [] }),
  email: [stringLength(0, 128), email()],
  display_name: stringLength(0, 1024),
  mobile_phone: stringLength(0, 32),
  work_phone: stringLength(0, 32),
  home_phone: stringLength(0, 32),
  address: stringLength(0, 128),
  department: stringLength(0, 128),
};

export interface ValidateOptions {
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules);
  out.push(...ownPasswordChecks(config, opts));
  return out;
}
