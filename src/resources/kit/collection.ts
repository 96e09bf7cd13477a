// The collection mode of the kit (define.ts): many objects, each with an opaque API id and a natural
// key declared on its attributes (tenant, dealer, transport, IP rule, admin user).
//
// create   -> first: does the natural key exist already (one listing per type and process,
//             common/natural-keys.ts KeyIndex)? If so, and the create journal shows this provider made
//             that object in an interrupted earlier apply with the same planned values, adopt it with a
//             warning; otherwise the "already exists" error with an import block, never adoption. Then
//             the journal records the intent, the POST goes out with create recovery (client http.ts:
//             an unanswered attempt is settled by look-up, never blindly repeated), and the id is
//             journaled. Extra steps after the POST (tenant dealer designation) that fail return the
//             partial state WITH the error, so Terraform records the object instead of orphaning it
//             (docs/design.md "Resource behaviour"); a failed read-back returns the known state with a warning.
// update   -> the smallest merge-patch (only changed fields), then extra steps; the planned state is
//             returned as is when fully known (no read-back GET: Terraform requires the result to
//             equal the known planned values anyway).
// delete   -> POST .../destroy; an error is double-checked with a GET so "already gone" is success.
// read     -> through the read coalescer (batch) or one GET; 404 means gone (null).
// import   -> the API id, or the natural key looked up through the API; returns an id-only state
//             that the following read fills (docs/protocol.md "Import and generated configuration").

import {
  ConflictError,
  DuplicateCreatedError,
  NotFoundError,
  ValidationError,
  type CreateRecovery,
  type PortsipClient,
} from '../../client';
import type { ApplyResponse, ImportResponse, PlanRequest } from '../../provider/definition';
import { DiagnosticsError } from '../../provider/diagnostics';
import { containsUnknown, type Diagnostic, type ObjectValue } from '../../provider/values';
import { plannedHash } from '../common/create-journal';
import { looksLikeApiId } from '../common/ids';
import { emptyState, type ToStateOptions } from '../common/mapping';
import { idsWithKey, type KeySource } from '../common/natural-keys';
import { processCensus } from '../common/plan-census';
import { recordUniqueKey } from '../common/plan-ledger';
import type { CollectionReader } from '../common/read-cache';
import { an, apiErrorDiagnostic, capital, checkStop, conflictDiagnostic, nullUnknowns } from './diagnostics';
import { idText, kitResource, objectName, resourceMeta, type Ctx, type Flow, type KitResource, type ResourceSpec } from './define';
import { declaredKey, importFormat, type Values } from './keys';
import type { UniqueKey } from '../common/unique-keys';

/** Read ahead (declaredIds): list items read per declared object at most, i.e. a page per 10. */
const LISTED_PER_DECLARED = 10;

/** The client's calls for one collection: writes and look-ups by key (list items S, detail objects F). */
export interface CollectionArea<S, CB, UB> {
  findAll(filter: string, match: (item: S) => boolean): Promise<S[]>;
  listAll(): Promise<S[]>;
  /** Every item, a page at a time, for a caller that may stop early. */
  iterate(): AsyncIterable<S>;
  /** `recovery`: how the client settles an unanswered attempt (client http.ts CreateRecovery). */
  create(body: CB, recovery?: Partial<CreateRecovery>): Promise<{ id: string }>;
  update(id: string, patch: UB): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A collection resource: the common declaration plus its typed API calls and model functions. L is the live object. */
export interface CollectionSpec<L extends object, S extends Values, CB, UB> extends ResourceSpec {
  /**
   * What PortSIP keeps unique (unique-keys.ts). Without `of`, the natural key itself is unique; without
   * `describe`, the key is described as the natural key describes it.
   */
  unique?: Pick<UniqueKey, 'namespace' | 'rule'> & Partial<Pick<UniqueKey, 'of' | 'describe'>>;
  /** Example of an import id by natural key, e.g. "TLS:5061" (the format is derived from the key). */
  importExample: string;
  /** The client's area for this type. */
  area(client: PortsipClient): CollectionArea<S, CB, UB>;
  /** How the live object is read: listAll (optional, enables batching) and get (common/read-cache.ts). */
  reader(client: PortsipClient): CollectionReader<L>;
  /**
   * For a reader that does not list (its type's list holds summaries): on refresh, read ahead the
   * objects whose unique key this command's configuration declares (the validate walk's census,
   * common/plan-census.ts), found in the list (common/read-cache.ts "Read ahead"), when this says so
   * for the provider's settings.
   */
  readAhead?(ctx: Ctx): boolean;
  /**
   * What its reader does not fetch and that depends on the prior state (tenant: the dealer link, read
   * only when managed): undefined when nothing is needed, else the extra read, started together with
   * the object's own read (not after it: a refresh then waits for one round trip, not two). It
   * resolves to how to complete the live object; that giving null means the object went away in
   * between (a 404 on the extra call).
   */
  enrich?(id: string, prior: ObjectValue | null, ctx: Ctx): Promise<(live: L) => L | null> | undefined;
  toState(live: L, prior: ObjectValue | null, opts?: ToStateOptions): ObjectValue;
  toCreateBody(planned: ObjectValue, config: ObjectValue): CB;
  /** The update body, or null when nothing is to be sent. May read the live object (tenant blocks). */
  updatePatch(prior: ObjectValue, planned: ObjectValue, ctx: Ctx, id: string, config: ObjectValue): UB | null | Promise<UB | null>;
  /** Other objects the PBX may refuse a create over (transport: the same port in the same L4 family). */
  collides?(item: Values, values: Values): boolean;
  /** Checks of a planned create that need more than the config alone (dealer: a password to create with). */
  createChecks?(config: ObjectValue): Diagnostic[];
  /** Checks that need the API (e.g. the server version), run on in-place updates only. */
  planChecks?(prior: ObjectValue, planned: ObjectValue, ctx: Ctx): Promise<Diagnostic[]>;
  /** A planned delete or replacement that may not succeed (dealer: tenants still designated to it). */
  removalChecks?(prior: ObjectValue, kind: 'delete' | 'replace', ctx: Ctx, because: string[]): Promise<Diagnostic[]>;
  /** Calls after the POST (tenant: designate the dealer). A failure yields the partial state + error. */
  afterCreate?(id: string, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<void>;
  /** Calls after the patch (dealer: password reset; tenant: dealer change). */
  afterUpdate?(id: string, prior: ObjectValue, planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<void>;
  /** Attributes only `afterCreate` makes true: null in a partial state built without a read-back. */
  setAfterCreate?: readonly string[];
  /** What to do next when a delete failed for a reason the resource can look into (must not throw). */
  explainDeleteFailure?(id: string, prior: ObjectValue, e: unknown, ctx: Ctx): Promise<string | undefined>;
}

export interface CollectionResource extends KitResource {
  /** How `portsip export` enumerates the type: the same reader a refresh uses. */
  reader(client: PortsipClient): CollectionReader<object>;
  /** Every list item (ids and natural keys), for a type whose reader does not list (tenants: summaries). */
  listAll(client: PortsipClient): Promise<Values[]>;
  /** Ids of the live objects with the natural key of `values` (data sources look objects up by it). */
  idsWithKey(client: PortsipClient, values: Values): Promise<string[]>;
}

export function defineCollection<L extends object, S extends Values, CB, UB>(spec: CollectionSpec<L, S, CB, UB>): CollectionResource {
  const block = spec.schema.block;
  const declared = declaredKey(block);
  if (!declared) throw new Error(`${spec.typeName}: a collection resource needs attributes marked \`key\``);
  const nk = declared;
  const imports = importFormat(nk, spec.importExample);
  const u = spec.unique;
  const unique: UniqueKey | undefined = u && {
    namespace: u.namespace,
    rule: u.rule,
    of: (v) => (u.of ? u.of(v) : nk.of(v)),
    describe: (v) => (u.describe ? u.describe(v) : nk.describe(v)),
  };
  const meta = resourceMeta(spec, 'collection', { importFormat: imports, key: nk, unique });
  const noun = spec.label;
  const source = (client: PortsipClient): KeySource => ({
    typeName: spec.typeName,
    key: nk,
    list: spec.area(client),
    collides: spec.collides && ((item, values) => spec.collides!(item, values)),
  });
  // One reader per client (a provider process has one), not a new one on every ReadResource.
  const readers = new WeakMap<PortsipClient, CollectionReader<L>>();
  const readerOf = (client: PortsipClient): CollectionReader<L> => {
    let r = readers.get(client);
    if (!r) {
      r = spec.reader(client);
      const u = unique;
      if (spec.readAhead && u && !r.listAll) r = { ...r, readAhead: () => declaredIds(client, u) };
      readers.set(client, r);
    }
    return r;
  };

  /**
   * Ids of the live objects whose unique key this command's configuration declares (keys written
   * literally; those of `for_each` blocks or from variables are not in the census), from the list.
   * The list is read only as far as it pays: it stops once every declared key is found, and after
   * LISTED_PER_DECLARED items per declared key (a PBX of 10,000 tenants, 5 of them configured:
   * one page, not a hundred); objects not found by then are read on their own, as without this.
   */
  async function declaredIds(client: PortsipClient, u: UniqueKey): Promise<string[]> {
    const keys = processCensus().keys(u.namespace);
    if (keys.size === 0) return [];
    const ids: string[] = [];
    let listed = 0;
    for await (const item of spec.area(client).iterate()) {
      const key = u.of(item);
      const id = idText(item.id as ObjectValue[string]);
      if (key !== undefined && id !== undefined && keys.has(key)) ids.push(id);
      if (ids.length >= keys.size || ++listed >= keys.size * LISTED_PER_DECLARED) break;
    }
    return ids;
  }
  const collectionOf = (client: PortsipClient) => readerOf(client).collection;

  /** `dealer "acme-telecom"`: the object by its natural key (the id when the values hold none). */
  const nameOf = (values: ObjectValue, id?: string): string => objectName(meta, values, id);

  /** `refresh`: Terraform's ReadResource (which may use reads ahead), not a read after a write. */
  async function liveState(
    id: string,
    prior: ObjectValue | null,
    ctx: Ctx,
    opts?: ToStateOptions,
    refresh = false,
  ): Promise<ObjectValue | null> {
    const extra = spec.enrich?.(id, prior, ctx);
    let live: L | null;
    try {
      live = await ctx.provider.reads.read(readerOf(ctx.provider.client), id, { ahead: refresh && spec.readAhead?.(ctx) === true });
    } finally {
      // The object's own read decides (its error, or its 404); the extra read's outcome is then moot.
      extra?.catch(() => undefined);
    }
    const full = live === null || !extra ? live : (await extra)(live);
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

  const conflict = (ids: readonly string[], planned: ObjectValue): ApplyResponse => ({
    newState: null,
    diagnostics: [conflictDiagnostic(spec.typeName, noun, { ids, key: nk.describe(planned) })],
  });

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
    if (ours === undefined) return conflict(ids, planned);
    const others = ids.filter((i) => i !== ours).map((i) => `"${i}"`);
    const warning: Diagnostic = {
      severity: 'warning',
      summary: `Adopted ${an(noun)} ${noun} created by an interrupted earlier apply`,
      detail:
        `The ${noun} with ${nk.describe(planned)} (id "${ours}") was created by this provider in an earlier apply that was interrupted before ` +
        `Terraform saved it (the create journal in .terraform/ records it, with the same planned values), so it is taken into state instead of ` +
        `being created again.` +
        (others.length > 0 ? ` Other ${noun}s with the same key exist too (id ${others.join(', ')}); delete those you do not want.` : ''),
    };
    ctx.provider.reads.invalidate(collectionOf(ctx.provider.client), ours);
    const live = await liveState(ours, planned, ctx);
    if (live === null) return conflict(ids, planned);
    // Bring it to the planned values (a step after the first create may not have run).
    const r = await update(live, planned, config, ctx);
    ctx.provider.journal.created(spec.typeName, key, hash, ours);
    return { ...r, diagnostics: [warning, ...(r.diagnostics ?? [])] };
  }

  async function create(planned: ObjectValue, config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    const client = ctx.provider.client;
    const { keys, journal } = ctx.provider;
    const src = source(client);
    const key = nk.of(planned);
    const hash = plannedHash(planned);
    let before: string[] = [];
    if (key !== undefined) {
      try {
        before = await keys.idsFor(src, planned);
      } catch (e) {
        return {
          newState: null,
          diagnostics: [apiErrorDiagnostic(e, `Cannot create ${nameOf(planned)}: listing the existing ${noun}s failed`, spec.schema)],
        };
      }
      if (before.length > 0) return existing(before, planned, config, key, hash, ctx);
      checkStop(ctx);
      journal.intent(spec.typeName, key, hash);
    }
    let id: string;
    let extra: Diagnostic | undefined;
    try {
      id = (await spec.area(client).create(spec.toCreateBody(planned, config), { before, findIds: () => idsWithKey(src, planned) })).id;
    } catch (e) {
      if (e instanceof DuplicateCreatedError) {
        // Ours is e.id; the others landed from attempts whose answer was lost. Keep ours, name the rest.
        id = e.id;
        extra = {
          severity: 'error',
          summary: `Duplicate ${noun}s were created`,
          detail:
            `A create of the ${noun} with ${nk.describe(planned)} had to be sent again after an attempt got no answer, and that attempt ` +
            `landed late: besides "${id}" (now in state) the PBX has ${e.extraIds.map((i) => `"${i}"`).join(', ')} with the same key. ` +
            'Delete the extra objects (or import them elsewhere); this PBX does not refuse duplicate keys.',
        };
      } else if (key !== undefined && (e instanceof ConflictError || e instanceof ValidationError)) {
        // A duplicate is answered 409, or 400 naming the field (the emulator, PortSIP's VALIDATE_FAILED):
        // only a look-up by natural key tells a collision from a bad value.
        let ids: string[];
        try {
          ids = await idsWithKey(src, planned);
          if (ids.length === 0) ids = await keys.colliding(src, planned);
        } catch {
          ids = [];
        }
        if (ids.length > 0) return existing(ids, planned, config, key, hash, ctx);
        return { newState: null, diagnostics: [apiErrorDiagnostic(e, `Cannot create ${nameOf(planned)}`, spec.schema)] };
      } else return { newState: null, diagnostics: [apiErrorDiagnostic(e, `Cannot create ${nameOf(planned)}`, spec.schema)] };
    }
    if (key !== undefined) {
      journal.created(spec.typeName, key, hash, id);
      keys.add(src, planned, id);
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
      if (state === null) throw new Error(`the new ${noun} ${id} was not found right after it was created`);
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
      if (patch !== null) {
        wrote = true;
        await spec.area(client).update(id, patch);
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
    const client = ctx.provider.client;
    const id = String(prior.id);
    try {
      await spec.area(client).delete(id);
    } catch (e) {
      if (!(e instanceof NotFoundError)) {
        // Some deletes answer 400 for an unknown id (IP rules, C1): a GET decides whether it is gone.
        let gone: boolean;
        try {
          gone = (await readerOf(client).get(id)) === null;
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
  function importRef(raw: string): { id: string } | { key: Values } | { invalid: string } | null {
    const s = raw.trim();
    if (s.startsWith('id=')) return { id: s.slice(3) };
    const prefixed = nk.attributes.some((a) => s.startsWith(`${a}=`));
    if (!prefixed && looksLikeApiId(s)) return { id: s };
    const key = imports.parse(s);
    if (key !== null) return { key };
    // `cidr=<not a CIDR>` asked for a key: it is not an id of the whole text.
    if (prefixed) return { invalid: s };
    return s ? { id: s } : null;
  }

  const invalidImport = (detail: string): ImportResponse => ({
    state: null,
    diagnostics: [{ severity: 'error', summary: 'Invalid import id', detail }],
  });

  async function importState(raw: string, ctx: Ctx): Promise<ImportResponse> {
    const ref = importRef(raw);
    const formats = `the ${noun} id, or ${imports.format} (e.g. "${imports.example}")`;
    if (!ref) return invalidImport(`Import ${spec.typeName} with ${formats}; got an empty id.`);
    if ('invalid' in ref) return invalidImport(`Import ${spec.typeName} with ${formats}; got ${JSON.stringify(ref.invalid)}.`);
    if ('id' in ref) return { state: emptyState(block, { id: ref.id }) };
    const client = ctx.provider.client;
    let ids: string[];
    try {
      ids = await idsWithKey(source(client), ref.key);
    } catch (e) {
      throw new DiagnosticsError([apiErrorDiagnostic(e, `Cannot look up ${spec.typeName} "${raw}"`, spec.schema)]);
    }
    if (ids.length > 1)
      return {
        state: null,
        diagnostics: [
          {
            severity: 'error',
            summary: `More than one ${noun} matches "${raw}"`,
            detail: `The PBX has ${ids.length} ${noun}s with ${nk.describe(ref.key)} (id ${ids.map((i) => `"${i}"`).join(', ')}). Import the one you mean by its id.`,
          },
        ],
      };
    const id = ids[0];
    if (id) return { state: emptyState(block, { id }) };
    // A natural key that matches nothing may still be an API id in an unusual shape.
    const byId = await ctx.provider.reads.read(readerOf(client), raw.trim()).catch(() => null);
    if (byId !== null) return { state: emptyState(block, { id: raw.trim() }) };
    return {
      state: null,
      diagnostics: [
        {
          severity: 'error',
          summary: 'Cannot import non-existent remote object',
          detail: `No ${noun} matches "${raw}". Import ${spec.typeName} with ${formats}.`,
        },
      ],
    };
  }

  const flow: Flow = {
    census: (config) => recordUniqueKey(processCensus(), unique, config),

    async planChecks(req: PlanRequest, planned: ObjectValue, replace: string[], ctx: Ctx): Promise<Diagnostic[]> {
      const ledger = ctx.provider.ledger;
      if (!req.prior) return [...(spec.createChecks?.(req.config) ?? []), ...ledger.planned(spec.typeName, unique, null, planned, false)];
      const diagnostics = ledger.planned(spec.typeName, unique, req.prior, planned, replace.length > 0);
      if (replace.length === 0 && spec.planChecks) diagnostics.push(...(await spec.planChecks(req.prior, planned, ctx)));
      if (replace.length > 0 && spec.removalChecks) diagnostics.push(...(await spec.removalChecks(req.prior, 'replace', ctx, replace)));
      return diagnostics;
    },

    async planDestroy(prior: ObjectValue, ctx: Ctx): Promise<Diagnostic[]> {
      ctx.provider.ledger.destroying(spec.typeName, prior);
      return spec.removalChecks ? spec.removalChecks(prior, 'delete', ctx, []) : [];
    },

    create,
    update,
    destroy,

    async read(current: ObjectValue, ctx: Ctx): Promise<ObjectValue | null> {
      const id = idText(current.id);
      if (id === undefined) return null;
      // Terraform read this id from its saved state: a journal entry for it is closed (create-journal.ts).
      ctx.provider.journal.done(spec.typeName, id);
      return liveState(id, current, ctx, undefined, true);
    },

    readFailure: (e, current) => [apiErrorDiagnostic(e, `Cannot read ${nameOf(current, idText(current.id))}`, spec.schema)],

    importState,
  };

  return {
    ...kitResource(spec, meta, flow),
    reader: readerOf,
    listAll: (client) => spec.area(client).listAll(),
    idsWithKey: (client, values) => idsWithKey(source(client), values),
  };
}
