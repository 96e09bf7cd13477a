// The natural key of a resource, derived from the attributes its schema marks with `key`
// (common/schema-helpers.ts KeyPart). It is what identifies an object on the PBX apart from its opaque
// id, and everything that looks an object up by "what it is" uses it: the check before a create
// (does it exist already?), the recovery of a create whose answer was lost (did ours land?), the
// create journal (what did this provider create?), import by key, the names in messages and reports.
//
// `of` turns attribute values into one canonical text (so "10.0.0.1/8" and "10.0.0.0/8", or
// "ACME.example.com." and "acme.example.com", are the same key). It reads planned state, a parsed
// import key and a live list item alike: the attribute names are the API's JSON names.

import { odata } from '../../client/api/common';
import { canonicalCidr, canonicalDomain } from '../common/normalize';
import type { KeyPart, KitBlock } from '../common/schema-helpers';

/** Attribute values by name: planned state, an import key or an API list item. */
export type Values = Readonly<Record<string, unknown>>;

export interface NaturalKey {
  /** Attributes the key is made of (schema and API names), in declaration order. */
  attributes: readonly string[];
  /** Each attribute with how it compares, as the schema declares them. */
  parts: readonly (readonly [string, KeyPart])[];
  /** Canonical key text, or undefined when a part is missing or not yet known. */
  of(values: Values): string | undefined;
  /** The key for people: `cidr "10.0.0.0/8"`, `protocol TLS and port 5061`. */
  describe(values: Values): string;
  /** The key as people write it (report and message names, import ids): `TLS:5061`. */
  display(values: Values): string | undefined;
  /** Server-side filter narrowing a look-up to the key (results are matched with `of` anyway). */
  filter(values: Values): string;
  /** Whether the filter can miss an equal key written otherwise (a CIDR with host bits, a domain in other letter case): then an empty answer is checked against the full list. */
  inexactFilter: boolean;
}

/** A key part that is text: a non-empty string, else undefined (null, unknown, ""). */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** A key part that is a number, from a plain number or an exact one ({text}); else undefined. */
export const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'object' && v !== null && 'text' in v ? Number((v as { text: string }).text) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
/** The network protocol a transport listens on: UDP, or TCP for TCP, TLS, WS and WSS. */
export const l4 = (p: unknown): 'udp' | 'tcp' => (String(p).toUpperCase() === 'UDP' ? 'udp' : 'tcp');

/** One part's canonical text, or undefined when it has none. */
function canonical(kind: KeyPart, v: unknown): string | undefined {
  switch (kind) {
    case 'text':
      return text(v);
    case 'domain':
      return text(v) !== undefined ? canonicalDomain(String(v)) : undefined;
    case 'cidr':
      return text(v) !== undefined ? (canonicalCidr(String(v)) ?? String(v).toLowerCase()) : undefined;
    case 'upper':
      return text(v)?.toUpperCase();
    case 'port': {
      const n = num(v);
      return n === undefined || n === 0 ? undefined : String(n);
    }
  }
}

/** One part as people write it (the value as configured, protocols in upper case). */
function shown(kind: KeyPart, v: unknown): string | undefined {
  if (kind === 'upper') return text(v)?.toUpperCase();
  if (kind === 'port') return num(v) !== undefined ? String(num(v)) : undefined;
  return text(v);
}

/** The natural key the block's attributes declare, or undefined when none is marked. `sep` joins the parts. */
export function declaredKey(block: KitBlock, sep = ':'): NaturalKey | undefined {
  const parts: [string, KeyPart][] = [];
  for (const [name, a] of Object.entries(block.attributes)) if (a.key) parts.push([name, a.key]);
  if (parts.length === 0) return undefined;
  return {
    attributes: parts.map(([n]) => n),
    parts,
    of(v) {
      const texts = parts.map(([n, kind]) => canonical(kind, v[n]));
      return texts.every((t) => t !== undefined) ? texts.join(sep) : undefined;
    },
    describe: (v) =>
      parts
        .map(([n, kind]) => (kind === 'port' || kind === 'upper' ? `${n} ${shown(kind, v[n])}` : `${n} ${JSON.stringify(v[n])}`))
        .join(' and '),
    display(v) {
      const texts = parts.map(([n, kind]) => shown(kind, v[n]));
      return texts.every((t) => t !== undefined) ? texts.join(sep) : undefined;
    },
    // Only the exact text: an equal value written differently (a CIDR with host bits) is found by the full listing.
    inexactFilter: parts.some(([, kind]) => kind === 'cidr' || kind === 'domain'),
    filter: (v) =>
      parts.map(([n, kind]) => `${n} eq ${kind === 'port' ? String(num(v[n])) : odata(shown(kind, v[n]) ?? '')}`).join(' and '),
  };
}

/** How `terraform import` / `import {}` ids name an object by its natural key. */
export interface ImportFormat {
  /** For people: `<domain>`, `PROTOCOL:port`. */
  format: string;
  example: string;
  /** The key's attribute values, or null when `id` is not a key of this shape (then it may be an API id). */
  parse(id: string): Record<string, string | number> | null;
}

/**
 * The import format of a natural key: one part is its value (`acme.example.com`, or `domain=...` to
 * force the key reading); several parts are joined by ":" (`TLS:5061`). A CIDR must hold a "/", a port
 * is a number up to 65535, an upper-case part is letters.
 */
export function importFormat(key: NaturalKey, example: string): ImportFormat {
  const { parts } = key;
  const only = parts.length === 1 ? parts[0] : undefined;
  const partOf = (kind: KeyPart, s: string): string | number | null => {
    if (s === '') return null;
    if (kind === 'port') return /^(0|[1-9][0-9]{0,4})$/.test(s) && Number(s) <= 65535 ? Number(s) : null;
    if (kind === 'upper') return /^[A-Za-z]+$/.test(s) ? s.toUpperCase() : null;
    if (kind === 'cidr') return s.includes('/') ? s : null;
    return s;
  };
  return {
    format: parts.map(([n, kind]) => (kind === 'upper' ? n.toUpperCase() : kind === 'port' ? n : `<${n}>`)).join(':'),
    example,
    parse(id) {
      if (only) {
        const [n, kind] = only;
        const v = partOf(kind, id.startsWith(`${n}=`) ? id.slice(n.length + 1) : id);
        return v === null ? null : { [n]: v };
      }
      const texts = id.trim().split(':');
      if (texts.length !== parts.length) return null;
      const out: Record<string, string | number> = {};
      for (const [i, [n, kind]] of parts.entries()) {
        const v = partOf(kind, texts[i]!);
        if (v === null) return null;
        out[n] = v;
      }
      return out;
    },
  };
}
