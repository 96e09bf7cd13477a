// Fidelity rules of dealers, admin users and the dealer profile (see test/fidelity/harness.ts for what a rule holds, docs/fidelity.md for
// the table in prose).

import { validate as vAdminUser } from '../../../src/resources/admin-user/validate';
import { validate as vDealer } from '../../../src/resources/dealer/validate';
import { validate as vDealerProfile } from '../../../src/resources/dealer-profile/validate';
import { dealer, adminUser, dealerProfile, D, U, P, E, freshName, type Rule } from '../harness';

export const ACCOUNT_RULES: Rule[] = [
  // ---- dealers
  {
    id: 'dealer.name.username',
    provider: [
      P(() => vDealer(dealer({ name: '.acme' })), 'name', 'error'),
      P(() => vDealer(dealer({ name: "o'brien_2-x" })), 'name', 'ok'),
    ],
    emulator: [E('/dealers', D({ name: '.acme' }), 400), E('/dealers', D({ name: "o'brien_2-x" }), 201)],
  },
  {
    id: 'dealer.name.reserved',
    provider: [P(() => vDealer(dealer({ name: 'Root' })), 'name', 'error')],
    emulator: [E('/dealers', D({ name: 'Root' }), 400)],
  },
  {
    id: 'dealer.level',
    provider: [P(() => vDealer(dealer({ level: 'GOLD' })), 'level', 'error')],
    emulator: [E('/dealers', D({ level: 'GOLD' }), 400)],
  },
  {
    id: 'account.password.min6',
    provider: [
      P(() => vDealer(dealer({ password_wo: '12345' })), 'password_wo', 'error'),
      P(() => vAdminUser(adminUser({ password_wo: '12345' })), 'password_wo', 'error'),
    ],
    emulator: [E('/dealers', D({ password: '12345' }), 400), E('/admin/users', U({ password: '12345' }), 400)],
  },
  {
    id: 'account.email',
    provider: [
      P(() => vDealer(dealer({ email: 'nope' })), 'email', 'error'),
      P(() => vAdminUser(adminUser({ email: 'nope' })), 'email', 'error'),
    ],
    emulator: [E('/dealers', D({ email: 'nope' }), 400), E('/admin/users', U({ email: 'nope' }), 400)],
  },
  {
    id: 'dealer.lengths',
    provider: [P(() => vDealer(dealer({ phone: '1'.repeat(33) })), 'phone', 'error')],
    emulator: [E('/dealers', D({ phone: '1'.repeat(33) }), 400)],
  },
  {
    id: 'dealer.limits',
    provider: [P(() => vDealer(dealer({ max_tenants: -1 })), 'max_tenants', 'error')],
    emulator: [E('/dealers', D({ max_tenants: -1 }), 400)],
  },
  {
    id: 'dealer.create.required-limits',
    provider: [P(() => vDealer(dealer({})), 'max_tenants', 'ok')],
    emulator: [E('/dealers', { name: freshName('fd'), password: 'secret1', level: 'DISTRIBUTOR' }, 400)],
  },
  { id: 'dealer.immutable', emulator: [E('/dealers/:dealer', { level: 'RESELLER' }, 400)] },
  // ---- admin users
  {
    id: 'admin_user.name.username',
    provider: [P(() => vAdminUser(adminUser({ name: 'bob smith' })), 'name', 'error')],
    emulator: [E('/admin/users', U({ name: 'bob smith' }), 400)],
  },
  {
    id: 'admin_user.name.reserved',
    provider: [
      P(() => vAdminUser(adminUser({ name: 'SYSTEM' })), 'name', 'error'),
      P(() => vAdminUser(adminUser({ name: 'administrator' })), 'name', 'error'),
    ],
    emulator: [E('/admin/users', U({ name: 'SYSTEM' }), 400), E('/admin/users/:user/username', { name: 'root' }, 400)],
  },
  {
    id: 'admin_user.role',
    provider: [
      P(() => vAdminUser(adminUser({ role: 'systemadmin' })), 'role', 'error'),
      P(() => vAdminUser(adminUser({ role: 'Auditors' })), 'role', 'ok'),
    ],
    emulator: [E('/admin/users', U({ role: 'Nope' }), 400)],
  },
  {
    id: 'admin_user.lengths',
    provider: [P(() => vAdminUser(adminUser({ mobile_phone: '1'.repeat(33) })), 'mobile_phone', 'error')],
    emulator: [E('/admin/users', U({ mobile_phone: '1'.repeat(33) }), 400)],
  },
  {
    id: 'admin_user.password.key',
    emulator: [
      E('/admin/users/:user/password', { password: 'secret77' }, 400),
      E('/admin/users/:user/password', { new_password: 'secret77' }, 200),
    ],
  },
  {
    id: 'account.name.unique',
    provider: [P(() => vAdminUser(adminUser({ name: 'fid-dealer' })), 'name', 'ok')],
    emulator: [E('/admin/users', U({ name: 'FID-DEALER' }), 400)],
  },
  { id: 'admin_user.guards', emulator: [E('/admin/users/NzAwNTUxOTA5NzczMTQ4MTYw/destroy', undefined, 400)] },
  // ---- profiles
  {
    id: 'dealer_profile.name',
    provider: [P(() => vDealerProfile(dealerProfile({ name: 'admin' })), 'name', 'error')],
  },
];
