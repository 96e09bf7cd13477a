// portsip_trunk_assignment: API <-> state mapping (pure functions).

import type { ProviderAssign, ProviderAssignment } from '../../client/types';
import { UNKNOWN, type ObjectValue } from '../../provider/values';
import { apiToState, toApiScalar, type ApiObject, type FieldRules, type ToStateOptions } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { canonicalDidPool } from '../common/normalize';
import { trunkAssignmentSchema } from './schema';

/** GET /providers/{id}/assignees/{tenant_id} (200; 404 = not assigned). */
type TrunkAssignmentApi = ProviderAssignment;
/** POST /providers/{id}/assignees/{tenant_id} body (create and update). */
type TrunkAssignmentBody = ProviderAssign;

export const trunkAssignmentRules: FieldRules = {
  // Path parameters, not body fields.
  trunk_id: { notSent: true },
  tenant_id: { notSent: true },
  // "" and null both mean "no DIDs"; white space and entry order do not matter.
  did_numbers: { kind: 'did_pool', blankIsNull: true },
};

/**
 * API object -> state. The response carries neither id (they are the path), so `trunk_id` and
 * `tenant_id` come from `ids` (import, or the ids the caller requested), else from prior.
 */
export function toState(
  api: TrunkAssignmentApi | ApiObject,
  prior: ObjectValue | null,
  ids?: Readonly<Record<string, string>>,
  opts: ToStateOptions = {},
): ObjectValue {
  const state = apiToState(trunkAssignmentSchema.block, trunkAssignmentRules, api, prior, opts);
  const trunk = ids?.trunk_id ?? (typeof prior?.trunk_id === 'string' ? prior.trunk_id : null);
  const tenant = ids?.tenant_id ?? (typeof prior?.tenant_id === 'string' ? prior.tenant_id : null);
  state.trunk_id = trunk;
  state.tenant_id = tenant;
  state.id = trunk !== null && tenant !== null ? `${trunk}/${tenant}` : null;
  return state;
}

function body(planned: ObjectValue, prior: ObjectValue | null): TrunkAssignmentBody {
  const out: TrunkAssignmentBody = {};
  const dids = planned.did_numbers;
  // Sent without white space: the server's pool syntax has none (docs/portsip-api.md §6.6).
  if (typeof dids === 'string') out.did_numbers = canonicalDidPool(dids);
  const conc =
    planned.concurrency !== UNKNOWN && planned.concurrency !== null && planned.concurrency !== undefined
      ? planned.concurrency
      : prior?.concurrency;
  if (conc !== undefined && conc !== null && conc !== UNKNOWN) out.concurrency = toApiScalar(conc) as number;
  return out;
}

/** The assign body at create: the DID pool and concurrency when set. */
export function toCreateBody(planned: ObjectValue): TrunkAssignmentBody {
  return body(planned, null);
}

/**
 * The assign body for an update, or null when nothing changed. Whether re-assigning merges or
 * replaces is undocumented (docs/portsip-api.md Op 50 [I]), so the WHOLE assignment is sent: the DID pool as
 * planned ("" to clear it) and the concurrency (planned, else the prior value).
 */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): TrunkAssignmentBody | null {
  const changed = ['did_numbers', 'concurrency'].some(
    (k) => planned[k] !== UNKNOWN && !semanticallyEqual(k, prior[k] ?? null, planned[k] ?? null),
  );
  if (!changed) return null;
  const out = body(planned, prior);
  if (planned.did_numbers === null) out.did_numbers = '';
  return out;
}

export const { semanticallyEqual, keepPriorSpelling } = fieldModel(trunkAssignmentSchema.block, trunkAssignmentRules);
