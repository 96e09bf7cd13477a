// Exact drift (docs/protocol.md, "Exact drift"): on an unchanged PBX both `plan -refresh-only
// -detailed-exitcode` and `plan -detailed-exitcode` exit 0, run after run; one out-of-band change per
// resource type makes both exit 2 (the plain plan only where the attribute is configured) and the plan
// JSON's resource_drift names exactly that attribute.
//
// Two regressions this guards against, both invisible in a single run: numbers sent to Terraform as
// msgpack ints (the refreshed state never deep-equals the one parsed from the state file) and objects
// with two sensitive paths (Terraform 1.11 writes them in a random order).

import { PortsipClient } from '../../src/client';
import { ADMIN_PASSWORD, expectExit, withAcceptance, type Acceptance } from './portsip';
import { fullConfig, fullTfvars, minimalConfig, minimalTfvars, SECRETS, STIR, TLS, TRUNK_ID } from './drift-configs';
import type { TerraformHarness } from './harness';

jest.setTimeout(900_000);

const RUNS = Number(process.env.DRIFT_RUNS ?? 20);
const DEALER_LOGIN = 'drift-login';

/** `runs` times in a row: refresh-only and plain plan both exit 0. Returns the exit codes seen. */
async function loopClean(h: TerraformHarness, runs: number): Promise<void> {
  for (let i = 1; i <= runs; i++) {
    expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 0, `plan -refresh-only, run ${i} of ${runs}`);
    expectExit(await h.plan('-detailed-exitcode'), 0, `plan, run ${i} of ${runs}`);
  }
}

interface DriftEntry {
  address: string;
  change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

/** The attributes whose values differ between before and after, as dotted paths (lists by index). */
function changedPaths(before: unknown, after: unknown, base = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObj = (v: unknown) => v !== null && typeof v === 'object';
  if (!isObj(before) || !isObj(after)) return [base];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const k of keys) {
    out.push(...changedPaths((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], base ? `${base}.${k}` : k));
  }
  return out;
}

/** resource_drift of a saved refresh-only plan: address -> changed attribute paths. */
async function resourceDrift(h: TerraformHarness, ...targets: string[]): Promise<Record<string, string[]>> {
  expectExit(await h.tf('plan', '-refresh-only', '-input=false', '-no-color', '-out=drift.tfplan', ...targets), 0, 'refresh-only -out');
  const show = expectExit(await h.tf('show', '-json', 'drift.tfplan'), 0, 'show -json');
  const plan = JSON.parse(show.stdout) as { resource_drift?: DriftEntry[] };
  const out: Record<string, string[]> = {};
  for (const d of plan.resource_drift ?? []) out[d.address] = changedPaths(d.change.before, d.change.after);
  return out;
}

async function createDealerLogin(api: PortsipClient): Promise<void> {
  await api.dealers.create({ name: DEALER_LOGIN, level: 'RESELLER', password: SECRETS.dealerLogin, max_tenants: 10, max_extensions: 100 });
}

/** One out-of-band change per resource type: the address, the attribute, and the call that makes it. */
function outOfBand(acc: Acceptance, ids: Record<string, string>, dealerApi: PortsipClient): [string, string, () => Promise<unknown>][] {
  const { api } = acc;
  return [
    ['portsip_tenant.t', 'max_extensions', () => api.tenants.update(ids.tenant!, { max_extensions: 71 })],
    ['portsip_dealer.d', 'display_name', () => api.dealers.update(ids.dealer!, { display_name: 'Changed in the portal' })],
    ['portsip_transport.tls', 'verification', () => api.transports.update(ids.transport!, { verification: 'MANDATORY' } as never)],
    ['portsip_ip_rule.office', 'description', () => api.ipRules.update(ids.ip_rule!, { description: 'edited' })],
    ['portsip_admin_user.ops', 'department', () => api.adminUsers.update(ids.admin_user!, { department: 'Sales' })],
    ['portsip_trunk_assignment.ta', 'concurrency', () => api.providers.assign(TRUNK_ID, ids.tenant!, { concurrency: 8 })],
    ['portsip_system_settings.sys', 'flow_timer', () => api.settings.update({ flow_timer: 31 })],
    ['portsip_network_settings.net', 'primary_dns_server', () => api.network.update({ primary_dns_server: '192.0.2.54' })],
    ['portsip_notification_settings.mail', 'port', () => api.notification.update({ type: 'SMTP', username: 'mailer', port: 465 } as never)],
    ['portsip_sbc_settings.sbc', 'http_port', () => api.sbc.update({ http_port: 9081 })],
    ['portsip_im_server.im', 'public_ipv4', () => api.im.update({ public_ipv4: '203.0.113.99' })],
    ['portsip_data_flow_server.df', 'private_ipv4', () => api.dataflow.update({ private_ipv4: '10.0.0.99' })],
    ['portsip_certificate.tls', 'crt', () => api.certificate.update({ crt: STIR.certPem, key: STIR.keyPem })],
    ['portsip_admin_profile.me', 'work_phone', () => api.adminProfile.update({ work_phone: '+15550199' })],
    ['portsip_dealer_profile.me', 'phone', () => dealerApi.dealerProfile.update({ phone: '+15550198' })],
  ];
}

test(`every resource type with every attribute set: ${RUNS} clean refresh-only and plain plans, then exact drift per type`, () =>
  withAcceptance(async (acc) => {
    const { h, api, emu } = acc;
    await createDealerLogin(api);
    h.writeFile('terraform.tfvars', fullTfvars(ADMIN_PASSWORD));
    h.writeConfig(fullConfig(emu.url, DEALER_LOGIN));
    expectExit(await h.init(), 0, 'init');
    expectExit(await h.apply(), 0, 'apply');

    // Secrets: none in the state file, whatever the attribute.
    const stateText = h.stateText();
    for (const secret of [...Object.values(SECRETS), TLS.keyPem, STIR.keyPem]) expect(stateText).not.toContain(secret);
    // At most one sensitive path per object (the Terraform 1.11 ordering bug needs two).
    for (const r of h.state()!.resources) {
      for (const inst of r.instances) expect((inst.sensitive_attributes ?? []).length).toBeLessThanOrEqual(1);
    }

    await loopClean(h, RUNS);

    const attr = (address: string) => h.resource(address)!.attributes;
    const ids: Record<string, string> = {
      tenant: String(attr('portsip_tenant.t').id),
      dealer: String(attr('portsip_dealer.d').id),
      transport: String(attr('portsip_transport.tls').id),
      ip_rule: String(attr('portsip_ip_rule.office').id),
      admin_user: String(attr('portsip_admin_user.ops').id),
    };
    const dealerApi = new PortsipClient({ endpoint: emu.url, username: DEALER_LOGIN, password: SECRETS.dealerLogin });
    try {
      const changes = outOfBand(acc, ids, dealerApi);
      for (const [, , change] of changes) await change();

      // Each type on its own: refresh-only and plain plan exit 2 (every attribute here is configured).
      for (const [address] of changes) {
        expectExit(await h.plan('-refresh-only', '-detailed-exitcode', `-target=${address}`), 2, `refresh-only, ${address}`);
        expectExit(await h.plan('-detailed-exitcode', `-target=${address}`), 2, `plan, ${address}`);
      }

      // The whole PBX at once: resource_drift names exactly the changed attribute of each object, and
      // nothing else drifted (the dealer's and tenant's counters, data sources, ... stay out of it).
      const drift = await resourceDrift(h);
      const expected = Object.fromEntries(changes.map(([address, attribute]) => [address, [attribute]]));
      expect(drift).toEqual(expected);
    } finally {
      await dealerApi.close();
    }

    // Back to the configuration, and clean again.
    expectExit(await h.apply(), 0, 'apply restores');
    await loopClean(h, 2);
  }));

test(`only the required attributes: ${RUNS} clean runs; drift of an unconfigured attribute shows only in -refresh-only`, () =>
  withAcceptance(async ({ h, api }) => {
    h.writeFile('terraform.tfvars', minimalTfvars());
    h.writeConfig(minimalConfig());
    expectExit(await h.init(), 0, 'init');
    expectExit(await h.apply(), 0, 'apply');
    await loopClean(h, RUNS);

    // Unconfigured (Optional+Computed) attributes: only -refresh-only sees them.
    const tenantId = String(h.resource('portsip_tenant.t')!.attributes.id);
    await api.tenants.update(tenantId, { max_extensions: 5 });
    await api.settings.update({ dead_session_timeout: 700 });
    expectExit(await h.plan('-refresh-only', '-detailed-exitcode'), 2, 'refresh-only sees unmanaged drift');
    expectExit(await h.plan('-detailed-exitcode'), 0, 'plain plan ignores unmanaged attributes');
    expect(await resourceDrift(h)).toEqual({
      'portsip_tenant.t': ['max_extensions'],
      'portsip_system_settings.sys': ['dead_session_timeout'],
    });
  }));
