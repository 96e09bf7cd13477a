// portsip_trunk_assignment: a trunk ("provider") assigned to a tenant (Ops 48-51). Not the CRUD kit:
// the object has no id of its own (the pair of path ids is the key) and one POST both creates and
// updates it.
//
// create -> GET the pair first: the POST would silently overwrite an assignment someone else made,
//           so an existing one is a conflict naming the import block (docs/design.md "Resource behaviour"), then POST + read.
// update -> POST the whole assignment (merge vs replace is undocumented, model.toUpdatePatch).
// read   -> GET the pair; 404 means gone (null). Unknown trunk or tenant (also 404) means gone too.
// delete -> POST .../destroy; "not assigned" is success.
// plan   -> both ids force replacement.
// A DID pool that overlaps another tenant's is refused by the PBX (400 on did_numbers): the
// diagnostic points at `did_numbers` and says which pool it collides with (the API's message).

import { NotFoundError, ValidationError } from '../../client';
import type {
  ApplyRequest,
  ApplyResponse,
  ImportResponse,
  PlanRequest,
  PlanResponse,
  ReadRequest,
  ReadResponse,
  ResourceDefinition,
  ValidateContext,
} from '../../provider/definition';
import { DiagnosticsError } from '../../provider/diagnostics';
import { planDefault } from '../../provider/plan-helpers';
import { UNKNOWN, type Diagnostic, type ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../common/context';
import { apiErrorDiagnostic, checkStop, conflictDiagnostic, nullUnknowns, type Ctx } from '../common/crud';
import { emptyState } from '../common/mapping';
import { keepPriorSpelling, requiresReplace, toCreateBody, toState, toUpdatePatch } from './model';
import { trunkAssignmentId, trunkAssignmentImportKey, trunkAssignmentSchema } from './schema';
import { validate } from './validate';

const TYPE = 'portsip_trunk_assignment';

interface Pair {
  trunk_id: string;
  tenant_id: string;
}

function pairOf(v: ObjectValue): Pair {
  return { trunk_id: String(v.trunk_id), tenant_id: String(v.tenant_id) };
}

function assignError(e: unknown, what: string, pair: Pair): Diagnostic {
  const d = apiErrorDiagnostic(e, what, trunkAssignmentSchema);
  if (e instanceof ValidationError && (e.field === 'did_numbers' || /overlap/i.test(e.message))) {
    // The pool's syntax (ranges, entries overlapping each other) is checked in validate, so a refusal
    // of did_numbers by the PBX almost always means the pool collides with another tenant's.
    const reason = (e.detail as { reason?: unknown } | null)?.reason;
    d.summary = `DID pool refused: it overlaps another tenant's pool (trunk "${pair.trunk_id}", tenant "${pair.tenant_id}")`;
    d.detail =
      `The PBX refused "did_numbers"${typeof reason === 'string' ? `: ${reason}` : ` (${e.message})`}. ` +
      "A DID may belong to one tenant only, on any trunk: remove the overlapping numbers here or from the other tenant's assignment (the PortSIP portal lists the pools of every tenant per trunk).";
    d.path = ['did_numbers'];
  }
  return d;
}

/** The live assignment, or null when the pair (or the trunk, or the tenant) does not exist. */
async function liveState(pair: Pair, prior: ObjectValue | null, ctx: Ctx): Promise<ObjectValue | null> {
  let live;
  try {
    live = await ctx.provider.client.providers.getAssignment(pair.trunk_id, pair.tenant_id);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
  return live === null ? null : toState(live, prior, pair);
}

async function create(planned: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
  const pair = pairOf(planned);
  const what = `Cannot assign trunk "${pair.trunk_id}" to tenant "${pair.tenant_id}"`;
  const providers = ctx.provider.client.providers;
  try {
    checkStop(ctx);
    if ((await liveState(pair, null, ctx)) !== null) {
      return {
        newState: null,
        diagnostics: [
          conflictDiagnostic(TYPE, 'trunk assignment', {
            ids: [trunkAssignmentId(pair.trunk_id, pair.tenant_id)],
            key: `trunk "${pair.trunk_id}" and tenant "${pair.tenant_id}"`,
          }),
        ],
      };
    }
    await providers.assign(pair.trunk_id, pair.tenant_id, toCreateBody(planned));
  } catch (e) {
    return { newState: null, diagnostics: [assignError(e, what, pair)] };
  }
  const partial = nullUnknowns({ ...planned, id: trunkAssignmentId(pair.trunk_id, pair.tenant_id) });
  try {
    return { newState: (await liveState(pair, planned, ctx)) ?? partial };
  } catch (e) {
    // Assigned: the planned values are what we know. A warning, so Terraform does not taint it.
    const d = apiErrorDiagnostic(e, `${TYPE} was assigned but reading it back failed`, trunkAssignmentSchema);
    return { newState: partial, diagnostics: [{ ...d, severity: 'warning' }] };
  }
}

async function update(prior: ObjectValue, planned: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
  const pair = pairOf(prior);
  const body = toUpdatePatch(prior, planned);
  if (body !== null) {
    try {
      await ctx.provider.client.providers.assign(pair.trunk_id, pair.tenant_id, body);
    } catch (e) {
      return {
        newState: prior,
        diagnostics: [assignError(e, `Cannot update the assignment of trunk "${pair.trunk_id}" to tenant "${pair.tenant_id}"`, pair)],
      };
    }
  }
  if (planned.concurrency !== UNKNOWN) return { newState: planned };
  const state = await liveState(pair, planned, ctx);
  if (state === null)
    throw new Error(`the assignment of trunk "${pair.trunk_id}" to tenant "${pair.tenant_id}" disappeared during the update`);
  return { newState: state };
}

async function destroy(prior: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
  const pair = pairOf(prior);
  try {
    await ctx.provider.client.providers.unassign(pair.trunk_id, pair.tenant_id);
  } catch (e) {
    // "Not assigned" answers 4XX (Op 51 [I]): if a GET agrees it is gone, the goal is reached.
    const gone = await liveState(pair, null, ctx).then(
      (s) => s === null,
      () => false,
    );
    if (!gone)
      return {
        newState: prior,
        diagnostics: [
          apiErrorDiagnostic(e, `Cannot unassign trunk "${pair.trunk_id}" from tenant "${pair.tenant_id}"`, trunkAssignmentSchema),
        ],
      };
  }
  return { newState: null };
}

export const trunkAssignmentResource: ResourceDefinition<PortsipContext> = {
  schema: trunkAssignmentSchema,

  validate(config: ObjectValue, ctx: ValidateContext) {
    return validate(config, { writeOnlyAttributesAllowed: ctx.clientCapabilities.writeOnlyAllowed });
  },

  async plan(req: PlanRequest): Promise<PlanResponse> {
    const base = planDefault(trunkAssignmentSchema, req);
    if (!req.prior) {
      const p = base.planned;
      // The id is the pair: known at plan time whenever both ids are.
      if (typeof p.trunk_id === 'string' && typeof p.tenant_id === 'string') p.id = trunkAssignmentId(p.trunk_id, p.tenant_id);
      return { planned: p };
    }
    const planned = keepPriorSpelling(base.planned, req.prior);
    return { planned, requiresReplace: requiresReplace(req.prior, planned).map((n) => [n]) };
  },

  async apply(req: ApplyRequest, ctx: Ctx): Promise<ApplyResponse> {
    checkStop(ctx);
    if (req.action === 'delete') return destroy(req.prior!, ctx);
    if (req.action === 'create') return create(req.planned!, ctx);
    return update(req.prior!, req.planned!, ctx);
  },

  async read(req: ReadRequest, ctx: Ctx): Promise<ReadResponse> {
    if (typeof req.current.trunk_id !== 'string' || typeof req.current.tenant_id !== 'string') return { newState: null };
    checkStop(ctx);
    try {
      return { newState: await liveState(pairOf(req.current), req.current, ctx) };
    } catch (e) {
      throw new DiagnosticsError([apiErrorDiagnostic(e, `Cannot read ${TYPE} "${String(req.current.id)}"`, trunkAssignmentSchema)]);
    }
  },

  async importState(raw: string): Promise<ImportResponse> {
    const pair = trunkAssignmentImportKey.parse(raw);
    if (!pair) {
      return {
        state: null,
        diagnostics: [
          {
            severity: 'error',
            summary: 'Invalid import id',
            detail: `Import ${TYPE} with ${trunkAssignmentImportKey.format} (e.g. "${trunkAssignmentImportKey.example}"); got "${raw}".`,
          },
        ],
      };
    }
    return { state: emptyState(trunkAssignmentSchema.block, { ...pair, id: trunkAssignmentId(pair.trunk_id, pair.tenant_id) }) };
  },
};
