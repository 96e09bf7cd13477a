// Fault injection and PortSIP's request rate limit. Control endpoints (/__emulator/*) bypass all
// of this (see server.ts).

export interface FaultOptions {
  /** Added latency per request: fixed ms, or [min, max] for a uniform random delay. */
  latencyMs?: number | [number, number];
  /** Probability (0-1) that a request is answered with `errorStatus` instead of being served. */
  errorRate?: number;
  /** 500 or 503 (default 503); "random" alternates between them at random. */
  errorStatus?: 500 | 503 | 'random';
  /** Answer the next N requests with 429 + Retry-After (a one-shot burst; re-arm with setFaults). */
  burst429?: number;
  /** Every `burst429Every` requests, start a burst of `burst429Length` 429s (periodic bursts). */
  burst429Every?: number;
  burst429Length?: number;
  /** Retry-After seconds sent with injected 429s (default 1). */
  retryAfterSeconds?: number;
  /** Probability (0-1) that the connection is destroyed without any response. */
  dropRate?: number;
  /** Probability (0-1) that an authenticated request finds its access token expired (401). */
  tokenExpiryRate?: number;
  /**
   * Requests per minute per token (or per client address before sign-in). PortSIP ships 10,000
   * (docs/portsip-api.md §2.8, C7/C11); 0 disables. 429 + Retry-After when exceeded (status is I).
   */
  rateLimitPerMinute?: number;
  /**
   * Probability (0-1) that a create (POST to a collection answered with an id) is applied at once
   * but answered only after `lateCreateMs`: the client's timeout fires while the object already
   * exists, as when a PBX answer is lost in transit.
   */
  lateCreateRate?: number;
  lateCreateMs?: number;
  /** With a late create: destroy the connection after `lateCreateMs` instead of answering (never). */
  lateCreateDrop?: boolean;
  /** Seed of the fault dice (any integer): the same seed and request order give the same faults. */
  seed?: number;
}

export const DEFAULT_FAULTS: Required<Omit<FaultOptions, 'latencyMs'>> & { latencyMs: number | [number, number] } = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
  burst429: 0,
  burst429Every: 0,
  burst429Length: 0,
  retryAfterSeconds: 1,
  dropRate: 0,
  tokenExpiryRate: 0,
  rateLimitPerMinute: 10000,
  lateCreateRate: 0,
  lateCreateMs: 0,
  lateCreateDrop: false,
  seed: 0,
};

/** mulberry32: a small, fast seeded PRNG; fault dice need reproducibility, not cryptographic quality. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Verdict =
  { kind: 'pass' } | { kind: 'drop' } | { kind: 'error'; status: number; retryAfter?: number; code: string; message: string };

export class Faults {
  cfg: typeof DEFAULT_FAULTS;
  private seen = 0;
  private burstLeft = 0;
  private windows = new Map<string, { start: number; count: number }>();
  /** Math.random until a seed is set. */
  private random: () => number = Math.random;

  constructor(init: FaultOptions = {}) {
    this.cfg = { ...DEFAULT_FAULTS };
    this.set(init);
  }

  set(p: FaultOptions): void {
    for (const [k, v] of Object.entries(p)) if (v !== undefined) (this.cfg as Record<string, unknown>)[k] = v;
    if (p.burst429 !== undefined) this.burstLeft = p.burst429;
    if (p.seed !== undefined) this.random = seededRandom(p.seed);
  }

  /** Whether this create is answered late (see lateCreateRate). */
  lateCreate(): boolean {
    return this.cfg.lateCreateRate > 0 && this.cfg.lateCreateMs >= 0 && this.random() < this.cfg.lateCreateRate;
  }

  latency(): number {
    const l = this.cfg.latencyMs;
    if (Array.isArray(l)) return l[0] + this.random() * Math.max(0, l[1] - l[0]);
    return l;
  }

  /** Decide what happens to one API request before it is routed. */
  decide(clientKey: string, now = Date.now()): Verdict {
    this.seen++;
    const c = this.cfg;
    if (c.dropRate > 0 && this.random() < c.dropRate) return { kind: 'drop' };
    if (c.rateLimitPerMinute > 0) {
      let w = this.windows.get(clientKey);
      if (!w || now - w.start >= 60000) {
        w = { start: now, count: 0 };
        this.windows.set(clientKey, w);
        if (this.windows.size > 10000) this.gc(now);
      }
      if (++w.count > c.rateLimitPerMinute) {
        const retryAfter = Math.max(1, Math.ceil((w.start + 60000 - now) / 1000));
        return { kind: 'error', status: 429, retryAfter, code: 'TOO_MANY_REQUESTS', message: 'rate limit exceeded' };
      }
    }
    if (c.burst429Every > 0 && c.burst429Length > 0 && this.seen % c.burst429Every === 0) this.burstLeft += c.burst429Length;
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return {
        kind: 'error',
        status: 429,
        retryAfter: c.retryAfterSeconds,
        code: 'TOO_MANY_REQUESTS',
        message: 'too many requests (injected)',
      };
    }
    if (c.errorRate > 0 && this.random() < c.errorRate) {
      const status = c.errorStatus === 'random' ? (this.random() < 0.5 ? 500 : 503) : c.errorStatus;
      return status === 503
        ? { kind: 'error', status, code: 'UNKNOWN', message: 'service unavailable (injected)' }
        : { kind: 'error', status, code: 'UNKNOWN', message: 'unknown error (injected)' };
    }
    return { kind: 'pass' };
  }

  shouldExpireToken(): boolean {
    return this.cfg.tokenExpiryRate > 0 && this.random() < this.cfg.tokenExpiryRate;
  }

  private gc(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= 60000) this.windows.delete(k);
  }
}

/** "20ms", "1.5s", "20" (ms), "10-50ms" (random range) -> latencyMs. */
export function parseLatency(s: string): number | [number, number] {
  const m = /^\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(ms|s)?\s*$/.exec(s);
  if (!m) throw new Error(`invalid latency '${s}' (use e.g. 20ms, 1s, 10-50ms)`);
  const mul = m[3] === 's' ? 1000 : 1;
  const a = Number(m[1]) * mul;
  return m[2] === undefined ? a : [a, Number(m[2]) * mul];
}
