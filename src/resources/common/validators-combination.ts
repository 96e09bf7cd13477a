// Cross-field checks: rules that involve more than one attribute (exactly one of, write-only pairs,
// the own-password change). They return diagnostics for a whole object rather than being Validators
// of one value.

import { UNKNOWN, type AttributePath, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';
import { SUMMARY_INVALID_COMBINATION, SUMMARY_MISSING_ATTRIBUTE, SUMMARY_UNSUPPORTED, check, formatPath, isKnown } from './validators-core';
import { stringLength } from './validators-basic';

/** Set in config: known non-null, or unknown (it may well be set once known). */
export function isSet(v: Value | undefined): boolean {
  return v !== undefined && v !== null;
}

/** A cross-field diagnostic at `path`. */
export function combination(path: AttributePath, detail: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
  return { severity, summary: SUMMARY_INVALID_COMBINATION, detail, path: [...path] };
}

/**
 * Exactly one of `names` must be set. Unknowns count as "maybe set": an error is raised only when two
 * are definitely set (known), or when none is set and none is unknown.
 */
export function exactlyOneOf(obj: ObjectValue, base: AttributePath, names: readonly string[]): Diagnostic[] {
  const known = names.filter((n) => isKnown(obj[n]));
  const unknown = names.filter((n) => obj[n] === UNKNOWN);
  const list = names.map((n) => `"${formatPath([...base, n])}"`).join(' or ');
  if (known.length > 1) {
    return known
      .slice(1)
      .map((n) =>
        combination(
          [...base, n],
          `Exactly one of ${list} must be set, but ${known.map((k) => `"${formatPath([...base, k])}"`).join(' and ')} are both set; remove one.`,
        ),
      );
  }
  if (known.length === 0 && unknown.length === 0) {
    return [
      {
        severity: 'error',
        summary: SUMMARY_MISSING_ATTRIBUTE,
        detail: `Exactly one of ${list} must be set; got neither.`,
        path: [...base, names[0]!],
      },
    ];
  }
  return [];
}

/**
 * The usual write-only pair checks (docs/design.md "Resource behaviour", docs/protocol.md "Write-only attributes"):
 * - `<x>_version` without `<x>` is an error (it only triggers re-sending the write-only value);
 * - with Terraform before 1.11 (`writeOnlyAttributesAllowed === false`) a known write-only value is
 *   refused, naming the sensitive fallback when there is one.
 */
export function writeOnlyChecks(
  config: ObjectValue,
  opts: { writeOnlyAttributesAllowed?: boolean },
  pairs: readonly { writeOnly: string; version?: string; fallback?: string; versionNeeds?: readonly string[] }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of pairs) {
    const needs = p.versionNeeds ?? [p.writeOnly];
    if (p.version && isSet(config[p.version])) {
      for (const n of needs) {
        if (config[n] === null || config[n] === undefined) {
          out.push(
            combination(
              [p.version],
              `Attribute "${p.version}" requires "${n}": it only triggers sending the write-only value again. Set "${n}", or remove "${p.version}"${p.fallback ? ` when using "${p.fallback}"` : ''}.`,
            ),
          );
        }
      }
    }
    if (opts.writeOnlyAttributesAllowed === false && isKnown(config[p.writeOnly])) {
      out.push({
        severity: 'error',
        summary: SUMMARY_UNSUPPORTED,
        detail: `Attribute "${p.writeOnly}" is write-only, which needs Terraform 1.11 or later; this Terraform would store it in state. ${p.fallback ? `Use "${p.fallback}" instead, or upgrade Terraform.` : 'Upgrade Terraform to use it.'}`,
        path: [p.writeOnly],
      });
    }
  }
  return out;
}

/**
 * The signed-in account's password change (`portsip_admin_profile`, `portsip_dealer_profile`): the new
 * password has at least 6 characters (§2.9); `password_wo_version` needs it. The current password is
 * the provider's own `password`. Write-only only: Terraform before 1.11 cannot change it here.
 */
export function ownPasswordChecks(config: ObjectValue, opts: { writeOnlyAttributesAllowed?: boolean }): Diagnostic[] {
  const out = check(config.new_password_wo, ['new_password_wo'], stringLength(6), { sensitive: true });
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'new_password_wo', version: 'password_wo_version' }]));
  return out;
}
