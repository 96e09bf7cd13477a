// tenant_dealer_reads: when a tenant read also fetches its dealer link (GET /tenants/{id}/dealers).
import { needsDealerLink } from '../../src/resources/tenant/resource';
import { buildContext, validateProviderConfig } from '../../src/resources/provider';
import type { ObjectValue } from '../../src/provider/values';

const logger = { debug() {}, info() {}, warn() {}, error() {}, trace() {} } as never;
const base = { endpoint: 'https://pbx.example.com:8887', username: 'admin', password: 'x-Passw0rd' };

describe('needsDealerLink', () => {
  const managedState = { id: 'T1', domain: 'a.example.com', dealer_id: 'D1' };
  const unmanagedState = { id: 'T1', domain: 'a.example.com', dealer_id: null };
  const importShell = { id: 'T1', domain: null, dealer_id: null };

  test('managed: only a dealer_id in state, an import shell or no prior at all', () => {
    expect(needsDealerLink(managedState, 'managed')).toBe(true);
    expect(needsDealerLink(importShell, 'managed')).toBe(true);
    expect(needsDealerLink(null, 'managed')).toBe(true);
    expect(needsDealerLink(unmanagedState, 'managed')).toBe(false);
  });

  test('all: every read', () => {
    expect(needsDealerLink(unmanagedState, 'all')).toBe(true);
    expect(needsDealerLink(managedState, 'all')).toBe(true);
  });

  test('none: only when nothing is known yet (import, no prior)', () => {
    expect(needsDealerLink(managedState, 'none')).toBe(false);
    expect(needsDealerLink(unmanagedState, 'none')).toBe(false);
    expect(needsDealerLink(importShell, 'none')).toBe(true);
    expect(needsDealerLink(null, 'none')).toBe(true);
  });
});

describe('provider setting', () => {
  // No PBX here: the sign-in at configure time is tested by the reliability suite.
  const build = (config: ObjectValue, env: NodeJS.ProcessEnv) => buildContext(config, env, logger, undefined, { signIn: false });

  test('defaults to managed; the attribute wins over PORTSIP_TENANT_DEALER_READS', async () => {
    expect((await build(base, {})).context!.tenantDealerReads).toBe('managed');
    expect((await build(base, { PORTSIP_TENANT_DEALER_READS: 'all' })).context!.tenantDealerReads).toBe('all');
    expect(
      (await build({ ...base, tenant_dealer_reads: 'managed' }, { PORTSIP_TENANT_DEALER_READS: 'all' })).context!.tenantDealerReads,
    ).toBe('managed');
  });

  test('a bad value names the attribute or the variable, the value and what is allowed', async () => {
    const [d] = validateProviderConfig({ tenant_dealer_reads: 'some' });
    expect(d).toMatchObject({ severity: 'error', path: ['tenant_dealer_reads'] });
    expect(d!.detail).toBe('Attribute "tenant_dealer_reads" must be "managed", "all" or "none"; got "some".');
    const r = await build(base, { PORTSIP_TENANT_DEALER_READS: 'ALL ' });
    expect(r.context).toBeUndefined();
    expect(r.diagnostics![0]!.detail).toBe(
      'Environment variable PORTSIP_TENANT_DEALER_READS must be "managed", "all" or "none"; got "ALL ".',
    );
  });
});
