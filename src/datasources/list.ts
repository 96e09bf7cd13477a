// What the plural data sources (portsip_trunks, portsip_tenants, portsip_dealers, portsip_transports)
// share: the `filter`/`search` attributes passed to a paged `{count, items}` list (docs/portsip-api.md §2.6), the
// validation of `filter` (the same light OData shape check as portsip_ip_rules), a stable query id,
// and list items -> state through the item's object type. Each folder declares only its item type,
// its list endpoint and its description.

import type { PortsipClient } from '../client';
import type { DataSourceDefinition } from '../provider/definition';
import type { AttrType, Schema } from '../provider/schema';
import type { Diagnostic, ObjectValue } from '../provider/values';
import type { PortsipContext } from '../resources/common/context';
import { fromApiValue, type ApiObject } from '../resources/common/mapping';
import { computed, optional } from '../resources/common/schema-helpers';
import { checkObject, notBlank } from '../resources/common/validators';
import { defineDataSource } from '../resources/kit/data-source';
import { odataShape } from './ip-rules/validate';

export interface ListSpec {
  /** e.g. `portsip_trunks`. */
  typeName: string;
  /** Name of the list attribute in state, e.g. `trunks`. */
  attribute: string;
  /** Object type of one item: the list endpoint's item fields (JSON names). */
  item: AttrType & { object: Record<string, AttrType> };
  description: string;
  /** Description of the list attribute (which fields each item has). */
  itemsDescription: string;
  /** Examples for the `filter` description. */
  filterExample: string;
  /** Note appended to the `filter`/`search` descriptions (e.g. that the endpoint documents no query options). */
  queryNote?: string;
  /** The client's collection: its list items are API objects (the item type's JSON names). */
  collection(client: PortsipClient): { listAll(query: { filter?: string; search?: string }): Promise<readonly ApiObject[]> };
}

export function listSchema(spec: ListSpec): Schema {
  const note = spec.queryNote ? ` ${spec.queryNote}` : '';
  return {
    version: 0,
    block: {
      description: spec.description,
      attributes: {
        id: computed('string', 'An identifier of this query (the filter and search it used).'),
        filter: optional(
          'string',
          `An OData filter passed to the API unchanged, e.g. ${spec.filterExample}: comparisons \`eq ne gt ge lt le\`, \`and\`/\`or\`, \`startswith\`/\`endswith\`/\`contains\`, strings in single quotes.${note}`,
        ),
        search: optional(
          'string',
          `A free-text search passed to the API unchanged (\`search\`); which fields it matches is up to the PBX ("a or b" matches either).${note}`,
        ),
        [spec.attribute]: computed({ list: spec.item }, spec.itemsDescription),
      },
    },
  };
}

/** The list query the config asks for. */
export function toQuery(config: ObjectValue): { filter?: string; search?: string } {
  const q: { filter?: string; search?: string } = {};
  if (typeof config.filter === 'string' && config.filter.trim() !== '') q.filter = config.filter;
  if (typeof config.search === 'string' && config.search.trim() !== '') q.search = config.search;
  return q;
}

/** A stable id for the query. */
export function queryId(config: ObjectValue): string {
  const f = typeof config.filter === 'string' ? config.filter : '';
  const s = typeof config.search === 'string' ? config.search : '';
  return f === '' && s === '' ? 'all' : `filter=${f};search=${s}`;
}

export function toState(spec: ListSpec, items: readonly ApiObject[], config: ObjectValue): ObjectValue {
  return {
    id: queryId(config),
    filter: config.filter ?? null,
    search: config.search ?? null,
    [spec.attribute]: items.map((i) => fromApiValue(i, spec.item)),
  };
}

export function validateList(config: ObjectValue): Diagnostic[] {
  return checkObject(config, [], { filter: [notBlank(), odataShape()], search: notBlank() });
}

export function listDataSource(spec: ListSpec): DataSourceDefinition<PortsipContext> {
  return defineDataSource({
    typeName: spec.typeName,
    schema: listSchema(spec),
    validate: validateList,
    read: async (config, ctx) => ({
      state: toState(spec, await spec.collection(ctx.provider.client).listAll(toQuery(config)), config),
    }),
  });
}
