// What every flow of the resource kit (and the data sources) says when something fails: API errors
// as diagnostics with the server's reason and a remedy, the "already exists" error with an import
// block, and the Ctrl-C check between steps.

import {
  AbortedError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PortsipError,
  reasonOf,
  UnauthorizedError,
  ValidationError,
} from '../../client';
import type { Schema } from '../../provider/schema';
import { UNKNOWN, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';

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

/** The text with its first letter in upper case. */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a" or "an" before a noun ("an IP rule", "a tenant"). */
export function an(noun: string, capital = false): string {
  const a = /^(?:[aeiou]|IP\b|SBC\b|IM\b)/i.test(noun) ? 'an' : 'a';
  return capital ? a.charAt(0).toUpperCase() + a.slice(1) : a;
}

/**
 * The "already exists" error: who is in the way, and an import block that adopts it. The protocol
 * never tells a provider the address of the resource it serves, and with `count`, `for_each` or
 * modules the block name alone is not enough, so the block names a placeholder and the detail says
 * where the address is (the "with" line Terraform prints above this diagnostic).
 */
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
