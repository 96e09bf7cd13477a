// One attempt on the wire: the undici Pool (or an injected dispatcher) with its TLS options, the
// client-side rate limit and concurrency cap (limits.ts), the per-attempt timeout, the stop signal
// (with a short grace for a create already sent) and the request/response debug log. It decides
// nothing about retries: it returns the answer or throws a classified NetworkError / AbortedError,
// and the retry loop (http.ts) decides. Apart from http.ts so that the wire and the policy can be
// read, and changed, one at a time.

import type { Dispatcher, Pool as UndiciPool } from 'undici';
import { ConfigurationError, PortsipError } from './errors';
import type { HttpMethod, QueryValue, RequestOptions } from './http-options';
import { abortedError, classifyNetworkError, type RawResponse } from './http-responses';
import { type SlidingWindowLimiter, type Semaphore, untilAborted } from './limits';
import { type ClientLogger, bodyForLog, redact, redactForm } from './log';

/**
 * undici's Pool and its request(), loaded when the first client is made, from their own modules.
 * undici's index also loads fetch, WebSocket, EventSource and cookies (16 of the 19 ms a provider
 * launch spent loading its definition, docs/protocol.md "Start-up cost"), and only ConfigureProvider
 * needs the API: launches that validate or only serve the schema never load undici. The index is
 * also what copies request() onto every dispatcher's prototype, so it is called here as
 * `request.call(dispatcher, ...)`, which works for any dispatcher. undici 7 has no "exports" map, so
 * these paths are public; test/client/http-transport-undici.test.ts fails if an upgrade moves them.
 */
type RequestFn = (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;
let undiciParts: { Pool: typeof UndiciPool; request: RequestFn } | undefined;
export function undici(): { Pool: typeof UndiciPool; request: RequestFn } {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose (see above) */
  return (undiciParts ??= {
    Pool: require('undici/lib/dispatcher/pool') as typeof UndiciPool,
    request: require('undici/lib/api/api-request') as RequestFn,
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** How long a create on the wire may still answer after the stop signal (Terraform waits for us; docs/protocol.md "Ctrl-C and StopProvider"). */
export const STOP_GRACE_MS = 1_500;

export interface TransportSettings {
  origin: string;
  basePath: string;
  /** Per-attempt deadline covering connect, headers and body. */
  timeoutMs: number;
  userAgent: string;
  /** Connections of the Pool: one per allowed concurrent request. */
  connections: number;
  caCertPem?: string;
  insecureSkipVerify?: boolean;
  /** Injected dispatcher (tests): no Pool is created, and close() leaves it open. */
  dispatcher?: Dispatcher;
  limiter: SlidingWindowLimiter;
  semaphore: Semaphore;
  signal?: AbortSignal;
  /** Whether debug records are wanted: building them costs per request. */
  logger?: ClientLogger;
  log(message: string, fields: Record<string, unknown>): void;
}

export class Transport {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(private readonly s: TransportSettings) {
    if (s.caCertPem !== undefined && !/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(s.caCertPem))
      throw new ConfigurationError('ca_cert_pem must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
    if (s.dispatcher) {
      this.dispatcher = s.dispatcher;
      this.ownsDispatcher = false;
    } else {
      const { Pool } = undici();
      this.dispatcher = new Pool(s.origin, {
        connections: s.connections,
        connect: {
          ...(s.caCertPem !== undefined ? { ca: s.caCertPem } : {}),
          rejectUnauthorized: s.insecureSkipVerify !== true,
          timeout: s.timeoutMs,
        },
        headersTimeout: s.timeoutMs,
        bodyTimeout: s.timeoutMs,
      });
      this.ownsDispatcher = true;
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Sends one attempt, waiting for the rate limiter and a connection slot first. */
  async send(
    method: HttpMethod,
    path: string,
    opts: RequestOptions,
    token: string | undefined,
    attempt: number,
    remainingMs = this.s.timeoutMs,
  ): Promise<RawResponse> {
    const qs = buildQuery(opts.query);
    const fullPath = this.s.basePath + path + (qs ? `?${qs}` : '');
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.s.userAgent };
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

    const timeoutMs = Math.min(this.s.timeoutMs, remainingMs);
    const run = async () => {
      await untilAborted(this.s.limiter.acquire(), this.s.signal);
      if (this.s.signal?.aborted) throw abortedError(method, path);
      const started = performance.now();
      if (this.s.logger)
        this.s.log('http.request', {
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
      this.s.signal?.addEventListener('abort', stop, { once: true });
      try {
        const res = await undici().request.call(this.dispatcher, {
          origin: this.s.origin,
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
        if (this.s.logger)
          this.s.log('http.response', {
            method,
            path,
            status: out.status,
            durationMs: Math.round(performance.now() - started),
            attempt,
            body: logBody(out),
          });
        return out;
      } catch (e) {
        if (this.s.signal?.aborted && !timedOut) {
          // A create cut off after its grace may still land: it is ambiguous, like a timeout.
          if (opts.retry === 'create') throw classifyNetworkError(e, true, method, path, timeoutMs);
          throw abortedError(method, path);
        }
        const err = classifyNetworkError(e, timedOut, method, path, timeoutMs);
        this.s.log('http.error', {
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
        this.s.signal?.removeEventListener('abort', stop);
      }
    };
    try {
      return await this.s.semaphore.run(run, this.s.signal);
    } catch (e) {
      if (this.s.signal?.aborted && !(e instanceof PortsipError)) throw abortedError(method, path);
      throw e;
    }
  }
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
