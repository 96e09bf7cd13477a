// Schema-driven building blocks for PlanResourceChange, encoding Terraform's planned-state rules
// (docs/protocol.md "Planned values") so each resource does not rediscover them:
//  - computed values that do not change are copied from prior state ("use state for unknown"),
//    otherwise every plan shows a perpetual `~ update` (docs/protocol.md "Planned values", last table row);
//  - on create, computed attributes the config leaves null are planned UNKNOWN (rule 5);
//  - on a no-op nothing may be planned unknown; volatile computed attributes (updated_at) become
//    unknown only when something else really changes;
//  - write-only attributes are null in every planned/new state (docs/protocol.md "Write-only attributes").

import { taggedCtyType, withCtyType } from './codec/dynamic';
import { numbersEqual } from './codec/numbers';
import type { PlanRequest } from './definition';
import type { AttrType, Block, NestedBlock, Schema } from './schema';
import { BigNum, UNKNOWN, type AttributePath, type ObjectValue, type Value } from './values';

function isObj(v: Value | undefined): v is ObjectValue {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof BigNum);
}

/** Deep copy that keeps the cty type tags of dynamic values. */
export function cloneValue<T extends Value>(v: T): T {
  if (Array.isArray(v)) {
    const out = v.map(cloneValue);
    const t = taggedCtyType(v);
    return (t ? withCtyType(out, t) : out) as T;
  }
  if (isObj(v)) {
    const out: ObjectValue = {};
    for (const [k, x] of Object.entries(v)) out[k] = cloneValue(x);
    const t = taggedCtyType(v);
    return (t ? withCtyType(out, t) : out) as T;
  }
  return v;
}

/**
 * Terraform equality: numbers by decimal value (0.1 === BigNum("0.1")), sets (by type) ignoring
 * order, UNKNOWN equal only to UNKNOWN. Without a type, arrays compare in order.
 */
export function valueEquals(a: Value | undefined, b: Value | undefined, type?: AttrType): boolean {
  a = a ?? null;
  b = b ?? null;
  if (a === b) return true;
  if (a === null || b === null || a === UNKNOWN || b === UNKNOWN) return false;
  const aNum = typeof a === 'number' || a instanceof BigNum;
  const bNum = typeof b === 'number' || b instanceof BigNum;
  if (aNum || bNum) return aNum && bNum && numbersEqual(a as number | BigNum, b as number | BigNum);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    if (type && typeof type === 'object' && 'set' in type) return multisetEquals(a, b, (x, y) => valueEquals(x, y, type.set));
    const elem = type && typeof type === 'object' && 'list' in type ? type.list : undefined;
    return a.every((x, i) => valueEquals(x, b[i], elem));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    const sub = (k: string): AttrType | undefined => {
      if (!type || typeof type !== 'object') return undefined;
      if ('map' in type) return type.map;
      if ('object' in type) return type.object[k];
      return undefined;
    };
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && valueEquals(a[k], b[k], sub(k)));
  }
  return false;
}

function multisetEquals(a: Value[], b: Value[], eq: (x: Value, y: Value) => boolean): boolean {
  const used = new Array<boolean>(b.length).fill(false);
  return a.every((x) => {
    const i = b.findIndex((y, j) => !used[j] && eq(x, y));
    if (i < 0) return false;
    used[i] = true;
    return true;
  });
}

/** Equality of two objects of `block` (attributes by their types, nested blocks by nesting mode). */
export function blockEquals(
  block: Block,
  a: ObjectValue | null | undefined,
  b: ObjectValue | null | undefined,
  opts: { ignore?: string[] } = {},
): boolean {
  if (!a || !b) return !a && !b;
  const ignore = opts.ignore ?? [];
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (ignore.includes(name)) continue;
    if (!valueEquals(a[name], b[name], attr.type)) return false;
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    if (ignore.includes(name)) continue;
    if (!nestedEquals(nb, a[name], b[name])) return false;
  }
  return true;
}

function nestedEquals(nb: NestedBlock, a: Value | undefined, b: Value | undefined): boolean {
  a = a ?? null;
  b = b ?? null;
  if (a === UNKNOWN || b === UNKNOWN) return a === b;
  switch (nb.nesting) {
    case 'single':
    case 'group':
      return blockEquals(nb.block, isObj(a) ? a : null, isObj(b) ? b : null);
    case 'list':
    case 'set': {
      const la = Array.isArray(a) ? a : [];
      const lb = Array.isArray(b) ? b : [];
      if (la.length !== lb.length) return false;
      const eq = (x: Value, y: Value) =>
        x === UNKNOWN || y === UNKNOWN ? x === y : blockEquals(nb.block, x as ObjectValue, y as ObjectValue);
      return nb.nesting === 'set' ? multisetEquals(la, lb, eq) : la.every((x, i) => eq(x, lb[i] as Value));
    }
    case 'map': {
      const ma = isObj(a) ? a : {};
      const mb = isObj(b) ? b : {};
      const ka = Object.keys(ma);
      if (ka.length !== Object.keys(mb).length) return false;
      return ka.every((k) => Object.prototype.hasOwnProperty.call(mb, k) && nestedEquals({ ...nb, nesting: 'single' }, ma[k], mb[k]));
    }
  }
}

function mapNestedObjects(nb: NestedBlock, v: Value | undefined, f: (o: ObjectValue) => ObjectValue): Value | undefined {
  if (v === undefined || v === null || v === UNKNOWN) return v;
  if (nb.nesting === 'single' || nb.nesting === 'group') return isObj(v) ? f(v) : v;
  if (nb.nesting === 'map') {
    if (!isObj(v)) return v;
    const out: ObjectValue = {};
    for (const [k, x] of Object.entries(v)) out[k] = isObj(x) ? f(x) : x;
    return out;
  }
  return Array.isArray(v) ? v.map((x) => (isObj(x) ? f(x) : x)) : v;
}

/**
 * Every write-only attribute (at any depth) set to null (docs/protocol.md "Write-only attributes"): a
 * copy, or `value` itself when the block has no write-only attribute anywhere (most blocks; this
 * runs on every planned and new state).
 */
export function nullWriteOnly(block: Block, value: ObjectValue | null): ObjectValue | null {
  if (!value || !hasWriteOnly(block)) return value;
  const out: ObjectValue = { ...value };
  for (const [name, attr] of Object.entries(block.attributes)) if (attr.writeOnly) out[name] = null;
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    if (!hasWriteOnly(nb.block)) continue;
    const mapped = mapNestedObjects(nb, out[name], (o) => nullWriteOnly(nb.block, o) as ObjectValue);
    if (mapped !== undefined) out[name] = mapped;
  }
  return out;
}

interface BlockFlags {
  writeOnly: boolean;
  deprecated: boolean;
  /** The block's own write-only attribute names (not nested blocks'): hasChange ignores them. */
  writeOnlyNames: string[];
}
// Schemas are built once and never change, so what a block holds is worked out once per block
// rather than on every RPC (the server asks for each object of a plan).
const blockFlagsCache = new WeakMap<Block, BlockFlags>();

function blockFlags(block: Block): BlockFlags {
  let flags = blockFlagsCache.get(block);
  if (!flags) {
    const attrs = Object.values(block.attributes);
    const nested = Object.values(block.blocks ?? {}).map((nb) => blockFlags(nb.block));
    flags = {
      writeOnly: attrs.some((a) => !!a.writeOnly) || nested.some((f) => f.writeOnly),
      deprecated: attrs.some((a) => !!a.deprecated) || nested.some((f) => f.deprecated),
      writeOnlyNames: Object.entries(block.attributes)
        .filter(([, a]) => a.writeOnly)
        .map(([n]) => n),
    };
    blockFlagsCache.set(block, flags);
  }
  return flags;
}

/** Whether any attribute of the block, at any depth, is write-only. */
export function hasWriteOnly(block: Block): boolean {
  return blockFlags(block).writeOnly;
}

/** Whether any attribute of the block, at any depth, is deprecated. */
export function hasDeprecated(block: Block): boolean {
  return blockFlags(block).deprecated;
}

/** Paths of attributes matching `pred` that hold a non-null value anywhere in `value`. */
export function findAttributePaths(
  block: Block,
  value: ObjectValue | null,
  pred: (attr: Block['attributes'][string]) => boolean,
  base: AttributePath = [],
): AttributePath[] {
  const out: AttributePath[] = [];
  if (!value) return out;
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (pred(attr) && value[name] !== null && value[name] !== undefined) out.push([...base, name]);
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = value[name];
    if (v === null || v === undefined || v === UNKNOWN) continue;
    if (nb.nesting === 'single' || nb.nesting === 'group') {
      if (isObj(v)) out.push(...findAttributePaths(nb.block, v, pred, [...base, name]));
    } else if (nb.nesting === 'map') {
      if (isObj(v))
        for (const [k, x] of Object.entries(v))
          if (isObj(x)) out.push(...findAttributePaths(nb.block, x, pred, [...base, name, { key: k }]));
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (isObj(x)) out.push(...findAttributePaths(nb.block, x, pred, [...base, name, i]));
      });
    }
  }
  return out;
}

/** Paths of write-only attributes holding a non-null value (e.g. to reject them for old Terraform). */
export function writeOnlyValuePaths(block: Block, value: ObjectValue | null): AttributePath[] {
  return findAttributePaths(block, value, (a) => !!a.writeOnly);
}

/**
 * On create: every computed attribute (computed-only or O+C) that is null in the proposal is
 * planned UNKNOWN, at any depth. On create the proposal's computed values are exactly the config's,
 * so "null here" means "config left it unset" (rule 5 allows anything then).
 */
export function markComputedUnknown(block: Block, planned: ObjectValue): ObjectValue {
  const out: ObjectValue = { ...planned };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.computed && (out[name] === null || out[name] === undefined)) out[name] = UNKNOWN;
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const mapped = mapNestedObjects(nb, out[name], (o) => markComputedUnknown(nb.block, o));
    if (mapped !== undefined) out[name] = mapped;
  }
  return out;
}

/**
 * "UseStateForUnknown": top-level computed attributes (or just `names`) planned UNKNOWN get the
 * prior value back. Leaves everything else alone.
 */
export function useStateForUnknown(block: Block, planned: ObjectValue, prior: ObjectValue | null, names?: string[]): ObjectValue {
  if (!prior) return planned;
  const out: ObjectValue = { ...planned };
  const list =
    names ??
    Object.entries(block.attributes)
      .filter(([, a]) => a.computed)
      .map(([n]) => n);
  for (const name of list) {
    if (out[name] === UNKNOWN && prior[name] !== undefined && prior[name] !== UNKNOWN) out[name] = cloneValue(prior[name] as Value);
  }
  return out;
}

/** Set the named top-level attributes UNKNOWN (for values the apply will recompute, e.g. updated_at). */
export function markUnknown(planned: ObjectValue, names: string[]): ObjectValue {
  const out: ObjectValue = { ...planned };
  for (const n of names) out[n] = UNKNOWN;
  return out;
}

/** True when planned differs from prior in any attribute or block other than `ignore`. */
export function hasChange(block: Block, prior: ObjectValue | null, planned: ObjectValue | null, ignore: string[] = []): boolean {
  // The names come from the per-block cache: hasChange runs on every PlanResourceChange.
  const writeOnly = blockFlags(block).writeOnlyNames;
  return !blockEquals(block, prior, planned, { ignore: ignore.length === 0 ? writeOnly : [...ignore, ...writeOnly] });
}

export interface PlanDefaultOptions {
  /** Computed attributes that the API changes on every update (e.g. updated_at): unknown only on a real change. */
  unknownOnChange?: string[];
}

export interface PlanDefaultResult {
  planned: ObjectValue;
  /** False when prior exists and nothing differs (a no-op: nothing was planned unknown). */
  changed: boolean;
}

/**
 * The standard plan, usable as is or as the start of a resource's own plan:
 * proposal -> write-only nulled -> create: computed-unset UNKNOWN | update: prior kept for computed,
 * `unknownOnChange` UNKNOWN only if something else changed. Which changes force replacement is each
 * resource's own `requiresReplace` (its model.ts).
 */
export function planDefault(
  schema: Schema,
  req: Pick<PlanRequest, 'prior' | 'proposed'>,
  opts: PlanDefaultOptions = {},
): PlanDefaultResult {
  const block = schema.block;
  let planned = nullWriteOnly(block, cloneValue(req.proposed)) as ObjectValue;
  if (!req.prior) {
    return { planned: markComputedUnknown(block, planned), changed: true };
  }
  planned = useStateForUnknown(block, planned, req.prior);
  const changed = hasChange(block, req.prior, planned, opts.unknownOnChange ?? []);
  if (changed && opts.unknownOnChange?.length) planned = markUnknown(planned, opts.unknownOnChange);
  return { planned, changed };
}
