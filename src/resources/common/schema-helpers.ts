// Small builders for schema attributes, so each resource's schema.ts reads as a table, plus the
// shapes every resource exports next to its Schema (replacement list, import key).

import type { Attribute, AttrType } from '../../provider/schema';

type Extra = Pick<Attribute, 'sensitive' | 'writeOnly' | 'deprecated'>;

/** Required on create (the API requires it). */
export function required(type: AttrType, description: string, extra: Extra = {}): Attribute {
  return { type, description, required: true, ...extra };
}

/** Optional with NO server default: unset means "none", and the API value is enforced. */
export function optional(type: AttrType, description: string, extra: Extra = {}): Attribute {
  return { type, description, optional: true, ...extra };
}

/**
 * Optional + Computed: the server has a default. Unset means "not managed": the live value is read
 * into state but never shows as drift in a normal plan (DESIGN.md §4; only -refresh-only reports it).
 */
export function optionalComputed(type: AttrType, description: string, extra: Extra = {}): Attribute {
  return { type, description, optional: true, computed: true, ...extra };
}

/** Set by the server only. */
export function computed(type: AttrType, description: string, extra: Extra = {}): Attribute {
  return { type, description, computed: true, ...extra };
}

/** Sentence appended to O+C descriptions. */
export const UNMANAGED_WHEN_UNSET = 'When unset, the value is not managed: the server keeps (or defaults) it and changes to it are not reported as drift by a normal plan.';

/** How `terraform import` / `import {}` ids are understood for a resource. */
export interface ImportKeyFormat<T> {
  /** Human-readable format of the natural key, e.g. "PROTOCOL:port". */
  format: string;
  example: string;
  /** Schema attributes the natural key is made of. */
  attributes: readonly string[];
  /** Parse a natural key, or null when `id` is not one (then treat it as an API id). */
  parse(id: string): T | null;
}
