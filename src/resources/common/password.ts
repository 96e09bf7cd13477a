// The account password of dealers and admin users (docs/design.md "Resource behaviour"): the write-only `password_wo`
// (Terraform 1.11+, never in plan or state; re-sent when `password_wo_version` changes). PortSIP never
// returns a password (Op 18/19 [C1], Op 2 [I]), so it is sent only at create or through the account's
// password endpoint (Op 21 dealers, Op 7 admin users).
import { valueEquals } from '../../provider/plan-helpers';
import { an } from '../kit/diagnostics';
import type { Diagnostic, ObjectValue, Value } from '../../provider/values';

function knownString(v: Value | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** The password for the create body: `config.password_wo` (write-only values exist only in config, docs/protocol.md "Write-only attributes"). */
export function createPassword(config?: ObjectValue | null): string | null {
  return knownString(config?.password_wo);
}

/** The password to send through the account's password endpoint during an update (when `password_wo_version` changed), or null. */
export function passwordChange(prior: ObjectValue, planned: ObjectValue, config: ObjectValue): string | null {
  const wo = knownString(config.password_wo);
  if (wo === null) return null;
  return valueEquals(prior.password_wo_version ?? null, planned.password_wo_version ?? null) ? null : wo;
}

/**
 * Plan-time check for a create: the API needs a password (Op 18 [C1], Op 3 [I]), so a new account
 * without `password_wo` is refused at plan, not half-way through an apply. An imported account
 * (prior state exists) may leave its password unmanaged.
 */
export function requirePasswordOnCreate(noun: string, config: ObjectValue): Diagnostic[] {
  if (config.password_wo !== null && config.password_wo !== undefined) return [];
  return [
    {
      severity: 'error',
      summary: 'Missing required argument',
      detail: `Attribute "password_wo" is required to create ${an(noun)} ${noun}: the PBX needs an initial password (at least 6 characters). Pass it from an ephemeral variable, e.g. password_wo = var.${noun.replace(/ /g, '_')}_password. To manage an existing ${noun} without touching its password, import it instead.`,
      path: ['password_wo'],
    },
  ];
}
