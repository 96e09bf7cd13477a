// Client-side throttles: a sliding-window request limiter and a concurrency cap.
//
// PortSIP counts requests per minute (`[apigateway] access_limit`, 10 000/min by default since
// 22.1.7; API-NOTES §2.8, C7, C11). A token bucket with a full bucket can send 2x the limit across a
// window boundary, so the limiter keeps the send times of the last N requests and never lets more
// than N fall inside any 60 s window. Clock and sleep are injectable for tests.

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.active++;
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
