// portsip_trunk_assignment: a trunk ("provider") assigned to a tenant (Ops 48-51), the kit's pair
// mode (kit/pair.ts): no id of its own (the pair of path ids, both marked `key` and `replace`), and
// one POST both creates and updates it (merge vs replace is undocumented, model.toUpdatePatch).
// A DID pool that overlaps another tenant's is refused by the PBX (400 on did_numbers): the
// diagnostic points at `did_numbers` and says which pool it collides with (the API's message).

import { reasonOf, ValidationError } from '../../client';
import { definePair, type Pair } from '../kit/pair';
import { apiErrorDiagnostic } from '../kit/diagnostics';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from './model';
import { trunkAssignmentSchema } from './schema';
import { validate } from './validate';

function didPoolRefused(e: unknown, what: string, pair: Pair) {
  if (!(e instanceof ValidationError && (e.field === 'did_numbers' || /overlap/i.test(e.message)))) return undefined;
  // The pool's syntax (ranges, entries overlapping each other) is checked in validate, so a refusal
  // of did_numbers by the PBX almost always means the pool collides with another tenant's.
  const d = apiErrorDiagnostic(e, what, trunkAssignmentSchema);
  const reason = reasonOf(e.detail);
  d.summary = `DID pool refused: it overlaps another tenant's pool (trunk "${pair.trunk_id}", tenant "${pair.tenant_id}")`;
  d.detail =
    `The PBX refused "did_numbers"${typeof reason === 'string' ? `: ${reason}` : ` (${e.message})`}. ` +
    "A DID may belong to one tenant only, on any trunk: remove the overlapping numbers here or from the other tenant's assignment (the PortSIP portal lists the pools of every tenant per trunk).";
  d.path = ['did_numbers'];
  return d;
}

export const trunkAssignmentResource = definePair({
  typeName: 'portsip_trunk_assignment',
  label: 'trunk assignment',
  schema: trunkAssignmentSchema,
  validate,
  keepPriorSpelling,
  importExample: 'NzAwNTUxOTA5NzczMTQ4MTYw/NzAwNTUxOTA5NzczMTQ4MTYx',
  get: (client, trunk, tenant) => client.providers.getAssignment(trunk, tenant),
  put: (client, trunk, tenant, body) => client.providers.assign(trunk, tenant, body),
  remove: (client, trunk, tenant) => client.providers.unassign(trunk, tenant),
  toState: (live, prior, pair) => toState(live, prior, pair),
  toCreateBody,
  toUpdatePatch,
  writeError: didPoolRefused,
});
