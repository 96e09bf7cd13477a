// The keys PortSIP keeps unique across objects, for the plan-time duplicate check (plan-ledger.ts).
// Each resource declares its own (the kit's `unique`); this file holds the shape and the one namespace
// two types share. Not the same thing as the natural key (kit/keys.ts): that one says how an object
// is looked up ("what it is"), this one which two objects the PBX refuses to hold at once. They
// differ on purpose:
//  - IP rules have a natural key (the CIDR) but no uniqueness: nothing in PortSIP's documents says
//    two rules may not share a CIDR, so two in one configuration are allowed;
//  - dealers and admin users sign in by name, so their names share ONE namespace (an admin user
//    "ops" and a dealer "OPS" collide), compared regardless of case [inferred, docs/emulator.md];
//  - transports collide on the port of the same L4 protocol (TCP, TLS, WS and WSS all listen on
//    TCP), not only on protocol and port [inferred: two listeners cannot bind one port]; port 0 of
//    a UDP transport means "no port" and collides with nothing.
// The emulator enforces the same rules (src/emulator/routes/*, `uniqueKeys`).

import { text, type Values } from '../kit/keys';

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

/** Dealers and admin users: one namespace of sign-in names. */
export const accountName: UniqueKey = {
  namespace: 'account name',
  of: (v) => text(v.name)?.toLowerCase(),
  describe: (v) => `name ${JSON.stringify(v.name)}`,
  rule: 'Dealers and admin users sign in by name, so PortSIP keeps their names unique across both, regardless of case.',
};
