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
//   create      POST that answers {id}: never blindly repeated (see create() below): the natural key
//               is checked before, and an unanswered attempt is settled by look-up. A 429 or a
//               refused connection is always safe to repeat (the server did not act).
//   unsafe      actions whose repeat has a visible effect (test email, own password change): only
//               429 and "never reached the server" errors are retried.
// Every operation has a time budget (retry.budgetMs) and honours the stop signal (docs/client.md).

import { Pool, type Dispatcher } from 'undici';
import { AuthManager, type AuthMethod } from './auth';
import {
  AbortedError,
  AlreadyExistsError,
  ConfigurationError,
  ConflictError,
  DuplicateCreatedError,
  NetworkError,
  type NetworkErrorKind,
  PortsipError,
  ServerError,
  ValidationError,
  errorFromResponse,
} from './errors';
import { SlidingWindowLimiter, Semaphore, realSleep, untilAborted, type Sleep } from './limits';
import { type ClientLogger, bodyForLog, redact, redactForm, stderrLogger } from './log';

export type HttpMethod = 'GET' | 'POST';
export type RetryClass = 'idempotent' | 'destroy' | 'create' | 'unsafe';
export type QueryValue = string | number | boolean | undefined | null;

/**
 * The limiter's window: a minute plus a 1 s margin. The limiter counts requests when they leave; the
 * PBX counts them when it handles them, after a transit and queueing delay that varies, and may count
 * a fixed minute rather than a sliding one. A request sent at the very end of our window can then land
 * inside the PBX's next window next to a full minute's worth: measured at the bench's L scenario (12,000
 * requests in one process), an exact 60 s window drew about 10 answers 429 per run; the margin costs
 * 1.6 % of the throughput at the limit and removes them.
 */
export const RATE_WINDOW_MS = 61_000;

/** How long a create on the wire may still answer after the stop signal (Terraform waits for us; docs/protocol.md "Ctrl-C and StopProvider"). */
export const STOP_GRACE_MS = 1_500;

export interface RetryOptions {
  /** Total attempts including the first. Default 4. */
  maxAttempts?: number;
  /** Backoff base in ms: attempt n waits random() * min(maxDelayMs, baseDelayMs * 2^(n-1)). Default 250. */
  baseDelayMs?: number;
  /** Backoff cap in ms. Default 10000. */
  maxDelayMs?: number;
  /** Longest Retry-After the client will wait; a longer one fails at once. Default 60000. */
  maxRetryAfterMs?: number;
  /**
   * Total time one operation may spend retrying, from its first attempt: no wait is started that
   * would end after it, and an attempt's timeout is cut to what is left. Default 120000 (2 min).
   */
  budgetMs?: number;
  /**
   * How long a request that provably never reached the PBX (connection refused, host unreachable)
   * is retried. Default 8000: a PBX that refuses for longer is down, and the user hears so at once.
   */
  notSentBudgetMs?: number;
  /** Added to the request timeout for how long a create with an unknown outcome is looked for. Default 2000. */
  settleMarginMs?: number;
}

/**
 * How a create finds out whether an attempt with an unknown outcome landed (http.ts "create").
 * `findIds` lists the ids of every object that has the new object's natural key now.
 */
export interface CreateRecovery {
  findIds(): Promise<string[]>;
  /** The ids that had the key before the create (e.g. from a listing); looked up first when absent. */
  before?: readonly string[];
}

export interface PortsipClientOptions {
  /**
   * Base URL of the API, e.g. `https://pbx.example.com:8887/api`. `/api` is appended when the path
   * does not already end in `/api` (so `https://pbx:8887` works too); `https://` is assumed when
   * no scheme is given. PortSIP's default is HTTPS on 8887 (docs/portsip-api.md §2.1).
   */
  endpoint: string;
  username?: string;
  password?: string;
  /** Tenant SIP domain for tenant-level accounts; leave unset for system admins and dealers (§3.2). */
  domain?: string;
  /**
   * `sign_in` (default): `POST /auth/sign_in` (22.2.11+). `oauth`: the OAuth2 password grant at
   * `POST /login/oauth/token` (§3.5). With `sign_in` the client falls back to `oauth` by itself
   * when `/auth/sign_in` does not exist (404/405: a PBX older than 22.2.11).
   */
  authMethod?: AuthMethod;
  /** PEM CA bundle to trust for the endpoint (self-signed PBX certificates). */
  caCertPem?: string;
  /** Disable TLS verification. Explicit only; never the default. */
  insecureSkipVerify?: boolean;
  /** Per-attempt deadline covering connect, headers and body. Default 30000. */
  requestTimeoutMs?: number;
  /** Simultaneous in-flight requests. Default 10. */
  maxConcurrency?: number;
  /** Client-side limit, sliding 60 s window. Default 10000 (PortSIP's default, §2.8). */
  maxRequestsPerMinute?: number;
  retry?: RetryOptions;
  /** Path of the Data Flow server config (inferred, docs/portsip-api.md Op 52). Default `/dataflow`. */
  dataflowPath?: string;
  userAgent?: string;
  /** Debug log sink. Without one, `PORTSIP_LOG=debug` logs JSON lines to stderr. */
  logger?: ClientLogger;
  /** Injected undici dispatcher (e.g. MockAgent in tests); the client then creates no Pool. */
  dispatcher?: Dispatcher;
  /** Token refresh point as a fraction of `expires_in`. Default 0.8. */
  refreshFraction?: number;
  /**
   * Stop signal (Terraform's StopProvider): aborts every request in flight, every backoff sleep and
   * every wait for the rate limiter or a connection slot, with AbortedError.
   */
  signal?: AbortSignal;
  /** Test hooks. */
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
}

/** Reads endpoint and credentials from PORTSIP_ENDPOINT / PORTSIP_USERNAME / PORTSIP_PASSWORD. */
export function clientOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<PortsipClientOptions> {
  const out: Partial<PortsipClientOptions> = {};
  if (env.PORTSIP_ENDPOINT) out.endpoint = env.PORTSIP_ENDPOINT;
  if (env.PORTSIP_USERNAME) out.username = env.PORTSIP_USERNAME;
  if (env.PORTSIP_PASSWORD) out.password = env.PORTSIP_PASSWORD;
  return out;
}

/** Splits an endpoint into origin and API base path (see PortsipClientOptions.endpoint). */
export function normaliseEndpoint(endpoint: string): { origin: string; basePath: string } {
  const raw = endpoint.trim();
  if (raw === '') throw new ConfigurationError('endpoint is required (e.g. https://pbx.example.com:8887/api)');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigurationError(`endpoint is not a valid URL: ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigurationError(`endpoint must use http or https, got ${url.protocol}`);
  if (url.username || url.password) throw new ConfigurationError('endpoint must not contain credentials; use username/password');
  if (url.search || url.hash) throw new ConfigurationError('endpoint must not contain a query or fragment');
  let basePath = url.pathname.replace(/\/+$/, '');
  if (!/(^|\/)api$/.test(basePath)) basePath += '/api';
  return { origin: url.origin, basePath };
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  /** Form-encoded body (OAuth only). */
  form?: Record<string, string>;
  /** Send the bearer token (default true). Auth endpoints pass false. */
  auth?: boolean;
  /** Explicit bearer token for calls made with auth=false (sign-out). */
  bearer?: string;
  /** Default: GET -> idempotent, POST -> unsafe. */
  retry?: RetryClass;
  /** `buffer` for octet-stream answers (`/ip_filters/export`). */
  responseType?: 'json' | 'buffer';
  /** For retry='create': how to tell whether an unanswered create landed (see CreateRecovery). */
  createRecovery?: CreateRecovery;
  /** For retry='destroy': statuses meaning "already gone" on a retry. Default [404]. */
  goneStatuses?: number[];
  /** Return null instead of throwing on 404 (`GET /providers/{id}/assignees/{tid}`, §4 Op 49). */
  notFoundAsNull?: boolean;
  /** This call's RetryOptions.notSentBudgetMs (the provider's sign-in at configure time is shorter). */
  notSentBudgetMs?: number;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Consecutive rejections of freshly obtained tokens after which a 401 is final. */
const MAX_FRESH_REJECTIONS = 5;

/** 500 too: PortSIP answers 500 for transient faults (a busy database, a restarting service). */
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO/;

export class HttpClient {
  readonly origin: string;
  readonly basePath: string;
  readonly auth: AuthManager;
  readonly logger: ClientLogger | undefined;
  readonly now: () => number;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly limiter: SlidingWindowLimiter;
  private readonly semaphore: Semaphore;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly retry: Required<RetryOptions>;
  readonly signal: AbortSignal | undefined;

  constructor(options: PortsipClientOptions) {
    const { origin, basePath } = normaliseEndpoint(options.endpoint);
    this.origin = origin;
    this.basePath = basePath;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.timeoutMs = positive(options.requestTimeoutMs ?? 30_000, 'requestTimeoutMs');
    this.userAgent = options.userAgent ?? 'terraform-provider-portsip-client/0.1';
    this.retry = {
      maxAttempts: Math.max(1, Math.floor(options.retry?.maxAttempts ?? 4)),
      baseDelayMs: options.retry?.baseDelayMs ?? 250,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
      budgetMs: positive(options.retry?.budgetMs ?? 120_000, 'retry.budgetMs'),
      notSentBudgetMs: options.retry?.notSentBudgetMs ?? 8_000,
      settleMarginMs: options.retry?.settleMarginMs ?? 2_000,
    };
    this.signal = options.signal;
    const maxConcurrency = Math.floor(positive(options.maxConcurrency ?? 10, 'maxConcurrency'));
    this.semaphore = new Semaphore(maxConcurrency);
    this.limiter = new SlidingWindowLimiter(
      Math.floor(positive(options.maxRequestsPerMinute ?? 10_000, 'maxRequestsPerMinute')),
      RATE_WINDOW_MS,
      this.now,
      this.sleep,
    );
    // PORTSIP_LOG is a logging switch, not configuration: reading it here is deliberate. The
    // endpoint and credentials are only read from the environment via clientOptionsFromEnv().
    this.logger = options.logger ?? (process.env.PORTSIP_LOG?.toLowerCase() === 'debug' ? stderrLogger() : undefined);

    if (options.caCertPem !== undefined && !/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(options.caCertPem))
      throw new ConfigurationError('ca_cert_pem must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
    if (options.dispatcher) {
      this.dispatcher = options.dispatcher;
      this.ownsDispatcher = false;
    } else {
      this.dispatcher = new Pool(origin, {
        connections: maxConcurrency,
        connect: {
          ...(options.caCertPem !== undefined ? { ca: options.caCertPem } : {}),
          rejectUnauthorized: options.insecureSkipVerify !== true,
          timeout: this.timeoutMs,
        },
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      this.ownsDispatcher = true;
    }
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
    if (this.ownsDispatcher) await this.dispatcher.close();
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
    if (this.signal?.aborted) throw this.abortedError(method, path);
  }

  private abortedError(method: string, path: string): AbortedError {
    return new AbortedError({ message: `${method} ${path}: abandoned because Terraform asked the provider to stop`, method, path });
  }

  /** Sleeps `ms`, or throws AbortedError at once when the stop signal fires. */
  async wait(ms: number, method: string, path: string): Promise<void> {
    this.checkAborted(method, path);
    try {
      await this.sleep(ms, this.signal);
    } catch (e) {
      if (this.signal?.aborted) throw this.abortedError(method, path);
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
    if (retryClass === 'create' && opts.createRecovery) return this.create<T>(method, path, opts, opts.createRecovery);
    return this.attempts<T>(method, path, opts, retryClass, this.now() + this.retry.budgetMs);
  }

  /**
   * A create that neither duplicates nor adopts (docs/client.md "Creates"):
   *  1. the ids carrying the natural key BEFORE the create are known (given, or looked up now); if
   *     there are any, AlreadyExistsError: the object is someone else's, never ours to take over;
   *  2. after an attempt whose outcome is unknown the key is looked up again; only an id that was
   *     not there before is ours. A timeout or reset means the request may still be in flight, so
   *     the look-ups continue (with backoff) for longer than the request timeout before the create
   *     is sent again; after a 5xx answer one look-up suffices (the PBX has finished with it);
   *  3. after a re-sent create succeeds, one more look-up reports extra objects with the key
   *     (DuplicateCreatedError, carrying the id returned and the extras).
   */
  private async create<T>(method: HttpMethod, path: string, opts: RequestOptions, rec: CreateRecovery): Promise<T> {
    const deadline = this.now() + this.retry.budgetMs;
    const before = new Set(rec.before ?? (await rec.findIds()));
    if (before.size > 0)
      throw new AlreadyExistsError({
        message: `${method} ${path}: an object with this natural key already exists (id ${[...before].map((i) => `"${i}"`).join(', ')})`,
        method,
        path,
        existingIds: [...before],
      });
    const ours = async (): Promise<string[]> => (await rec.findIds()).filter((id) => !before.has(id));
    let resent = false;
    for (let round = 1; ; round++) {
      let outcome: { id: string } | PortsipError;
      try {
        outcome = await this.attempts<{ id: string }>(method, path, opts, 'create', deadline);
      } catch (e) {
        if (!(e instanceof PortsipError) || e instanceof AbortedError) throw e;
        outcome = e;
      }
      if (!(outcome instanceof PortsipError)) {
        if (resent) {
          let extra: string[] = [];
          try {
            extra = (await ours()).filter((id) => id !== outcome.id);
          } catch (e) {
            // Ours exists either way; failing the create now would lose its id.
            this.log('create.duplicate_check_failed', { method, path, error: (e as Error).message });
          }
          if (extra.length > 0)
            throw new DuplicateCreatedError({
              message: `${method} ${path}: the create was sent again after an unanswered attempt, and ${extra.length} more object(s) with the same key now exist (id ${extra.map((i) => `"${i}"`).join(', ')}) besides "${outcome.id}"`,
              method,
              path,
              id: outcome.id,
              extraIds: extra,
            });
        }
        return outcome as T;
      }
      const err = outcome;
      const inFlight = err instanceof NetworkError && err.mayHaveReachedServer;
      const answered = err instanceof ServerError || ((err instanceof ConflictError || err instanceof ValidationError) && resent);
      if (!inFlight && !answered) throw err; // provably not applied, or a plain rejection of the body
      // The outcome is unknown: did it land?
      const found = await this.settle(method, path, ours, inFlight, deadline, err);
      if (found.length > 0) {
        this.log('create.recovered', { method, path, round, found: found.length });
        if (found.length > 1)
          throw new DuplicateCreatedError({
            message: `${method} ${path}: ${found.length} objects with the same key appeared after unanswered create attempts (id ${found.map((i) => `"${i}"`).join(', ')})`,
            method,
            path,
            id: found[0]!,
            extraIds: found.slice(1),
          });
        return { id: found[0]! } as T;
      }
      if (err instanceof ConflictError || err instanceof ValidationError) throw err;
      if (this.now() >= deadline || round >= this.retry.maxAttempts) throw err;
      this.log('create.resend', { method, path, round: round + 1, reason: err.name });
      resent = true;
    }
  }

  /**
   * Looks for our object after an attempt with an unknown outcome. `inFlight`: the request may still
   * be travelling or queued on the PBX, so keep looking (1, 2, 4... s) until longer than the request
   * timeout has passed since the failure, or the budget ends. Otherwise one look-up.
   */
  private async settle(
    method: HttpMethod,
    path: string,
    ours: () => Promise<string[]>,
    inFlight: boolean,
    deadline: number,
    cause: PortsipError,
  ): Promise<string[]> {
    const until = this.now() + (inFlight ? this.timeoutMs + this.retry.settleMarginMs : 0);
    for (let n = 1; ; n++) {
      let found: string[];
      try {
        found = await ours();
      } catch (e) {
        // Without knowing whether the first create landed, sending it again could duplicate it.
        this.log('create.lookup_failed', { method, path, error: (e as Error).message });
        throw cause;
      }
      this.log('create.lookup', { method, path, look: n, found: found.length, reason: cause.name });
      if (found.length > 0 || this.now() >= until) return found;
      const delay = Math.min(1000 * 2 ** (n - 1), Math.max(1, until - this.now()));
      if (this.now() + delay > deadline) return found;
      await this.wait(delay, method, path);
    }
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
        res = await this.send(method, path, opts, token, attempt, Math.max(100, deadline - this.now()));
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

      if (res.status >= 200 && res.status < 300) return this.parseSuccess<T>(method, path, res, opts);

      const retryAfterMs = res.status === 429 || res.status === 503 ? this.retryAfter(res.headers['retry-after']) : undefined;
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
        // A create's 5xx is answered by the caller (create()) with a look-up, never a blind repeat.
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

  /** Retry-After as ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
  private retryAfter(h: string | string[] | undefined): number | undefined {
    const v = Array.isArray(h) ? h[0] : h;
    if (v === undefined || v.trim() === '') return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(parseFloat(v) * 1000);
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - this.now());
  }

  private parseSuccess<T>(method: string, path: string, res: RawResponse, opts: RequestOptions): T {
    // "OK / No content" answers are common (docs/portsip-api.md §2.3): never JSON.parse an empty body.
    if (res.body.length === 0) return undefined as T;
    if (opts.responseType === 'buffer') return res.body as T;
    const text = res.body.toString('utf8');
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      const ct = String(res.headers['content-type'] ?? '');
      if (!/json/i.test(ct)) return text as T;
      throw new PortsipError({
        status: res.status,
        message: `${method} ${path}: HTTP ${res.status} with a body that is not valid JSON`,
        method,
        path,
      });
    }
  }

  private async send(
    method: HttpMethod,
    path: string,
    opts: RequestOptions,
    token: string | undefined,
    attempt: number,
    remainingMs = this.timeoutMs,
  ): Promise<RawResponse> {
    const qs = buildQuery(opts.query);
    const fullPath = this.basePath + path + (qs ? `?${qs}` : '');
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (opts.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    } else if (method === 'POST') {
      // Action and /destroy POSTs carry no body (C1); some servers still want a JSON type.
      headers['content-type'] = 'application/json';
    }

    const timeoutMs = Math.min(this.timeoutMs, remainingMs);
    const run = async () => {
      await untilAborted(this.limiter.acquire(), this.signal);
      this.checkAborted(method, path);
      const started = performance.now();
      if (this.logger)
        this.log('http.request', {
          method,
          path,
          query: opts.query ? redact(stripUndefined(opts.query)) : undefined,
          attempt,
          body: opts.form !== undefined ? redactForm(opts.form) : bodyForLog(opts.body),
        });
      const ac = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ac.abort();
      }, timeoutMs);
      // On stop, a create already on the wire gets a short grace to answer: aborting it would leave
      // an object the PBX made and Terraform never hears of. Anything else is abandoned at once.
      let grace: NodeJS.Timeout | undefined;
      const stop = () => {
        if (opts.retry === 'create') grace = setTimeout(() => ac.abort(), STOP_GRACE_MS);
        else ac.abort();
      };
      this.signal?.addEventListener('abort', stop, { once: true });
      try {
        const res = await this.dispatcher.request({
          origin: this.origin,
          path: fullPath,
          method,
          headers,
          body: body ?? null,
          signal: ac.signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const buf = Buffer.from(await res.body.arrayBuffer());
        const out: RawResponse = { status: res.statusCode, headers: res.headers, body: buf };
        if (this.logger)
          this.log('http.response', {
            method,
            path,
            status: out.status,
            durationMs: Math.round(performance.now() - started),
            attempt,
            body: logBody(out),
          });
        return out;
      } catch (e) {
        if (this.signal?.aborted && !timedOut) {
          // A create cut off after its grace may still land: it is ambiguous, like a timeout.
          if (opts.retry === 'create') throw this.networkError(e, true, method, path, timeoutMs);
          throw this.abortedError(method, path);
        }
        const err = this.networkError(e, timedOut, method, path, timeoutMs);
        this.log('http.error', {
          method,
          path,
          attempt,
          durationMs: Math.round(performance.now() - started),
          kind: err.kind,
          mayHaveReachedServer: err.mayHaveReachedServer,
          error: err.message,
        });
        throw err;
      } finally {
        clearTimeout(timer);
        clearTimeout(grace);
        this.signal?.removeEventListener('abort', stop);
      }
    };
    try {
      return await this.semaphore.run(run, this.signal);
    } catch (e) {
      if (this.signal?.aborted && !(e instanceof PortsipError)) throw this.abortedError(method, path);
      throw e;
    }
  }

  private networkError(e: unknown, timedOut: boolean, method: string, path: string, timeoutMs: number): NetworkError {
    const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
    const code = err?.code ?? '';
    const causeCode = err?.cause?.code ?? '';
    let kind: NetworkErrorKind;
    let reached: boolean;
    if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
      kind = 'timeout';
      reached = true;
    } else if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      kind = 'timeout';
      reached = false;
    } else if (TLS_CODES.test(code) || TLS_CODES.test(causeCode)) {
      kind = 'tls';
      reached = false;
    } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || causeCode === 'ENOTFOUND' || causeCode === 'EAI_AGAIN') {
      kind = 'dns';
      reached = false;
    } else if (NOT_SENT_CODES.has(code) || NOT_SENT_CODES.has(causeCode)) {
      kind = 'refused';
      reached = false;
    } else if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || causeCode === 'ECONNRESET') {
      kind = 'reset';
      reached = true;
    } else {
      kind = 'other';
      reached = true;
    }
    const what =
      kind === 'timeout'
        ? `timed out after ${timeoutMs} ms`
        : kind === 'tls'
          ? `TLS failure (${err?.message ?? code}); for a private or self-signed certificate set ca_cert_pem or ca_cert_file (PORTSIP_CA_CERT_PEM, PORTSIP_CA_CERT_FILE) to its CA, or insecure_skip_verify = true (PORTSIP_INSECURE_SKIP_VERIFY) explicitly`
          : `${err?.message ?? 'network error'}${code ? ` (${code})` : ''}`;
    return new NetworkError({
      message: `${method} ${path}: ${what}`,
      method,
      path,
      kind,
      mayHaveReachedServer: reached,
      temporary: kind !== 'dns' || code === 'EAI_AGAIN' || causeCode === 'EAI_AGAIN',
      cause: e,
    });
  }
}

function positive(n: number, name: string): number {
  if (!Number.isFinite(n) || n <= 0) throw new ConfigurationError(`${name} must be a positive number, got ${n}`);
  return n;
}

function stripUndefined(q: Record<string, QueryValue>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/** Spaces become %20, not `+`: OData filters are full of spaces and not every server form-decodes. */
function buildQuery(q: Record<string, QueryValue> | undefined): string {
  if (!q) return '';
  return Object.entries(stripUndefined(q))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function logBody(res: RawResponse): unknown {
  if (res.body.length === 0) return undefined;
  const ct = String(res.headers['content-type'] ?? '');
  const text = res.body.toString('utf8');
  if (/json/i.test(ct) || /^\s*[[{]/.test(text)) {
    try {
      return bodyForLog(JSON.parse(text));
    } catch {
      // fall through
    }
  }
  return `<${res.body.length} bytes ${ct || 'unknown type'}>`;
}
