// PortSIP-specific helpers for the acceptance suite, on top of harness.ts: an emulator in this jest
// process (port 0), a TerraformHarness pointed at it, an API client for out-of-band changes and
// for checking what exists on the PBX, and assertions that print terraform's output on failure.

import { PortsipClient } from '../../src/client';
import { startEmulator, type ConformanceReport, type EmulatorHandle, type EmulatorOptions } from '../../src/emulator';
import { TerraformHarness, type TfResult } from './harness';

export const ADMIN_PASSWORD = 'Adm1n-acc-S3cret';

export interface Acceptance {
  emu: EmulatorHandle;
  h: TerraformHarness;
  /** Admin client over HTTP, like any other API user (faults apply to it too). */
  api: PortsipClient;
  close(): Promise<void>;
}

/**
 * Every acceptance emulator runs the OpenAPI conformance check (src/emulator/conformance.ts): each
 * request the provider (or a test's own client) sends must match PortSIP's documented schema, and
 * close() fails the test run when any did not, listing them. A test that sends a non-conformant
 * request on purpose turns it off with `emulator: { conformance: false }`.
 */
export async function startAcceptance(
  opts: { env?: Record<string, string | undefined>; emulator?: EmulatorOptions } = {},
): Promise<Acceptance> {
  const emu = await startEmulator({ port: 0, adminPassword: ADMIN_PASSWORD, conformance: true, ...opts.emulator });
  const h = await TerraformHarness.create({
    env: {
      PORTSIP_ENDPOINT: emu.url,
      PORTSIP_USERNAME: 'admin',
      PORTSIP_PASSWORD: ADMIN_PASSWORD,
      TF_LOG: undefined,
      TF_LOG_PROVIDER: undefined,
      PORTSIP_LOG: undefined,
      ...opts.env,
    },
  });
  const api = new PortsipClient({ endpoint: emu.url, username: 'admin', password: ADMIN_PASSWORD, retry: { maxAttempts: 10 } });
  return {
    emu,
    h,
    api,
    async close() {
      await api.close().catch(() => undefined);
      const report = emu.conformance();
      await emu.close();
      h.cleanup();
      assertConformant(report);
    },
  };
}

/** Throws listing every request that did not conform to PortSIP's documented schema. */
export function assertConformant(report: ConformanceReport): void {
  if (!report.violations.length) return;
  const lines = report.violations.map((v) => `  ${v.operation} (${v.path}): ${v.field} ${v.reason} [${v.source}]`);
  throw new Error(
    `${report.violations.length} request(s) did not conform to PortSIP's documented schema (of ${report.checked} checked):\n${lines.join('\n')}`,
  );
}

function describe(args: string, r: TfResult): string {
  return `terraform ${args} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/** Throws with terraform's whole output unless the exit code is `code`. */
export function expectExit(r: TfResult, code: number, what = ''): TfResult {
  if (r.code !== code) throw new Error(`expected exit ${code}${what ? ` (${what})` : ''}\n${describe('', r)}`);
  return r;
}

/** `plan -detailed-exitcode` must exit `code` (0 = no changes, 2 = changes). */
export async function expectPlan(h: TerraformHarness, code: 0 | 2, what = '', ...extra: string[]): Promise<TfResult> {
  return expectExit(await h.plan('-detailed-exitcode', ...extra), code, what || `plan ${extra.join(' ')}`);
}

/** Whether these credentials can sign in to the emulator now (one attempt, no retries). */
export async function canSignIn(url: string, username: string, password: string): Promise<boolean> {
  const c = new PortsipClient({ endpoint: url, username, password, retry: { maxAttempts: 1 } });
  try {
    await c.signIn();
    return true;
  } catch {
    return false;
  } finally {
    await c.close().catch(() => undefined);
  }
}

export function importBlock(to: string, id: string): string {
  return `import {\n  to = ${to}\n  id = ${JSON.stringify(id)}\n}\n`;
}

/** Import `address` through an import block with `id`: state rm, apply, then the block is removed. */
export async function reimport(h: TerraformHarness, address: string, id: string): Promise<TfResult> {
  expectExit(await h.tf('state', 'rm', '-no-color', address), 0, `state rm ${address}`);
  h.writeFile('import.tf', importBlock(address, id));
  const r = await h.apply();
  h.removeFile('import.tf');
  if (!/1 imported/.test(r.stdout)) throw new Error(`import of ${address} by ${id} did not import\n${r.stdout}`);
  return r;
}

export function attrs(h: TerraformHarness, address: string): Record<string, unknown> {
  const inst = h.resource(address);
  if (!inst) throw new Error(`${address} is not in state; addresses: ${h.addresses().join(', ')}`);
  return inst.attributes;
}

/** Objects on the PBX, read through the API (the seed UDP transport excluded). */
export async function liveCounts(
  emu: EmulatorHandle,
  api: PortsipClient,
): Promise<{ tenants: number; dealers: number; transports: number; ipRules: number }> {
  const [tenants, dealers, transports, ipRules] = await Promise.all([
    api.tenants.listAll(),
    api.dealers.listAll(),
    api.transports.listAll(),
    api.ipRules.listAll(),
  ]);
  return {
    tenants: tenants.length,
    dealers: dealers.length,
    transports: transports.filter((t) => t.id !== emu.seedIds.transportUdp).length,
    ipRules: ipRules.length,
  };
}

/** Runs `fn` with its own emulator and terraform working directory, closing both afterwards. */
export async function withAcceptance<T>(fn: (acc: Acceptance) => Promise<T>, opts: Parameters<typeof startAcceptance>[0] = {}): Promise<T> {
  const acc = await startAcceptance(opts);
  try {
    return await fn(acc);
  } finally {
    await acc.close();
  }
}
