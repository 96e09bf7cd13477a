// Small builders for schema attributes, so each resource's schema.ts reads as a table, plus the
// shapes every resource exports next to its Schema (replacement list, import key).

import type { Attribute, AttrType, Block } from '../../provider/schema';

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
 * into state but never shows as drift in a normal plan (docs/design.md "Resource behaviour"; only -refresh-only reports it).
 */
export function optionalComputed(type: AttrType, description: string, extra: Extra = {}): Attribute {
  return { type, description, optional: true, computed: true, ...extra };
}

/** Set by the server only. */
export function computed(type: AttrType, description: string, extra: Extra = {}): Attribute {
  return { type, description, computed: true, ...extra };
}

/** Sentence appended to O+C descriptions. */
export const UNMANAGED_WHEN_UNSET =
  'When unset, the value is not managed: the server keeps (or defaults) it and changes to it are not reported as drift by a normal plan.';

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

// ---------------------------------------------------------------------------------------------
// Singletons (docs/design.md "Resource behaviour": create = read + update the configured fields; delete = forget, unless
// `reset_on_destroy = true`)

/** The computed `id` of a singleton: always `fixedId`. */
export function singletonId(fixedId: string): Attribute {
  return computed(
    'string',
    `Always \`${fixedId}\`: there is one such object per PBX. Import with \`terraform import <address> ${fixedId}\` (or an \`import\` block with \`id = "${fixedId}"\`).`,
  );
}

/**
 * `reset_on_destroy` (Optional, default false). `defaultsNote` lists what is restored, or says that
 * nothing has a documented default.
 */
export function resetOnDestroy(defaultsNote: string): Attribute {
  return optional(
    'bool',
    `When \`true\`, destroying this resource restores the documented server defaults (${defaultsNote}). Default \`false\`: destroying only removes it from Terraform state and leaves the PBX as it is. Never sent to the API.`,
  );
}

/** A singleton's import key: only the fixed id is accepted. */
export function singletonImportKey(fixedId: string): ImportKeyFormat<Record<string, never>> {
  return {
    format: fixedId,
    example: fixedId,
    attributes: [],
    parse(id: string) {
      return id.trim() === fixedId ? {} : null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Data sources built from resource schemas

export interface DataSourceBlockOptions {
  /** Attributes that become Optional+Computed lookup arguments (e.g. `id`, `domain`). */
  lookup?: readonly string[];
  /** Attributes or blocks (dotted paths, e.g. "password", "cdr_event.token") left out. */
  omit?: readonly string[];
  /** Extra attributes added at the top level (e.g. a computed `status`). */
  extra?: Record<string, Attribute>;
  description?: string;
}

function blockType(b: Block, omit: ReadonlySet<string>, path: string): AttrType {
  const obj: Record<string, AttrType> = {};
  for (const [n, a] of Object.entries(b.attributes)) if (!a.writeOnly && !omit.has(`${path}${n}`)) obj[n] = a.type;
  for (const [n, nb] of Object.entries(b.blocks ?? {})) {
    if (omit.has(`${path}${n}`)) continue;
    const t = blockType(nb.block, omit, `${path}${n}.`);
    obj[n] = nb.nesting === 'list' ? { list: t } : nb.nesting === 'set' ? { set: t } : nb.nesting === 'map' ? { map: t } : t;
  }
  return { object: obj };
}

function hasSensitive(b: Block, omit: ReadonlySet<string>, path: string): boolean {
  return (
    Object.entries(b.attributes).some(([n, a]) => a.sensitive && !a.writeOnly && !omit.has(`${path}${n}`)) ||
    Object.entries(b.blocks ?? {}).some(([n, nb]) => !omit.has(`${path}${n}`) && hasSensitive(nb.block, omit, `${path}${n}.`))
  );
}

/**
 * A data source block from a resource block: every attribute Computed (lookup ones Optional+Computed),
 * write-only attributes and `omit` paths dropped, and nested blocks turned into computed attributes of
 * object (or list-of-object) type, since blocks cannot be computed (docs/protocol.md "Nested blocks"). An object
 * attribute holding a sensitive value is sensitive as a whole; omit secrets instead where possible.
 * Descriptions are kept, so docs read the same as the resource's.
 */
export function dataSourceBlock(resource: Block, opts: DataSourceBlockOptions = {}): Block {
  const omit = new Set(opts.omit ?? []);
  const lookup = new Set(opts.lookup ?? []);
  const attributes: Record<string, Attribute> = {};
  for (const [n, a] of Object.entries(resource.attributes)) {
    if (a.writeOnly || omit.has(n)) continue;
    const extra: Pick<Attribute, 'sensitive'> = a.sensitive ? { sensitive: true } : {};
    attributes[n] = lookup.has(n)
      ? optionalComputed(a.type, `Lookup argument. ${a.description}`, extra)
      : computed(a.type, a.description, extra);
  }
  for (const [n, nb] of Object.entries(resource.blocks ?? {})) {
    if (omit.has(n)) continue;
    const t = blockType(nb.block, omit, `${n}.`);
    const type: AttrType = nb.nesting === 'list' ? { list: t } : nb.nesting === 'set' ? { set: t } : nb.nesting === 'map' ? { map: t } : t;
    attributes[n] = computed(
      type,
      nb.block.description ?? `The ${n} settings.`,
      hasSensitive(nb.block, omit, `${n}.`) ? { sensitive: true } : {},
    );
  }
  for (const n of lookup) if (!attributes[n]) throw new Error(`dataSourceBlock: lookup attribute "${n}" is not in the resource schema`);
  return { description: opts.description ?? resource.description, attributes: { ...attributes, ...(opts.extra ?? {}) } };
}
