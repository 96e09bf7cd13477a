// The table runner shared by the per-resource validation tests (test/resources/<type>/validate*.test.ts
// and test/datasources/validate.test.ts): each case is an invalid configuration run through a
// validate() function, and every diagnostic it expects must name the path, the attribute, the value
// received and what is allowed.

import type { Schema } from '../../src/provider/schema';
import { UNKNOWN, type AttributePath, type Diagnostic, type ObjectValue } from '../../src/provider/values';
import { configOf, describeDiags, errors } from './helpers';

interface Expected {
  path: AttributePath;
  /** Every string must appear in the detail (attribute name, value received, what is allowed). */
  contains: string[];
  notContains?: string[];
  severity?: 'error' | 'warning';
}

export interface InvalidCase {
  name: string;
  run: () => Diagnostic[];
  expect: Expected[];
}

/** Validation options of a Terraform that cannot send write-only attributes (before 1.11). */
export const NO_WO = { writeOnlyAttributesAllowed: false };

export const long = (n: number, ch = 'a') => ch.repeat(n);
export const emails = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`).join(',');

/** A config builder: the schema's every key, a valid base, and the overrides. */
export const configBuilder =
  (schema: Schema, base: ObjectValue) =>
  (o: ObjectValue = {}) =>
    configOf(schema, { ...base, ...o });

/** A config with every argument (everything not purely computed) unknown. */
export function everyUnknown(schema: Schema, base: ObjectValue = {}): ObjectValue {
  const c = configOf(schema, base);
  for (const [k, a] of Object.entries(schema.block.attributes)) if (!a.computed || a.optional) c[k] = UNKNOWN;
  return c;
}

function findMatch(ds: Diagnostic[], e: Expected): Diagnostic | undefined {
  return ds.find(
    (d) =>
      d.severity === (e.severity ?? 'error') &&
      JSON.stringify(d.path) === JSON.stringify(e.path) &&
      e.contains.every((s) => (d.detail ?? '').includes(s)) &&
      (e.notContains ?? []).every((s) => !(d.detail ?? '').includes(s)),
  );
}

/** One test per case (jest refuses an empty table, so a table cannot silently vanish). */
export function testInvalidCases(cases: InvalidCase[]): void {
  describe('invalid configurations', () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const ds = c.run();
      for (const e of c.expect) {
        if (!findMatch(ds, e)) throw new Error(`no diagnostic matches ${JSON.stringify(e)}; got:\n${describeDiags(ds)}`);
      }
      // Nothing else went wrong: exactly the expected errors.
      expect(errors(ds)).toHaveLength(c.expect.filter((e) => (e.severity ?? 'error') === 'error').length);
      for (const d of ds)
        expect(d.summary).toMatch(
          /^(Invalid attribute value|Invalid attribute combination|Missing required attribute|Unsupported attribute)$/,
        );
    });
  });
}
