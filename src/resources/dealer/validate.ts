// portsip_dealer: static validation (docs/portsip-api.md Op 18/20 field tables, §2.9 username and password rules).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import {
  checkObject,
  combination,
  email,
  INT32_MAX,
  intRange,
  isKnown,
  isSet,
  oneOf,
  stringLength,
  username,
  SUMMARY_UNSUPPORTED,
  type Validator,
} from '../common/validators';
import { DEALER_LEVELS } from './schema';

// Passwords: no schema constraint in C1, but the minimum length is 6 since 22.0 [C7] (docs/portsip-api.md §2.9).
const PASSWORD = stringLength(6);

const rules: Record<string, Validator | Validator[]> = {
  name: username(),
  level: oneOf(DEALER_LEVELS),
  password_wo: PASSWORD,
  email: [stringLength(0, 128), email()],
  display_name: stringLength(0, 1024),
  phone: stringLength(0, 32),
  address: stringLength(0, 128),
  max_tenants: intRange(0, INT32_MAX),
  max_extensions: intRange(0, INT32_MAX),
};

export interface ValidateOptions {
  /**
   * ClientCapabilities.write_only_attributes_allowed. Terraform before 1.11 sends false and would
   * store a write-only value like any other, so `password_wo` is refused then (docs/protocol.md "Write-only attributes").
   * Undefined = assume allowed (the `terraform validate` walk of 1.11 sends true).
   */
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules, ['password_wo']);
  if (isSet(config.password_wo_version) && config.password_wo === null) {
    out.push(
      combination(
        ['password_wo_version'],
        'Attribute "password_wo_version" requires "password_wo": it only triggers re-sending the write-only password. Set "password_wo", or remove "password_wo_version".',
      ),
    );
  }
  if (opts.writeOnlyAttributesAllowed === false && isKnown(config.password_wo)) {
    out.push({
      severity: 'error',
      summary: SUMMARY_UNSUPPORTED,
      detail:
        'Attribute "password_wo" is write-only, which needs Terraform 1.11 or later; this Terraform would store it in state. Upgrade Terraform.',
      path: ['password_wo'],
    });
  }
  return out;
}
