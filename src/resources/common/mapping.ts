// Schema-driven mapping between PortSIP API objects and Terraform values. Each resource's model.ts
// declares a few per-attribute rules (how to compare, what the API never returns, what cannot be
// updated) and delegates the walking to these functions, so every resource follows the same
// planned-state rules (docs/protocol.md "Planned values"):
//
// - state carries exactly every schema key, null for unset; write-only attributes are always null;
// - when the API value means the same as the prior value, the PRIOR spelling is kept (no perpetual diff);
// - create bodies omit null and unknown values so the server defaults apply (docs/portsip-api.md §2.2);
// - update bodies carry only what changed (the API merges omitted fields, §2.2 [I]).
//
// SINGLE nested blocks cannot be Computed, so Terraform requires a block absent from config to be
// planned null (docs/protocol.md "Nested blocks", "Planned values"). Our rule: a block absent from config is NOT MANAGED. Reads
// keep it null unless the prior state had it, or when importing (prior null or id-only), where every
// block is filled so `-generate-config-out` writes it. Removing a block from config stops managing it;
// nothing is sent to the API.

import type { AttrType, Block } from '../../provider/schema';
import { BigNum, UNKNOWN, type ObjectValue, type Value } from '../../provider/values';
import { semanticEqual, type SemanticKind } from './normalize';

export type ApiObject = Record<string, unknown>;

export interface FieldRule {
  /** How values are compared (default exact). */
  kind?: SemanticKind;
  /** An unset optional string: the API's "" and Terraform's null mean the same; clear it by sending "". */
  blankIsNull?: boolean;
  /** The API never returns this attribute (e.g. a password): state keeps the prior value. */
  fromPrior?: boolean;
  /** The API cannot update it (the schema forces replacement): sent on create only. */
  createOnly?: boolean;
  /** Never sent in a create or update body (a separate endpoint handles it, or it is ours only). */
  notSent?: boolean;
  /**
   * What an update sends to clear the attribute (planned null, prior set). Default: "" for blank-is-null
   * strings (unambiguous for any server), null otherwise (the API's blank value, docs/portsip-api.md §2.3).
   */
  clearWith?: '' | null;
  /** Name in the API JSON when it differs from the attribute name. */
  apiName?: string;
  /**
   * LIST/SET blocks only: no items in config means "not managed" (the block's equivalent of
   * Optional+Computed). Reads keep `[]` unless the prior state had items (or when importing), and an
   * update never sends an empty list, so the server's items survive. Managing "no items" is then not
   * expressible; use it for server lists that a fresh PBX fills (e.g. SBC transports).
   */
  unmanagedWhenEmpty?: boolean;
}

/** Rules keyed by dotted schema path without list indices, e.g. "cdr_event.password", "office_hours.monday.ranges.from". */
export type FieldRules = Readonly<Record<string, FieldRule>>;

export interface ToStateOptions {
  /** Fill every block from the API (import / generate-config-out). Default: prior is null or holds only `id`. */
  importing?: boolean;
}

const NONE: FieldRule = {};

function ruleAt(rules: FieldRules, path: readonly string[]): FieldRule {
  return rules[path.join('.')] ?? NONE;
}

/** ruleAt(rules, [...path, name]) without building the path for a top-level attribute (per attribute, per RPC). */
function ruleOf(rules: FieldRules, path: readonly string[], name: string): FieldRule {
  return (path.length === 0 ? rules[name] : rules[`${path.join('.')}.${name}`]) ?? NONE;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof BigNum);
}

function objOrNull(v: Value | undefined): ObjectValue | null {
  return isObj(v) ? v : null;
}

/** True when prior carries nothing but `id`: what an id-only import (IRS) hands to the first read. */
export function isIdOnly(prior: ObjectValue | null): boolean {
  if (prior === null) return true;
  return Object.entries(prior).every(([k, v]) => k === 'id' || v === null || (Array.isArray(v) && v.length === 0));
}

// ---------------------------------------------------------------------------------------------
// Scalars

/** An API JSON scalar as a Terraform value of the attribute's type. */
export function fromApiScalar(v: unknown, type: AttrType): Value {
  if (v === undefined || v === null) return null;
  if (type === 'string') {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return JSON.stringify(v);
  }
  if (type === 'number') {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : new BigNum(v.toString());
    if (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(v)) {
      const n = Number(v);
      return String(n) === v ? n : new BigNum(v);
    }
    return null;
  }
  if (type === 'bool') {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return null;
  }
  return null;
}

/**
 * An API JSON value as a Terraform value of any attribute type, collections and objects included
 * (data sources expose nested API objects as computed object attributes). Objects carry exactly the
 * type's keys, null where the API has none.
 */
export function fromApiValue(v: unknown, type: AttrType): Value {
  if (v === undefined || v === null) return null;
  if (typeof type === 'string') return type === 'dynamic' ? (JSON.parse(JSON.stringify(v)) as Value) : fromApiScalar(v, type);
  if ('list' in type || 'set' in type) {
    const el = 'list' in type ? type.list : type.set;
    return Array.isArray(v) ? v.map((e) => fromApiValue(e, el)) : null;
  }
  if ('map' in type) {
    if (!isObj(v)) return null;
    return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, fromApiValue(e, type.map)]));
  }
  if (!isObj(v)) return null;
  return Object.fromEntries(Object.entries(type.object).map(([k, t]) => [k, fromApiValue(v[k], t)]));
}

/** A known Terraform scalar as API JSON. */
export function toApiScalar(v: Value): unknown {
  if (v instanceof BigNum) {
    const n = Number(v.text);
    return Number.isFinite(n) ? n : v.text;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Equality

/** Semantic equality of two values of the attribute or block at `path` in `block`. */
export function valuesEqual(
  block: Block,
  rules: FieldRules,
  a: Value | undefined,
  b: Value | undefined,
  path: readonly string[] = [],
): boolean {
  const av = a ?? null;
  const bv = b ?? null;
  if (av === UNKNOWN || bv === UNKNOWN) return false;
  if (av === null || bv === null) {
    // An empty list block is "absent" too.
    const empty = (x: Value) => x === null || (Array.isArray(x) && x.length === 0);
    return empty(av) && empty(bv);
  }
  const ao = objOrNull(av);
  const bo = objOrNull(bv);
  if (!ao || !bo) return false;
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.writeOnly) continue;
    const r = ruleOf(rules, path, name);
    if (!semanticEqual(r.kind ?? 'exact', ao[name] ?? null, bo[name] ?? null, { blankIsNull: r.blankIsNull })) return false;
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const x = ao[name] ?? null;
    const y = bo[name] ?? null;
    if (nb.nesting === 'list' || nb.nesting === 'set') {
      const xl = Array.isArray(x) ? x : [];
      const yl = Array.isArray(y) ? y : [];
      if (xl.length !== yl.length) return false;
      if (!xl.every((e, i) => valuesEqual(nb.block, rules, e, yl[i], [...path, name]))) return false;
    } else if (!valuesEqual(nb.block, rules, x, y, [...path, name])) return false;
  }
  return true;
}

/** Resolve a dotted path ("cidr", "office_hours.monday", "cdr_event.url") to what it names in the schema. */
function resolve(
  block: Block,
  path: readonly string[],
): { kind: 'attr'; block: Block; name: string } | { kind: 'block'; block: Block } | null {
  let cur = block;
  for (const [i, step] of path.entries()) {
    if (i === path.length - 1 && cur.attributes[step]) return { kind: 'attr', block: cur, name: step };
    const nb = cur.blocks?.[step];
    if (!nb) return null;
    cur = nb.block;
  }
  return { kind: 'block', block: cur };
}

/**
 * The planner's question: do a and b (config and prior, or API and prior) mean the same for this
 * attribute? `attr` is an attribute name or dotted path; a block path compares whole blocks
 * (for a LIST block pass the arrays).
 */
export function semanticallyEqualAt(root: Block, rules: FieldRules, attr: string | readonly string[], a: Value, b: Value): boolean {
  const path = typeof attr === 'string' ? attr.split('.') : attr.filter((s) => typeof s === 'string');
  const r = resolve(root, path);
  if (!r) return a === b;
  if (r.kind === 'attr') {
    const rule = ruleAt(rules, path);
    return semanticEqual(rule.kind ?? 'exact', a, b, { blankIsNull: rule.blankIsNull });
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    const al = Array.isArray(a) ? a : [];
    const bl = Array.isArray(b) ? b : [];
    return al.length === bl.length && al.every((x, i) => valuesEqual(r.block, rules, x, bl[i], path));
  }
  return valuesEqual(r.block, rules, a, b, path);
}

// ---------------------------------------------------------------------------------------------
// API -> state

/** Map an API object to a state object of `block` (exactly every schema key). See the file header. */
export function apiToState(
  block: Block,
  rules: FieldRules,
  api: ApiObject | null | undefined,
  prior: ObjectValue | null,
  opts: ToStateOptions = {},
  path: readonly string[] = [],
): ObjectValue {
  const importing = opts.importing ?? (path.length === 0 && isIdOnly(prior));
  const a: ApiObject = api ?? {};
  const out: ObjectValue = {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    const rule = ruleOf(rules, path, name);
    const priorV: Value = prior ? (prior[name] ?? null) : null;
    const priorKnown = priorV === UNKNOWN ? null : priorV;
    if (attr.writeOnly) {
      out[name] = null;
      continue;
    }
    const apiKey = rule.apiName ?? name;
    if (rule.fromPrior || !(apiKey in a)) {
      // Absent is not null: a key the server never returns (a password) or does not know (a 22.3 field
      // on an older server) keeps what we had, rather than planning it away on every run.
      out[name] = priorKnown;
      continue;
    }
    let v = fromApiScalar(a[apiKey], attr.type);
    if (rule.blankIsNull && v === '') v = null;
    out[name] =
      priorKnown !== null && semanticEqual(rule.kind ?? 'exact', priorKnown, v, { blankIsNull: rule.blankIsNull }) ? priorKnown : v;
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const priorB: Value = prior ? (prior[name] ?? null) : null;
    const apiB = a[name];
    if (nb.nesting === 'single' || nb.nesting === 'group') {
      const priorObj = objOrNull(priorB);
      if (!priorObj && !importing && nb.nesting === 'single') {
        out[name] = null; // not managed (see header)
        continue;
      }
      out[name] = isObj(apiB)
        ? apiToState(nb.block, rules, apiB, priorObj, { importing }, [...path, name])
        : nb.nesting === 'group'
          ? apiToState(nb.block, rules, {}, priorObj, { importing }, [...path, name])
          : null;
    } else if (nb.nesting === 'list' || nb.nesting === 'set') {
      const items = Array.isArray(apiB) ? apiB : [];
      const priorItems = Array.isArray(priorB) ? priorB : [];
      if (ruleOf(rules, path, name).unmanagedWhenEmpty && !importing && priorItems.length === 0) {
        out[name] = []; // not managed (see FieldRule.unmanagedWhenEmpty)
        continue;
      }
      out[name] = items.map((it, i) =>
        apiToState(nb.block, rules, isObj(it) ? it : {}, objOrNull(priorItems[i]), { importing }, [...path, name]),
      );
    } else {
      out[name] = {};
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// state -> API

function clearValue(rule: FieldRule): '' | null {
  return rule.clearWith !== undefined ? rule.clearWith : rule.blankIsNull ? '' : null;
}

/**
 * A create body from planned state: null and unknown values are omitted (server defaults apply);
 * computed-only, write-only, `notSent` and `fromPrior` attributes are left to the caller.
 */
function bodyOf(block: Block, rules: FieldRules, value: ObjectValue, path: readonly string[] = []): ApiObject {
  const body: ApiObject = {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    const rule = ruleOf(rules, path, name);
    if ((attr.computed && !attr.optional && !attr.required) || attr.writeOnly || rule.notSent || rule.fromPrior) continue;
    const v = value[name];
    if (v === undefined || v === null || v === UNKNOWN) continue;
    body[rule.apiName ?? name] = toApiScalar(v);
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = value[name];
    if (nb.nesting === 'list' || nb.nesting === 'set') {
      if (Array.isArray(v)) body[name] = v.filter(isObj).map((e) => bodyOf(nb.block, rules, e as ObjectValue, [...path, name]));
    } else if (isObj(v)) {
      body[name] = bodyOf(nb.block, rules, v, [...path, name]);
    }
  }
  return body;
}

/**
 * A create body from planned state: the attribute names are the API's JSON names and the values its
 * types (the schema was written from the operation's request schema), so the body is the operation's
 * request type B. That correspondence is checked by the client conformance tests, not by the compiler:
 * this is the one place that says so.
 */
export function stateToBody<B extends object = ApiObject>(block: Block, rules: FieldRules, value: ObjectValue): B {
  return asBody<B>(bodyOf(block, rules, value));
}

/** A body built from state (stateToBody, plus what a model adds) as the operation's request type (see stateToBody). */
export function asBody<B extends object>(body: ApiObject): B {
  return body as B;
}

/** Body for a nested object inside an update: everything managed, plus explicit clears. */
function nestedPatchBody(
  block: Block,
  rules: FieldRules,
  prior: ObjectValue | null,
  planned: ObjectValue,
  live: unknown,
  path: readonly string[],
): ApiObject {
  // Whether the API merges nested objects or replaces them is undocumented (§2.2 speaks of top-level
  // fields [I]). So a changed block is sent whole, on top of the live object when we have it: unmanaged
  // parts (e.g. office-hours days absent from config) then survive either server behaviour.
  const body: ApiObject = isObj(live) ? (JSON.parse(JSON.stringify(live)) as ApiObject) : {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    const rule = ruleOf(rules, path, name);
    if ((attr.computed && !attr.optional && !attr.required) || attr.writeOnly || rule.notSent || rule.fromPrior) continue;
    const key = rule.apiName ?? name;
    const v = planned[name];
    if (v === UNKNOWN || v === undefined) continue;
    if (v === null) {
      const pv = prior?.[name];
      if (pv !== null && pv !== undefined && pv !== UNKNOWN) body[key] = clearValue(rule);
      continue;
    }
    body[key] = toApiScalar(v);
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = planned[name];
    const liveChild = isObj(live) ? live[name] : undefined;
    if (nb.nesting === 'list' || nb.nesting === 'set') {
      if (Array.isArray(v)) body[name] = v.filter(isObj).map((e) => bodyOf(nb.block, rules, e as ObjectValue, [...path, name]));
    } else if (isObj(v)) {
      body[name] = nestedPatchBody(nb.block, rules, objOrNull(prior?.[name]), v, liveChild, [...path, name]);
    }
  }
  return body;
}

/**
 * The smallest update body that turns prior into planned, or null when nothing needs sending.
 * - unknown planned values are skipped (the server decides);
 * - semantically equal values are skipped;
 * - an attribute that goes to null is cleared explicitly ("" for blank-is-null strings, else null);
 * - `createOnly` attributes are never sent (the schema forces replacement instead);
 * - a SINGLE block that is planned null is unmanaged and not sent; a changed block is sent whole,
 *   merged over `live` (the current API object) when given.
 */
export function statePatch(
  block: Block,
  rules: FieldRules,
  prior: ObjectValue,
  planned: ObjectValue,
  live?: ApiObject | null,
): ApiObject | null {
  const body: ApiObject = {};
  for (const [name, attr] of Object.entries(block.attributes)) {
    const rule = ruleAt(rules, [name]);
    if ((attr.computed && !attr.optional && !attr.required) || attr.writeOnly || rule.notSent || rule.fromPrior || rule.createOnly)
      continue;
    const v = planned[name];
    if (v === UNKNOWN || v === undefined) continue;
    const pv = prior[name] ?? null;
    if (semanticEqual(rule.kind ?? 'exact', pv, v, { blankIsNull: rule.blankIsNull })) continue;
    body[rule.apiName ?? name] = v === null ? clearValue(rule) : toApiScalar(v);
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = planned[name];
    if (v === null || v === undefined || v === UNKNOWN) continue;
    if (Array.isArray(v) && v.length === 0 && ruleAt(rules, [name]).unmanagedWhenEmpty) continue;
    if (nb.nesting === 'list' || nb.nesting === 'set') {
      // LIST/SET blocks: compare item by item (valuesEqual takes one object, not an array).
      const pl = Array.isArray(prior[name]) ? prior[name] : [];
      const vl = Array.isArray(v) ? v : [];
      if (pl.length === vl.length && vl.every((e, i) => valuesEqual(nb.block, rules, pl[i], e, [name]))) continue;
    } else if (valuesEqual(nb.block, rules, prior[name], v, [name])) continue;
    if (nb.nesting === 'list' || nb.nesting === 'set') {
      if (Array.isArray(v)) body[name] = v.filter(isObj).map((e) => bodyOf(nb.block, rules, e as ObjectValue, [name]));
    } else if (isObj(v)) {
      body[name] = nestedPatchBody(nb.block, rules, objOrNull(prior[name]), v, live ? live[name] : undefined, [name]);
    }
  }
  return Object.keys(body).length ? body : null;
}

/**
 * For the planner (docs/protocol.md "Planned values" rule 2): return `planned` with every known, non-null value that is
 * semantically equal to the known, non-null prior value replaced by the prior spelling. Blocks are
 * walked; LIST block items are matched by index.
 */
export function keepPriorSpelling(
  block: Block,
  rules: FieldRules,
  planned: ObjectValue,
  prior: ObjectValue | null,
  path: readonly string[] = [],
): ObjectValue {
  if (!prior) return planned;
  const out: ObjectValue = { ...planned };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.writeOnly) continue;
    const p = planned[name] ?? null;
    const q = prior[name] ?? null;
    // The same value already has the prior's spelling (the usual case in a no-op plan).
    if (p === q || p === null || q === null || p === UNKNOWN || q === UNKNOWN) continue;
    const rule = ruleOf(rules, path, name);
    if (semanticEqual(rule.kind ?? 'exact', p, q, { blankIsNull: rule.blankIsNull })) out[name] = q;
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const p = planned[name];
    const q = prior[name];
    if (Array.isArray(p) && Array.isArray(q)) {
      out[name] = p.map((e, i) => (isObj(e) && isObj(q[i]) ? keepPriorSpelling(nb.block, rules, e, q[i], [...path, name]) : e));
    } else if (isObj(p) && isObj(q)) {
      out[name] = keepPriorSpelling(nb.block, rules, p, q, [...path, name]);
    }
  }
  return out;
}

/** Every key of `block`: the given values, else null (blocks: null, or [] for LIST/SET). Handy for id-only import states. */
export function emptyState(block: Block, values: ObjectValue = {}): ObjectValue {
  const out: ObjectValue = {};
  for (const name of Object.keys(block.attributes)) out[name] = values[name] ?? null;
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = values[name];
    out[name] = v !== undefined ? v : nb.nesting === 'list' || nb.nesting === 'set' ? [] : nb.nesting === 'map' ? {} : null;
  }
  return out;
}
