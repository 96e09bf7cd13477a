// The fidelity harness: what a rule is, the config and request builders the rule tables use, and
// testRules(), which runs a table (test/fidelity/rules/*.ts) against the provider's validators and a
// fresh emulator.
//
// A rule has provider cases (a configuration run through the resource's validate(): "ok" = no
// diagnostic at that attribute, "warning", or "error") and emulator cases (a request to a fresh
// emulator: the expected HTTP status). A rule enforced on one side only says so in docs/fidelity.md
// ("enforced by"); the other side then has a case showing it accepts the value (or none when the
// value cannot reach it).

import { startEmulator, type EmulatorHandle } from '../../src/emulator';
import type { Schema } from '../../src/provider/schema';
import type { Diagnostic, ObjectValue } from '../../src/provider/values';
import { adminUserSchema } from '../../src/resources/admin-user/schema';
import { brandSchema } from '../../src/resources/brand/schema';
import { certificateSchema } from '../../src/resources/certificate/schema';
import { dealerSchema } from '../../src/resources/dealer/schema';
import { dealerProfileSchema } from '../../src/resources/dealer-profile/schema';
import { ipRuleSchema } from '../../src/resources/ip-rule/schema';
import { networkSettingsSchema } from '../../src/resources/network-settings/schema';
import { notificationSettingsSchema } from '../../src/resources/notification-settings/schema';
import { sbcSettingsSchema } from '../../src/resources/sbc-settings/schema';
import { systemSettingsSchema } from '../../src/resources/system-settings/schema';
import { tenantSchema } from '../../src/resources/tenant/schema';
import { transportSchema } from '../../src/resources/transport/schema';
import { trunkAssignmentSchema } from '../../src/resources/trunk-assignment/schema';
import { Api, type J } from '../emulator/helpers';
import { blockOf, configOf, describeDiags } from '../resources/helpers';
import { CERT_PEM, KEY_PEM } from '../resources/fixtures';

type Verdict = 'ok' | 'warning' | 'error';

interface ProviderCase {
  run: () => Diagnostic[];
  /** The attribute the verdict is about (first path element). */
  attr: string;
  expect: Verdict;
}

interface EmulatorCase {
  method?: 'GET' | 'POST';
  /** Under /api; `:tenant`, `:dealer`, `:user`, `:tcp`, `:trunk` are replaced by ids made in beforeAll. */
  path: string;
  body?: J;
  expect: number;
}

export interface Rule {
  id: string;
  provider?: ProviderCase[];
  emulator?: EmulatorCase[];
}

const mk =
  (schema: Schema, base: ObjectValue) =>
  (o: ObjectValue = {}) =>
    configOf(schema, { ...base, ...o });
export const tenant = mk(tenantSchema, {
  name: 'Acme',
  domain: 'sip.acme.example',
  timezone: 'Europe/London',
  currency: 'GBP',
  region: 'GBR',
});
export const hook = (v: ObjectValue) => blockOf(tenantSchema, ['cdr_event'], v);
export const dealer = mk(dealerSchema, { name: 'acme-reseller', level: 'RESELLER', password_wo: 'secret-123', password_wo_version: 1 });
export const transport = mk(transportSchema, { protocol: 'TLS', port: 5061 });
export const ipRule = mk(ipRuleSchema, { cidr: '192.0.2.0/24', target: 'DENY' });
export const adminUser = mk(adminUserSchema, {
  name: 'ops-admin',
  role: 'OperationsAdmin',
  password_wo: 'secret-123',
  password_wo_version: 1,
});
export const notification = mk(notificationSettingsSchema, { type: 'SMTP', username: 'alerts@example.com' });
export const settings = mk(systemSettingsSchema, {});
export const network = mk(networkSettingsSchema, {});
export const sbc = mk(sbcSettingsSchema, {});
export const cert = mk(certificateSchema, { crt: CERT_PEM, key_wo: KEY_PEM, key_wo_version: 1 });
export const brand = mk(brandSchema, {});
export const trunk = mk(trunkAssignmentSchema, { trunk_id: 'NzAwNTUxOTA5NzczMTQ4MjAw', tenant_id: 'NzAwNTUxOTA5NzczMTQ4MTYx' });
export const dealerProfile = mk(dealerProfileSchema, {});

let n = 0;
/** A tenant body with a fresh domain. */
export const T = (o: J = {}): J => ({
  name: `T${++n}`,
  domain: `t${n}.fid.example`,
  timezone: 'UTC',
  currency: 'USD',
  region: 'USA',
  ...o,
});
/** A dealer body with a fresh name and the required fields. */
export const D = (o: J = {}): J => ({
  name: `fd${++n}`,
  password: 'secret1',
  level: 'DISTRIBUTOR',
  max_tenants: 100,
  max_extensions: 50000,
  ...o,
});
/** A fresh account name (the emulator refuses a taken one). */
export const freshName = (prefix: string) => `${prefix}${++n}`;
export const U = (o: J = {}): J => ({ name: `fu${++n}`, password: 'secret1', role: 'OperationsAdmin', ...o });
export const P = (c: ProviderCase['run'], attr: string, expect: Verdict): ProviderCase => ({ run: c, attr, expect });
export const E = (path: string, body: J, expect: number, method: 'GET' | 'POST' = 'POST'): EmulatorCase => ({ method, path, body, expect });

function verdictAt(ds: Diagnostic[], attr: string): Verdict {
  const at = ds.filter((d) => d.path?.[0] === attr);
  if (at.some((d) => d.severity === 'error')) return 'error';
  if (at.some((d) => d.severity === 'warning')) return 'warning';
  return 'ok';
}

/** Runs every rule of the table: one emulator for the file, with the objects the cases refer to. */
export function testRules(rules: Rule[]): void {
  let emu: EmulatorHandle;
  let api: Api;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    api = new Api(emu.url);
    await api.signIn();
    const must = async (p: Promise<{ status: number; body: J; text: string }>) => {
      const r = await p;
      if (r.status >= 300) throw new Error(`setup failed: ${r.status} ${r.text}`);
      return r.body?.id as string;
    };
    ids.tcp = await must(api.post('/transports', { protocol: 'TCP', port: 5063 }));
    ids.dealer = await must(api.post('/dealers', D({ name: 'fid-dealer' })));
    ids.user = await must(api.post('/admin/users', U({ name: 'fid-user' })));
    ids.tenant = await must(api.post('/tenants', T({ domain: 'fid-taken.example' })));
    ids.tenant2 = await must(api.post('/tenants', T()));
    ids.trunk = emu.seedIds.providers[0];
    ids.trunk2 = emu.seedIds.providers[1];
    expect((await api.post(`/providers/${ids.trunk}/assignees/${ids.tenant}`, { did_numbers: '1000-1999' })).status).toBe(204);
  });
  afterAll(() => emu.close());

  describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    test('has at least one case', () => {
      expect((rule.provider?.length ?? 0) + (rule.emulator?.length ?? 0) + (rule.id === 'transport.last' ? 1 : 0)).toBeGreaterThan(0);
    });
    if (rule.provider?.length)
      test('provider', () => {
        for (const c of rule.provider!) {
          const ds = c.run();
          const got = verdictAt(ds, c.attr);
          if (got !== c.expect) throw new Error(`expected ${c.expect} at ${c.attr}, got ${got}:\n${describeDiags(ds)}`);
        }
      });
    if (rule.emulator?.length)
      test('emulator', async () => {
        for (const c of rule.emulator!) {
          const p = c.path.replace(/:(\w+)/g, (_m, k: string) => ids[k] ?? `:${k}`);
          const r = c.method === 'GET' ? await api.get(p) : await api.post(p, c.body);
          if (r.status !== c.expect)
            throw new Error(
              `${c.method ?? 'POST'} ${p} ${JSON.stringify(c.body)?.slice(0, 200)}: expected ${c.expect}, got ${r.status} ${r.text}`,
            );
        }
      });
  });
}
