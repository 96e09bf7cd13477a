// What a caller of the HTTP core configures, and its defaults: the client options, the per-call
// request options, the retry settings, and the endpoint URL rules. Kept apart from the HttpClient
// (http.ts) because the API modules (api/*.ts), the provider and the CLI need these types and rules
// without the machinery that sends requests.

import type { Dispatcher } from 'undici';
import type { AuthMethod } from './auth';
import { ConfigurationError } from './errors';
import type { CreateRecovery } from './http-create';
import type { Sleep } from './limits';
import type { ClientLogger } from './log';

export type HttpMethod = 'GET' | 'POST';
export type RetryClass = 'idempotent' | 'destroy' | 'create' | 'unsafe';
export type QueryValue = string | number | boolean | undefined | null;

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

/** The retry settings with every default filled in (docs/client.md "Configuration"). */
export function retrySettings(retry: RetryOptions = {}): Required<RetryOptions> {
  return {
    maxAttempts: Math.max(1, Math.floor(retry.maxAttempts ?? 4)),
    baseDelayMs: retry.baseDelayMs ?? 250,
    maxDelayMs: retry.maxDelayMs ?? 10_000,
    maxRetryAfterMs: retry.maxRetryAfterMs ?? 60_000,
    budgetMs: positive(retry.budgetMs ?? 120_000, 'retry.budgetMs'),
    notSentBudgetMs: retry.notSentBudgetMs ?? 8_000,
    settleMarginMs: retry.settleMarginMs ?? 2_000,
  };
}

export function positive(n: number, name: string): number {
  if (!Number.isFinite(n) || n <= 0) throw new ConfigurationError(`${name} must be a positive number, got ${n}`);
  return n;
}
