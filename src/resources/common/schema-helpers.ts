// Small builders for schema attributes, so each resource's schema.ts reads as a table, and the
// declarations the resource kit (src/resources/kit) reads from the attributes themselves: which
// attributes force a replacement, which make up the natural key, which hold another resource's id.
// Terraform never sees these flags (the protocol server encodes only the Attribute fields).

import type { Attribute, AttrType, Block, NestedBlock, Schema } from '../../provider/schema';

/**
 * How a natural-key part is compared and written (kit/keys.ts):
 * text    - as is (names);
 * domain  - a DNS name: case and a trailing dot do not matter;
 * cidr    - a network: `10.0.0.1/8` is `10.0.0.0/8`;
 * upper   - an upper-case token (a transport's protocol);
 * port    - a port number; 0 means "no port", so there is no key (a UDP transport without a listener).
 */
export type KeyPart = 'text' | 'domain' | 'cidr' | 'upper' | 'port';

/** What the kit reads from an attribute. */
export interface KitFlags {
  /** The API cannot update it: a change (or an unknown planned value) plans a replacement. */
  replace?: true;
  /** A part of the natural key, in declaration order, and how it compares. */
  key?: KeyPart;
  /** Holds the API id of an object of this resource type (`portsip export` writes a reference). */
  references?: string;
}

export type KitAttribute = Attribute & KitFlags;

export interface KitBlock extends Block {
  attributes: Record<string, KitAttribute>;
  blocks?: Record<string, NestedBlock>;
}

/** A resource schema whose attributes may carry the kit's flags. */
export interface KitSchema extends Schema {
  block: KitBlock;
}

type Extra = Pick<Attribute, 'sensitive' | 'writeOnly' | 'deprecated'> & KitFlags;

/** Required on create (the API requires it). */
export function required(type: AttrType, description: string, extra: Extra = {}): KitAttribute {
  return { type, description, required: true, ...extra };
}

/** Optional with NO server default: unset means "none", and the API value is enforced. */
export function optional(type: AttrType, description: string, extra: Extra = {}): KitAttribute {
  return { type, description, optional: true, ...extra };
}

/**
 * Optional + Computed: the server has a default. Unset means "not managed": the live value is read
 * into state but never shows as drift in a normal plan (docs/design.md "Resource behaviour"; only -refresh-only reports it).
 */
export function optionalComputed(type: AttrType, description: string, extra: Extra = {}): KitAttribute {
  return { type, description, optional: true, computed: true, ...extra };
}

/** Set by the server only. */
export function computed(type: AttrType, description: string, extra: Extra = {}): KitAttribute {
  return { type, description, computed: true, ...extra };
}

/** Sentence appended to O+C descriptions. */
export const UNMANAGED_WHEN_UNSET =
  'When unset, the value is not managed: the server keeps (or defaults) it and changes to it are not reported as drift by a normal plan.';

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
