// Validation of the trunk assignment: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), several problems at once, valid configurations and unknown values.

import { trunkAssignmentSchema } from '../../../src/resources/trunk-assignment/schema';
import { validate as vTrunk } from '../../../src/resources/trunk-assignment/validate';
import { errors } from '../helpers';
import { configBuilder, everyUnknown, type InvalidCase, testInvalidCases } from '../invalid-cases';

const trunk = configBuilder(trunkAssignmentSchema, {
  trunk_id: 'NzAwNTUxOTA5NzczMTQ4MTYw',
  tenant_id: 'NzAwNTUxOTA5NzczMTQ4MTYx',
  did_numbers: '3000;12000-18000',
  concurrency: 10,
});

const cases: InvalidCase[] = [
  {
    name: 'DID pool with commas',
    run: () => vTrunk(trunk({ did_numbers: '3000,4000' })),
    expect: [{ path: ['did_numbers'], contains: ['"did_numbers"', '"3000,4000"', 'separated by ";"', 'entry 1 "3000,4000"'] }],
  },
  {
    name: 'DID range reversed',
    run: () => vTrunk(trunk({ did_numbers: '3000;18000-12000' })),
    expect: [{ path: ['did_numbers'], contains: ['"did_numbers"', 'start ≤ end', 'Entry 2 "18000-12000"', 'did you mean "12000-18000"'] }],
  },
  {
    name: 'DID pool overlapping itself',
    run: () => vTrunk(trunk({ did_numbers: '3000-3999;5000;3500' })),
    expect: [
      { path: ['did_numbers'], contains: ['"did_numbers"', 'without overlapping entries', 'Entries 1 "3000-3999" and 3 "3500" overlap'] },
    ],
  },
  {
    name: 'DID pool with a stray separator',
    run: () => vTrunk(trunk({ did_numbers: '3000;' })),
    expect: [{ path: ['did_numbers'], contains: ['"did_numbers"', '"3000;"', 'entry 2 is empty'] }],
  },
  {
    name: 'trunk concurrency negative',
    run: () => vTrunk(trunk({ concurrency: -1 })),
    expect: [{ path: ['concurrency'], contains: ['"concurrency"', 'got -1', 'whole number from 0 to 2147483647'] }],
  },
  {
    name: 'trunk id with a slash',
    run: () => vTrunk(trunk({ trunk_id: 'a/b' })),
    expect: [{ path: ['trunk_id'], contains: ['"trunk_id"', '"a/b"', 'without "/"'] }],
  },
  {
    name: 'tenant id empty',
    run: () => vTrunk(trunk({ tenant_id: '' })),
    expect: [{ path: ['tenant_id'], contains: ['"tenant_id"', 'got ""', 'at least 1 characters'] }],
  },
];

testInvalidCases(cases);

describe('several problems at once are all reported', () => {
  test('DID pool: reversed range and two overlaps at once', () => {
    const ds = vTrunk(trunk({ did_numbers: '100-200; 150 ;300-250; 199-201' }));
    const details = errors(ds).map((d) => d.detail);
    expect(details).toHaveLength(3);
    expect(details.join('\n')).toMatch(/Entry 3 "300-250" starts after it ends/);
    expect(details.join('\n')).toMatch(/Entries 1 "100-200" and 2 "150" overlap/);
    expect(details.join('\n')).toMatch(/Entries 1 "100-200" and 4 "199-201" overlap/);
  });
});

describe('valid configurations produce no errors', () => {
  test('trunk assignment: spacing tolerated, single numbers and long DIDs', () => {
    expect(vTrunk(trunk({ did_numbers: ' 3000 ; 12000 - 18000 ' }))).toEqual([]);
    expect(vTrunk(trunk({ did_numbers: '0044207946000-0044207946999;0044207947000', concurrency: 0 }))).toEqual([]);
    expect(vTrunk(trunk({ did_numbers: '' }))).toEqual([]);
    expect(vTrunk(trunk({ did_numbers: '5-5;6' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('trunk assignment with every argument unknown', () => {
    expect(vTrunk(everyUnknown(trunkAssignmentSchema))).toEqual([]);
  });
});
