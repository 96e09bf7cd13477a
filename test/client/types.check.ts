// Compile-time checks of the client's type overlay. Not a jest file: `npm run typecheck` (tsc over
// test/**) is what runs it, and a wrong overlay fails that step. Nothing here is cast: a cast would
// let through exactly what the checks are for.
import type { AdminUser, Dealer, Open, Tenant, TenantCreate, TenantUpdate, TransportCreate } from '../../src/client';

/** true only when A and B are the same type (not merely assignable either way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// A partial create body (what the resource layer builds) is a valid tenant update (22.3: name too).
const partialCreate: Partial<TenantCreate> = { name: 'ACME', domain: 'acme.example.com', allow_password_retrieval: true };
export const update: TenantUpdate = partialCreate;

// Unknown response keys are kept and typed `unknown`; known ones keep their types.
export const knownKeepsItsType: Equals<Tenant['domain'], string | undefined> = true;
export const unknownKeyIsUnknown: Equals<Tenant['future_22_6_field'], unknown> = true;
// @ts-expect-error a known key is not widened to unknown
export const knownIsNotUnknown: Equals<Tenant['domain'], unknown> = true;
export const withFutureField = (t: Tenant): Tenant => ({ ...t, future_22_6_field: 1 });

export const dealer: Dealer = { enabled: true, max_tenants: 1, max_extensions: 1, tenant_full_access: true, name: 'acme' };
export const user: AdminUser = { id: 'u', name: 'ops', role: 'SiteAdmin' };
export const open: Open<{ a: number }> = { a: 1, b: 'x' };
// @ts-expect-error Open keeps the declared keys' types
export const openWrong: Open<{ a: number }> = { a: 'one' };

// @ts-expect-error protocol must be one of the enum values
export const badTransport: TransportCreate = { protocol: 'WSS', port: 5065 };
