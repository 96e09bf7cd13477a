// `portsip export`: resource names from natural keys, so the code reads like a person wrote it and
// a second export of the same PBX gives the same names: `portsip_tenant.acme_example_com`,
// `portsip_ip_rule.net_192_0_2_0_24`, `portsip_transport.tls_5061`, a singleton is `this`.
//
// A name is the key in lower case with every run of other characters turned into one `_`. Keys
// that differ only in case or punctuation (dealers "Acme" and "acme") get `_2`, `_3`... in the order
// of (key, import id), so which one gets the suffix does not depend on the order the API lists them.

import type { LiveObject } from './read';
import { COLLECTION_TYPES, shortType } from './types';

/** `Acme.Example.com` -> `acme_example_com`; never empty, never starting with a digit. */
export function identifier(text: string, prefix: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (s === '') return prefix;
  return /^[a-z_]/.test(s) ? s : `${prefix}_${s}`;
}

/** The name an object would get without collisions. */
export function baseName(o: LiveObject, tenantNames: ReadonlyMap<string, string>): string {
  if (!COLLECTION_TYPES.includes(o.type)) return 'this';
  switch (o.type) {
    case 'portsip_ip_rule':
      return identifier(`net_${o.key}`, 'net');
    case 'portsip_trunk_assignment': {
      // The trunk's name and the tenant's (resource) name: `sip_trunk_acme_example_com`.
      const tenant = tenantNames.get(String(o.state.tenant_id)) ?? String(o.state.tenant_id);
      return identifier(`${o.trunkName ?? String(o.state.trunk_id)}_${tenant}`, 'trunk');
    }
    default:
      return identifier(o.key, shortType(o.type));
  }
}

const byKey = (a: LiveObject, b: LiveObject) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.importId < b.importId ? -1 : a.importId > b.importId ? 1 : 0;

/** Unique names per type for every object (tenants first: trunk assignments use their names). */
export function assignNames(objects: readonly LiveObject[]): Map<LiveObject, string> {
  const names = new Map<LiveObject, string>();
  const tenantNames = new Map<string, string>();
  const types = [...new Set(objects.map((o) => o.type))].sort((a, b) => (a === 'portsip_tenant' ? -1 : b === 'portsip_tenant' ? 1 : 0));
  for (const type of types) {
    const used = new Set<string>();
    for (const o of objects.filter((x) => x.type === type).sort(byKey)) {
      const base = baseName(o, tenantNames);
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
      used.add(name);
      names.set(o, name);
      if (type === 'portsip_tenant') tenantNames.set(String(o.state.id), name);
    }
  }
  return names;
}
