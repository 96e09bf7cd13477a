// API <-> state mapping of the admin user: exact key sets, round trips, prior spelling kept, write-only never in
// state, minimal update patches.

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import * as adminUser from '../../../src/resources/admin-user/model';
import { adminUserSchema } from '../../../src/resources/admin-user/schema';
import { configOf } from '../helpers';
import { expectExactKeys, writeOnlyNull } from '../model-checks';
import { metaOf } from '../../../src/resources';
import { replacedAttributes } from '../../../src/resources/kit/define';

/** The import format a resource type declares. */
const importOf = (type: string) => metaOf(type)!.importFormat;

describe('admin user', () => {
  const api = {
    id: 'u1',
    name: 'ops',
    role: 'OperationsAdmin',
    email: '',
    display_name: 'Ops',
    enabled: true,
    mobile_phone: null,
    work_phone: '100',
    home_phone: null,
    address: null,
    department: 'NOC',
    website: null,
    created_at: '2025-01-01T00:00:00Z',
  };

  test('every key, write-only null, no stored password, version from prior', () => {
    const prior = configOf(adminUserSchema, {
      id: 'u1',
      name: 'ops',
      role: 'OperationsAdmin',
      password_wo: 'leak?',
      password_wo_version: 2,
    });
    const s = adminUser.toState(api, prior);
    expectExactKeys(adminUserSchema.block, s);
    writeOnlyNull(adminUserSchema, s);
    expect(s).not.toHaveProperty('password');
    expect(JSON.stringify(s)).not.toContain('leak?');
    expect(s).toMatchObject({
      password_wo_version: 2,
      email: null,
      work_phone: '100',
      department: 'NOC',
      enabled: true,
    });
    expect(adminUser.toState(api, s)).toEqual(s);
  });

  test('create body: password from config, nothing null', () => {
    const config = configOf(adminUserSchema, {
      name: 'ops',
      role: 'SiteAdmin',
      password_wo: 'wo-secret-1',
      password_wo_version: 1,
      email: 'ops@example.com',
    });
    const planned: ObjectValue = { ...config, password_wo: null, id: UNKNOWN, enabled: UNKNOWN };
    expect(adminUser.toCreateBody(planned, config)).toEqual({
      name: 'ops',
      role: 'SiteAdmin',
      password: 'wo-secret-1',
      email: 'ops@example.com',
    });
    // Without password_wo there is no password to send (the plan refuses such a create).
    expect(adminUser.toCreateBody(planned, { ...config, password_wo: null })).toEqual({
      name: 'ops',
      role: 'SiteAdmin',
      email: 'ops@example.com',
    });
  });

  test('update patch excludes name, password and role; helpers say what to call', () => {
    const prior = adminUser.toState(api, configOf(adminUserSchema, { password_wo_version: 1 }));
    const planned = { ...prior, name: 'ops2', role: 'SystemAdmin', password_wo_version: 2, department: null, website: 'https://x.example' };
    expect(adminUser.toUpdatePatch(prior, planned)).toEqual({ department: '', website: 'https://x.example' });
    expect(adminUser.toUpdatePatch(prior, { ...prior })).toBeNull();
    expect(adminUser.usernameChange(prior, planned)).toBe('ops2');
    expect(adminUser.roleChange(prior, planned)).toBe('SystemAdmin');
    expect(adminUser.roleChange(prior, { ...prior })).toBeNull();
    expect(adminUser.usernameChange(prior, { ...prior, name: UNKNOWN })).toBeNull();
    expect(adminUser.passwordChange(prior, planned, { ...planned, password_wo: 'new-pass-1' })).toBe('new-pass-1');
    // Not configured (imported user, password unmanaged): never sent.
    expect(adminUser.passwordChange(prior, planned, planned)).toBeNull();
    expect(replacedAttributes(adminUserSchema.block, prior, planned)).toEqual([]);
  });

  test('passwordChange in write-only mode follows the version', () => {
    const base = configOf(adminUserSchema, { id: 'u1', name: 'ops', role: 'SiteAdmin' });
    const cfg = (v: number) => ({ ...base, password_wo: 'wo-secret-1', password_wo_version: v });
    expect(adminUser.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 2 }, cfg(2))).toBe('wo-secret-1');
    expect(adminUser.passwordChange({ ...base, password_wo_version: 1 }, { ...base, password_wo_version: 1 }, cfg(1))).toBeNull();
  });

  test('import key', () => {
    expect(importOf('portsip_admin_user').parse('name=ops')).toEqual({ name: 'ops' });
    expect(importOf('portsip_admin_user').parse('')).toBeNull();
  });
});
