// The keys PortSIP keeps unique across objects, for the plan-time duplicate check (plan-ledger.ts).
// Not the same table as natural-keys.ts: that one says how an object is looked up ("what it is"),
// this one which two objects the PBX refuses to hold at once. They differ on purpose:
//  - IP rules have a natural key (the CIDR) but no uniqueness: nothing in PortSIP's documents says
//    two rules may not share a CIDR, so two in one configuration are allowed;
//  - dealers and admin users sign in by name, so their names share ONE namespace (an admin user
//    "ops" and a dealer "OPS" collide), compared regardless of case [inferred, docs/emulator.md];
//  - transports collide on the port of the same L4 protocol (TCP, TLS, WS and WSS all listen on
//    TCP), not only on protocol and port [inferred: two listeners cannot bind one port]; port 0 of
//    a UDP transport means "no port" and collides with nothing.
// The emulator enforces the same rules (src/emulator/routes/*, `uniqueKeys`).

import { l4, num, text } from './natural-keys';
import { canonicalDomain } from './normalize';

type Values = Record<string, unknown>;

export interface UniqueKey {
  /** Keys of different types in one namespace collide (dealer and admin user names). */
  namespace: string;
  /** The canonical key, or undefined when a part is missing or not yet known. */
  of(values: Values): string | undefined;
  /** The key for people: `domain "acme.example.com"`. */
  describe(values: Values): string;
  /** Why PortSIP refuses two: one sentence for the diagnostic. */
  rule: string;
}

const accountName: UniqueKey = {
  namespace: 'account name',
  of: (v) => text(v.name)?.toLowerCase(),
  describe: (v) => `name ${JSON.stringify(v.name)}`,
  rule: 'Dealers and admin users sign in by name, so PortSIP keeps their names unique across both, regardless of case.',
};

export const UNIQUE_KEYS: Readonly<Record<string, UniqueKey>> = {
  portsip_tenant: {
    namespace: 'tenant domain',
    of: (v) => (text(v.domain) !== undefined ? canonicalDomain(String(v.domain)) : undefined),
    describe: (v) => `domain ${JSON.stringify(v.domain)}`,
    rule: 'PortSIP keeps tenant domains unique, regardless of case.',
  },
  portsip_dealer: accountName,
  portsip_admin_user: accountName,
  portsip_transport: {
    namespace: 'transport port',
    of: (v) => {
      const p = text(v.protocol);
      const port = num(v.port);
      return p !== undefined && port !== undefined && port !== 0 ? `${l4(p)}:${port}` : undefined;
    },
    describe: (v) => `protocol ${String(v.protocol).toUpperCase()} and port ${num(v.port)}`,
    rule: 'Two transports cannot listen on the same port of the same network protocol (TCP, TLS, WS and WSS all listen on TCP).',
  },
};
