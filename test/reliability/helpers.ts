// Helpers of the reliability suite (issue 13): terraform runs that can be killed or interrupted at a
// chosen point, the comparison of the PBX with the state, and a report printed at the end.

import { spawn, execFileSync } from 'node:child_process';
import type { EmulatorHandle } from '../../src/emulator';
import type { TerraformHarness } from '../acceptance/harness';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** ms from the start to the moment the kill or interrupt was sent. */
  actedAtMs?: number;
}

/**
 * Runs terraform in `h.workDir` with `h.env`, in its own process group. `act(stdout, pid)` is called
 * on every stdout chunk; it returns true once it has acted (killed or interrupted something).
 */
export function runTf(
  h: TerraformHarness,
  args: string[],
  act?: (stdout: string, pid: number) => boolean,
  timeoutMs = 600_000,
): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { cwd: h.workDir, env: h.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let actedAtMs: number | undefined;
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      if (act && actedAtMs === undefined && child.pid && act(Buffer.concat(out).toString('utf8'), child.pid))
        actedAtMs = Math.round(performance.now() - t0);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Math.round(performance.now() - t0),
        actedAtMs,
      });
    });
  });
}

/** The provider processes terraform (pid) started: the packaged executable, or node running the provider bundle. */
export function providerPids(tfPid: number): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,ppid=,args=', '-e'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const rows = out
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m);
  const children = (pid: number) => rows.filter((m) => Number(m[2]) === pid);
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const m of children(pid)) {
      if (/provider\.js|terraform-provider-portsip/.test(m[3]!)) found.push(Number(m[1]));
      walk(Number(m[1]));
    }
  };
  walk(tfPid);
  return found;
}

export const count = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, 'g')) ?? []).length;

/** Managed collection types and the emulator collection that holds them, with each object's natural key. */
const TYPES: Record<string, { coll: 'ipRules' | 'dealers' | 'tenants' | 'transports'; key: (o: Record<string, unknown>) => string }> = {
  portsip_ip_rule: { coll: 'ipRules', key: (o) => String(o.cidr) },
  portsip_dealer: { coll: 'dealers', key: (o) => String(o.name) },
  portsip_tenant: { coll: 'tenants', key: (o) => String(o.domain).toLowerCase() },
  portsip_transport: { coll: 'transports', key: (o) => `${String(o.protocol)}:${String(o.port)}` },
};

export interface Reconciliation {
  /** Objects in state per type. */
  inState: number;
  /** Objects on the PBX of the managed types (seed objects excluded). */
  onPbx: number;
  /** On the PBX, not in state. */
  orphans: string[];
  /** In state, not on the PBX. */
  missing: string[];
  /** Natural keys held by more than one object. */
  duplicates: string[];
}

/** Compares the PBX (the emulator's store, read directly: no faults) with terraform's state. */
export function reconcile(emu: EmulatorHandle, h: TerraformHarness, ignoreIds: readonly string[] = []): Reconciliation {
  const st = emu.state();
  const stateIds = new Set<string>();
  for (const r of h.state()?.resources ?? [])
    if (r.mode === 'managed' && TYPES[r.type]) for (const i of r.instances) stateIds.add(String(i.attributes.id));
  const pbxIds = new Set<string>();
  const duplicates: string[] = [];
  for (const [type, t] of Object.entries(TYPES)) {
    const seen = new Map<string, number>();
    for (const o of st.collections[t.coll]) {
      if (o.id === emu.seedIds.transportUdp || ignoreIds.includes(o.id)) continue;
      pbxIds.add(o.id);
      const k = t.key(o);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    for (const [k, n] of seen) if (n > 1) duplicates.push(`${type} ${k} x${n}`);
  }
  return {
    inState: stateIds.size,
    onPbx: pbxIds.size,
    orphans: [...pbxIds].filter((id) => !stateIds.has(id)),
    missing: [...stateIds].filter((id) => !pbxIds.has(id)),
    duplicates,
  };
}

const lines: string[] = [];

/** A line for the report printed when the file's tests end. */
export function report(line: string): void {
  lines.push(line);
  process.stderr.write(`[reliability] ${line}\n`);
}

export function printReport(title: string): void {
  if (lines.length === 0) return;
  console.log(`${title}\n${lines.map((l) => `  ${l}`).join('\n')}`);
}

export const DEALER_PASSWORD_VAR = `
variable "dealer_password" {
  type      = string
  sensitive = true
  ephemeral = true
}
`;
