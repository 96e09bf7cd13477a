// `portsip export` filters: which types (--include / --exclude), which objects by natural key
// (--match TYPE=GLOB) and one dealer's share of the PBX (--dealer NAME). Types are written as in the
// resource type name without the `portsip_` prefix (`tenant`, `ip_rule`); the prefix is accepted too.

import { EXPORT_TYPES } from './types';

export interface ExportFilters {
  /** The resource types to export, in dependency order. */
  types: string[];
  /** Per type: globs the natural key must match (any of them). */
  match: Map<string, RegExp[]>;
  /** --dealer: only this dealer, its tenants and their trunk assignments. */
  dealer?: string;
}

const short = (t: string) => t.replace(/^portsip_/, '');

function typeName(flag: string, raw: string): string {
  const t = raw.trim().toLowerCase();
  const full = t.startsWith('portsip_') ? t : `portsip_${t}`;
  if (!EXPORT_TYPES.includes(full))
    throw new Error(`${flag} ${JSON.stringify(raw)}: unknown type; use one of ${EXPORT_TYPES.map(short).join(', ')}`);
  return full;
}

function typeList(flag: string, values: readonly string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',').filter((x) => x.trim() !== '')).map((x) => typeName(flag, x));
}

/**
 * A shell-style glob as an anchored, case-insensitive expression: `*` any text, `?` one character.
 * Case-insensitive because domains are (and a filter that misses `ACME.example.com` for
 * `*.acme.example.com` would silently leave objects out).
 */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

export interface FilterFlags {
  include?: string[];
  exclude?: string[];
  match?: string[];
  dealer?: string;
}

export function parseFilters(f: FilterFlags): ExportFilters {
  const include = typeList('--include', f.include);
  const exclude = new Set(typeList('--exclude', f.exclude) ?? []);
  let types = EXPORT_TYPES.filter((t) => (include ? include.includes(t) : true) && !exclude.has(t));
  if (f.dealer !== undefined) {
    if (f.dealer.trim() === '') throw new Error('--dealer "": give the dealer\'s name');
    // A dealer's share: the dealer, its tenants and their trunk assignments.
    types = types.filter((t) => t === 'portsip_dealer' || t === 'portsip_tenant' || t === 'portsip_trunk_assignment');
  }
  if (types.length === 0) throw new Error('the filters leave no resource type to export (check --include, --exclude and --dealer)');
  const match = new Map<string, RegExp[]>();
  for (const m of f.match ?? []) {
    const eq = m.indexOf('=');
    if (eq <= 0 || eq === m.length - 1)
      throw new Error(`--match ${JSON.stringify(m)}: expected TYPE=GLOB on the natural key, e.g. tenant=*.acme.com or ip_rule=10.*`);
    const t = typeName('--match', m.slice(0, eq));
    match.set(t, [...(match.get(t) ?? []), globToRegExp(m.slice(eq + 1))]);
  }
  return { types, match, ...(f.dealer !== undefined ? { dealer: f.dealer } : {}) };
}

/** Whether an object's natural key passes the --match globs of its type (no glob: yes). */
export function keyMatches(filters: ExportFilters, type: string, key: string): boolean {
  const globs = filters.match.get(type);
  return !globs || globs.some((g) => g.test(key));
}
