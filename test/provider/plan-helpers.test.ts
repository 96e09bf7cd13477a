import { taggedCtyType, withCtyType } from '../../src/provider/codec';
import {
  blockEquals,
  cloneValue,
  hasChange,
  hasDeprecated,
  hasWriteOnly,
  markComputedUnknown,
  nullWriteOnly,
  planDefault,
  useStateForUnknown,
  valueEquals,
  writeOnlyValuePaths,
} from '../../src/provider/plan-helpers';
import type { Schema } from '../../src/provider/schema';
import { BigNum, UNKNOWN, type ObjectValue } from '../../src/provider/values';

const schema: Schema = {
  version: 0,
  block: {
    attributes: {
      id: { type: 'string', computed: true, description: '' },
      name: { type: 'string', required: true, description: '' },
      kind: { type: 'string', optional: true, description: '' },
      size: { type: 'number', optional: true, computed: true, description: '' },
      labels: { type: { set: 'string' }, optional: true, description: '' },
      pw: { type: 'string', optional: true, writeOnly: true, description: '' },
      updated_at: { type: 'string', computed: true, description: '' },
    },
    blocks: {
      rule: {
        nesting: 'list',
        block: {
          attributes: {
            cidr: { type: 'string', required: true, description: '' },
            rid: { type: 'string', computed: true, description: '' },
            key: { type: 'string', optional: true, writeOnly: true, description: '' },
          },
        },
      },
      opt: { nesting: 'group', block: { attributes: { color: { type: 'string', optional: true, computed: true, description: '' } } } },
    },
  },
};
const block = schema.block;

const prior: ObjectValue = {
  id: 'i1',
  name: 'a',
  kind: 'k1',
  size: 3,
  labels: ['x', 'y'],
  pw: null,
  updated_at: 't1',
  rule: [{ cidr: '10.0.0.0/8', rid: 'r1', key: null }],
  opt: { color: 'red' },
};

describe('planDefault', () => {
  test('create: computed values left unset become unknown (nested too); write-only nulled', () => {
    const proposed: ObjectValue = {
      id: null,
      name: 'a',
      kind: null,
      size: null,
      labels: null,
      pw: 'secret',
      updated_at: null,
      rule: [{ cidr: 'c', rid: null, key: 'k' }],
      opt: { color: null },
    };
    const r = planDefault(schema, { prior: null, proposed });
    expect(r.planned).toEqual({
      id: UNKNOWN,
      name: 'a',
      kind: null,
      size: UNKNOWN,
      labels: null,
      pw: null,
      updated_at: UNKNOWN,
      rule: [{ cidr: 'c', rid: UNKNOWN, key: null }],
      opt: { color: UNKNOWN },
    });
    expect(proposed.pw).toBe('secret'); // input untouched
  });

  test('no-op: nothing planned unknown', () => {
    const proposed = { ...cloneValue(prior), labels: ['y', 'x'], pw: 'secret' };
    const r = planDefault(schema, { prior, proposed }, { unknownOnChange: ['updated_at'] });
    expect(r.changed).toBe(false);
    expect(r.planned).toEqual({ ...prior, labels: ['y', 'x'] });
  });

  test('update: volatile computed becomes unknown, other computed values are kept', () => {
    const proposed = { ...cloneValue(prior), kind: 'k2', size: new BigNum('3.0') };
    const r = planDefault(schema, { prior, proposed }, { unknownOnChange: ['updated_at'] });
    expect(r.changed).toBe(true);
    expect(r.planned.updated_at).toBe(UNKNOWN);
    expect(r.planned.id).toBe('i1');
  });

  test('a changed nested block is a change', () => {
    const proposed = { ...cloneValue(prior), rule: [{ cidr: '11.0.0.0/8', rid: 'r1', key: null }] };
    expect(planDefault(schema, { prior, proposed }).changed).toBe(true);
  });
});

test('useStateForUnknown copies prior values over unknown computed attributes', () => {
  const planned: ObjectValue = { ...prior, id: UNKNOWN, updated_at: UNKNOWN, name: 'b' };
  expect(useStateForUnknown(block, planned, prior)).toMatchObject({ id: 'i1', updated_at: 't1', name: 'b' });
  expect(useStateForUnknown(block, planned, prior, ['id'])).toMatchObject({ id: 'i1', updated_at: UNKNOWN });
  expect(useStateForUnknown(block, planned, null)).toBe(planned);
});

test('markComputedUnknown leaves set values alone', () => {
  expect(markComputedUnknown(block, { ...prior, size: null }).size).toBe(UNKNOWN);
  expect(markComputedUnknown(block, prior).size).toBe(3);
});

test('hasChange / blockEquals: sets ignore order, numbers by value, write-only ignored', () => {
  expect(hasChange(block, prior, { ...prior, labels: ['y', 'x'], pw: 'z', size: new BigNum('3') })).toBe(false);
  expect(hasChange(block, prior, { ...prior, labels: ['y'] })).toBe(true);
  expect(hasChange(block, prior, { ...prior, updated_at: UNKNOWN })).toBe(true);
  expect(hasChange(block, prior, { ...prior, updated_at: 't9' }, ['updated_at'])).toBe(false);
  expect(blockEquals(block, null, null)).toBe(true);
  expect(blockEquals(block, prior, null)).toBe(false);
});

test('nullWriteOnly and writeOnlyValuePaths reach nested blocks', () => {
  const v = { ...prior, pw: 'a', rule: [{ cidr: 'c', rid: null, key: 'k' }] };
  expect(writeOnlyValuePaths(block, v)).toEqual([['pw'], ['rule', 0, 'key']]);
  const n = nullWriteOnly(block, v)!;
  expect(n.pw).toBeNull();
  expect(n.rule).toEqual([{ cidr: 'c', rid: null, key: null }]);
  expect(v.pw).toBe('a');
  expect(nullWriteOnly(block, null)).toBeNull();
});

test('hasWriteOnly / hasDeprecated see nested blocks; without write-only attributes nullWriteOnly hands the value back', () => {
  expect(hasWriteOnly(block)).toBe(true);
  expect(hasDeprecated(block)).toBe(false);
  const nested = {
    attributes: { a: { type: 'string' as const, optional: true, description: '' } },
    blocks: {
      inner: {
        nesting: 'list' as const,
        block: { attributes: { old: { type: 'string' as const, optional: true, deprecated: true, description: '' } } },
      },
    },
  };
  expect(hasDeprecated(nested)).toBe(true);
  expect(hasWriteOnly(nested)).toBe(false);
  const v = { a: 'x', inner: [{ old: 'y' }] };
  expect(nullWriteOnly(nested, v)).toBe(v);
});

test('valueEquals and cloneValue', () => {
  expect(valueEquals(0.1, new BigNum('0.1'))).toBe(true);
  expect(valueEquals(['a', 'b'], ['b', 'a'])).toBe(false);
  expect(valueEquals(['a', 'b'], ['b', 'a'], { set: 'string' })).toBe(true);
  expect(valueEquals({ a: [1] }, { a: [1] })).toBe(true);
  expect(valueEquals({ a: 1 }, { a: 1, b: null })).toBe(false);
  expect(valueEquals(UNKNOWN, UNKNOWN)).toBe(true);
  expect(valueEquals(UNKNOWN, 'x')).toBe(false);
  expect(taggedCtyType(cloneValue(withCtyType(['a'], { list: 'string' })))).toEqual({ list: 'string' });
});
