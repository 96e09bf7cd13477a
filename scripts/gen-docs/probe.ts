// Facts the schema objects do not carry, read from the provider's own code by calling it, so the docs
// say what the provider does rather than what someone remembered to write down:
//   - which attributes force replacement: the kit's `replacedAttributes(block, prior, planned)` (what
//     PlanResourceChange answers with, from the attributes marked `replace`), asked once per top-level attribute;
//   - allowed values of enumerated strings: the resource's own validate() (the ValidateResourceConfig
//     path), given a value no enumeration accepts; its "must be one of ..." diagnostic lists them.
// Nothing here reaches the API: validate and replacedAttributes are pure by contract (definition.ts).

import type { Logger } from '../../src/provider/logger';
import type { Attribute, AttrType, Block, NestedBlock } from '../../src/provider/schema';
import type { Diagnostic, ObjectValue, Value } from '../../src/provider/values';
import type { ValidateContext } from '../../src/provider/definition';
import type { KitBlock } from '../../src/resources/common/schema-helpers';
import { replacedAttributes } from '../../src/resources/kit/define';

type Validate = (config: ObjectValue, ctx: ValidateContext) => Diagnostic[] | Promise<Diagnostic[]>;

/** Two different values of a type, for a "changed" attribute. */
function twoValues(t: AttrType): [Value, Value] {
  if (t === 'string') return ['docs-probe-a', 'docs-probe-b'];
  if (t === 'number') return [1, 2];
  if (t === 'bool') return [false, true];
  if (typeof t === 'object' && 'list' in t) return [[], [twoValues(t.list)[0]]];
  if (typeof t === 'object' && 'set' in t) return [[], [twoValues(t.set)[0]]];
  if (typeof t === 'object' && 'map' in t) return [{}, { k: twoValues(t.map)[0] }];
  return ['docs-probe-a', 'docs-probe-b'];
}

/** A configuration with every attribute null and no nested blocks, as Terraform sends an empty body. */
export function nullObject(block: Block): ObjectValue {
  const o: ObjectValue = {};
  for (const n of Object.keys(block.attributes)) o[n] = null;
  for (const [n, nb] of Object.entries(block.blocks ?? {})) o[n] = nb.nesting === 'list' || nb.nesting === 'set' ? [] : null;
  return o;
}

/**
 * Top-level attributes whose change alone makes the plan's `replacedAttributes` answer with them. Each attribute is
 * changed on its own from one value to another, everything else equal, so a rule that compares
 * values and a rule that also replaces on unknown values both show up.
 */
export function replacingAttributes(block: KitBlock): string[] {
  const out: string[] = [];
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.computed && !attr.optional && !attr.required) continue;
    const [a, b] = twoValues(attr.type);
    const prior: ObjectValue = { ...nullObject(block), id: 'docs-probe-id', [name]: a };
    const planned: ObjectValue = { ...prior, [name]: b };
    if (replacedAttributes(block, prior, planned).includes(name)) out.push(name);
  }
  return out;
}

const SILENT: Logger = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  with() {
    return SILENT;
  },
};

const VALIDATE_CTX: ValidateContext = {
  signal: new AbortController().signal,
  logger: SILENT,
  clientCapabilities: { writeOnlyAllowed: true, deferralAllowed: false },
  terraformVersion: undefined,
};

/** A value no enumeration in this provider allows (and no format check mistakes for a real one). */
const NOT_AN_ENUM_VALUE = 'docs-probe-value-not-in-any-enumeration';

function wrap(nb: NestedBlock, inner: ObjectValue): Value {
  if (nb.nesting === 'list' || nb.nesting === 'set') return [inner];
  if (nb.nesting === 'map') return { key: inner };
  return inner;
}

/** `config` for `block` with `value` at `path` (attribute names, then the leaf). */
function configWith(block: Block, path: string[], value: Value): ObjectValue {
  const o = nullObject(block);
  const [head, ...rest] = path;
  if (rest.length === 0) o[head!] = value;
  else {
    const nb = block.blocks![head!]!;
    o[head!] = wrap(nb, configWith(nb.block, rest, value));
  }
  return o;
}

function samePath(diagPath: unknown[] | undefined, path: string[]): boolean {
  const names = (diagPath ?? []).filter((s) => typeof s === 'string');
  return names.length === path.length && names.every((s, i) => s === path[i]);
}

/** Every string attribute in `block` (nested blocks included) as a path of names. */
function stringAttributePaths(block: Block, base: string[] = []): { path: string[]; attr: Attribute }[] {
  const out: { path: string[]; attr: Attribute }[] = [];
  for (const [n, a] of Object.entries(block.attributes)) {
    if (a.type === 'string' && (a.optional || a.required)) out.push({ path: [...base, n], attr: a });
  }
  for (const [n, nb] of Object.entries(block.blocks ?? {})) out.push(...stringAttributePaths(nb.block, [...base, n]));
  return out;
}

/**
 * Allowed values per attribute path ("a.b"), from the validator's own wording: `must be one of
 * "X", "Y"` or `must be "X" or "Y"`. Attributes whose validator says something else (or nothing) have no entry.
 */
export async function allowedValues(block: Block, validate: Validate | undefined): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!validate) return out;
  for (const { path } of stringAttributePaths(block)) {
    let diags: Diagnostic[];
    try {
      diags = await validate(configWith(block, path, NOT_AN_ENUM_VALUE), VALIDATE_CTX);
    } catch {
      continue; // a validator that cannot take this shape says nothing about enumerations
    }
    for (const d of diags) {
      if (!samePath(d.path, path)) continue;
      // `must be one of "A", "B"` (resource validators) or `must be "A", "B" or "C"` (provider block).
      const m = /\bmust be (?:one of )?((?:"[^"]*"(?:, | or |,? or )?)+)/.exec(d.detail ?? '');
      if (m)
        out.set(
          path.join('.'),
          [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!),
        );
    }
  }
  return out;
}
