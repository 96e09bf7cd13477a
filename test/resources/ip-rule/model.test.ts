// API <-> state mapping of the IP rule: exact key sets, round trips, prior spelling kept, write-only never in
// state, minimal update patches.

import { UNKNOWN } from '../../../src/provider/values';
import * as ipRule from '../../../src/resources/ip-rule/model';
import { ipRuleSchema } from '../../../src/resources/ip-rule/schema';
import { configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';

describe('ip rule', () => {
  const api = { id: 'NzAwNTUxOTA5NzczMTQ4MTYw', cidr: '10.0.0.0/8', target: 'DENY', expire_at: '2030-01-31T00:00:00Z', description: null };

  test('import (no prior): API values, every key', () => {
    const s = ipRule.toState(api, null);
    expectExactKeys(ipRuleSchema.block, s);
    expect(s).toEqual({
      id: 'NzAwNTUxOTA5NzczMTQ4MTYw',
      cidr: '10.0.0.0/8',
      target: 'DENY',
      expire_at: '2030-01-31T00:00:00Z',
      description: null,
    });
  });

  test('prior spelling kept when semantically equal (CIDR host bits, offset instant)', () => {
    const prior = configOf(ipRuleSchema, {
      id: api.id,
      cidr: '10.0.0.1/8',
      target: 'DENY',
      expire_at: '2030-01-31T08:00:00+08:00',
      description: '',
    });
    const s = ipRule.toState({ ...api, description: '' }, prior);
    expect(s.cidr).toBe('10.0.0.1/8');
    expect(s.expire_at).toBe('2030-01-31T08:00:00+08:00');
    expect(s.description).toBe('');
  });

  test('real drift is reported', () => {
    const prior = configOf(ipRuleSchema, { id: api.id, cidr: '10.0.0.0/16', target: 'ACCEPT', expire_at: '2030-01-31T00:00:01Z' });
    const s = ipRule.toState(api, prior);
    expect(s).toMatchObject({ cidr: '10.0.0.0/8', target: 'DENY', expire_at: '2030-01-31T00:00:00Z' });
  });

  test('blank description from the API reads as null', () => {
    expect(ipRule.toState({ ...api, description: '' }, configOf(ipRuleSchema, { id: api.id, cidr: '10.0.0.0/8' })).description).toBeNull();
  });

  test('create body omits nulls and unknowns; id never sent', () => {
    const planned = configOf(ipRuleSchema, { id: UNKNOWN, cidr: '192.0.2.0/24', target: 'ACCEPT', expire_at: null, description: UNKNOWN });
    expect(ipRule.toCreateBody(planned)).toEqual({ cidr: '192.0.2.0/24', target: 'ACCEPT' });
  });

  test('update patch: minimal, null when nothing changed, clears with null', () => {
    const prior = configOf(ipRuleSchema, {
      id: 'x',
      cidr: '10.0.0.1/8',
      target: 'DENY',
      expire_at: '2030-01-31T00:00:00Z',
      description: 'old',
    });
    expect(ipRule.toUpdatePatch(prior, { ...prior, cidr: '10.0.0.0/8', expire_at: '2030-01-31T01:00:00+01:00' })).toBeNull();
    expect(ipRule.toUpdatePatch(prior, { ...prior, description: 'new' })).toEqual({ description: 'new' });
    expect(ipRule.toUpdatePatch(prior, { ...prior, expire_at: null, description: null })).toEqual({ expire_at: null, description: '' });
    expect(ipRule.toUpdatePatch(prior, { ...prior, cidr: '10.1.0.0/16' })).toEqual({ cidr: '10.1.0.0/16' });
  });

  test('semanticallyEqual and keepPriorSpelling for the planner', () => {
    expect(ipRule.semanticallyEqual('cidr', '10.0.0.1/8', '10.0.0.0/8')).toBe(true);
    expect(ipRule.semanticallyEqual('expire_at', '2030-01-31T08:00:00+08:00', '2030-01-31T00:00:00Z')).toBe(true);
    expect(ipRule.semanticallyEqual('target', 'DENY', 'ACCEPT')).toBe(false);
    const prior = configOf(ipRuleSchema, { id: 'x', cidr: '10.0.0.0/8', target: 'DENY' });
    const planned = configOf(ipRuleSchema, { id: 'x', cidr: '10.0.0.1/8', target: 'DENY', description: 'n' });
    expect(ipRule.keepPriorSpelling(planned, prior)).toEqual({ ...planned, cidr: '10.0.0.0/8' });
  });
});
