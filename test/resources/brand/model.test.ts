// API <-> state mapping of the brand: exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import { UNKNOWN } from '../../../src/provider/values';
import * as brand from '../../../src/resources/brand/model';
import { brandSchema } from '../../../src/resources/brand/schema';
import { configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';

describe('brand (no GET)', () => {
  test('read returns the prior state unchanged, with every key', () => {
    const prior = configOf(brandSchema, { id: 'brand', theme: 'DARK', title: 'Acme' });
    expect(brand.toState(prior)).toEqual(prior);
    const imported = brand.toState(null);
    expectExactKeys(brandSchema.block, imported);
    expect(imported.id).toBe('brand');
    expect(Object.entries(imported).filter(([k, v]) => k !== 'id' && v !== null)).toEqual([]);
  });

  test('bodies: configured values only; removed attributes are not cleared', () => {
    expect(brand.toCreateBody(configOf(brandSchema, { id: UNKNOWN, theme: 'GREEN', title: '' }))).toEqual({ theme: 'GREEN', title: '' });
    expect(brand.toCreateBody(configOf(brandSchema, {}))).toBeNull();
    const prior = configOf(brandSchema, { id: 'brand', theme: 'DARK', title: 'Acme', product: 'PBX' });
    expect(brand.toUpdatePatch(prior, { ...prior, title: 'Acme Ltd', product: null })).toEqual({ title: 'Acme Ltd' });
    expect(brand.toUpdatePatch(prior, { ...prior })).toBeNull();
    expect(brand.brandDefaults).toEqual({});
  });
});
