// The resource types of the provider, from the registrations in registry.ts, and what the rest of the
// project derives from their declarations (kit/define.ts ResourceMeta): the provider's resource map,
// the dependency order `portsip export` writes in, and how messages and reports name objects.

import type { ResourceDefinition } from '../provider/definition';
import type { PortsipContext } from './common/context';
import type { KitResource, ResourceMeta } from './kit/define';
import * as registered from './registry';

/**
 * Every resource in dependency order: a type comes after the types its attributes reference (tenants
 * after dealers, trunk assignments after tenants), otherwise by type name, so the order does not
 * depend on how registry.ts is sorted.
 */
function dependencyOrder(all: readonly KitResource[]): KitResource[] {
  const byType = new Map(all.map((r) => [r.meta.typeName, r]));
  const out: KitResource[] = [];
  const placed = new Set<string>();
  const visit = (r: KitResource, path: readonly string[]) => {
    const t = r.meta.typeName;
    if (placed.has(t)) return;
    if (path.includes(t)) throw new Error(`resource references form a cycle: ${[...path, t].join(' -> ')}`);
    for (const ref of Object.values(r.meta.references).sort()) {
      const dep = byType.get(ref);
      if (dep) visit(dep, [...path, t]);
    }
    placed.add(t);
    out.push(r);
  };
  for (const r of [...all].sort((a, b) => (a.meta.typeName < b.meta.typeName ? -1 : 1))) visit(r, []);
  return out;
}

const RESOURCES: readonly KitResource[] = dependencyOrder(Object.values(registered));

/** The provider's resource map (type name -> definition), in dependency order. */
export const portsipResources: Readonly<Record<string, ResourceDefinition<PortsipContext>>> = Object.fromEntries(
  RESOURCES.map((r) => [r.meta.typeName, r]),
);

/** Every resource type's declaration, in dependency order. */
export const resourceMetas: readonly ResourceMeta[] = RESOURCES.map((r) => r.meta);

/** The declaration of a resource type; undefined for types of other providers. */
export function metaOf(typeName: string): ResourceMeta | undefined {
  return resourceMetas.find((m) => m.typeName === typeName);
}

/** The kit resource of a type (export reads objects through it). */
export function kitResourceOf(typeName: string): KitResource | undefined {
  return RESOURCES.find((r) => r.meta.typeName === typeName);
}
