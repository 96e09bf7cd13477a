// What an answer or a failure means, independent of any retry decision: a success body decoded
// (or kept as bytes), a Retry-After header read, a transport failure classified (may the request
// have reached the PBX? see docs/client.md), and the error a stopped call ends with. The retry
// loop (http.ts) and the create recovery (http-create.ts) decide what to do with these; the wire
// (http-transport.ts) produces them.

import { AbortedError, NetworkError, type NetworkErrorKind, PortsipError } from './errors';
import type { HttpMethod, RequestOptions } from './http-options';

/** One answer as it came off the wire, body unread. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

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

/** The error every call ends with once Terraform asked the provider to stop. */
export function abortedError(method: string, path: string): AbortedError {
  return new AbortedError({ message: `${method} ${path}: abandoned because Terraform asked the provider to stop`, method, path });
}

/** Retry-After as ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3), measured from `now`. */
export function parseRetryAfter(h: string | string[] | undefined, now: number): number | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (v === undefined || v.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(parseFloat(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The body of a 2xx answer: JSON, bytes (responseType 'buffer'), text, or undefined when empty. */
export function decodeSuccess<T>(method: HttpMethod, path: string, res: RawResponse, opts: RequestOptions): T {
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

/**
 * A failure of undici (no HTTP status) as a NetworkError: its kind, and whether the request may have
 * reached the server (a timeout or reset after sending: maybe; a refusal, a DNS or TLS failure: no).
 */
export function classifyNetworkError(e: unknown, timedOut: boolean, method: string, path: string, timeoutMs: number): NetworkError {
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
