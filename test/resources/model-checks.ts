// Assertions shared by the per-resource model tests (test/resources/<type>/model.test.ts).

import type { Block, Schema } from '../../src/provider/schema';
import type { ObjectValue } from '../../src/provider/values';

/** The state holds exactly the schema's keys, in nested blocks too (Terraform rejects missing or extra keys). */
export function expectExactKeys(block: Block, v: ObjectValue): void {
  expect(Object.keys(v).sort()).toEqual([...Object.keys(block.attributes), ...Object.keys(block.blocks ?? {})].sort());
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const child = v[name];
    if (Array.isArray(child)) child.forEach((c) => expectExactKeys(nb.block, c as ObjectValue));
    else if (child && typeof child === 'object') expectExactKeys(nb.block, child as ObjectValue);
  }
}

/** Every write-only attribute is null in state. */
export function writeOnlyNull(schema: Schema, s: ObjectValue): void {
  for (const [k, a] of Object.entries(schema.block.attributes)) if (a.writeOnly) expect({ k, v: s[k] }).toEqual({ k, v: null });
}
