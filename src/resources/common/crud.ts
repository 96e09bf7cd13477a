// The CRUD flow every collection resource (tenant, dealer, transport, ip_rule) shares, so each
// resource.ts only declares what differs: its API calls, extra steps and natural key.
//
// validate -> the model's validate (with write_only_attributes_allowed).
// plan     -> planDefault (PROTOCOL-NOTES §5 rules) + keep the prior spelling where config means
//             the same as prior (rule 2) + requires_replace from the model.
// create   -> POST; a duplicate answer becomes a "conflict" diagnostic naming the existing object
//             and the import block that adopts it; extra steps after the POST (tenant dealer
//             designation) that fail return the partial state WITH the error, so Terraform
//             records the object instead of orphaning it (DESIGN §4).
// update   -> the smallest merge-patch (only changed fields), then extra steps; the planned state
//             is returned as is when fully known (no read-back GET: Terraform requires the result
//             to equal the known planned values anyway).
// delete   -> POST .../destroy; an error is double-checked with a GET so "already gone" is success.
// read     -> through the read coalescer (batch) or one GET; 404 means gone (null).
// import   -> the API id, or the natural key looked up through the API; returns an id-only state
//             that the following read fills (PROTOCOL-NOTES §7).

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PortsipError,
  UnauthorizedError,
  ValidationError,
  type PortsipClient,
} from '../../client';
import type {
  ApplyRequest,
  ApplyResponse,
  ImportResponse,
  PlanRequest,
  PlanResponse,
  ReadRequest,
  ReadResponse,
  ResourceContext,
  ResourceDefinition,
  ValidateContext,
} from '../../provider/definition';
import { DiagnosticsError } from '../../provider/diagnostics';
import { containsUnknown, UNKNOWN, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';
import { planDefault } from '../../provider/plan-helpers';
import type { Schema } from '../../provider/schema';
import type { PortsipContext } from './context';
import { looksLikeApiId } from './ids';
import { emptyState, type ToStateOptions } from './mapping';
import type { CollectionReader } from './read-cache';
import type { ImportKeyFormat } from './schema-helpers';

export type Ctx = ResourceContext<PortsipContext>;

export interface CrudApi {
  create(body: unknown): Promise<{ id: string }>;
  update(id: string, patch: unknown): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface CrudSpec<F, K> {
  typeName: string;
  /** "tenant", "dealer", ... for messages. */
  noun: string;
  schema: Schema;
  validate(config: ObjectValue, opts: { writeOnlyAttributesAllowed?: boolean }): Diagnostic[];
  keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue;
  requiresReplace?(prior: ObjectValue, planned: ObjectValue): string[];
  /** Checks that need the API (e.g. the server version), run on updates only. */
  planChecks?(prior: ObjectValue, planned: ObjectValue, ctx: Ctx): Promise<Diagnostic[]>;
  /** Checks of a planned create that need more than the config alone (dealer: a password to create with). */
  createChecks?(config: ObjectValue): Diagnostic[];
  /** How the live object F is read: listAll (optional, enables batching) and get. */
  reader(client: PortsipClient): CollectionReader<F>;
  /**
   * Completes a live object with what its reader does not fetch and that depends on the prior
   * state (tenant: the dealer link, read only when managed). Runs after every successful read;
   * null means the object went away in between (a 404 on the extra call).
   */
  enrich?(live: F, prior: ObjectValue | null, ctx: Ctx): Promise<F | null>;
  toState(live: F, prior: ObjectValue | null, opts?: ToStateOptions): ObjectValue;
  api(client: PortsipClient): CrudApi;
  toCreateBody(planned: ObjectValue, config: ObjectValue): unknown;
  /** The update body, or null when nothing is to be sent. May read the live object (tenant blocks). */
  updatePatch(prior: ObjectValue, planned: ObjectValue, ctx: Ctx, id: string, config: ObjectValue): Promise<unknown> | unknown;
  /** Calls after the POST (tenant: designate the dealer). A failure yields the partial state + error. */
  afterCreate?(id: string, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<void>;
  /** Calls after the patch (dealer: password reset; tenant: dealer change). */
  afterUpdate?(id: string, prior: ObjectValue, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<void>;
  /** Attributes only `afterCreate` makes true: null in a partial state built without a read-back. */
  setAfterCreate?: readonly string[];
  /** The object the failed create collided with, found by natural key, or undefined. */
  findExisting(planned: ObjectValue, client: PortsipClient): Promise<{ id: string; key: string } | undefined>;
  /** Import by natural key. */
  importKey: ImportKeyFormat<K>;
  findByKey(key: K, client: PortsipClient): Promise<string | undefined>;
}

const ABORTED = 'Terraform asked the provider to stop (Ctrl-C) before this step; nothing more was sent to the PBX.';

function checkStop(ctx: Ctx): void {
  if (ctx.signal.aborted) throw new Error(ABORTED);
}

/** Values that may not be stored in state (UNKNOWN) as null, at any depth: for partial states. */
export function nullUnknowns<T extends Value>(v: T): T {
  if (v === UNKNOWN) return null as T;
  if (Array.isArray(v)) return v.map(nullUnknowns) as T;
  if (v !== null && typeof v === 'object' && v.constructor === Object) {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v)) out[k] = nullUnknowns(x);
    return out as T;
  }
  return v;
}

/** A PortSIP API error as a diagnostic with a remedy, pointing at the attribute when the API named one. */
export function apiErrorDiagnostic(e: unknown, what: string, schema: Schema): Diagnostic {
  if (!(e instanceof PortsipError)) {
    return { severity: 'error', summary: what, detail: e instanceof Error ? e.message : String(e) };
  }
  let hint = '';
  if (e instanceof UnauthorizedError) hint = ' Check the provider "username"/"password" (or PORTSIP_USERNAME/PORTSIP_PASSWORD).';
  else if (e instanceof ForbiddenError)
    hint = ' The signed-in account lacks the permission for this operation; use a system administrator account.';
  else if (e instanceof NetworkError) hint = ' Check the provider "endpoint" and that the PBX is reachable.';
  const d: Diagnostic = { severity: 'error', summary: what, detail: `${e.message}.${hint}`.replace(/\.\./g, '.') };
  if (e instanceof ValidationError && e.field) {
    const top = e.field.split('.')[0]!;
    if (top in schema.block.attributes || top in (schema.block.blocks ?? {})) d.path = [top];
  }
  return d;
}

/**
 * The resource's name in the configuration, when it can be known for sure. The protocol does not
 * tell a provider the address it serves, but Terraform runs it in the root module's directory
 * (PROTOCOL-NOTES §1.1): when that directory declares exactly one block of this type, with no
 * count/for_each and no module calls (whose resources could be the one failing), that is the one.
 * Otherwise undefined, and the message asks for the address.
 */
export function guessResourceName(typeName: string, dir: string = process.cwd()): string | undefined {
  const names: string[] = [];
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json'));
  } catch {
    return undefined;
  }
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, f), 'utf8');
    } catch {
      return undefined;
    }
    if (f.endsWith('.tf.json')) {
      try {
        const doc = JSON.parse(text) as { module?: unknown; resource?: Record<string, Record<string, Record<string, unknown>>> };
        if (doc.module) return undefined;
        for (const [n, body] of Object.entries(doc.resource?.[typeName] ?? {})) {
          if (body && typeof body === 'object' && ('count' in body || 'for_each' in body)) return undefined;
          names.push(n);
        }
      } catch {
        return undefined;
      }
    } else {
      if (/^\s*module\s+"/m.test(text)) return undefined;
      const re = new RegExp(`^resource\\s+"${typeName}"\\s+"([A-Za-z_][A-Za-z0-9_-]*)"\\s*\\{([\\s\\S]*?)^\\}`, 'gm');
      for (const m of text.matchAll(re)) {
        if (/^\s*(count|for_each)\s*=/m.test(m[2]!)) return undefined;
        names.push(m[1]!);
      }
    }
  }
  return names.length === 1 ? names[0] : undefined;
}

/** The conflict diagnostic: who is in the way, and the exact block that adopts it. */
export function conflictDiagnostic(
  typeName: string,
  noun: string,
  existing: { id: string; key: string },
  resourceName = guessResourceName(typeName),
): Diagnostic {
  const to = `${typeName}.${resourceName ?? '<NAME>'}`;
  const where = resourceName ? '' : ` (replace ${to} with this resource's full address, shown in the "with" line above)`;
  return {
    severity: 'error',
    summary: `A ${noun} with ${existing.key} already exists`,
    detail:
      `The PBX already has a ${noun} with ${existing.key} (id "${existing.id}"), so it cannot be created again. ` +
      `To manage the existing ${noun} with Terraform, adopt it with this import block${where} and run apply again:\n\n` +
      `import {\n  to = ${to}\n  id = "${existing.id}"\n}\n\n` +
      `Or change the configuration so it no longer collides, or delete the existing ${noun}.`,
  };
}

export function crudResource<F, K>(spec: CrudSpec<F, K>): ResourceDefinition<PortsipContext> {
  const block = spec.schema.block;
  const collectionOf = (client: PortsipClient) => spec.reader(client).collection;

  async function liveState(id: string, prior: ObjectValue | null, ctx: Ctx, opts?: ToStateOptions): Promise<ObjectValue | null> {
    const reader = spec.reader(ctx.provider.client);
    const live = await ctx.provider.reads.read(reader, id);
    const full = live === null || !spec.enrich ? live : await spec.enrich(live, prior, ctx);
    return full === null ? null : spec.toState(full, prior, opts);
  }

  /** After a failed step: the live object if it can be read, else `fallback`. */
  async function bestEffortState(id: string, prior: ObjectValue, fallback: ObjectValue, ctx: Ctx): Promise<ObjectValue | null> {
    try {
      ctx.provider.reads.invalidate(collectionOf(ctx.provider.client), id);
      const s = await liveState(id, prior, ctx);
      return s === null ? null : nullUnknowns(s);
    } catch {
      return nullUnknowns(fallback);
    }
  }

  async function create(planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    checkStop(ctx);
    const client = ctx.provider.client;
    let id: string;
    try {
      id = (await spec.api(client).create(spec.toCreateBody(planned, config))).id;
    } catch (e) {
      // A duplicate is answered 409, or 400 naming the field (the emulator, PortSIP's VALIDATE_FAILED):
      // only a lookup by natural key tells a collision from a bad value.
      if (e instanceof ConflictError || e instanceof ValidationError) {
        let existing: { id: string; key: string } | undefined;
        try {
          existing = await spec.findExisting(planned, client);
        } catch {
          existing = undefined;
        }
        if (existing) return { newState: null, diagnostics: [conflictDiagnostic(spec.typeName, spec.noun, existing)] };
      }
      return { newState: null, diagnostics: [apiErrorDiagnostic(e, `Cannot create ${spec.typeName}`, spec.schema)] };
    }
    ctx.provider.reads.invalidate(collectionOf(client), id);
    const partial: ObjectValue = { ...planned, id };
    for (const a of spec.setAfterCreate ?? []) partial[a] = null;
    if (spec.afterCreate) {
      try {
        checkStop(ctx);
        await spec.afterCreate(id, planned, config, ctx);
      } catch (e) {
        // The object exists: hand it back with the error so Terraform records it (as tainted) rather
        // than losing it. The read shows what really happened (e.g. dealer_id still null).
        const state = await bestEffortState(id, planned, partial, ctx);
        return {
          newState: state ?? nullUnknowns(partial),
          diagnostics: [apiErrorDiagnostic(e, `${spec.typeName} was created (id "${id}") but a follow-up step failed`, spec.schema)],
        };
      }
    }
    try {
      const state = await liveState(id, planned, ctx);
      if (state === null) throw new Error(`the new ${spec.noun} ${id} was not found right after it was created`);
      return { newState: state };
    } catch (e) {
      return {
        newState: nullUnknowns(partial),
        diagnostics: [apiErrorDiagnostic(e, `${spec.typeName} was created (id "${id}") but reading it back failed`, spec.schema)],
      };
    }
  }

  async function update(prior: ObjectValue, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    checkStop(ctx);
    const client = ctx.provider.client;
    const id = String(prior.id);
    let wrote = false;
    try {
      const patch = await spec.updatePatch(prior, planned, ctx, id, config);
      if (patch !== null && patch !== undefined) {
        wrote = true;
        await spec.api(client).update(id, patch);
        ctx.provider.reads.invalidate(collectionOf(client), id);
      }
      if (spec.afterUpdate) {
        checkStop(ctx);
        wrote = true;
        await spec.afterUpdate(id, prior, planned, config, ctx);
        ctx.provider.reads.invalidate(collectionOf(client), id);
      }
    } catch (e) {
      const diag = apiErrorDiagnostic(e, `Cannot update ${spec.typeName} "${id}"`, spec.schema);
      // Part of the update may have landed: record what the PBX now has, not the plan.
      const state = wrote ? await bestEffortState(id, prior, prior, ctx) : prior;
      return { newState: state ?? prior, diagnostics: [diag] };
    }
    if (!containsUnknown(planned)) return { newState: planned };
    const state = await liveState(id, planned, ctx);
    if (state === null) throw new Error(`${spec.typeName} "${id}" disappeared during the update`);
    return { newState: state };
  }

  async function destroy(prior: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    checkStop(ctx);
    const client = ctx.provider.client;
    const id = String(prior.id);
    try {
      await spec.api(client).delete(id);
    } catch (e) {
      if (!(e instanceof NotFoundError)) {
        // Some deletes answer 400 for an unknown id (IP rules, C1): a GET decides whether it is gone.
        let gone = false;
        try {
          gone = (await spec.reader(client).get(id)) === null;
        } catch (g) {
          gone = g instanceof NotFoundError;
        }
        if (!gone) return { newState: prior, diagnostics: [apiErrorDiagnostic(e, `Cannot delete ${spec.typeName} "${id}"`, spec.schema)] };
      }
    }
    ctx.provider.reads.invalidate(collectionOf(client), id);
    return { newState: null };
  }

  function importRef(raw: string): { id: string } | { key: K } | null {
    const s = raw.trim();
    if (s.startsWith('id=')) return { id: s.slice(3) };
    const prefixed = spec.importKey.attributes.some((a) => s.startsWith(`${a}=`));
    if (!prefixed && looksLikeApiId(s)) return { id: s };
    const key = spec.importKey.parse(s);
    return key !== null ? { key } : s ? { id: s } : null;
  }

  return {
    schema: spec.schema,

    validate(config: ObjectValue, ctx: ValidateContext) {
      return spec.validate(config, { writeOnlyAttributesAllowed: ctx.clientCapabilities.writeOnlyAllowed });
    },

    async plan(req: PlanRequest, ctx: Ctx): Promise<PlanResponse> {
      const base = planDefault(spec.schema, req);
      if (!req.prior) return { planned: base.planned, diagnostics: spec.createChecks?.(req.config) ?? [] };
      const planned = spec.keepPriorSpelling(base.planned, req.prior);
      const replace = spec.requiresReplace?.(req.prior, planned) ?? [];
      const diagnostics = replace.length === 0 && spec.planChecks ? await spec.planChecks(req.prior, planned, ctx) : [];
      return { planned, requiresReplace: replace.map((n) => [n]), diagnostics };
    },

    async apply(req: ApplyRequest, ctx: Ctx): Promise<ApplyResponse> {
      if (req.action === 'delete') return destroy(req.prior!, ctx);
      if (req.action === 'create') return create(req.planned!, req.config!, ctx);
      return update(req.prior!, req.planned!, req.config!, ctx);
    },

    async read(req: ReadRequest, ctx: Ctx): Promise<ReadResponse> {
      const id = req.current.id;
      if (typeof id !== 'string' || id === '') return { newState: null };
      try {
        return { newState: await liveState(id, req.current, ctx) };
      } catch (e) {
        throw new DiagnosticsError([apiErrorDiagnostic(e, `Cannot read ${spec.typeName} "${id}"`, spec.schema)]);
      }
    },

    async importState(raw: string, ctx: Ctx): Promise<ImportResponse> {
      const ref = importRef(raw);
      const formats = `the ${spec.noun} id, or ${spec.importKey.format} (e.g. "${spec.importKey.example}")`;
      if (!ref)
        return {
          state: null,
          diagnostics: [
            { severity: 'error', summary: 'Invalid import id', detail: `Import ${spec.typeName} with ${formats}; got an empty id.` },
          ],
        };
      if ('id' in ref) return { state: emptyState(block, { id: ref.id }) };
      const client = ctx.provider.client;
      let id: string | undefined;
      try {
        id = await spec.findByKey(ref.key, client);
      } catch (e) {
        throw new DiagnosticsError([apiErrorDiagnostic(e, `Cannot look up ${spec.typeName} "${raw}"`, spec.schema)]);
      }
      if (!id) {
        // A natural key that matches nothing may still be an API id in an unusual shape.
        const byId = await ctx.provider.reads.read(spec.reader(client), raw.trim()).catch(() => null);
        if (byId !== null) return { state: emptyState(block, { id: raw.trim() }) };
        return {
          state: null,
          diagnostics: [
            {
              severity: 'error',
              summary: 'Cannot import non-existent remote object',
              detail: `No ${spec.noun} matches "${raw}". Import ${spec.typeName} with ${formats}.`,
            },
          ],
        };
      }
      return { state: emptyState(block, { id }) };
    },
  };
}
