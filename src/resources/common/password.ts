// The account password of dealers and admin users, set two ways (DESIGN §4): the write-only
// `password_wo` (Terraform 1.11+, never in plan or state; re-sent when `password_wo_version`
// changes) or the sensitive `password` (older Terraform; kept in state). PortSIP never returns a
// password (Op 18/19 [C1], Op 2 [I]), so both are sent only at create or through the account's
// password endpoint (Op 21 dealers, Op 7 admin users).
import { valueEquals } from '../../provider/plan-helpers';
import type { ObjectValue, Value } from '../../provider/values';

function knownString(v: Value | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** The password for the create body: `config.password_wo` (write-only values exist only in config, PROTOCOL-NOTES §6) or `planned.password`. */
export function createPassword(planned: ObjectValue, config?: ObjectValue | null): string | null {
  return knownString(config?.password_wo) ?? knownString(planned.password);
}

/**
 * The password to send through the account's password endpoint during an update, or null:
 * - write-only mode: when `password_wo_version` changed, or when switching from `password`;
 * - sensitive mode: when `password` changed.
 */
export function passwordChange(prior: ObjectValue, planned: ObjectValue, config: ObjectValue): string | null {
  const wo = knownString(config.password_wo);
  if (wo !== null) {
    const versionChanged = !valueEquals(prior.password_wo_version ?? null, planned.password_wo_version ?? null);
    const switched = knownString(prior.password) !== null;
    return versionChanged || switched ? wo : null;
  }
  const pw = planned.password;
  if (typeof pw === 'string' && pw !== prior.password) return pw;
  return null;
}
