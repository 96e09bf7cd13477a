// The singleton mode of the kit (define.ts): one settings object per PBX with a fixed id, so each
// singleton's resource.ts only declares its API calls and which model functions build the bodies
// (docs/design.md "Resource behaviour"):
//
// validate -> the model's validate, plus "only one instance per configuration" (see below).
// plan     -> planDefault (docs/protocol.md "Planned values") + keep the prior spelling; `id` is the fixed id from
//             the start (a computed attribute may be planned known: rule 4).
// create   -> ADOPT: read the live object, send only the configured attributes that differ
//             (nothing when the PBX already matches), run the extra steps (profile username and
//             password), then read back. A failure after something was written returns the live
//             state with the error, so Terraform records the resource (no silent half-adoption).
// update   -> the minimal patch from prior -> planned (+ write-only secrets when their `_version`
//             changed), then the extra steps; the planned state is returned when fully known.
// delete   -> forget; with `reset_on_destroy = true`, POST the documented defaults that differ
//             from the live object (the models know which fields have one).
// read     -> GET; objects without a GET (brand) are what we last sent: the prior state.
// import   -> only the fixed id; the following read fills the rest.
//
// One instance per PBX: two resource blocks of the same singleton type (or one with `count` or
// `for_each` > 1) would fight over the same object, each "adopting" it and undoing the other. The
// protocol never tells a provider the resource address, but the validate walk sees every block
// once: it counts them into the command's census (plan-census.ts), and every block of a type
// declared twice for one provider configuration fails the plan (a second instance of one block
// fails in the plan walk). cdktf's validatePortsip() checks the same at synth time.
//
// destroy  -> planned through us (plan_destroy): a warning that destroying only forgets, unless
//             `reset_on_destroy` restores the defaults.

import { NotFoundError, type PortsipClient } from '../../client';
import type { ApplyResponse, ImportResponse } from '../../provider/definition';
import { DiagnosticsError } from '../../provider/diagnostics';
import { containsUnknown, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';
import { emptyState, type ToStateOptions } from '../common/mapping';
import { combination } from '../common/validators';
import { processCensus } from '../common/plan-census';
import { recordSingleton } from '../common/plan-ledger';
import { apiErrorDiagnostic, checkStop, nullUnknowns } from './diagnostics';
import { kitResource, resourceMeta, type Ctx, type Flow, type KitResource, type ResourceSpec } from './define';
import type { ImportFormat } from './keys';

/** A singleton: the common declaration plus its typed API calls (live object L, request body B). */
export interface SingletonSpec<L, B> extends ResourceSpec {
  fixedId: string;
  /** What to do when the API answers 404 (Data Flow: its path is inferred and a provider setting moves it). */
  notFoundHint?: string;
  /** GET the live object. Absent: the API has no GET (brand), and state is what we last sent. */
  get?(client: PortsipClient): Promise<L>;
  /** Live object (null when there is no GET) -> state; `prior` supplies spellings and our own attributes. */
  toState(live: L | null, prior: ObjectValue | null, opts?: ToStateOptions): ObjectValue;
  /** The adopting create's body, or null when the PBX already matches. */
  createBody(live: L | null, planned: ObjectValue, config: ObjectValue): B | null;
  /** The update body, or null when nothing is to be sent. */
  updateBody(prior: ObjectValue, planned: ObjectValue, config: ObjectValue): B | null;
  /** `reset_on_destroy`: the body restoring the documented defaults, or null (nothing documented / already so). */
  resetBody?(live: L | null, state: ObjectValue): B | null;
  /** The documented defaults `resetBody` restores, by attribute (what `portsip export` leaves out). */
  defaults?: Readonly<Record<string, Value>>;
  /** POST the body. */
  post(client: PortsipClient, body: B): Promise<void>;
  /** Problems with a body before it is sent (e.g. notification's always-required type/username). */
  checkBody?(body: B): Diagnostic[];
  /** Steps after the body (profiles: username and password changes). `prior` null on create. */
  afterWrite?(prior: ObjectValue | null, planned: ObjectValue, config: ObjectValue, live: L | null, ctx: Ctx): Promise<void>;
}

export function duplicateSingletonDiagnostic(typeName: string, count: number): Diagnostic {
  return {
    severity: 'error',
    summary: `Only one ${typeName} per configuration`,
    detail:
      `${typeName} manages a single object of the PBX, but the configuration declares ${count} of them. ` +
      'Each would adopt the same object and undo the others on every apply. Keep one resource block and put every setting in it.',
  };
}

export function defineSingleton<L, B>(spec: SingletonSpec<L, B>): KitResource {
  const label = spec.label;
  const block = spec.schema.block;
  const imports: ImportFormat = {
    format: spec.fixedId,
    example: spec.fixedId,
    parse: (id) => (id.trim() === spec.fixedId ? {} : null),
  };
  const meta = resourceMeta(spec, 'singleton', { importFormat: imports, fixedId: spec.fixedId, defaults: spec.defaults });

  async function live(ctx: Ctx): Promise<L | null> {
    return spec.get ? spec.get(ctx.provider.client) : null;
  }

  async function send(body: B | null, ctx: Ctx): Promise<boolean> {
    if (body === null) return false;
    const problems = spec.checkBody?.(body) ?? [];
    if (problems.length) throw new DiagnosticsError(problems);
    await spec.post(ctx.provider.client, body);
    return true;
  }

  /** After a failed step: what the PBX now has (with `fallback`'s own attributes), else `fallback`. */
  async function bestEffort(fallback: ObjectValue, ctx: Ctx): Promise<ObjectValue> {
    try {
      return nullUnknowns(spec.toState(await live(ctx), fallback));
    } catch {
      return nullUnknowns(fallback);
    }
  }

  function failure(e: unknown, what: string): Diagnostic[] {
    if (e instanceof DiagnosticsError) return e.diagnostics;
    return [apiErrorDiagnostic(e, what, spec.schema, e instanceof NotFoundError ? spec.notFoundHint : undefined)];
  }

  async function create(planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    let wrote = false;
    let current: L | null;
    try {
      current = await live(ctx);
      checkStop(ctx);
      wrote = await send(spec.createBody(current, planned, config), ctx);
      if (spec.afterWrite) {
        checkStop(ctx);
        wrote = true;
        await spec.afterWrite(null, planned, config, current, ctx);
      }
    } catch (e) {
      const diagnostics = failure(e, `Cannot adopt the ${label}`);
      // Nothing written: no state, the resource is simply not created. Something written: record it.
      return { newState: wrote ? await bestEffort({ ...planned, id: spec.fixedId }, ctx) : null, diagnostics };
    }
    if (!spec.get) return { newState: nullUnknowns({ ...planned, id: spec.fixedId }) };
    try {
      // Unset Optional+Computed attributes were planned unknown: the read-back fills them.
      return { newState: spec.toState(await live(ctx), planned) };
    } catch (e) {
      // Adopted and written: a warning, so Terraform does not taint the singleton over a failed read.
      return {
        newState: nullUnknowns({ ...planned, id: spec.fixedId }),
        diagnostics: failure(e, `Adopted the ${label}, but reading it back failed`).map((d) => ({ ...d, severity: 'warning' as const })),
      };
    }
  }

  async function update(prior: ObjectValue, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    let wrote = false;
    try {
      wrote = await send(spec.updateBody(prior, planned, config), ctx);
      if (spec.afterWrite) {
        wrote = true;
        await spec.afterWrite(prior, planned, config, null, ctx);
      }
    } catch (e) {
      // Part of the update may have landed (e.g. the profile but not the password): record the PBX.
      return {
        newState: wrote && spec.get ? await bestEffort(prior, ctx) : prior,
        diagnostics: failure(e, `Cannot update the ${label}`),
      };
    }
    if (!containsUnknown(planned) || !spec.get) return { newState: nullUnknowns(planned) };
    return { newState: spec.toState(await live(ctx), planned) };
  }

  async function destroy(prior: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    if (prior.reset_on_destroy !== true || !spec.resetBody) return { newState: null };
    try {
      await send(spec.resetBody(await live(ctx), prior), ctx);
    } catch (e) {
      // Keep it in state so a retry of destroy resets again (the user asked for the defaults).
      return { newState: prior, diagnostics: failure(e, `Cannot restore the defaults of the ${label}`) };
    }
    return { newState: null };
  }

  const hasDefaults = Object.keys(spec.defaults ?? {}).length > 0 && spec.resetBody !== undefined;

  const flow: Flow = {
    census: () => recordSingleton(processCensus(), spec.typeName, spec.fixedId),

    validate: (config) =>
      config.reset_on_destroy === true && !hasDefaults
        ? [
            combination(
              ['reset_on_destroy'],
              `Attribute "reset_on_destroy" is true, but no setting of the ${label} has a documented default, so destroying this resource changes nothing on the PBX.`,
              'warning',
            ),
          ]
        : [],

    finishPlan(planned) {
      planned.id = spec.fixedId;
    },

    async planChecks(_req, _planned, _replace, ctx: Ctx): Promise<Diagnostic[]> {
      const n = ctx.provider.ledger.singletonCount(spec.typeName, spec.fixedId);
      return n > 1 ? [duplicateSingletonDiagnostic(spec.typeName, n)] : [];
    },

    async planDestroy(prior: ObjectValue): Promise<Diagnostic[]> {
      if (prior.reset_on_destroy === true && spec.resetBody) return [];
      return [
        {
          severity: 'warning',
          summary: `Destroying ${spec.typeName} only removes it from Terraform's state`,
          detail:
            `A settings object of the PBX cannot be deleted: the PBX keeps its current values, and Terraform stops managing them. ` +
            (spec.resetBody
              ? "To restore PortSIP's documented defaults instead, set `reset_on_destroy = true`, apply, then destroy."
              : 'PortSIP documents no defaults to restore for this object.'),
        },
      ];
    },

    create,
    update,
    destroy,

    read: async (current, ctx) => spec.toState(await live(ctx), current),
    readFailure: (e) => failure(e, `Cannot read the ${label}`),

    async importState(raw: string): Promise<ImportResponse> {
      if (imports.parse(raw) !== null) return { state: emptyState(block, { id: spec.fixedId }) };
      return {
        state: null,
        diagnostics: [
          {
            severity: 'error',
            summary: 'Invalid import id',
            detail: `${spec.typeName} is a singleton: import it with the id "${spec.fixedId}"; got "${raw}".`,
          },
        ],
      };
    },
  };

  return kitResource(spec, meta, flow);
}
