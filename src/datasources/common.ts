// What every data source's read shares: the context type and the "nothing matches" / API error
// answers (a data source that finds nothing is an error: Terraform has no "absent" data value).

import { NotFoundError } from '../client';
import type { DataSourceReadResponse, ResourceContext } from '../provider/definition';
import type { Schema } from '../provider/schema';
import type { ObjectValue } from '../provider/values';
import type { PortsipContext } from '../resources/common/context';
import { apiErrorDiagnostic } from '../resources/kit/diagnostics';

export type DsCtx = ResourceContext<PortsipContext>;

export function notFound(type: string, what: string): DataSourceReadResponse {
  return {
    state: null,
    diagnostics: [{ severity: 'error', summary: `No match for ${type}`, detail: `The PBX has no object with ${what}.` }],
  };
}

/** A 404 on a lookup by id reads as "no match"; anything else is the API's error with its remedy. */
export function lookupFailed(e: unknown, type: string, config: ObjectValue, schema: Schema): DataSourceReadResponse {
  if (e instanceof NotFoundError && typeof config.id === 'string') return notFound(type, `id "${config.id}"`);
  return { state: null, diagnostics: [apiErrorDiagnostic(e, `Cannot read ${type}`, schema)] };
}
