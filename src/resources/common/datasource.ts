// Data sources: state from API objects for blocks built by dataSourceBlock() (schema-helpers.ts),
// where every nested API object is a computed attribute of object or list type.

import type { Block } from '../../provider/schema';
import { UNKNOWN, type ObjectValue, type Value } from '../../provider/values';
import { fromApiValue, type ApiObject } from './mapping';

/**
 * Every attribute of `block` from `api` (null when absent), then `config` lookup arguments kept as
 * the user wrote them when the API has the same value in another spelling, and `extra` on top.
 */
export function apiToDataSourceState(
  block: Block,
  api: ApiObject | null | undefined,
  config: ObjectValue | null = null,
  extra: ObjectValue = {},
  equal?: (attr: string, a: Value, b: Value) => boolean,
): ObjectValue {
  const a = api ?? {};
  const out: ObjectValue = {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    const v = fromApiValue(a[name], attr.type);
    const c = config?.[name];
    // Optional+Computed lookup arguments must come back as configured (docs/protocol.md "Planned values").
    out[name] =
      attr.optional && c !== undefined && c !== null && c !== UNKNOWN && (v === null || (equal ? equal(name, c, v) : c === v)) ? c : v;
  }
  return { ...out, ...extra };
}
