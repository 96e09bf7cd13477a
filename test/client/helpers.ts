// Test harness: a PortsipClient wired to an undici MockAgent whose single catch-all interceptor
// hands every request to a handler function, records it, and never touches the network. The
// clock, sleep and jitter are fake so retries and token lifetimes run instantly and exactly.

import { MockAgent } from 'undici';
import { PortsipClient, type PortsipClientOptions } from '../../src/client';

export const ORIGIN = 'https://pbx.test:8887';
export const USERNAME = 'admin';
export const PASSWORD = 'Adm1n-Pa55word!';

export interface Req {
  method: string;
  /** Path relative to /api, decoded, without the query string. */
  path: string;
  /** Raw path as sent, including /api and the query. */
  rawPath: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  rawBody: string | undefined;
  /** Parsed JSON body, or the form fields for form-encoded bodies. */
  body: unknown;
}

export type Res = { status: number; body?: unknown; headers?: Record<string, string> };
/** Return a Res, or throw an Error (with `code`) to simulate a network failure. */
export type Handler = (req: Req) => Res;

export function netError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

let tokenSeq = 0;
export function tokenPair(expiresIn = 3600): Res {
  tokenSeq++;
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      access_token: `ACCESS-TOKEN-${tokenSeq}-XYZ`,
      refresh_token: `REFRESH-TOKEN-${tokenSeq}-XYZ`,
      expires_in: expiresIn,
    },
  };
}

/** Wraps a handler with a default /auth/sign_in + /auth/refresh_token responder. */
export function withAuth(handler: Handler, expiresIn = 3600): Handler {
  return (req) => {
    if (req.method === 'POST' && (req.path === '/auth/sign_in' || req.path === '/auth/refresh_token')) return tokenPair(expiresIn);
    return handler(req);
  };
}

export function parseReq(o: { method: string; path: string; headers?: unknown; body?: unknown }): Req {
  const url = new URL(o.path, ORIGIN);
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  const headers: Record<string, string> = {};
  const h = o.headers as Record<string, string> | Headers | undefined;
  if (h && typeof (h as Headers).forEach === 'function' && !(h as unknown as Record<string, unknown>)['accept']) {
    (h as Headers).forEach((v, k) => (headers[k.toLowerCase()] = v));
  } else if (h) {
    for (const [k, v] of Object.entries(h)) headers[k.toLowerCase()] = String(v);
  }
  const rawBody =
    typeof o.body === 'string' ? o.body : o.body == null ? undefined : Buffer.isBuffer(o.body) ? o.body.toString('utf8') : String(o.body);
  let body: unknown;
  if (rawBody !== undefined && rawBody !== '') {
    if ((headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(rawBody));
    } else {
      body = JSON.parse(rawBody);
    }
  }
  const path = decodeURIComponent(url.pathname.replace(/^\/api/, ''));
  return { method: o.method, path, rawPath: o.path, query, headers, rawBody, body };
}

export interface Harness {
  client: PortsipClient;
  agent: MockAgent;
  requests: Req[];
  /** Requests other than /auth/* and /login/*. */
  apiRequests(): Req[];
  clock: { t: number };
  sleeps: number[];
  logs: Array<{ message: string; fields: Record<string, unknown> }>;
}

export function harness(handler: Handler, options: Partial<PortsipClientOptions> = {}): Harness {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const requests: Req[] = [];
  agent
    .get(ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply((o) => {
      const req = parseReq(o);
      requests.push(req);
      const res = handler(req); // may throw: simulated network error
      const headers: Record<string, string> = { ...(res.headers ?? {}) };
      let data: string | Buffer = '';
      if (Buffer.isBuffer(res.body)) data = res.body;
      else if (typeof res.body === 'string') data = res.body;
      else if (res.body !== undefined) {
        data = JSON.stringify(res.body);
        headers['content-type'] ??= 'application/json';
      }
      return { statusCode: res.status, data, responseOptions: { headers } };
    })
    .persist();
  const clock = { t: Date.UTC(2026, 0, 1) };
  const sleeps: number[] = [];
  const logs: Harness['logs'] = [];
  const client = new PortsipClient({
    endpoint: `${ORIGIN}/api`,
    username: USERNAME,
    password: PASSWORD,
    dispatcher: agent,
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    logger: { debug: (message, fields) => logs.push({ message, fields }) },
    ...options,
  });
  return {
    client,
    agent,
    requests,
    apiRequests: () => requests.filter((r) => !r.path.startsWith('/auth/') && !r.path.startsWith('/login/')),
    clock,
    sleeps,
    logs,
  };
}

export const json = (status: number, body?: unknown, headers?: Record<string, string>): Res => ({ status, body, headers });
export const apiError = (status: number, code: string, message: string, detail?: unknown): Res => ({
  status,
  body: { errors: [{ code, message, ...(detail !== undefined ? { detail } : {}) }] },
});
