// API <-> state mapping of the trunk assignment: exact key sets, round trips, prior spelling kept, write-only never in
// state, minimal update patches.

import { UNKNOWN } from '../../../src/provider/values';
import * as trunk from '../../../src/resources/trunk-assignment/model';
import { trunkAssignmentSchema } from '../../../src/resources/trunk-assignment/schema';
import { configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';
import { metaOf } from '../../../src/resources';
import { replacedAttributes } from '../../../src/resources/kit/define';

/** The import format a resource type declares. */
const importOf = (type: string) => metaOf(type)!.importFormat;

describe('trunk assignment', () => {
  const ids = { trunk_id: 'NzAwNTUxOTA5NzczMTQ4MTYw', tenant_id: 'NzAwNTUxOTA5NzczMTQ4MTYx' };

  test('import: ids from the key, every key, DID spacing kept from prior', () => {
    const s = trunk.toState({ did_numbers: '3000;12000-18000', concurrency: 5 }, null, ids);
    expectExactKeys(trunkAssignmentSchema.block, s);
    expect(s).toEqual({ id: `${ids.trunk_id}/${ids.tenant_id}`, ...ids, did_numbers: '3000;12000-18000', concurrency: 5 });
    const prior = { ...s, did_numbers: '12000-18000; 3000' };
    expect(trunk.toState({ did_numbers: '3000;12000-18000', concurrency: 5 }, prior).did_numbers).toBe('12000-18000; 3000');
    expect(trunk.toState({ did_numbers: '3000', concurrency: 5 }, prior).did_numbers).toBe('3000');
    expect(trunk.toState({ did_numbers: '', concurrency: 5 }, prior).did_numbers).toBeNull();
  });

  test('bodies: canonical DID pool; update sends the whole assignment; replacement on id change', () => {
    const planned = configOf(trunkAssignmentSchema, { ...ids, id: UNKNOWN, did_numbers: ' 3000 ; 4000-4999 ', concurrency: UNKNOWN });
    expect(trunk.toCreateBody(planned)).toEqual({ did_numbers: '3000;4000-4999' });
    const prior = trunk.toState({ did_numbers: '3000;4000-4999', concurrency: 5 }, null, ids);
    expect(trunk.toUpdatePatch(prior, { ...prior, did_numbers: '4000-4999;3000' })).toBeNull();
    expect(trunk.toUpdatePatch(prior, { ...prior, concurrency: 8 })).toEqual({ did_numbers: '3000;4000-4999', concurrency: 8 });
    expect(trunk.toUpdatePatch(prior, { ...prior, did_numbers: null })).toEqual({ did_numbers: '', concurrency: 5 });
    expect(replacedAttributes(trunkAssignmentSchema.block, prior, { ...prior, tenant_id: 'other' })).toEqual(['tenant_id']);
    expect(replacedAttributes(trunkAssignmentSchema.block, prior, { ...prior, trunk_id: UNKNOWN })).toEqual(['trunk_id']);
    expect(replacedAttributes(trunkAssignmentSchema.block, prior, { ...prior, concurrency: 1 })).toEqual([]);
  });

  test('import key', () => {
    expect(importOf('portsip_trunk_assignment').parse(`${ids.trunk_id}/${ids.tenant_id}`)).toEqual(ids);
    expect(importOf('portsip_trunk_assignment').parse('abc')).toBeNull();
    expect(importOf('portsip_trunk_assignment').parse('abc/')).toBeNull();
    expect(importOf('portsip_trunk_assignment').parse('a/b/c')).toBeNull();
  });
});
