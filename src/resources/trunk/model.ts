// portsip_trunk: API <-> state mapping (pure functions). See schema.ts for the password design.

import type { Trunk, TrunkCreate, TrunkUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { stateToBody, statePatch, type FieldRules } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { createPassword, passwordChange } from '../common/password';
import { trunkSchema } from './schema';

export const trunkRules: FieldRules = {
  // Absent from updateProvider [C1]; the schema forces replacement instead.
  brand: { createOnly: true },
  auth_mode: { createOnly: true, kind: 'enum' },
  transport: { kind: 'enum' },
  // Host names: letter case and a trailing dot do not matter.
  hostname: { kind: 'domain' },
  outbound_server: { kind: 'domain' },
  // Never returned by the API: the version is ours, the password goes in create/update bodies by hand.
  password_wo_version: { fromPrior: true, notSent: true },
  auth_id: { blankIsNull: true },
  username: { blankIsNull: true },
  additional_ips: { blankIsNull: true },
  // `00123` and `123` are one DID (docs/portsip-api.md Op 50 [I]).
  did_numbers: { kind: 'did_pool', blankIsNull: true },
};

/** POST /providers body; the password from the apply-time config (write-only values are only there). */
export function toCreateBody(planned: ObjectValue, config?: ObjectValue | null): TrunkCreate {
  const body = stateToBody<TrunkCreate>(trunkSchema.block, trunkRules, planned);
  const pw = createPassword(config);
  if (pw !== null) body.password = pw;
  return body;
}

/**
 * POST /providers/{id} body with only what changed (never brand or auth_mode), or null. The password
 * rides along when `password_wo_version` changed: updateProvider takes it [C1], there is no separate
 * password endpoint for trunks.
 */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue, config: ObjectValue): TrunkUpdate | null {
  const patch = statePatch(trunkSchema.block, trunkRules, prior, planned);
  const pw = passwordChange(prior, planned, config);
  return pw === null ? patch : { ...patch, password: pw };
}

/** API object -> state (`password_wo_version` from prior, `password_wo` always null), and the prior spellings kept. */
export const { toState, keepPriorSpelling } = fieldModel<Trunk>(trunkSchema.block, trunkRules);
