// portsip_trunk_assignment: schema (docs/portsip-api.md Ops 48-51, C1). Assigns a trunk ("provider") to a tenant
// with a DID pool and a concurrency limit. The same POST creates and updates the assignment.

import type { Schema } from '../../provider/schema';
import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type ImportKeyFormat } from '../common/schema-helpers';
import { looksLikeApiId } from '../common/ids';

export const trunkAssignmentSchema: Schema = {
  version: 0,
  block: {
    description:
      'Assigns a trunk (provider) to a tenant (`/api/providers/{trunk_id}/assignees/{tenant_id}`), with the DID numbers the tenant may use on it and a concurrent-call limit. Import with `<trunk_id>/<tenant_id>`.',
    attributes: {
      id: computed('string', '`<trunk_id>/<tenant_id>`.'),
      trunk_id: required('string', 'The trunk (provider) id. Changing it replaces the assignment.'),
      tenant_id: required('string', 'The tenant id. Changing it replaces the assignment.'),
      did_numbers: optional(
        'string',
        'The DID pool: single numbers and ranges `start-end` separated by `;`, e.g. `3000;12000-18000`. Ranges need start ≤ end; entries must not overlap each other, nor the pool of any other tenant on the trunk (the PBX checks that). White space is ignored and the order of entries does not matter for comparison. Unset: no DIDs.',
      ),
      concurrency: optionalComputed(
        'number',
        `Maximum concurrent calls the tenant may place or receive over the trunk, 0-2147483647. No documented server default. ${UNMANAGED_WHEN_UNSET}`,
      ),
    },
  },
};

/** The state id of an assignment. */
export function trunkAssignmentId(trunkId: string, tenantId: string): string {
  return `${trunkId}/${tenantId}`;
}

/**
 * Import by `<trunk_id>/<tenant_id>`. API ids are base64 of decimal digits, which never contains "/"
 * (docs/portsip-api.md §2.5); should an id ever hold one, the split where both halves look like API ids wins.
 */
export const trunkAssignmentImportKey: ImportKeyFormat<{ trunk_id: string; tenant_id: string }> = {
  format: '<trunk_id>/<tenant_id>',
  example: 'NzAwNTUxOTA5NzczMTQ4MTYw/NzAwNTUxOTA5NzczMTQ4MTYx',
  attributes: ['trunk_id', 'tenant_id'],
  parse(id: string) {
    const s = id.trim();
    const cuts: number[] = [];
    for (let i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) cuts.push(i);
    const split = (i: number) => ({ trunk_id: s.slice(0, i), tenant_id: s.slice(i + 1) });
    const ok = (r: { trunk_id: string; tenant_id: string }) => r.trunk_id !== '' && r.tenant_id !== '';
    if (cuts.length === 1) return ok(split(cuts[0]!)) ? split(cuts[0]!) : null;
    const idLike = cuts.map(split).filter((r) => ok(r) && looksLikeApiId(r.trunk_id) && looksLikeApiId(r.tenant_id));
    return idLike.length === 1 ? idLike[0]! : null;
  },
};
