// Debug logging for the client. Everything goes to stderr: the provider's stdout carries the
// go-plugin handshake line (docs/design.md "Provider process") and a single stray byte there breaks Terraform.
// Secrets are removed before a record is built, so no logger (ours or injected) ever sees them.

/** Structured log sink. `fields` are already redacted. */
export interface ClientLogger {
  debug(message: string, fields: Record<string, unknown>): void;
}

/** JSON keys whose values are secrets (passwords, tokens, private keys, OTP codes...). */
export const SECRET_KEY_PATTERN = /password|token|secret|key|crt|authorization|otp|code/i;
export const REDACTED = '[REDACTED]';

const MAX_LOGGED_JSON = 4000;

/** Deep copy of `value` with every secret-looking key's value replaced by REDACTED. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 20) return '[DEPTH]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY_PATTERN.test(k) && v !== null && v !== undefined ? REDACTED : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** Redacts a form-encoded body (the OAuth password grant, docs/portsip-api.md §3.5). */
export function redactForm(form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) out[k] = SECRET_KEY_PATTERN.test(k) ? REDACTED : v;
  return out;
}

/** Redacted, size-capped rendering of a body for a log record. */
export function bodyForLog(body: unknown): unknown {
  if (body === undefined) return undefined;
  const r = redact(body);
  const s = JSON.stringify(r);
  if (s !== undefined && s.length > MAX_LOGGED_JSON) return `${s.slice(0, MAX_LOGGED_JSON)}... (${s.length} chars)`;
  return r;
}

/** One JSON object per line on stderr. */
export function stderrLogger(write: (line: string) => void = (l) => process.stderr.write(l)): ClientLogger {
  return {
    debug(message, fields) {
      write(JSON.stringify({ ts: new Date().toISOString(), level: 'debug', component: 'portsip-client', msg: message, ...fields }) + '\n');
    },
  };
}
