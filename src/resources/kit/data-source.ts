// Data sources on the kit: the same dispatch pieces as resources (define.ts), for reads only. Every
// data source declares its type name, schema, static checks and a read that either finds its object
// or says what it looked for; the kit does the rest once: no read starts after StopProvider (the
// client aborts reads already running), "nothing matches" is an error (Terraform has no "absent" data
// value), a 404 on a lookup by id reads as "no match", anything else is the API's error with its remedy.

import { NotFoundError } from '../../client';
import type { DataSourceDefinition, DataSourceReadResponse } from '../../provider/definition';
import type { Schema } from '../../provider/schema';
import type { Diagnostic, ObjectValue } from '../../provider/values';
import type { PortsipContext } from '../common/context';
import type { CollectionResource } from './collection';
import type { Ctx } from './define';
import { apiErrorDiagnostic, checkStop } from './diagnostics';

/** What a read found: the state, or (`notFound`) what it looked for, e.g. `domain "acme.example.com"`. */
export type Lookup = { state: ObjectValue } | { notFound: string };

export interface DataSourceSpec {
  /** e.g. `portsip_tenant` (messages say `data.portsip_tenant`). */
  typeName: string;
  schema: Schema;
  /** Static checks (no API); values may be unknown. */
  validate?(config: ObjectValue): Diagnostic[];
  /** Config holds no unknown here: Terraform defers reading until it is known. */
  read(config: ObjectValue, ctx: Ctx): Promise<Lookup>;
}

function noMatch(what: string, lookedFor: string): DataSourceReadResponse {
  return {
    state: null,
    diagnostics: [{ severity: 'error', summary: `No match for ${what}`, detail: `The PBX has no object with ${lookedFor}.` }],
  };
}

export function defineDataSource(spec: DataSourceSpec): DataSourceDefinition<PortsipContext> {
  const what = `data.${spec.typeName}`;
  return {
    schema: spec.schema,
    validate: (config: ObjectValue) => spec.validate?.(config) ?? [],
    async read(config: ObjectValue, ctx: Ctx): Promise<DataSourceReadResponse> {
      checkStop(ctx);
      try {
        const found = await spec.read(config, ctx);
        return 'notFound' in found ? noMatch(what, found.notFound) : { state: found.state };
      } catch (e) {
        if (e instanceof NotFoundError && typeof config.id === 'string') return noMatch(what, `id "${config.id}"`);
        return { state: null, diagnostics: [apiErrorDiagnostic(e, `Cannot read ${what}`, spec.schema)] };
      }
    },
  };
}

/**
 * The id a lookup data source reads: the configured `id`, else the one object with the natural key the
 * config names (the resource's own key: the same comparison as import and the look-up before a create).
 * Several objects with the key: an error asking for the id.
 */
export async function idOrKey(config: ObjectValue, resource: CollectionResource, ctx: Ctx): Promise<string | { notFound: string }> {
  if (typeof config.id === 'string') return config.id;
  const key = resource.meta.key;
  if (!key) throw new Error(`${resource.meta.typeName} has no natural key to look up by`);
  const ids = await resource.idsWithKey(ctx.provider.client, config);
  const [only, ...more] = ids;
  if (only === undefined) return { notFound: key.describe(config) };
  if (more.length > 0)
    throw new Error(
      `${ids.length} ${resource.meta.label}s have ${key.describe(config)} (ids ${ids.map((i) => `"${i}"`).join(', ')}): look it up by id.`,
    );
  return only;
}
