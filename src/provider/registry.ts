// Lookup of resource and data source definitions by type name, the schema -> GetProviderSchema
// conversion, and a self-check of the schemas against Terraform's rules (so a mistake in a
// resource surfaces as one clear diagnostic instead of an opaque "invalid plan" later).

import { encodeCtyType } from './codec/cty-type';
import * as tf from './gen/tfplugin6';
import type { DataSourceDefinition, ProviderDefinition, ResourceDefinition } from './definition';
import type { AttrType, Block, NestedBlock, Schema } from './schema';

const NESTING: Record<NestedBlock['nesting'], tf.Schema_NestedBlock_NestingMode> = {
  single: tf.Schema_NestedBlock_NestingMode.SINGLE,
  list: tf.Schema_NestedBlock_NestingMode.LIST,
  set: tf.Schema_NestedBlock_NestingMode.SET,
  map: tf.Schema_NestedBlock_NestingMode.MAP,
  group: tf.Schema_NestedBlock_NestingMode.GROUP,
};
const MARKDOWN = tf.StringKind.MARKDOWN;

function blockToProto(block: Block, version: number): tf.Schema_Block {
  return {
    version,
    attributes: Object.entries(block.attributes).map(([name, a]) => ({
      name,
      type: Buffer.from(encodeCtyType(a.type), 'utf8'),
      description: a.description ?? '',
      // Descriptions are Markdown (shown as "markdown" by `providers schema -json`, docs/protocol.md "Rules for schemas").
      description_kind: MARKDOWN,
      required: !!a.required,
      optional: !!a.optional,
      computed: !!a.computed,
      sensitive: !!a.sensitive,
      deprecated: !!a.deprecated,
      write_only: !!a.writeOnly,
    })),
    block_types: Object.entries(block.blocks ?? {}).map(([name, nb]) => ({
      type_name: name,
      block: blockToProto(nb.block, 0),
      nesting: NESTING[nb.nesting],
      min_items: nb.minItems ?? 0,
      max_items: nb.maxItems ?? 0,
    })),
    description: block.description ?? '',
    description_kind: MARKDOWN,
    deprecated: !!block.deprecated,
  };
}

export function schemaToProto(schema: Schema): tf.Schema {
  return { version: schema.version, block: blockToProto(schema.block, schema.version) };
}

// Meta-arguments Terraform reserves in resource blocks (docs/protocol.md "Rules for schemas").
const RESERVED = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

function checkBlock(block: Block, where: string, inSet: boolean, top: boolean, problems: string[]): void {
  const seen = new Set<string>();
  for (const [name, a] of Object.entries(block.attributes)) {
    const at = `${where}.${name}`;
    seen.add(name);
    if (top && RESERVED.has(name)) problems.push(`${at}: "${name}" is a reserved meta-argument name`);
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) problems.push(`${at}: attribute names must be lower_snake_case`);
    const flags = { r: !!a.required, o: !!a.optional, c: !!a.computed };
    const valid = (flags.r && !flags.o && !flags.c) || (!flags.r && (flags.o || flags.c));
    if (!valid) problems.push(`${at}: set exactly one of required / optional / computed, or optional+computed`);
    if (a.writeOnly) {
      if (a.computed) problems.push(`${at}: a write-only attribute cannot be computed`);
      if (inSet) problems.push(`${at}: a write-only attribute cannot sit inside SET nesting`);
    }
    checkType(a.type, at, problems);
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const at = `${where}.${name}`;
    if (seen.has(name)) problems.push(`${at}: a block and an attribute share the name`);
    if (top && RESERVED.has(name)) problems.push(`${at}: "${name}" is a reserved meta-argument name`);
    if ((nb.nesting === 'map' || nb.nesting === 'group') && (nb.minItems || nb.maxItems)) {
      problems.push(`${at}: MAP and GROUP blocks must not set minItems/maxItems`);
    }
    checkBlock(nb.block, at, inSet || nb.nesting === 'set', false, problems);
  }
}

function checkType(t: AttrType, at: string, problems: string[]): void {
  if (typeof t === 'string') {
    if (!['string', 'number', 'bool', 'dynamic'].includes(t)) problems.push(`${at}: unknown type ${t}`);
    return;
  }
  if ('list' in t) return checkType(t.list, at, problems);
  if ('set' in t) return checkType(t.set, at, problems);
  if ('map' in t) return checkType(t.map, at, problems);
  if ('object' in t) for (const v of Object.values(t.object)) checkType(v, at, problems);
}

/** Every rule Terraform would reject the schema for, as readable problems (empty = fine). */
export function validateDefinition(def: ProviderDefinition<unknown>): string[] {
  const problems: string[] = [];
  checkBlock(def.schema.block, 'provider', false, false, problems);
  const check = (kind: string, name: string, schema: Schema) => {
    if (!name.startsWith(`${def.typeName}_`)) problems.push(`${kind} ${name}: type names must start with "${def.typeName}_"`);
    if (!Number.isInteger(schema.version) || schema.version < 0)
      problems.push(`${kind} ${name}: schema version must be a non-negative integer`);
    checkBlock(schema.block, name, false, true, problems);
  };
  for (const [name, r] of Object.entries(def.resources)) check('resource', name, r.schema);
  for (const [name, d] of Object.entries(def.dataSources)) {
    check('data source', name, d.schema);
    // Data sources have no write-only attributes in protocol 6.8.
    for (const [an, a] of Object.entries(d.schema.block.attributes))
      if (a.writeOnly) problems.push(`data source ${name}.${an}: write-only is for resources only`);
  }
  return problems;
}

export class ProviderRegistry<C> {
  constructor(public readonly definition: ProviderDefinition<C>) {}

  resource(typeName: string): ResourceDefinition<C> | undefined {
    return Object.prototype.hasOwnProperty.call(this.definition.resources, typeName) ? this.definition.resources[typeName] : undefined;
  }

  dataSource(typeName: string): DataSourceDefinition<C> | undefined {
    return Object.prototype.hasOwnProperty.call(this.definition.dataSources, typeName) ? this.definition.dataSources[typeName] : undefined;
  }

  get resourceTypes(): string[] {
    return Object.keys(this.definition.resources);
  }

  get dataSourceTypes(): string[] {
    return Object.keys(this.definition.dataSources);
  }
}
