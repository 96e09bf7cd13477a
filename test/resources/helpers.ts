// Test helpers: build configs with every schema key (as Terraform sends them) and inspect diagnostics.

import type { Schema } from '../../src/provider/schema';
import type { Diagnostic, ObjectValue } from '../../src/provider/values';
import { emptyState } from '../../src/resources/common/mapping';

/** A config object with every schema key: null attributes, null SINGLE blocks, [] LIST blocks. */
export function configOf(schema: Schema, values: ObjectValue): ObjectValue {
  return emptyState(schema.block, values);
}

/** A SINGLE block value of a nested schema block with every key present. */
export function blockOf(schema: Schema, path: string[], values: ObjectValue): ObjectValue {
  let b = schema.block;
  for (const p of path) b = b.blocks![p]!.block;
  return emptyState(b, values);
}

export const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
export const warnings = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'warning');

export function describeDiags(ds: Diagnostic[]): string {
  return ds.map((d) => `[${d.severity}] ${JSON.stringify(d.path)} ${d.summary}: ${d.detail}`).join('\n');
}
