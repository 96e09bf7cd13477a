// portsip_admin_user: static validation (docs/portsip-api.md Ops 3/5-8, §2.9 username, role and password rules).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import {
  checkObject,
  email,
  inferred,
  notBlank,
  problem,
  stringLength,
  username,
  writeOnlyChecks,
  type Validator,
} from '../common/validators';
import { BUILTIN_SYSTEM_ROLES, NON_SYSTEM_BUILTIN_ROLES } from './schema';

// Minimum length 6 since 22.0 [C7]; no stricter system-user policy before 22.6 [C2].
const PASSWORD = stringLength(6);

/**
 * A role name, 1-64 characters [C3]. Custom roles are legitimate, so an unknown name is accepted; two
 * likely mistakes are flagged: a built-in name in the wrong letter case (error: roles are
 * case-sensitive) and a dealer/tenant role that cannot be a system user's role (warning: the API
 * decides, and a custom system role could share the name in theory).
 */
export function systemRole(): Validator {
  const length = stringLength(1, 64);
  return (v, p, c) => {
    const out = length(v, p, c);
    if (typeof v !== 'string' || out.length) return out;
    const ci = BUILTIN_SYSTEM_ROLES.find((r) => r.toLowerCase() === v.toLowerCase());
    if (ci && ci !== v) {
      out.push(
        problem(
          p,
          v,
          c,
          `must be a built-in system role (${BUILTIN_SYSTEM_ROLES.map((r) => `"${r}"`).join(', ')}) or a custom role name, case-sensitive`,
          `Did you mean "${ci}"?`,
        ),
      );
    } else if ((NON_SYSTEM_BUILTIN_ROLES as readonly string[]).includes(v)) {
      out.push(
        problem(
          p,
          v,
          c,
          `is a dealer or tenant role; a system user needs a system role such as ${BUILTIN_SYSTEM_ROLES.map((r) => `"${r}"`).join(', ')} or a custom system role`,
          undefined,
          'warning',
        ),
      );
    }
    return out;
  };
}

const rules: Record<string, Validator | Validator[]> = {
  // "admin, system, administrator, and root are reserved names for system admin only with case ignored"
  // (22.3 reference, Create a user / Change admin user username): only the built-in system admin account
  // carries them, so a new system user may not.
  name: username(),
  password_wo: PASSWORD,
  role: [systemRole(), inferred(notBlank())],
  email: [stringLength(0, 128), email()],
  display_name: stringLength(0, 1024),
  mobile_phone: stringLength(0, 32),
  work_phone: stringLength(0, 32),
  home_phone: stringLength(0, 32),
  address: stringLength(0, 128),
  department: stringLength(0, 128),
};

export interface ValidateOptions {
  /** ClientCapabilities.write_only_attributes_allowed (false before Terraform 1.11). */
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules, ['password_wo']);
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'password_wo', version: 'password_wo_version' }]));
  return out;
}
