// The resource types `portsip export` writes, in dependency order (a type only refers to types
// before it: tenants to dealers, trunk assignments to tenants; src/resources/index.ts derives the
// order from the attributes marked `references`), and the file each goes to. Types a resource
// declares not exportable (the dealer's own profile, which an administrator cannot read) are left out.

import { resourceMetas } from '../../resources';

export const EXPORT_TYPES: readonly string[] = resourceMetas.filter((m) => m.exportable).map((m) => m.typeName);

/** Collection and pair types: many objects each, named from natural keys. The rest are singletons. */
export const COLLECTION_TYPES: readonly string[] = resourceMetas.filter((m) => m.mode !== 'singleton').map((m) => m.typeName);

/** `tenant` for `portsip_tenant`. */
export const shortType = (t: string): string => t.replace(/^portsip_/, '');

/** `tenants.tf`; a singleton's file is its own name (`system_settings.tf`). */
export const fileOf = (t: string): string => (COLLECTION_TYPES.includes(t) ? `${shortType(t)}s` : shortType(t));

/** The one import id of each singleton (its declared fixed id). */
export const SINGLETON_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  resourceMetas.flatMap((m) => (m.fixedId !== undefined ? [[m.typeName, m.fixedId]] : [])),
);
