// Opt-in measurements for the benchmark (bench/): when PORTSIP_PROVIDER_STATS_FILE is set, the
// provider process appends ONE JSON line to that file when it exits (after Shutdown, or when
// re-parented): start-to-handshake time, peak RSS, CPU time, RPC counts and time inside the RPC
// handlers by RPC name, and the time spent waiting on the PortSIP API (undici's
// diagnostics_channel, so no client code is touched).
//
// Zero cost when the variable is unset: createStats() returns undefined, serve.ts then wraps no
// handler, subscribes to no channel and registers no exit hook. Never writes to stdout (the
// handshake line is the only thing stdout may carry, docs/protocol.md "stdout and logging").

import * as diagnosticsChannel from 'node:diagnostics_channel';
import * as fs from 'node:fs';
import type { ProviderMethod, RpcHandler } from './handlers';

export const STATS_FILE_ENV = 'PORTSIP_PROVIDER_STATS_FILE';

export interface RpcStat {
  count: number;
  /** Sum of the time inside the handler, ms (concurrent calls add up). */
  total_ms: number;
  max_ms: number;
}

/** The JSON line; all times in ms, relative to the process start (performance.timeOrigin). */
export interface ProviderStatsLine {
  pid: number;
  /** Wall-clock time of the process start (epoch ms). */
  started_at: number;
  /** Node's own bootstrap finished (before the first line of the bundle ran). */
  node_bootstrap_ms: number;
  /** The handshake line was written to stdout. */
  handshake_ms: number | null;
  first_rpc_ms: number | null;
  last_rpc_end_ms: number | null;
  exit_ms: number;
  /** Time with at least one RPC handler in flight (union of intervals). */
  rpc_busy_ms: number;
  rpc: Record<string, RpcStat>;
  /** HTTP requests to the API as undici saw them (every attempt, retries included). */
  api: {
    requests: number;
    errors: number;
    total_ms: number;
    busy_ms: number;
    max_in_flight: number;
    by_status: Record<string, number>;
    /** Requests started in each second since the process start (for the peak rate per minute). */
    starts_per_s: number[];
  };
  cpu_user_ms: number;
  cpu_system_ms: number;
  /**
   * Peak resident set size of this process's own memory, kilobytes: VmHWM of /proc/self/status on
   * Linux (peakRssKb), else process.resourceUsage().maxRSS.
   */
  max_rss_kb: number;
}

/**
 * The process's peak RSS in kilobytes. Not getrusage's ru_maxrss on Linux: the kernel carries the
 * high-water mark of the memory image a process replaced by exec into ru_maxrss, and Terraform (Go)
 * starts a provider with a vfork-style clone that shares Terraform's own memory until the exec, so
 * ru_maxrss reports Terraform's RSS (hundreds of MiB with a large state, growing with it) whenever
 * that is larger than the provider's. VmHWM is the high-water mark of the provider's own image.
 */
function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: no /proc.
  }
  return process.resourceUsage().maxRSS;
}

/** Tracks the union of busy intervals of overlapping operations. */
class BusyClock {
  private inFlight = 0;
  private since = 0;
  busyMs = 0;
  maxInFlight = 0;
  start(now: number): void {
    if (this.inFlight++ === 0) this.since = now;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
  }
  end(now: number): void {
    if (this.inFlight <= 0) return;
    if (--this.inFlight === 0) this.busyMs += now - this.since;
  }
  /** Busy time including a still-open interval. */
  total(now: number): number {
    return this.busyMs + (this.inFlight > 0 ? now - this.since : 0);
  }
}

export interface ProviderStats {
  wrap<M extends ProviderMethod>(method: M, h: RpcHandler<M>): RpcHandler<M>;
  handshakeWritten(): void;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function createStats(env: NodeJS.ProcessEnv): ProviderStats | undefined {
  const file = env[STATS_FILE_ENV];
  if (!file) return undefined;

  const rpc: Record<string, RpcStat> = {};
  const rpcClock = new BusyClock();
  const apiClock = new BusyClock();
  const api = { requests: 0, errors: 0, total_ms: 0, by_status: {} as Record<string, number> };
  const perSecond: number[] = [];
  let handshake: number | null = null;
  let firstRpc: number | null = null;
  let lastRpcEnd: number | null = null;

  // undici publishes these for every request it dispatches (Pool.request included).
  const starts = new WeakMap<object, number>();
  const onCreate = (m: unknown) => {
    const req = (m as { request?: object }).request;
    if (!req) return;
    const now = performance.now();
    starts.set(req, now);
    api.requests++;
    const sec = Math.floor(now / 1000);
    while (perSecond.length <= sec) perSecond.push(0);
    perSecond[sec]!++;
    apiClock.start(now);
  };
  const finish = (m: unknown, status: string | undefined) => {
    const req = (m as { request?: object }).request;
    const t0 = req ? starts.get(req) : undefined;
    if (t0 === undefined) return;
    starts.delete(req!);
    const now = performance.now();
    api.total_ms += now - t0;
    apiClock.end(now);
    if (status) api.by_status[status] = (api.by_status[status] ?? 0) + 1;
  };
  const statusOf = new WeakMap<object, number>();
  const onHeaders = (m: unknown) => {
    const { request, response } = m as { request?: object; response?: { statusCode?: number } };
    if (request && response?.statusCode) statusOf.set(request, response.statusCode);
  };
  const onTrailers = (m: unknown) => {
    const req = (m as { request?: object }).request;
    finish(m, req ? String(statusOf.get(req) ?? 'unknown') : undefined);
  };
  const onError = (m: unknown) => {
    api.errors++;
    finish(m, 'error');
  };
  diagnosticsChannel.subscribe('undici:request:create', onCreate);
  diagnosticsChannel.subscribe('undici:request:headers', onHeaders);
  diagnosticsChannel.subscribe('undici:request:trailers', onTrailers);
  diagnosticsChannel.subscribe('undici:request:error', onError);

  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const now = performance.now();
    const cpu = process.cpuUsage();
    const line: ProviderStatsLine = {
      pid: process.pid,
      started_at: Math.round(performance.timeOrigin),
      node_bootstrap_ms: round(performance.nodeTiming.bootstrapComplete),
      handshake_ms: handshake === null ? null : round(handshake),
      first_rpc_ms: firstRpc === null ? null : round(firstRpc),
      last_rpc_end_ms: lastRpcEnd === null ? null : round(lastRpcEnd),
      exit_ms: round(now),
      rpc_busy_ms: round(rpcClock.total(now)),
      rpc: Object.fromEntries(
        Object.entries(rpc).map(([k, v]) => [k, { count: v.count, total_ms: round(v.total_ms), max_ms: round(v.max_ms) }]),
      ),
      api: {
        requests: api.requests,
        errors: api.errors,
        total_ms: round(api.total_ms),
        busy_ms: round(apiClock.total(now)),
        max_in_flight: apiClock.maxInFlight,
        by_status: api.by_status,
        starts_per_s: perSecond,
      },
      cpu_user_ms: Math.round(cpu.user / 1000),
      cpu_system_ms: Math.round(cpu.system / 1000),
      max_rss_kb: peakRssKb(),
    };
    try {
      // One write of one line: O_APPEND keeps lines of concurrent processes whole.
      fs.appendFileSync(file, JSON.stringify(line) + '\n');
    } catch (e) {
      process.stderr.write(`terraform-provider-portsip: cannot write ${STATS_FILE_ENV}: ${String((e as Error)?.message ?? e)}\n`);
    }
  };
  // process.exit() (Shutdown, re-parenting) runs 'exit' listeners synchronously.
  process.on('exit', write);

  return {
    handshakeWritten() {
      handshake = performance.now();
    },
    wrap<M extends ProviderMethod>(method: M, h: RpcHandler<M>): RpcHandler<M> {
      return async (req) => {
        const t0 = performance.now();
        if (firstRpc === null) firstRpc = t0;
        rpcClock.start(t0);
        try {
          return await h(req);
        } finally {
          const t1 = performance.now();
          rpcClock.end(t1);
          lastRpcEnd = t1;
          const s = (rpc[method] ??= { count: 0, total_ms: 0, max_ms: 0 });
          s.count++;
          s.total_ms += t1 - t0;
          if (t1 - t0 > s.max_ms) s.max_ms = t1 - t0;
        }
      };
    },
  };
}
