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
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN']);
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

/** The kind of a transport failure from its error codes (the error's own and its cause's), and whether it may have reached the server. */
function networkKind(code: string, causeCode: string, timedOut: boolean): { kind: NetworkErrorKind; reached: boolean } {
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
    return { kind: 'timeout', reached: true };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'timeout', reached: false };
  if (TLS_CODES.test(code) || TLS_CODES.test(causeCode)) return { kind: 'tls', reached: false };
  if (DNS_CODES.has(code) || DNS_CODES.has(causeCode)) return { kind: 'dns', reached: false };
  if (NOT_SENT_CODES.has(code) || NOT_SENT_CODES.has(causeCode)) return { kind: 'refused', reached: false };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || causeCode === 'ECONNRESET')
    return { kind: 'reset', reached: true };
  return { kind: 'other', reached: true };
}

/**
 * A failure of undici (no HTTP status) as a NetworkError: its kind, and whether the request may have
 * reached the server (a timeout or reset after sending: maybe; a refusal, a DNS or TLS failure: no).
 */
export function classifyNetworkError(e: unknown, timedOut: boolean, method: string, path: string, timeoutMs: number): NetworkError {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.code ?? '';
  const causeCode = err?.cause?.code ?? '';
  const { kind, reached } = networkKind(code, causeCode, timedOut);
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
