// HTTP core of the PortSIP client: one undici Pool per endpoint, bearer auth (auth.ts), the
// client-side rate limit and concurrency cap (limits.ts), per-attempt timeouts, TLS options,
// retries with full-jitter exponential backoff, create recovery and debug logging.
//
// PortSIP's v22 API speaks only GET and POST (docs/portsip-api.md §2.2): reads are GETs, and writes, updates,
// deletes (`/destroy`) and actions are all POSTs. Whether a POST may be repeated therefore depends
// on the operation, not the verb; every call states it with a RetryClass:
//   idempotent  GETs, sign-in, updates, singleton writes, assign: repeat on 429, 500/502/503/504,
//               resets and timeouts.
//   destroy     like idempotent; a 404 (or the op's documented "gone" status) on a retry after an
//               ambiguous attempt means the first attempt worked, so it counts as success.
//   create      POST that answers {id}: never blindly repeated (http-create.ts): the natural key
//               is checked before, and an unanswered attempt is settled by look-up. A 429 or a
//               refused connection is always safe to repeat (the server did not act).
//   unsafe      actions whose repeat has a visible effect (test email, own password change): only
//               429 and "never reached the server" errors are retried.
// Every operation has a time budget (retry.budgetMs) and honours the stop signal (docs/client.md).
//
// This file holds the HttpClient and its retry loop (which failures are repeated, how long to wait,
// the 401 re-sign-in). The rest of the HTTP core is split by subject:
//   http-options.ts    the options, their defaults and the endpoint URL rules;
//   http-transport.ts  one attempt on the wire (Pool, TLS, limiter, timeouts, stop, debug log);
//   http-responses.ts  what an answer or a failure means (body decoding, Retry-After, network kinds);
//   http-create.ts     create recovery (look-ups instead of blind repeats).
// The public names stay importable from here.

import { AuthManager } from './auth';
import { NetworkError, PortsipError, errorFromResponse } from './errors';
import { createWithRecovery, type CreateHost } from './http-create';
import {
  normaliseEndpoint,
  positive,
  retrySettings,
  type HttpMethod,
  type PortsipClientOptions,
  type RequestOptions,
  type RetryClass,
  type RetryOptions,
} from './http-options';
import { abortedError, decodeSuccess, parseRetryAfter, type RawResponse } from './http-responses';
import { Transport } from './http-transport';
import { SlidingWindowLimiter, Semaphore, realSleep, type Sleep } from './limits';
import { type ClientLogger, stderrLogger } from './log';

export type { CreateRecovery } from './http-create';
export { clientOptionsFromEnv, normaliseEndpoint } from './http-options';
export type { HttpMethod, PortsipClientOptions, QueryValue, RequestOptions, RetryClass, RetryOptions } from './http-options';

/**
 * The limiter's window: a minute plus a 1 s margin. The limiter counts requests when they leave; the
 * PBX counts them when it handles them, after a transit and queueing delay that varies, and may count
 * a fixed minute rather than a sliding one. A request sent at the very end of our window can then land
 * inside the PBX's next window next to a full minute's worth: measured at the bench's L scenario (12,000
 * requests in one process), an exact 60 s window drew about 10 answers 429 per run; the margin costs
 * 1.6 % of the throughput at the limit and removes them.
 */
export const RATE_WINDOW_MS = 61_000;

/** Consecutive rejections of freshly obtained tokens after which a 401 is final. */
const MAX_FRESH_REJECTIONS = 5;

/** 500 too: PortSIP answers 500 for transient faults (a busy database, a restarting service). */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

export class HttpClient {
  readonly origin: string;
  readonly basePath: string;
  readonly auth: AuthManager;
  readonly logger: ClientLogger | undefined;
  readonly now: () => number;
  readonly signal: AbortSignal | undefined;
  private readonly transport: Transport;
  /** The concurrency cap (kept here, its owner, so that tests can watch how many slots are in use). */
  private readonly semaphore: Semaphore;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly retry: Required<RetryOptions>;
  private readonly createHost: CreateHost;

  constructor(options: PortsipClientOptions) {
    const { origin, basePath } = normaliseEndpoint(options.endpoint);
    this.origin = origin;
    this.basePath = basePath;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.timeoutMs = positive(options.requestTimeoutMs ?? 30_000, 'requestTimeoutMs');
    this.retry = retrySettings(options.retry);
    this.signal = options.signal;
    const maxConcurrency = Math.floor(positive(options.maxConcurrency ?? 10, 'maxConcurrency'));
    this.semaphore = new Semaphore(maxConcurrency);
    const limiter = new SlidingWindowLimiter(
      Math.floor(positive(options.maxRequestsPerMinute ?? 10_000, 'maxRequestsPerMinute')),
      RATE_WINDOW_MS,
      this.now,
      this.sleep,
    );
    // PORTSIP_LOG is a logging switch, not configuration: reading it here is deliberate. The
    // endpoint and credentials are only read from the environment via clientOptionsFromEnv().
    this.logger = options.logger ?? (process.env.PORTSIP_LOG?.toLowerCase() === 'debug' ? stderrLogger() : undefined);
    this.transport = new Transport({
      origin,
      basePath,
      timeoutMs: this.timeoutMs,
      userAgent: options.userAgent ?? 'terraform-provider-portsip-client/0.1',
      connections: maxConcurrency,
      caCertPem: options.caCertPem,
      insecureSkipVerify: options.insecureSkipVerify,
      dispatcher: options.dispatcher,
      limiter,
      semaphore: this.semaphore,
      signal: this.signal,
      logger: this.logger,
      log: (m, f) => this.log(m, f),
    });
    this.createHost = {
      now: () => this.now(),
      log: (m, f) => this.log(m, f),
      wait: (ms, method, path) => this.wait(ms, method, path),
      requestTimeoutMs: this.timeoutMs,
      retry: this.retry,
    };
    this.auth = new AuthManager(this, {
      username: options.username,
      password: options.password,
      domain: options.domain,
      method: options.authMethod ?? 'sign_in',
      refreshFraction: options.refreshFraction ?? 0.8,
    });
    if (options.insecureSkipVerify === true) this.log('tls.insecure', { note: 'TLS certificate verification is disabled' });
  }

  log(message: string, fields: Record<string, unknown>): void {
    if (!this.logger) return;
    try {
      this.logger.debug(message, fields);
    } catch {
      // A broken logger must never break an API call.
    }
  }

  async close(): Promise<void> {
    return this.transport.close();
  }

  /** Full-jitter exponential backoff delay for retry number `n` (1-based). */
  backoff(n: number): number {
    const cap = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (n - 1));
    return Math.floor(this.random() * cap);
  }

  /**
   * The wait a Retry-After asks for, plus up to half of it again (at most 5 s) at random: every
   * request a 429 burst turned away gets the same Retry-After, and without jitter they would all
   * come back in the same millisecond and meet the next burst together.
   */
  retryAfterJitter(ms: number): number {
    return ms + Math.floor(this.random() * Math.min(5_000, Math.max(this.retry.baseDelayMs, ms / 2)));
  }

  /** Throws AbortedError when the client's stop signal has fired. */
  checkAborted(method: string, path: string): void {
    if (this.signal?.aborted) throw abortedError(method, path);
  }

  /** Sleeps `ms`, or throws AbortedError at once when the stop signal fires. */
  async wait(ms: number, method: string, path: string): Promise<void> {
    this.checkAborted(method, path);
    try {
      await this.sleep(ms, this.signal);
    } catch (e) {
      if (this.signal?.aborted) throw abortedError(method, path);
      throw e;
    }
  }

  /**
   * Performs one API call with auth, retries and recovery. Path is relative to the API base.
   *
   * Retries run until the call succeeds, a failure that repeating cannot fix arrives, `maxAttempts`
   * is reached, or the next wait would end after the operation's budget (`retry.budgetMs` from the
   * first attempt): whichever comes first.
   */
  async request<T>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const retryClass: RetryClass = opts.retry ?? (method === 'GET' ? 'idempotent' : 'unsafe');
    if (retryClass === 'create' && opts.createRecovery)
      return (await createWithRecovery(this.createHost, method, path, opts.createRecovery, (deadline) =>
        this.attempts<{ id: string }>(method, path, opts, 'create', deadline),
      )) as T;
    return this.attempts<T>(method, path, opts, retryClass, this.now() + this.retry.budgetMs);
  }

  /** The attempt loop of one request (no create recovery). */
  private async attempts<T>(method: HttpMethod, path: string, opts: RequestOptions, retryClass: RetryClass, deadline: number): Promise<T> {
    const useAuth = opts.auth !== false;
    const started = this.now();
    let attempt = 0;
    let freshRejections = 0; // consecutive 401s, each on a token obtained after the previous 401
    let lastRejectAt = started;
    let limited = 0; // 429s so far: they grow the backoff but do not use up attempts
    let ambiguous = false; // an earlier attempt may have been applied by the server

    const giveUp = (err: PortsipError, delay: number): boolean => {
      if (attempt >= this.retry.maxAttempts) return true;
      if (this.now() + delay > deadline) {
        this.log('http.budget_exhausted', { method, path, attempt, budgetMs: this.retry.budgetMs, error: err.message });
        return true;
      }
      return false;
    };

    for (;;) {
      attempt++;
      this.checkAborted(method, path);
      const token = useAuth ? await this.auth.getAccessToken() : opts.bearer;
      const tokenObtainedAt = useAuth ? this.auth.obtainedAt : 0;
      let res: RawResponse;
      try {
        res = await this.transport.send(method, path, opts, token, attempt, Math.max(100, deadline - this.now()));
      } catch (e) {
        if (!(e instanceof NetworkError)) throw e; // a bug, a bad argument or an abort, not the network
        const err = e;
        let retryable: boolean;
        if (err.kind === 'tls') retryable = false;
        else if (err.kind === 'dns' && !err.temporary) retryable = false;
        else if (!err.mayHaveReachedServer)
          // Refused or unreachable: fine to repeat, but only briefly. A PBX that is down for longer is
          // not coming back within one Terraform command, and the user should hear so in seconds.
          retryable = this.now() - started < (opts.notSentBudgetMs ?? this.retry.notSentBudgetMs);
        else retryable = retryClass === 'idempotent' || retryClass === 'destroy';
        if (err.mayHaveReachedServer) ambiguous = true;
        if (!retryable) throw err;
        const delay = this.backoff(attempt);
        if (giveUp(err, delay)) throw err;
        await this.pause(method, path, attempt, delay, `network:${err.kind}`);
        continue;
      }

      if (res.status >= 200 && res.status < 300) return decodeSuccess<T>(method, path, res, opts);

      const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers['retry-after'], this.now()) : undefined;
      const err = errorFromResponse({ status: res.status, method, path, bodyText: res.body.toString('utf8'), retryAfterMs });

      if (res.status === 401 && useAuth) {
        // The token was rejected (expired early, revoked, server restarted). When a newer token
        // exists already (another call signed in meanwhile) just use it; otherwise sign in again,
        // once for all callers (single flight). Neither consumes a retry attempt. A token obtained
        // after this call's previous 401 and rejected again, five times running, means the account
        // itself is refused (random expiries, as under the emulator's fault mix, do not line up so).
        if (tokenObtainedAt >= lastRejectAt) freshRejections++;
        else freshRejections = 1;
        lastRejectAt = this.now();
        if (freshRejections >= MAX_FRESH_REJECTIONS) throw err;
        attempt--;
        this.log('auth.reauthenticate', { method, path });
        await this.auth.invalidate(token);
        continue;
      }
      if (opts.notFoundAsNull && res.status === 404) return null as T;
      if (retryClass === 'destroy' && ambiguous && (opts.goneStatuses ?? [404]).includes(res.status)) {
        this.log('destroy.already_gone', { method, path, status: res.status });
        return undefined as T;
      }
      if (res.status === 429) {
        if (retryAfterMs !== undefined && retryAfterMs > this.retry.maxRetryAfterMs) throw err;
        limited++;
        const delay = retryAfterMs !== undefined ? this.retryAfterJitter(retryAfterMs) : this.backoff(attempt + limited - 1);
        // Only the budget bounds 429s: "slow down" is not a failure, and a burst of them must not
        // use up the attempts a flaky PBX needs for its 5xx.
        if (this.now() + delay > deadline) throw err;
        await this.pause(method, path, attempt, delay, 'status:429');
        attempt--;
        continue;
      }
      if (RETRYABLE_STATUSES.has(res.status)) {
        // A create's 5xx is answered by create recovery (http-create.ts) with a look-up, never a blind repeat.
        if (retryClass === 'create' || retryClass === 'unsafe') throw err;
        ambiguous = true;
        const delay =
          retryAfterMs !== undefined && retryAfterMs <= this.retry.maxRetryAfterMs
            ? this.retryAfterJitter(retryAfterMs)
            : this.backoff(attempt);
        if (giveUp(err, delay)) throw err;
        await this.pause(method, path, attempt, delay, `status:${res.status}`);
        continue;
      }
      throw err;
    }
  }

  private async pause(method: string, path: string, attempt: number, delayMs: number, reason: string): Promise<void> {
    this.log('http.retry', { method, path, attempt, nextAttempt: attempt + 1, delayMs, reason });
    await this.wait(delayMs, method, path);
  }
}
