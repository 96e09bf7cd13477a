// Provider logging. stdout is reserved for the handshake line (docs/protocol.md "stdout and logging"), so logs go to
// stderr as JSON lines that go-plugin re-logs at their own level: "@level" and "@message", plus
// "@timestamp" with exactly six fractional digits (toISOString's three make Terraform fall back to
// plain DEBUG text). Nothing is visible unless TF_LOG / TF_LOG_PROVIDER is set.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  with(fields: Record<string, unknown>): Logger;
}

const ORDER: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

/** `2026-01-02T03:04:05.123456Z`: go-plugin accepts only six fractional digits. */
/** A logger that writes nothing (in-process uses of provider code that have no log to write to). */
export const SILENT_LOGGER: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  with: () => SILENT_LOGGER,
};

export function timestamp6(date: Date = new Date(), micros = 0): string {
  const iso = date.toISOString(); // ...T03:04:05.123Z
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
}

function levelFromEnv(): LogLevel {
  // When Terraform is not logging at all every line is discarded, so skip building the chatty ones.
  const v = (process.env.TF_LOG_PROVIDER || process.env.TF_LOG || '').toLowerCase();
  if (!v) return 'info';
  if (v === 'json') return 'trace';
  return v in ORDER ? (v as LogLevel) : 'trace';
}

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  fields?: Record<string, unknown>;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const min = ORDER[opts.level ?? levelFromEnv()];
  const write = opts.write ?? ((line: string) => process.stderr.write(line));
  const base = opts.fields ?? {};
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < min) return;
    const entry: Record<string, unknown> = {
      '@level': level,
      '@message': message,
      '@timestamp': timestamp6(new Date(), Math.floor((performance.now() * 1000) % 1000)),
      '@module': 'provider.portsip',
      ...base,
      ...fields,
    };
    let line: string;
    try {
      line = JSON.stringify(entry, replacer);
    } catch {
      line = JSON.stringify({ '@level': level, '@message': message, '@timestamp': entry['@timestamp'] });
    }
    write(line + '\n');
  };
  return {
    trace: (m, f) => emit('trace', m, f),
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    with: (fields) => createLogger({ level: (Object.keys(ORDER) as LogLevel[])[min], write, fields: { ...base, ...fields } }),
  };
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return value.stack ?? value.message;
  if (typeof value === 'symbol') return value.toString();
  return value;
}
