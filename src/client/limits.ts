// Client-side throttles: a sliding-window request limiter and a concurrency cap.
//
// PortSIP counts requests per minute (`[apigateway] access_limit`, 10 000/min by default since
// 22.1.7; docs/portsip-api.md §2.8, C7, C11). A token bucket with a full bucket can send 2x the limit across a
// window boundary, so the limiter keeps the send times of the last N requests and never lets more
// than N fall inside any 60 s window. Clock and sleep are injectable for tests.

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout as a promise that rejects with the signal's reason as soon as the signal aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * `p`, or a rejection with the signal's reason as soon as the signal aborts (whichever is first).
 * For waits that cannot be cancelled themselves (a queue position): the caller stops waiting.
 */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export class SlidingWindowLimiter {
  private readonly times: Float64Array;
  private head = 0; // index of the oldest entry
  private size = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {
    if (!Number.isFinite(limit) || limit < 1) throw new RangeError('limit must be >= 1');
    this.times = new Float64Array(Math.floor(limit));
  }

  /** Resolves when one more request may be sent (FIFO among waiters). */
  acquire(): Promise<void> {
    const next = this.queue.then(() => this.take());
    // Keep the chain alive even if a sleep rejects.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.size > 0 && this.times[this.head]! <= t - this.windowMs) {
        this.head = (this.head + 1) % this.times.length;
        this.size--;
      }
      if (this.size < this.times.length) {
        this.times[(this.head + this.size) % this.times.length] = t;
        this.size++;
        return;
      }
      await this.sleep(Math.max(1, this.times[this.head]! + this.windowMs - t));
    }
  }
}

/** Counting semaphore: at most `max` holders at once. */
export class Semaphore {
  private active = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isFinite(max) || max < 1) throw new RangeError('max must be >= 1');
  }

  get inUse(): number {
    return this.active;
  }

  /** Runs `fn` holding a slot. An abort while queued gives up the place (no slot is taken). */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw signal.reason;
    if (this.active >= this.max) {
      await new Promise<void>((resolve, reject) => {
        const waiter = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(signal!.reason);
        };
        this.waiters.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    } else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiters.shift();
      if (next)
        next(); // hand the slot over without decrementing
      else this.active--;
    }
  }
}
