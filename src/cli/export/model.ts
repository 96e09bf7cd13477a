// `portsip export`: from the state an import reads to the configuration that manages it, as a small
// model both writers (HCL, cdktf) render. The rule per attribute makes the round trip exact:
// - computed only (ids): never written;
// - null: not written (write-only values and their `_wo_version` are always null after an import);
// - required, or optional without a server default: written as read (leaving it out would plan a
//   change to null);
// - optional with a server default (Optional+Computed): left out when it equals the documented
//   default (the schema's defaults table of a singleton, else the "Server default `X`" or
//   "Documented default `X`" its schema documents), since an unset Optional+Computed attribute
//   keeps the value in state. Other values are written, so the code says what differs.
// References: an id naming an exported object becomes `<type>.<name>.id`; otherwise it stays the
// literal id with a comment. Secrets: a dealer's or admin user's password becomes
// `password_wo = var.<name>_password` with no `password_wo_version`: importing sends no password.

import type { Attribute, Block } from '../../provider/schema';
import { valueEquals } from '../../provider/plan-helpers';
import { BigNum, type ObjectValue, type Value } from '../../provider/values';
import { metaOf, portsipResources, resourceMetas } from '../../resources';
import { typeLabel } from '../report/keys';
import { assignNames } from './naming';
import type { LiveObject } from './read';
import { EXPORT_TYPES, shortType } from './types';

export type Expr = { lit: Value } | { ref: { type: string; name: string } } | { variable: string };

export interface Body {
  attrs: Array<{ name: string; expr: Expr; comment?: string }>;
  /** `list`: a list-nested block (several may appear); else single-nested. */
  blocks: Array<{ name: string; body: Body; list: boolean }>;
}

export interface ExportResource {
  type: string;
  name: string;
  importId: string;
  key: string;
  body: Body;
}

export interface SecretVariable {
  name: string;
  description: string;
}

export interface ExportModel {
  /** In dependency order (EXPORT_TYPES), then by name. */
  resources: ExportResource[];
  variables: SecretVariable[];
}

/** Documented server defaults of the singletons (their reset_on_destroy tables), as each declares them. */
const DEFAULT_TABLES: Record<string, Readonly<Record<string, Value>>> = Object.fromEntries(
  resourceMetas.flatMap((m) => (m.defaults ? [[m.typeName, m.defaults]] : [])),
);

/** The default an attribute's description documents ("Server default `true`.", "Documented default `100`"), if any. */
export function describedDefault(a: Attribute): Value | undefined {
  const m = /(?:Server|Documented) default `([^`]*)`/.exec(a.description ?? '');
  if (!m) return undefined;
  // A quoted default is a string literal: `""` is the empty string (tenant disk quotas).
  const text = /^"(.*)"$/.exec(m[1]!)?.[1] ?? m[1]!;
  if (a.type === 'bool') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (a.type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  return a.type === 'string' ? text : undefined;
}

/** Attributes holding the id of another resource type (always the API id of that object): those marked `references`. */
const referencesOf = (type: string): Readonly<Record<string, string>> => metaOf(type)?.references ?? {};

/**
 * Types whose account password is written as `password_wo = var.<name>_password`: the accounts (collections with
 * a write-only `password_wo`). A settings object's secret (the mail server password) is left unset: unmanaged.
 */
const PASSWORD_TYPES = resourceMetas
  .filter((m) => m.mode === 'collection' && m.schema.block.attributes.password_wo?.writeOnly)
  .map((m) => m.typeName);

function bodyOf(block: Block, value: ObjectValue, defaults: Readonly<Record<string, Value>> | undefined): Body {
  const body: Body = { attrs: [], blocks: [] };
  for (const [name, a] of Object.entries(block.attributes)) {
    const v = value[name] ?? null;
    if (v === null || (a.computed && !a.optional && !a.required)) continue;
    if (a.optional && a.computed) {
      const d = defaults?.[name] ?? describedDefault(a);
      if (d !== undefined && valueEquals(v, d, a.type)) continue;
    }
    body.attrs.push({ name, expr: { lit: v } });
  }
  for (const [name, nb] of Object.entries(block.blocks ?? {})) {
    const v = value[name] ?? null;
    const items = Array.isArray(v) ? v : v === null ? [] : [v];
    for (const item of items) {
      if (item !== null && typeof item === 'object' && !(item instanceof BigNum) && !Array.isArray(item))
        body.blocks.push({ name, body: bodyOf(nb.block, item, undefined), list: nb.nesting !== 'single' });
    }
  }
  return body;
}

const byTypeThenName = (a: ExportResource, b: ExportResource) =>
  EXPORT_TYPES.indexOf(a.type) - EXPORT_TYPES.indexOf(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function buildModel(objects: readonly LiveObject[]): ExportModel {
  const names = assignNames(objects);
  // API id -> exported resource, per type, for references.
  const byId = new Map<string, { type: string; name: string; key: string }>();
  for (const o of objects)
    if (typeof o.state.id === 'string') byId.set(`${o.type} ${o.state.id}`, { type: o.type, name: names.get(o)!, key: o.key });
  const variables: SecretVariable[] = [];
  const resources: ExportResource[] = objects.map((o) => {
    const def = portsipResources[o.type];
    if (!def) throw new Error(`${o.type} is not a registered resource type`);
    const schema = def.schema;
    const name = names.get(o)!;
    const body = bodyOf(schema.block, o.state, DEFAULT_TABLES[o.type]);
    for (const attr of body.attrs) {
      const target = referencesOf(o.type)[attr.name];
      if (target && 'lit' in attr.expr && typeof attr.expr.lit === 'string') {
        const hit = byId.get(`${target} ${attr.expr.lit}`);
        if (hit) attr.expr = { ref: { type: hit.type, name: hit.name } };
        else attr.comment = `The ${typeLabel(target)} ${attr.expr.lit} is not in this export (filtered out): its id is kept.`;
      }
    }
    if (PASSWORD_TYPES.includes(o.type)) {
      const variable = `${shortType(o.type)}_${name}_password`;
      variables.push({
        name: variable,
        description: `Password of the ${typeLabel(o.type)} "${o.key}". Only sent when the ${typeLabel(o.type)} is created or password_wo_version changes: importing it changes nothing.`,
      });
      // Right after `name`/`level`/`role`: where a person would put it (schema order).
      const at = body.attrs.findIndex(
        (x) => Object.keys(schema.block.attributes).indexOf(x.name) > Object.keys(schema.block.attributes).indexOf('password_wo'),
      );
      body.attrs.splice(at < 0 ? body.attrs.length : at, 0, { name: 'password_wo', expr: { variable } });
    }
    return { type: o.type, name, importId: o.importId, key: o.key, body };
  });
  resources.sort(byTypeThenName);
  variables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { resources, variables };
}
