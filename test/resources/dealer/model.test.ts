// API <-> state mapping of the dealer: exact key sets, round trips, prior spelling kept, write-only never in
// state, minimal update patches.

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import * as dealer from '../../../src/resources/dealer/model';
import { dealerSchema } from '../../../src/resources/dealer/schema';
import { configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';
import { replacedAttributes } from '../../../src/resources/kit/define';

describe('dealer', () => {
  const api = {
    id: 'd1',
    enabled: true,
    level: 'RESELLER',
    name: 'acme',
    email: '',
    display_name: 'Acme',
    website: null,
    phone: null,
    address: null,
    description: null,
    max_tenants: 100,
    max_extensions: 50000,
    tenant_full_access: true,
  };

  test('write-only password never reaches state; version kept from prior; no stored password at all', () => {
    const prior = configOf(dealerSchema, {
      id: 'd1',
      name: 'acme',
      level: 'RESELLER',
      password_wo: 'leak?',
      password_wo_version: 3,
    });
    // A password in the API answer (never documented) must not reach state either.
    const s = dealer.toState({ ...api, password: 'from-api-1' }, prior);
    expectExactKeys(dealerSchema.block, s);
    expect(s.password_wo).toBeNull();
    expect(s).not.toHaveProperty('password');
    expect(JSON.stringify(s)).not.toMatch(/leak\?|from-api-1/);
    expect(s.password_wo_version).toBe(3);
    expect(s.email).toBeNull(); // "" from the API is "unset"
    expect(dealer.toState(api, null).password_wo).toBeNull();
    expect(dealer.toState(api, null).password_wo_version).toBeNull();
  });

  test('create body takes the write-only password from config and never sends password_wo*', () => {
    const config = configOf(dealerSchema, {
      name: 'acme',
      level: 'RESELLER',
      password_wo: 'from-config-1',
      password_wo_version: 1,
      email: 'ops@acme.example',
    });
    const planned: ObjectValue = {
      ...config,
      password_wo: null,
      id: UNKNOWN,
      enabled: UNKNOWN,
      max_tenants: UNKNOWN,
      max_extensions: UNKNOWN,
      tenant_full_access: UNKNOWN,
    };
    const body = dealer.toCreateBody(planned, config);
    // max_tenants/max_extensions are required by the OpenAPI: unset, the documented defaults are sent.
    const D = { max_tenants: 100, max_extensions: 50000 };
    expect(body).toEqual({ name: 'acme', level: 'RESELLER', password: 'from-config-1', email: 'ops@acme.example', ...D });
    // Without password_wo the body has no password (the plan refuses such a create, requirePasswordOnCreate);
    // an unknown password_wo is never sent as a value.
    const none = configOf(dealerSchema, { name: 'acme', level: 'RESELLER' });
    expect(dealer.toCreateBody(none, none)).toEqual({ name: 'acme', level: 'RESELLER', ...D });
    expect(dealer.toCreateBody(none, { ...none, password_wo: UNKNOWN })).toEqual({ name: 'acme', level: 'RESELLER', ...D });
    // Configured values win over the defaults.
    const set = configOf(dealerSchema, { name: 'acme', level: 'RESELLER', max_tenants: 3, max_extensions: 0 });
    expect(dealer.toCreateBody(set, set)).toEqual({ name: 'acme', level: 'RESELLER', max_tenants: 3, max_extensions: 0 });
  });

  test('update patch: only changed fields; never name, level or password; "" clears strings', () => {
    const prior = dealer.toState(
      { ...api, email: 'a@b.example', phone: '123' },
      configOf(dealerSchema, { id: 'd1', password_wo_version: 1 }),
    );
    expect(dealer.toUpdatePatch(prior, { ...prior })).toBeNull();
    expect(
      dealer.toUpdatePatch(prior, { ...prior, max_tenants: 5, name: 'renamed', level: 'DISTRIBUTOR', password_wo_version: 2 }),
    ).toEqual({ max_tenants: 5 });
    expect(dealer.toUpdatePatch(prior, { ...prior, email: null, phone: '456' })).toEqual({ email: '', phone: '456' });
    expect(replacedAttributes(dealerSchema.block, prior, { ...prior, name: 'renamed', level: 'DISTRIBUTOR' })).toEqual(['name', 'level']);
  });

  test('passwordChange', () => {
    const base = configOf(dealerSchema, { id: 'd1', name: 'acme', level: 'RESELLER' });
    const woConfig = (v: number | null, pw = 'wo-secret-1') => ({ ...base, password_wo: pw, password_wo_version: v });
    // version bump re-sends
    expect(dealer.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 2 }, woConfig(2))).toBe(
      'wo-secret-1',
    );
    // same version: a changed write-only value is not visible and not sent
    expect(
      dealer.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 1 }, woConfig(1, 'other-1')),
    ).toBeNull();
    // no version at all (imported dealer with password_wo added): the live password is kept
    expect(dealer.passwordChange({ ...base }, { ...base }, woConfig(null))).toBeNull();
    // a version set for the first time sends it
    expect(dealer.passwordChange({ ...base }, { ...base, password_wo_version: 1 }, woConfig(1))).toBe('wo-secret-1');
    // no password_wo (password left unmanaged): nothing to send, whatever the version does
    expect(dealer.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 2 }, { ...base })).toBeNull();
  });
});
