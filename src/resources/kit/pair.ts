// The pair mode of the kit (define.ts): an object with no id of its own, named by the ids of two
// others (the two attributes marked `key`), which one POST both creates and updates (trunk
// assignment: /providers/{trunk_id}/assignees/{tenant_id}). Its state id is `<first>/<second>`.
//
// create -> GET the pair first: the POST would silently overwrite one someone else made, so an
//           existing one is a conflict naming the import block (docs/design.md "Resource behaviour"), then POST + read.
// update -> POST the body of the change; the planned state is returned when fully known.
// read   -> GET the pair; 404 means gone (null), also when either object is gone.
// delete -> POST .../destroy; "not there" is success when a GET agrees.
// plan   -> the id is known whenever both ids are; the ids are marked `replace`.

import { NotFoundError, type PortsipClient } from '../../client';
import type { ApplyResponse, ImportResponse } from '../../provider/definition';
import { containsUnknown, type Diagnostic, type ObjectValue } from '../../provider/values';
import { looksLikeApiId } from '../common/ids';
import { emptyState } from '../common/mapping';
import { apiErrorDiagnostic, conflictDiagnostic, nullUnknowns } from './diagnostics';
import { kitResource, resourceMeta, type Ctx, type Flow, type KitResource, type ResourceSpec } from './define';
import { declaredKey, type ImportFormat } from './keys';

/** The two ids, by attribute name. */
export type Pair = Readonly<Record<string, string>>;

export interface PairSpec<L, B> extends ResourceSpec {
  /** GET the pair: null (or a 404) when it does not exist. */
  get(client: PortsipClient, first: string, second: string): Promise<L | null>;
  /** POST the body (create and update). */
  put(client: PortsipClient, first: string, second: string, body: B): Promise<void>;
  remove(client: PortsipClient, first: string, second: string): Promise<void>;
  toState(live: L, prior: ObjectValue | null, pair: Pair): ObjectValue;
  toCreateBody(planned: ObjectValue): B;
  /** The update body, or null when nothing is to be sent. */
  toUpdatePatch(prior: ObjectValue, planned: ObjectValue): B | null;
  /** A refused write as a diagnostic, when the resource can say more than the API error (a DID pool overlap). */
  writeError?(e: unknown, what: string, pair: Pair): Diagnostic | undefined;
  /** Example import id. */
  importExample: string;
}

/**
 * Splits `<first>/<second>`. API ids are base64 of decimal digits, which never contains "/"
 * (docs/portsip-api.md §2.5); should an id ever hold one, the split where both halves look like API ids wins.
 */
function splitPair(raw: string): [string, string] | null {
  const s = raw.trim();
  const cuts: number[] = [];
  for (let i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) cuts.push(i);
  const halves = (i: number): [string, string] => [s.slice(0, i), s.slice(i + 1)];
  const ok = ([a, b]: [string, string]) => a !== '' && b !== '';
  if (cuts.length === 1) return ok(halves(cuts[0]!)) ? halves(cuts[0]!) : null;
  const idLike = cuts.map(halves).filter((h) => ok(h) && looksLikeApiId(h[0]) && looksLikeApiId(h[1]));
  return idLike.length === 1 ? idLike[0]! : null;
}

function twoNames(typeName: string, names: readonly string[]): [string, string] {
  const [a, b] = names;
  if (names.length !== 2 || a === undefined || b === undefined)
    throw new Error(`${typeName}: a pair resource needs exactly two attributes marked \`key\``);
  return [a, b];
}

export function definePair<L, B>(spec: PairSpec<L, B>): KitResource {
  const block = spec.schema.block;
  const key = declaredKey(block, '/');
  const [first, second] = twoNames(spec.typeName, key?.attributes ?? []);
  const imports: ImportFormat = {
    format: `<${first}>/<${second}>`,
    example: spec.importExample,
    parse(id) {
      const ids = splitPair(id);
      return ids ? { [first]: ids[0], [second]: ids[1] } : null;
    },
  };
  const meta = resourceMeta(spec, 'pair', { importFormat: imports, key });
  const idOf = (a: string, b: string) => `${a}/${b}`;
  const pairOf = (v: ObjectValue): Pair => ({ [first]: String(v[first]), [second]: String(v[second]) });
  const describe = (p: Pair) => `${first.replace(/_id$/, '')} "${p[first]}" and ${second.replace(/_id$/, '')} "${p[second]}"`;

  function writeError(e: unknown, what: string, pair: Pair): Diagnostic {
    return spec.writeError?.(e, what, pair) ?? apiErrorDiagnostic(e, what, spec.schema);
  }

  /** The live state, or null when the pair (or either object) does not exist. */
  async function liveState(pair: Pair, prior: ObjectValue | null, ctx: Ctx): Promise<ObjectValue | null> {
    let live: L | null;
    try {
      live = await spec.get(ctx.provider.client, pair[first]!, pair[second]!);
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
    return live === null ? null : spec.toState(live, prior, pair);
  }

  async function create(planned: ObjectValue, _config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    const pair = pairOf(planned);
    const id = idOf(pair[first]!, pair[second]!);
    try {
      if ((await liveState(pair, null, ctx)) !== null)
        return { newState: null, diagnostics: [conflictDiagnostic(spec.typeName, spec.label, { ids: [id], key: describe(pair) })] };
      await spec.put(ctx.provider.client, pair[first]!, pair[second]!, spec.toCreateBody(planned));
    } catch (e) {
      return { newState: null, diagnostics: [writeError(e, `Cannot create the ${spec.label} of ${describe(pair)}`, pair)] };
    }
    const partial = nullUnknowns({ ...planned, id });
    try {
      return { newState: (await liveState(pair, planned, ctx)) ?? partial };
    } catch (e) {
      // Written: the planned values are what we know. A warning, so Terraform does not taint it.
      const d = apiErrorDiagnostic(e, `The ${spec.label} was created but reading it back failed`, spec.schema);
      return { newState: partial, diagnostics: [{ ...d, severity: 'warning' }] };
    }
  }

  async function update(prior: ObjectValue, planned: ObjectValue, _config: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    const pair = pairOf(prior);
    const body = spec.toUpdatePatch(prior, planned);
    if (body !== null) {
      try {
        await spec.put(ctx.provider.client, pair[first]!, pair[second]!, body);
      } catch (e) {
        return { newState: prior, diagnostics: [writeError(e, `Cannot update the ${spec.label} of ${describe(pair)}`, pair)] };
      }
    }
    if (!containsUnknown(planned)) return { newState: planned };
    const state = await liveState(pair, planned, ctx);
    if (state === null) throw new Error(`the ${spec.label} of ${describe(pair)} disappeared during the update`);
    return { newState: state };
  }

  async function destroy(prior: ObjectValue, ctx: Ctx): Promise<ApplyResponse> {
    const pair = pairOf(prior);
    try {
      await spec.remove(ctx.provider.client, pair[first]!, pair[second]!);
    } catch (e) {
      // "Not there" may answer 4XX: if a GET agrees it is gone, the goal is reached.
      const gone = await liveState(pair, null, ctx).then(
        (s) => s === null,
        () => false,
      );
      if (!gone)
        return {
          newState: prior,
          diagnostics: [apiErrorDiagnostic(e, `Cannot delete the ${spec.label} of ${describe(pair)}`, spec.schema)],
        };
    }
    return { newState: null };
  }

  const flow: Flow = {
    // Nothing to count: two blocks naming one pair fail at apply with the conflict error.
    census: () => undefined,
    finishPlan(planned) {
      // The id is the pair: known at plan time whenever both ids are.
      const a = planned[first];
      const b = planned[second];
      if (typeof a === 'string' && typeof b === 'string') planned.id = idOf(a, b);
    },
    planChecks: async () => [],
    create,
    update,
    destroy,
    read: async (current, ctx) =>
      typeof current[first] === 'string' && typeof current[second] === 'string' ? liveState(pairOf(current), current, ctx) : null,
    readFailure: (e, current) => [apiErrorDiagnostic(e, `Cannot read ${spec.typeName} "${String(current.id)}"`, spec.schema)],
    async importState(raw: string): Promise<ImportResponse> {
      const ids = imports.parse(raw);
      if (!ids)
        return {
          state: null,
          diagnostics: [
            {
              severity: 'error',
              summary: 'Invalid import id',
              detail: `Import ${spec.typeName} with ${imports.format} (e.g. "${imports.example}"); got "${raw}".`,
            },
          ],
        };
      const a = String(ids[first]);
      const b = String(ids[second]);
      return { state: emptyState(block, { [first]: a, [second]: b, id: idOf(a, b) }) };
    },
  };

  return kitResource(spec, meta, flow);
}
