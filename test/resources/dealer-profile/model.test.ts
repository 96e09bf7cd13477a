// API <-> state mapping of the dealer profile (the signed-in dealer): exact key sets, write-only never in state, prior spelling kept,
// minimal patches, singleton adopt/reset and documented defaults.

import * as dealerProfile from '../../../src/resources/dealer-profile/model';
import { dealerProfileSchema } from '../../../src/resources/dealer-profile/schema';
import { expectExactKeys } from '../model-checks';

test('dealer profile: read-only dealer fields computed, never sent', () => {
  const api = {
    id: 'd7',
    enabled: true,
    level: 'RESELLER',
    name: 'acme',
    email: 'a@acme.example',
    display_name: 'Acme',
    website: '',
    phone: null,
    address: null,
    description: null,
    max_tenants: 100,
    max_extensions: 50000,
  };
  const s = dealerProfile.toState(api, null);
  expectExactKeys(dealerProfileSchema.block, s);
  expect(s).toMatchObject({ id: 'dealer_profile', dealer_id: 'd7', level: 'RESELLER', max_tenants: 100, website: null });
  expect(dealerProfile.toUpdatePatch(s, { ...s, max_tenants: 5, level: 'DISTRIBUTOR', phone: '+1 555', name: 'acme2' })).toEqual({
    phone: '+1 555',
  });
  expect(dealerProfile.usernameChange(s, { ...s, name: 'acme2' })).toBe('acme2');
  expect(dealerProfile.dealerProfileDefaults).toEqual({});
  expect(dealerProfile.toResetPatch(api)).toBeNull();
});
