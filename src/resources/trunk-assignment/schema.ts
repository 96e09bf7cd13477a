// portsip_trunk_assignment: schema (docs/portsip-api.md Ops 48-51, C1). Assigns a trunk ("provider") to a tenant
// with a DID pool and a concurrency limit. The same POST creates and updates the assignment.

import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type KitSchema } from '../common/schema-helpers';

export const trunkAssignmentSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'Assigns a trunk (provider) to a tenant (`/api/providers/{trunk_id}/assignees/{tenant_id}`), with the DID numbers the tenant may use on it and a concurrent-call limit. Import with `<trunk_id>/<tenant_id>`.',
    attributes: {
      id: computed('string', '`<trunk_id>/<tenant_id>`.'),
      trunk_id: required('string', 'The trunk (provider) id, e.g. `portsip_trunk.carrier.id`. Changing it replaces the assignment.', {
        key: 'text',
        replace: true,
        references: 'portsip_trunk',
      }),
      tenant_id: required('string', 'The tenant id. Changing it replaces the assignment.', {
        key: 'text',
        replace: true,
        references: 'portsip_tenant',
      }),
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
