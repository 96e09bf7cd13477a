// The natural key of every collection resource, declared once. It is what identifies an object on
// the PBX apart from its opaque id, and everything that looks an object up by "what it is" uses this
// table: the check before a create (does it exist already?), the recovery of a create whose answer
// was lost (did ours land?), the create journal (what did this provider create?) and import by key.
//
// `of` turns attribute values into one canonical text (so "10.0.0.1/8" and "10.0.0.0/8", or
// "ACME.example.com." and "acme.example.com", are the same key). It reads planned state, a parsed
// import key and a live list item alike: the attribute names are the API's JSON names.

import type { PortsipClient } from '../../client';
import type { Collection } from '../../client/api/common';
import { odata } from '../../client/api/common';
import { canonicalCidr, canonicalDomain } from './normalize';

type Values = Record<string, unknown>;

export interface NaturalKey {
  /** Attributes the key is made of (schema and API names). */
  attributes: readonly string[];
  /** Canonical key text, or undefined when a part is missing or not yet known. */
  of(values: Values): string | undefined;
  /** The key for people: `cidr "10.0.0.0/8"`. */
  describe(values: Values): string;
  /** The collection holding the objects. */
  collection(client: PortsipClient): Collection<Values>;
  /** Server-side filter narrowing a look-up to the key (results are matched with `of` anyway). */
  filter(values: Values): string;
  /** Other objects the PBX may refuse a create over (transport: the same port in the same L4 family). */
  collides?(item: Values, values: Values): boolean;
}

/** A key part that is text: a non-empty string, else undefined (null, unknown, ""). */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** A key part that is a number, from a plain number or an exact one ({text}); else undefined. */
export const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'object' && v !== null && 'text' in v ? Number((v as { text: string }).text) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
/** The network protocol a transport listens on: UDP, or TCP for TCP, TLS, WS and WSS. */
export const l4 = (p: unknown) => (String(p).toUpperCase() === 'UDP' ? 'udp' : 'tcp');
const coll = (c: unknown) => c as Collection<Values>;

const byName = (area: (c: PortsipClient) => unknown): NaturalKey => ({
  attributes: ['name'],
  of: (v) => text(v.name),
  describe: (v) => `name ${JSON.stringify(v.name)}`,
  collection: (c) => coll(area(c)),
  filter: (v) => `name eq ${odata(String(v.name))}`,
});

export const NATURAL_KEYS: Readonly<Record<string, NaturalKey>> = {
  portsip_tenant: {
    attributes: ['domain'],
    of: (v) => (text(v.domain) !== undefined ? canonicalDomain(String(v.domain)) : undefined),
    describe: (v) => `domain ${JSON.stringify(v.domain)}`,
    collection: (c) => coll(c.tenants),
    filter: (v) => `domain eq ${odata(String(v.domain))}`,
  },
  portsip_dealer: byName((c) => c.dealers),
  portsip_admin_user: byName((c) => c.adminUsers),
  portsip_transport: {
    attributes: ['protocol', 'port'],
    of: (v) =>
      text(v.protocol) !== undefined && num(v.port) !== undefined ? `${String(v.protocol).toUpperCase()}:${num(v.port)}` : undefined,
    describe: (v) => `protocol ${String(v.protocol).toUpperCase()} and port ${num(v.port)}`,
    collection: (c) => coll(c.transports),
    filter: (v) => `protocol eq ${odata(String(v.protocol).toUpperCase())} and port eq ${num(v.port)}`,
    collides: (item, v) => num(item.port) === num(v.port) && l4(item.protocol) === l4(v.protocol),
  },
  portsip_ip_rule: {
    attributes: ['cidr'],
    of: (v) => (text(v.cidr) !== undefined ? (canonicalCidr(String(v.cidr)) ?? String(v.cidr).toLowerCase()) : undefined),
    describe: (v) => `cidr ${JSON.stringify(v.cidr)}`,
    collection: (c) => coll(c.ipRules),
    // Only the exact text: an equal network written differently is found by the full listing.
    filter: (v) => `cidr eq ${odata(String(v.cidr))}`,
  },
};

export function naturalKey(typeName: string): NaturalKey {
  const nk = NATURAL_KEYS[typeName];
  if (!nk) throw new Error(`no natural key declared for ${typeName}`);
  return nk;
}

const idOf = (item: Values): string | undefined => (typeof item.id === 'string' && item.id !== '' ? item.id : undefined);

/** Ids of the live objects with the key of `values` (a filtered look-up; the whole list when the filter is not honoured). */
export async function idsWithKey(typeName: string, client: PortsipClient, values: Values): Promise<string[]> {
  const nk = naturalKey(typeName);
  const key = nk.of(values);
  if (key === undefined) return [];
  const byFilter = await nk.collection(client).findAll(nk.filter(values), (item) => nk.of(item) === key);
  if (byFilter.length > 0 || typeName !== 'portsip_ip_rule') return byFilter.map(idOf).filter((x): x is string => !!x);
  // CIDRs: the filter compares text; an equal network written otherwise needs the full list.
  return (await nk.collection(client).listAll())
    .filter((item) => nk.of(item) === key)
    .map(idOf)
    .filter((x): x is string => !!x);
}

/**
 * Per provider process: every object of a type listed once (the first create of that type asks),
 * as key -> ids. It answers "did this key exist before our create?" for a whole apply with
 * ceil(N/100) requests instead of one look-up per create. Objects this process creates are added.
 */
export class KeyIndex {
  private readonly lists = new Map<string, Promise<Map<string, string[]>>>();
  private readonly items = new Map<string, Map<string, Values>>();

  /** Ids with this key when the type was listed (plus what this process created since). */
  async idsFor(typeName: string, client: PortsipClient, values: Values): Promise<string[]> {
    const key = naturalKey(typeName).of(values);
    if (key === undefined) return [];
    return [...((await this.index(typeName, client)).get(key) ?? [])];
  }

  /** Ids of listed objects that collide with `values` without having its key (see NaturalKey.collides). */
  async colliding(typeName: string, client: PortsipClient, values: Values): Promise<string[]> {
    const nk = naturalKey(typeName);
    if (!nk.collides) return [];
    await this.index(typeName, client);
    return [...(this.items.get(typeName)?.values() ?? [])].filter((i) => nk.collides!(i, values)).map((i) => String(i.id));
  }

  add(typeName: string, values: Values, id: string): void {
    const key = naturalKey(typeName).of(values);
    const p = this.lists.get(typeName);
    if (key === undefined || !p) return;
    void p.then((m) => {
      const ids = m.get(key) ?? [];
      if (!ids.includes(id)) m.set(key, [...ids, id]);
    });
  }

  private index(typeName: string, client: PortsipClient): Promise<Map<string, string[]>> {
    let p = this.lists.get(typeName);
    if (!p) {
      const nk = naturalKey(typeName);
      p = nk
        .collection(client)
        .listAll()
        .then((all) => {
          const m = new Map<string, string[]>();
          const byId = new Map<string, Values>();
          for (const item of all) {
            const id = idOf(item);
            const key = nk.of(item);
            if (!id || key === undefined) continue;
            byId.set(id, item);
            m.set(key, [...(m.get(key) ?? []), id]);
          }
          this.items.set(typeName, byId);
          return m;
        });
      // A failed listing is not kept: the next create lists again.
      p.catch(() => this.lists.delete(typeName));
      this.lists.set(typeName, p);
    }
    return p;
  }
}
