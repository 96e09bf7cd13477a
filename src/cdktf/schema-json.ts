// The provider's schema in the JSON shape `terraform providers schema -json` prints, built straight
// from the definitions (src/resources/provider.ts) instead of launching terraform: offline, in
// milliseconds, and the same input @cdktf/provider-generator reads. test/acceptance/cdktf-schema.test.ts
// checks it against what real terraform reports, so the two cannot drift apart.
//
// Field names and omissions follow terraform's internal/command/jsonprovider (every flag is
// `omitempty`; description_kind is always present, "markdown" because GetProviderSchema says so).

import { ctyTypeToJsonValue } from '../provider/codec/cty-type';
import type { ProviderDefinition } from '../provider/definition';
import type { AttrType, Block, Schema } from '../provider/schema';

/** The provider's address in terraform's schema JSON (the registry default host). */
export const PROVIDER_ADDRESS = 'registry.terraform.io/portsip/portsip';

export interface SchemaJsonBlock {
  attributes?: Record<string, Record<string, unknown>>;
  block_types?: Record<string, { nesting_mode: string; block: SchemaJsonBlock; min_items?: number; max_items?: number }>;
  description?: string;
  description_kind: 'markdown';
  deprecated?: boolean;
}

export interface ProvidersSchemaJson {
  format_version: '1.0';
  provider_schemas: Record<
    string,
    {
      provider: { version: number; block: SchemaJsonBlock };
      resource_schemas: Record<string, { version: number; block: SchemaJsonBlock }>;
      data_source_schemas: Record<string, { version: number; block: SchemaJsonBlock }>;
    }
  >;
}

/** Object keys in byte order, as Go's encoding/json writes maps (keeps the output stable). */
function sorted<T>(entries: [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}

export function blockToJson(block: Block): SchemaJsonBlock {
  // Built in terraform's field order (attributes, block_types, description, description_kind).
  const out = {} as SchemaJsonBlock;
  const attrs = Object.entries(block.attributes ?? {});
  if (attrs.length) {
    out.attributes = sorted(
      attrs.map(([name, a]) => {
        const j: Record<string, unknown> = { type: typeJson(a.type) };
        if (a.description) j.description = a.description;
        j.description_kind = 'markdown';
        if (a.deprecated) j.deprecated = true;
        if (a.required) j.required = true;
        if (a.optional) j.optional = true;
        if (a.computed) j.computed = true;
        if (a.sensitive) j.sensitive = true;
        if (a.writeOnly) j.write_only = true;
        return [name, j];
      }),
    );
  }
  const blocks = Object.entries(block.blocks ?? {});
  if (blocks.length) {
    out.block_types = sorted(
      blocks.map(([name, nb]) => {
        const j: { nesting_mode: string; block: SchemaJsonBlock; min_items?: number; max_items?: number } = {
          nesting_mode: nb.nesting,
          block: blockToJson(nb.block),
        };
        if (nb.minItems) j.min_items = nb.minItems;
        if (nb.maxItems) j.max_items = nb.maxItems;
        return [name, j];
      }),
    );
  }
  if (block.description) out.description = block.description;
  out.description_kind = 'markdown';
  if (block.deprecated) out.deprecated = true;
  return out;
}

/** cty type JSON with object attribute names sorted, as terraform prints them. */
function typeJson(t: AttrType): unknown {
  const j = ctyTypeToJsonValue(t);
  const sortTypes = (v: unknown): unknown => {
    if (!Array.isArray(v)) return v;
    if (v[0] === 'object')
      return [
        'object',
        sorted(Object.entries(v[1] as Record<string, unknown>).map(([k, x]) => [k, sortTypes(x)])),
        ...(v.slice(2) as unknown[]),
      ];
    return v.map(sortTypes);
  };
  return sortTypes(j);
}

function schemaToJson(s: Schema): { version: number; block: SchemaJsonBlock } {
  return { version: s.version, block: blockToJson(s.block) };
}

export function providersSchemaJson(def: ProviderDefinition<unknown>): ProvidersSchemaJson {
  return {
    format_version: '1.0',
    provider_schemas: {
      [PROVIDER_ADDRESS]: {
        provider: schemaToJson(def.schema),
        resource_schemas: sorted(Object.entries(def.resources).map(([n, r]) => [n, schemaToJson(r.schema)])),
        data_source_schemas: sorted(Object.entries(def.dataSources).map(([n, d]) => [n, schemaToJson(d.schema)])),
      },
    },
  };
}
