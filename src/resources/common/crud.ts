// The CRUD flow every collection resource (tenant, dealer, transport, ip_rule) shares, so each
// resource.ts only declares what differs: its API calls, extra steps and natural key.
//
// validate -> the model's validate (with write_only_attributes_allowed).
// plan     -> planDefault (docs/protocol.md "Planned values" rules) + keep the prior spelling where config means
//             the same as prior (rule 2) + requires_replace from the model.
// create   -> first: does the natural key exist already (natural-keys.ts, one listing per type and
//             process)? If so, and the create journal shows this provider made that object in an
//             interrupted earlier apply with the same planned values, adopt it with a warning;
//             otherwise the "already exists" error with an import block, never adoption. Then the
//             journal records the intent, the POST goes out with create recovery (client http.ts:
//             an unanswered attempt is settled by look-up, never blindly repeated), and the id is
//             journaled. Extra steps after the POST (tenant dealer designation) that fail return
//             the partial state WITH the error, so Terraform records the object instead of
//             orphaning it (docs/design.md "Resource behaviour"); a failed read-back returns the known state with a warning.
// update   -> the smallest merge-patch (only changed fields), then extra steps; the planned state
//             is returned as is when fully known (no read-back GET: Terraform requires the result
//             to equal the known planned values anyway).
// delete   -> POST .../destroy; an error is double-checked with a GET so "already gone" is success.
// read     -> through the read coalescer (batch) or one GET; 404 means gone (null).
// import   -> the API id, or the natural key looked up through the API; returns an id-only state
//             that the following read fills (docs/protocol.md "Import and generated configuration").

import {
  AbortedError,
  ConflictError,
  DuplicateCreatedError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PortsipError,
  reasonOf,
  UnauthorizedError,
  ValidationError,
  type CreateRecovery,
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
import { plannedHash } from './create-journal';
import { processCensus } from './plan-census';
import { recordUniqueKey } from './plan-ledger';
import { looksLikeApiId } from './ids';
import { idsWithKey, naturalKey } from './natural-keys';
import { objectName } from './object-names';
import { emptyState, type ToStateOptions } from './mapping';
import type { CollectionReader } from './read-cache';
import type { ImportKeyFormat } from './schema-helpers';

export type Ctx = ResourceContext<PortsipContext>;

export interface CrudApi {
  /** `recovery`: how the client settles an unanswered attempt (client http.ts CreateRecovery). */
  create(body: unknown, recovery: CreateRecovery): Promise<{ id: string }>;
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
  /**
   * A planned delete or replacement that may not succeed (dealer: tenants still designated to it).
   * `because`: the attributes forcing a replacement.
   */
  removalChecks?(prior: ObjectValue, kind: 'delete' | 'replace', ctx: Ctx, because: string[]): Promise<Diagnostic[]>;
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
  /** The update body (or a Promise of it), or null when nothing is to be sent. May read the live object (tenant blocks). */
  updatePatch(prior: ObjectValue, planned: ObjectValue, ctx: Ctx, id: string, config: ObjectValue): unknown;
  /** Calls after the POST (tenant: designate the dealer). A failure yields the partial state + error. */
  afterCreate?(id: string, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<void>;
  /** Calls after the patch (dealer: password reset; tenant: dealer change). */
  afterUpdate?(id: string, prior: ObjectValue, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<void>;
  /** Attributes only `afterCreate` makes true: null in a partial state built without a read-back. */
  setAfterCreate?: readonly string[];
  /**
   * What to do next when a delete failed for a reason the resource can look into (dealer: which
   * tenants still belong to it). Undefined when it has nothing to add; must not throw.
   */
  explainDeleteFailure?(id: string, prior: ObjectValue, e: unknown, ctx: Ctx): Promise<string | undefined>;
  /** Import by natural key: the format; the key itself is declared in natural-keys.ts. */
  importKey: ImportKeyFormat<K>;
}

const ABORTED = 'Terraform asked the provider to stop (Ctrl-C) before this step; nothing more was sent to the PBX.';

/** Every resource flow calls this between steps: after StopProvider nothing new starts. */
export function checkStop(ctx: { signal: AbortSignal }): void {
  if (ctx.signal.aborted) throw new Error(ABORTED);
}

/** Values that may not be stored in state (UNKNOWN) as null, at any depth: for partial states. */
export function nullUnknowns<T extends Value>(v: T): T {
  if (v === UNKNOWN) return null as T;
  if (Array.isArray(v)) return v.map(nullUnknowns) as T;
  if (v !== null && typeof v === 'object' && v.constructor === Object) {
    const out: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v as ObjectValue)) out[k] = nullUnknowns(x); // a plain object (checked above), not a BigNum
    return out as T;
  }
  return v;
}

/** Detail keys that may hold a secret the user sent (never shown), besides the ones the message already carries. */
const SECRET_KEY = /pass|secret|token|key|pem|credential/i;

/**
 * What the server's `detail` adds beyond the field and reason already in the message: its other keys
 * as JSON, without values that could be secrets (a `value` of a secret-looking field, secret-looking keys).
 */
function extraDetail(e: PortsipError): string {
  const d = e.detail;
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return '';
  const field = typeof (d as { field?: unknown }).field === 'string' ? String((d as { field: string }).field) : '';
  const rest = Object.entries(d as Record<string, unknown>).filter(
    ([k]) => k !== 'field' && k !== 'reason' && k !== 'body' && !SECRET_KEY.test(k) && !(k === 'value' && SECRET_KEY.test(field)),
  );
  return rest.length ? ` Server detail: ${JSON.stringify(Object.fromEntries(rest))}.` : '';
}

/**
 * A PortSIP API error as a diagnostic: the server's message, the field and reason it gave, any other
 * detail, a remedy for the kind of failure, and `next` (what to do, when the caller knows more, e.g.
 * which tenants still belong to a dealer). Points at the attribute when the API named one. Setting
 * names are written as users write them in the provider block.
 */
export function apiErrorDiagnostic(e: unknown, what: string, schema: Schema, next?: string): Diagnostic {
  const tail = next ? ` ${next}` : '';
  if (!(e instanceof PortsipError)) {
    return { severity: 'error', summary: what, detail: (e instanceof Error ? e.message : String(e)) + tail };
  }
  let hint = '';
  if (e instanceof AbortedError)
    return { severity: 'error', summary: what, detail: `${e.message}. Run the command again to finish.${tail}` };
  if (e instanceof UnauthorizedError) hint = ' Check the provider "username" and "password" (or PORTSIP_USERNAME / PORTSIP_PASSWORD).';
  else if (e instanceof ForbiddenError)
    hint = ' The signed-in account lacks the permission for this operation; use a system administrator account.';
  else if (e instanceof NetworkError)
    hint = e.kind === 'tls' ? '' : ' Check the provider "endpoint" (or PORTSIP_ENDPOINT) and that the PBX is reachable.';
  else if (e instanceof NotFoundError && /^\/(?:auth|login)\//.test(e.path))
    hint =
      ' The sign-in URL does not exist under "endpoint": it must be the PBX API base, e.g. "https://pbx.example.com:8887" (the provider appends /api); check its path and port.';
  // errorFromResponse puts the reason into the message; an error built elsewhere may not have.
  const reason = reasonOf(e.detail);
  const because = reason !== undefined && !e.message.includes(reason) ? ` Reason: ${reason}.` : '';
  const detail = `${e.message}.`.replace(/\.\.$/, '.') + because + extraDetail(e) + hint + tail;
  const d: Diagnostic = { severity: 'error', summary: what, detail };
  if (e instanceof ValidationError && e.field) {
    const top = e.field.replace(/\..*$/s, '');
    if (top in schema.block.attributes || top in (schema.block.blocks ?? {})) d.path = [top];
  }
  return d;
}

/**
 * The "already exists" error: who is in the way, and an import block that adopts it. The protocol
 * never tells a provider the address of the resource it serves, and with `count`, `for_each` or
 * modules the block name alone is not enough, so the block names a placeholder and the detail says
 * where the address is (the "with" line Terraform prints above this diagnostic).
 */
/** The text with its first letter in upper case. */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a" or "an" before a noun ("an IP rule", "a tenant"). */
export function an(noun: string, capital = false): string {
  const a = /^(?:[aeiou]|IP\b|SBC\b|IM\b)/i.test(noun) ? 'an' : 'a';
  return capital ? a.charAt(0).toUpperCase() + a.slice(1) : a;
}

export function conflictDiagnostic(typeName: string, noun: string, existing: { ids: readonly string[]; key: string }): Diagnostic {
  const ids = existing.ids.map((i) => `"${i}"`).join(', ');
  const first = existing.ids[0] ?? '';
  const several = existing.ids.length > 1;
  return {
    severity: 'error',
    summary: `${an(noun, true)} ${noun} with ${existing.key} already exists`,
    detail:
      `The PBX already has ${several ? `${existing.ids.length} ${noun}s` : `${an(noun)} ${noun}`} with ${existing.key} (id ${ids}), ` +
      `created outside this configuration or by an earlier apply whose record was lost, so it is not created again and not taken over silently. ` +
      `To manage the existing ${noun} with Terraform, add this import block, with "to" set to this resource's address as shown in the "with" line above ` +
      `(e.g. ${typeName}.NAME, ${typeName}.NAME[0] for count, ${typeName}.NAME["key"] for for_each, module.M.${typeName}.NAME in a module), and run apply again:\n\n` +
      `import {\n  to = ${typeName}.NAME\n  id = "${first}"\n}\n\n` +
      (several ? `The other ${noun}s with this key (${ids}) are duplicates: delete those you do not want. ` : '') +
      `Or change the configuration so it no longer collides, or delete the existing ${noun}.`,
  };
}

/**
 * The reader of each collection resource type, by type name: what `portsip export` enumerates a type
 * with, so it lists and reads exactly as a refresh does (same collection, same snapshot).
 */
const READERS = new Map<string, (client: PortsipClient) => CollectionReader<unknown>>();

export function collectionReader(typeName: string, client: PortsipClient): CollectionReader<unknown> | undefined {
  return READERS.get(typeName)?.(client);
}

export function crudResource<F, K>(spec: CrudSpec<F, K>): ResourceDefinition<PortsipContext> {
  const block = spec.schema.block;
  READERS.set(spec.typeName, (client) => spec.reader(client));
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

  const nk = naturalKey(spec.typeName);
  /** `dealer "acme-telecom"`: the object by its natural key (the id when the values hold none). */
  const nameOf = (values: ObjectValue | null, id?: string): string => objectName(spec.typeName, values ?? {}, id);

  /** The existing object(s) with the key: adopt ours from an interrupted apply, else the import-block error. */
  async function existing(
    ids: readonly string[],
    planned: ObjectValue,
    config: ObjectValue,
    key: string,
    hash: string,
    ctx: Ctx,
  ): Promise<ApplyResponse> {
    const ours = ctx.provider.journal.adoptable(spec.typeName, key, hash, ids);
    if (ours === undefined)
      return { newState: null, diagnostics: [conflictDiagnostic(spec.typeName, spec.noun, { ids, key: nk.describe(planned) })] };
    const warning: Diagnostic = {
      severity: 'warning',
      summary: `Adopted ${an(spec.noun)} ${spec.noun} created by an interrupted earlier apply`,
      detail:
        `The ${spec.noun} with ${nk.describe(planned)} (id "${ours}") was created by this provider in an earlier apply that was interrupted before ` +
        `Terraform saved it (the create journal in .terraform/ records it, with the same planned values), so it is taken into state instead of ` +
        `being created again.` +
        (ids.length > 1
          ? ` Other ${spec.noun}s with the same key exist too (id ${ids
              .filter((i) => i !== ours)
              .map((i) => `"${i}"`)
              .join(', ')}); delete those you do not want.`
          : ''),
    };
    ctx.provider.reads.invalidate(collectionOf(ctx.provider.client), ours);
    const live = await liveState(ours, planned, ctx);
    if (live === null)
      return { newState: null, diagnostics: [conflictDiagnostic(spec.typeName, spec.noun, { ids, key: nk.describe(planned) })] };
    // Bring it to the planned values (a step after the first create may not have run).
    const r = await update(live, planned, config, ctx);
    ctx.provider.journal.created(spec.typeName, key, hash, ours);
    return { ...r, diagnostics: [warning, ...(r.diagnostics ?? [])] };
  }

  async function create(planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    checkStop(ctx);
    const client = ctx.provider.client;
    const { keys, journal } = ctx.provider;
    const key = nk.of(planned);
    const hash = plannedHash(planned);
    let before: string[] = [];
    if (key !== undefined) {
      try {
        before = await keys.idsFor(spec.typeName, client, planned);
      } catch (e) {
        return {
          newState: null,
          diagnostics: [apiErrorDiagnostic(e, `Cannot create ${nameOf(planned)}: listing the existing ${spec.noun}s failed`, spec.schema)],
        };
      }
      if (before.length > 0) return existing(before, planned, config, key, hash, ctx);
      checkStop(ctx);
      journal.intent(spec.typeName, key, hash);
    }
    let id: string;
    let extra: Diagnostic | undefined;
    try {
      id = (
        await spec.api(client).create(spec.toCreateBody(planned, config), {
          before,
          findIds: () => idsWithKey(spec.typeName, client, planned),
        })
      ).id;
    } catch (e) {
      if (e instanceof DuplicateCreatedError) {
        // Ours is e.id; the others landed from attempts whose answer was lost. Keep ours, name the rest.
        id = e.id;
        extra = {
          severity: 'error',
          summary: `Duplicate ${spec.noun}s were created`,
          detail:
            `A create of the ${spec.noun} with ${nk.describe(planned)} had to be sent again after an attempt got no answer, and that attempt ` +
            `landed late: besides "${id}" (now in state) the PBX has ${e.extraIds.map((i) => `"${i}"`).join(', ')} with the same key. ` +
            'Delete the extra objects (or import them elsewhere); this PBX does not refuse duplicate keys.',
        };
      } else if (key !== undefined && (e instanceof ConflictError || e instanceof ValidationError)) {
        // A duplicate is answered 409, or 400 naming the field (the emulator, PortSIP's VALIDATE_FAILED):
        // only a look-up by natural key tells a collision from a bad value.
        let ids: string[];
        try {
          ids = await idsWithKey(spec.typeName, client, planned);
          if (ids.length === 0) ids = await keys.colliding(spec.typeName, client, planned);
        } catch {
          ids = [];
        }
        if (ids.length > 0) return existing(ids, planned, config, key, hash, ctx);
        return { newState: null, diagnostics: [apiErrorDiagnostic(e, `Cannot create ${nameOf(planned)}`, spec.schema)] };
      } else return { newState: null, diagnostics: [apiErrorDiagnostic(e, `Cannot create ${nameOf(planned)}`, spec.schema)] };
    }
    if (key !== undefined) {
      journal.created(spec.typeName, key, hash, id);
      keys.add(spec.typeName, planned, id);
    }
    ctx.provider.reads.invalidate(collectionOf(client), id);
    const partial: ObjectValue = { ...planned, id };
    for (const a of spec.setAfterCreate ?? []) partial[a] = null;
    const withExtra = (r: ApplyResponse): ApplyResponse => (extra ? { ...r, diagnostics: [...(r.diagnostics ?? []), extra] } : r);
    if (spec.afterCreate) {
      try {
        checkStop(ctx);
        await spec.afterCreate(id, planned, config, ctx);
      } catch (e) {
        // The object exists: hand it back with the error so Terraform records it (as tainted) rather
        // than losing it. The read shows what really happened (e.g. dealer_id still null).
        const state = await bestEffortState(id, planned, partial, ctx);
        return withExtra({
          newState: state ?? nullUnknowns(partial),
          diagnostics: [
            apiErrorDiagnostic(e, `${capital(nameOf(planned))} was created (id "${id}") but a follow-up step failed`, spec.schema),
          ],
        });
      }
    }
    try {
      const state = await liveState(id, planned, ctx);
      if (state === null) throw new Error(`the new ${spec.noun} ${id} was not found right after it was created`);
      return withExtra({ newState: state });
    } catch (e) {
      // Created and set up: what we know is the id and the planned values. A warning, not an error,
      // so Terraform does not taint (and replace) an object that is fine; the next refresh reads
      // the values the PBX filled in.
      return withExtra({
        newState: nullUnknowns({ ...planned, id }),
        diagnostics: [
          {
            severity: 'warning',
            summary: `${capital(nameOf(planned))} was created (id "${id}") but reading it back failed`,
            detail: `${apiErrorDiagnostic(e, '', spec.schema).detail} The state holds the planned values; the next plan or refresh reads the rest.`,
          },
        ],
      });
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
      const diag = apiErrorDiagnostic(e, `Cannot update ${nameOf(prior, id)}`, spec.schema);
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
        let gone: boolean;
        try {
          gone = (await spec.reader(client).get(id)) === null;
        } catch (g) {
          gone = g instanceof NotFoundError;
        }
        if (!gone) {
          const next = spec.explainDeleteFailure ? await spec.explainDeleteFailure(id, prior, e, ctx).catch(() => undefined) : undefined;
          return { newState: prior, diagnostics: [apiErrorDiagnostic(e, `Cannot delete ${nameOf(prior, id)}`, spec.schema, next)] };
        }
      }
    }
    ctx.provider.reads.invalidate(collectionOf(client), id);
    ctx.provider.journal.done(spec.typeName, id);
    return { newState: null };
  }

  /** What an import id names: an API id, a natural key, or (`invalid`) a `key=` form whose value does not parse. */
  function importRef(raw: string): { id: string } | { key: K } | { invalid: string } | null {
    const s = raw.trim();
    if (s.startsWith('id=')) return { id: s.slice(3) };
    const prefixed = spec.importKey.attributes.some((a) => s.startsWith(`${a}=`));
    if (!prefixed && looksLikeApiId(s)) return { id: s };
    const key = spec.importKey.parse(s);
    if (key !== null) return { key };
    // `cidr=<not a CIDR>` asked for a key: it is not an id of the whole text.
    if (prefixed) return { invalid: s };
    return s ? { id: s } : null;
  }

  return {
    schema: spec.schema,

    validate(config: ObjectValue, ctx: ValidateContext) {
      // No Terraform version yet: ConfigureProvider has not run, so this is the validate walk,
      // which sees every resource block once: its unique key goes into the command's census.
      if (ctx.terraformVersion === undefined) recordUniqueKey(processCensus(), spec.typeName, config);
      return spec.validate(config, { writeOnlyAttributesAllowed: ctx.clientCapabilities.writeOnlyAllowed });
    },

    async plan(req: PlanRequest, ctx: Ctx): Promise<PlanResponse> {
      const base = planDefault(spec.schema, req);
      const ledger = ctx.provider.ledger;
      if (!req.prior)
        return {
          planned: base.planned,
          diagnostics: [...(spec.createChecks?.(req.config) ?? []), ...ledger.planned(spec.typeName, null, base.planned, false)],
        };
      const planned = spec.keepPriorSpelling(base.planned, req.prior);
      const replace = spec.requiresReplace?.(req.prior, planned) ?? [];
      const diagnostics = ledger.planned(spec.typeName, req.prior, planned, replace.length > 0);
      if (replace.length === 0 && spec.planChecks) diagnostics.push(...(await spec.planChecks(req.prior, planned, ctx)));
      if (replace.length > 0 && spec.removalChecks) diagnostics.push(...(await spec.removalChecks(req.prior, 'replace', ctx, replace)));
      return { planned, requiresReplace: replace.map((n) => [n]), diagnostics };
    },

    async planDestroy(req: { prior: ObjectValue }, ctx: Ctx): Promise<Diagnostic[]> {
      ctx.provider.ledger.destroying(spec.typeName, req.prior);
      return spec.removalChecks ? spec.removalChecks(req.prior, 'delete', ctx, []) : [];
    },

    async apply(req: ApplyRequest, ctx: Ctx): Promise<ApplyResponse> {
      if (req.action === 'delete') return destroy(req.prior!, ctx);
      if (req.action === 'create') return create(req.planned!, req.config!, ctx);
      return update(req.prior!, req.planned!, req.config!, ctx);
    },

    async read(req: ReadRequest, ctx: Ctx): Promise<ReadResponse> {
      const id = req.current.id;
      if (typeof id !== 'string' || id === '') return { newState: null };
      checkStop(ctx);
      // Terraform read this id from its saved state: a journal entry for it is closed (create-journal.ts).
      ctx.provider.journal.done(spec.typeName, id);
      try {
        return { newState: await liveState(id, req.current, ctx) };
      } catch (e) {
        throw new DiagnosticsError([apiErrorDiagnostic(e, `Cannot read ${nameOf(req.current, id)}`, spec.schema)]);
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
      if ('invalid' in ref)
        return {
          state: null,
          diagnostics: [
            {
              severity: 'error',
              summary: 'Invalid import id',
              detail: `Import ${spec.typeName} with ${formats}; got ${JSON.stringify(ref.invalid)}.`,
            },
          ],
        };
      if ('id' in ref) return { state: emptyState(block, { id: ref.id }) };
      const client = ctx.provider.client;
      let ids: string[];
      try {
        ids = await idsWithKey(spec.typeName, client, ref.key as Record<string, unknown>);
      } catch (e) {
        throw new DiagnosticsError([apiErrorDiagnostic(e, `Cannot look up ${spec.typeName} "${raw}"`, spec.schema)]);
      }
      if (ids.length > 1)
        return {
          state: null,
          diagnostics: [
            {
              severity: 'error',
              summary: `More than one ${spec.noun} matches "${raw}"`,
              detail: `The PBX has ${ids.length} ${spec.noun}s with ${nk.describe(ref.key as Record<string, unknown>)} (id ${ids.map((i) => `"${i}"`).join(', ')}). Import the one you mean by its id.`,
            },
          ],
        };
      const id = ids[0];
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
