// Compile-time checks of the type overlay (run by `tsc --noEmit`; jest only needs one assertion).
import type { AdminUser, Dealer, Open, Tenant, TenantCreate, TenantUpdate, TransportCreate } from '../../src/client';

// A partial create body (what the resource layer builds) is a valid tenant update (22.3: name too).
const partialCreate: Partial<TenantCreate> = { name: 'ACME', domain: 'acme.example.com', allow_password_retrieval: true };
const update: TenantUpdate = partialCreate;

// Unknown response keys are kept and typed `unknown`, known ones keep their types.
const tenant: Tenant = {
  id: 'x',
  name: 'n',
  domain: 'd',
  timezone: 'UTC',
  currency: 'USD',
  region: 'USA',
  future_22_6_field: 1,
} as unknown as Tenant;
const known: string | undefined = tenant.domain;
const unknownField: unknown = tenant['future_22_6_field'];
const dealer: Dealer = { enabled: true, max_tenants: 1, max_extensions: 1, tenant_full_access: true, name: 'acme' };
const user: AdminUser = { id: 'u', name: 'ops', role: 'SiteAdmin' };
const open: Open<{ a: number }> = { a: 1, b: 'x' };

// @ts-expect-error protocol must be one of the enum values
const badTransport: TransportCreate = { protocol: 'WSS', port: 5065 };

test('type overlay compiles', () => {
  expect([update, known, unknownField, dealer, user, open, badTransport].length).toBe(7);
});
