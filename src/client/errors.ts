// Error catalogue of the PortSIP client. One class per way a call can fail, so callers branch on
// `instanceof` (404 on read means "gone", 429 means "slow down", ...) instead of parsing text.
//
// PortSIP's error body is `{"errors":[{"code":"VALIDATE_FAILED","message":"...","detail":<any>}]}`
// (docs/portsip-api.md §2.7, C5). Codes are only ever added, so an unknown code becomes 'UNKNOWN' with the
// server's spelling kept in `rawCode`. Messages are built from the method, the path (no query, no
// body) and the server's own message: request bodies are never echoed, so passwords, tokens and
// private keys cannot leak through an error message.

/** Codes documented by PortSIP (C5, C8) plus the ones the emulator uses (docs/portsip-api.md §2.7, I). */
export const KNOWN_ERROR_CODES = [
  'UNKNOWN',
  'VALIDATE_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CONFLICT',
  'RATE_LIMITED',
] as const;
export type PortsipErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** One entry of the `errors` array as the server sent it. */
export interface PortsipErrorEntry {
  code?: string;
  message?: string;
  detail?: unknown;
}

export interface PortsipErrorInit {
  status: number;
  code?: PortsipErrorCode;
  rawCode?: string;
  message: string;
  detail?: unknown;
  method: string;
  path: string;
  errors?: PortsipErrorEntry[];
  cause?: unknown;
}

/** Base class of every error the client throws for a failed PortSIP call. */
export class PortsipError extends Error {
  /** HTTP status; 0 when no response was received (see NetworkError). */
  readonly status: number;
  /** Normalised code: one of KNOWN_ERROR_CODES; 'UNKNOWN' for codes this client does not know. */
  readonly code: PortsipErrorCode;
  /** The code exactly as the server sent it, if any. */
  readonly rawCode: string | undefined;
  /** `detail` of the first error entry (any JSON), if any. */
  readonly detail: unknown;
  readonly method: string;
  /** Request path relative to the API base (e.g. `/tenants/abc`), without the query string. */
  readonly path: string;
  /** Every entry of the server's `errors` array (usually one). */
  readonly errors: PortsipErrorEntry[];

  constructor(init: PortsipErrorInit) {
    super(init.message, init.cause !== undefined ? { cause: init.cause } : undefined);
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code ?? 'UNKNOWN';
    this.rawCode = init.rawCode;
    this.detail = init.detail;
    this.method = init.method;
    this.path = init.path;
    this.errors = init.errors ?? [];
  }
}

/** 404, or code NOT_FOUND. On a read this means the object is gone (docs/design.md "Habits" 8). */
export class NotFoundError extends PortsipError {}

/** 400/422 or VALIDATE_FAILED. `field` comes from `detail.field` when the server names one. */
export class ValidationError extends PortsipError {
  readonly field: string | undefined;
  constructor(init: PortsipErrorInit) {
    super(init);
    const d = init.detail;
    this.field =
      d !== null && typeof d === 'object' && typeof (d as { field?: unknown }).field === 'string'
        ? (d as { field: string }).field
        : undefined;
  }
}

/** 401, or code UNAUTHORIZED (the legacy OAuth login answers 400 UNAUTHORIZED, C8). */
export class UnauthorizedError extends PortsipError {}

/** 403 / FORBIDDEN: the signed-in role lacks the permission (docs/portsip-api.md §3.7). */
export class ForbiddenError extends PortsipError {}

/** 409, or an ALREADY_EXISTS/CONFLICT-style code (duplicate name, domain, port...). */
export class ConflictError extends PortsipError {}

/** 429: the server's per-minute limit (10 000/min by default, §2.8) was hit. */
export class RateLimitedError extends PortsipError {
  /** Wait the server asked for via Retry-After, in ms, if it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(init: PortsipErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Any 5xx. */
export class ServerError extends PortsipError {}

/**
 * A create was not sent because objects with the new object's natural key already existed before it
 * (`existingIds`). On a PBX that enforces the key the create would fail anyway; on one that does not
 * it would make a duplicate. Taking one of them over instead would adopt someone else's object.
 */
export class AlreadyExistsError extends ConflictError {
  readonly existingIds: readonly string[];
  constructor(init: Omit<PortsipErrorInit, 'status'> & { existingIds: readonly string[] }) {
    super({ ...init, status: 409, code: 'ALREADY_EXISTS' });
    this.existingIds = init.existingIds;
  }
}

/**
 * A create was sent again after an attempt whose outcome was unknown, and afterwards more than one
 * new object carries its natural key: the earlier attempt landed after all. `id` is the object this
 * call returns; `extraIds` are the others, which nobody manages unless they are deleted or imported.
 */
export class DuplicateCreatedError extends PortsipError {
  readonly id: string;
  readonly extraIds: readonly string[];
  constructor(init: Omit<PortsipErrorInit, 'status'> & { id: string; extraIds: readonly string[] }) {
    super({ ...init, status: 0 });
    this.id = init.id;
    this.extraIds = init.extraIds;
  }
}

/** The caller's stop signal fired (Terraform's StopProvider): the call was abandoned, not failed by the PBX. */
export class AbortedError extends PortsipError {
  constructor(init: Omit<PortsipErrorInit, 'status'>) {
    super({ ...init, status: 0 });
  }
}

export type NetworkErrorKind = 'timeout' | 'reset' | 'refused' | 'dns' | 'tls' | 'other';

/**
 * No HTTP response: connection refused/reset, DNS failure, TLS failure, or timeout.
 * `mayHaveReachedServer` is false only when the request provably never left (refused, DNS, TLS
 * handshake, connect timeout); a reset or a timeout after the request was sent is ambiguous,
 * which matters for creates (see http.ts, "create recovery").
 */
export class NetworkError extends PortsipError {
  readonly kind: NetworkErrorKind;
  readonly mayHaveReachedServer: boolean;
  /** False for a failure that repeating cannot fix soon: a host name that does not exist (ENOTFOUND). */
  readonly temporary: boolean;
  constructor(init: Omit<PortsipErrorInit, 'status'> & { kind: NetworkErrorKind; mayHaveReachedServer: boolean; temporary?: boolean }) {
    super({ ...init, status: 0 });
    this.kind = init.kind;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    this.temporary = init.temporary ?? true;
  }
}

/**
 * `POST /auth/sign_in` answered `{two_factor_enabled: true, token}` (docs/portsip-api.md §3.2/§3.3): the
 * account needs an emailed one-time code, which an unattended tool cannot supply. The session
 * token for the OTP flow is kept in a non-enumerable property so it never appears in logs or
 * JSON dumps of the error.
 */
export class TwoFactorRequiredError extends PortsipError {
  declare readonly sessionToken: string | undefined;
  constructor(init: Omit<PortsipErrorInit, 'status' | 'message'> & { sessionToken?: string }) {
    super({
      ...init,
      status: 200,
      message:
        `${init.method} ${init.path}: the account requires two-factor authentication (email OTP); ` +
        'use an API account without 2FA for automation (docs/portsip-api.md §3.3)',
    });
    Object.defineProperty(this, 'sessionToken', { value: init.sessionToken, enumerable: false });
  }
}

/** Invalid client options (not an API failure). */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

function normaliseCode(raw: string | undefined): PortsipErrorCode {
  if (raw === undefined) return 'UNKNOWN';
  const up = raw.toUpperCase();
  return (KNOWN_ERROR_CODES as readonly string[]).includes(up) ? (up as PortsipErrorCode) : 'UNKNOWN';
}

/** Collapses a non-JSON error body (an HTML proxy page, plain text) into a short, safe snippet. */
function snippet(text: string): string {
  const s = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 120 ? s.slice(0, 117) + '...' : s;
}

/** The `reason` a server put in an error entry's `detail`, if any (the emulator does, docs/portsip-api.md §6.6). */
export function reasonOf(detail: unknown): string | undefined {
  if (detail === null || typeof detail !== 'object') return undefined;
  const r = (detail as { reason?: unknown }).reason;
  return typeof r === 'string' && r.trim() !== '' ? r.trim() : undefined;
}

/**
 * What an entry's `detail` says, for the message: ` (field: id): <reason>`, or ` (<text>)` for a text
 * detail. Other detail keys are left out of the message (they may echo a submitted value, e.g. a
 * password); they stay in the error's `detail` for code that needs them.
 */
function detailText(detail: unknown): string {
  if (typeof detail === 'string') return detail.trim() !== '' ? ` (${snippet(detail)})` : '';
  if (detail === null || typeof detail !== 'object') return '';
  const field = (detail as { field?: unknown }).field;
  const reason = reasonOf(detail);
  return (typeof field === 'string' ? ` (field: ${field})` : '') + (reason !== undefined ? `: ${reason}` : '');
}

export interface ErrorResponse {
  status: number;
  method: string;
  path: string;
  /** Raw body text ('' when empty). */
  bodyText: string;
  retryAfterMs?: number;
}

/** Turns a non-2xx response into the matching PortsipError subclass. */
export function errorFromResponse(r: ErrorResponse): PortsipError {
  let entries: PortsipErrorEntry[] = [];
  let nonJson: string | undefined;
  if (r.bodyText.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(r.bodyText);
      const list = parsed !== null && typeof parsed === 'object' ? (parsed as { errors?: unknown }).errors : undefined;
      if (Array.isArray(list)) {
        entries = list.filter((e): e is PortsipErrorEntry => e !== null && typeof e === 'object');
      } else if (parsed !== null && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string') {
        // Some gateways answer {"message": "..."}; keep the text.
        entries = [{ message: (parsed as { message: string }).message }];
      }
    } catch {
      nonJson = snippet(r.bodyText);
    }
  }
  const first = entries[0];
  const rawCode = typeof first?.code === 'string' ? first.code : undefined;
  const code = normaliseCode(rawCode);
  const serverMessage = typeof first?.message === 'string' ? first.message : nonJson;
  // The server's own words go into the message: its `message`, then what `detail` says (the field it
  // names and its `reason`, or a text detail), then any further entries. PortSIP's generic message
  // ("field validation failed") alone does not tell anyone why; the reason does.
  const message =
    `${r.method} ${r.path}: HTTP ${r.status}` +
    (rawCode !== undefined ? ` ${rawCode}` : '') +
    (serverMessage ? `: ${serverMessage}` : '') +
    detailText(first?.detail) +
    entries
      .slice(1)
      .map(
        (e) =>
          `; ${typeof e.code === 'string' ? `${e.code}: ` : ''}${typeof e.message === 'string' ? e.message : ''}${detailText(e.detail)}`,
      )
      .join('');
  const init: PortsipErrorInit = {
    status: r.status,
    code,
    rawCode,
    message,
    detail: first?.detail ?? (nonJson !== undefined ? { body: nonJson } : undefined),
    method: r.method,
    path: r.path,
    errors: entries,
  };
  const s = r.status;
  const raw = (rawCode ?? '').toUpperCase();
  if (s === 429) return new RateLimitedError({ ...init, retryAfterMs: r.retryAfterMs });
  if (s >= 500) return new ServerError(init);
  if (s === 401 || raw === 'UNAUTHORIZED') return new UnauthorizedError(init);
  if (s === 403 || raw === 'FORBIDDEN') return new ForbiddenError(init);
  if (s === 404 || raw === 'NOT_FOUND') return new NotFoundError(init);
  if (s === 409 || raw === 'ALREADY_EXISTS' || raw === 'CONFLICT' || /^(ALREADY_EXISTS|DUPLICATE)/.test(raw))
    return new ConflictError(init);
  if (s === 400 || s === 422 || raw === 'VALIDATE_FAILED') return new ValidationError(init);
  return new PortsipError(init);
}
