// The HTTP core: routing (GET/POST only, docs/portsip-api.md §2.2), auth and role checks, fault injection, stats and
// the /__emulator control endpoints. Route handlers live in routes/<area>.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Auth, type Access, type Principal, allowed } from './auth';
import { ConformanceChecker } from './conformance';
import { HttpError, invalid, notFound } from './errors';
import { type FaultOptions, Faults, parseLatency } from './faults';
import type { ApiVersion, Store } from './store';
import type { UnknownFields } from './validate';

export interface Ctx {
  emu: Emulator;
  store: Store;
  principal?: Principal;
  params: Record<string, string>;
  /** A path parameter of the matched template; throws if the template has no such `{name}` (a route bug). */
  param(name: string): string;
  query: URLSearchParams;
  body: unknown;
  req: IncomingMessage;
}

export interface Result {
  status: number;
  body?: unknown;
  /** Non-JSON payload (e.g. the IP-rule export file). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Path under /api, e.g. `/tenants/{id}`. */
  template: string;
  access: Access;
  /** Only served in these API versions (22.3 added/removed endpoints, §1, §5.3). */
  versions?: ApiVersion[];
  /** application/x-www-form-urlencoded body (the OAuth endpoint, §3.5). */
  form?: boolean;
  handler: (ctx: Ctx) => Result | Promise<Result>;
}

export const ok = (body?: unknown): Result => ({ status: 200, body });
export const created = (id: string): Result => ({ status: 201, body: { id } });
export const noContent = (): Result => ({ status: 204 });

interface Compiled extends Route {
  segs: string[];
  score: number;
}

export class Router {
  private bySegCount = new Map<number, Compiled[]>();

  add(r: Route): void {
    const segs = r.template.split('/').slice(1);
    // Literal segments outrank parameters: /tenants/switch beats /tenants/{id}.
    const score = segs.reduce((s, x, i) => s + (x.startsWith('{') ? 0 : 1 << (16 - i)), 0);
    const list = this.bySegCount.get(segs.length) ?? [];
    list.push({ ...r, segs, score });
    list.sort((a, b) => b.score - a.score);
    this.bySegCount.set(segs.length, list);
  }

  match(
    method: string,
    path: string,
    version: ApiVersion,
  ): { route: Compiled; params: Record<string, string> } | { allow: string[] } | null {
    const segs = path.split('/').slice(1);
    const list = this.bySegCount.get(segs.length);
    if (!list) return null;
    const allow: string[] = [];
    for (const r of list) {
      if (r.versions && !r.versions.includes(version)) continue;
      const params: Record<string, string> = {};
      let okk = true;
      // Both lists have segs.length entries (routes are grouped by segment count).
      for (const [i, seg] of segs.entries()) {
        const t = r.segs[i] ?? '';
        if (t.startsWith('{')) {
          if (!seg) {
            okk = false;
            break;
          }
          try {
            params[t.slice(1, -1)] = decodeURIComponent(seg);
          } catch {
            okk = false;
            break;
          }
        } else if (t !== seg) {
          okk = false;
          break;
        }
      }
      if (!okk) continue;
      if (r.method === method) return { route: r, params };
      allow.push(r.method);
    }
    return allow.length ? { allow } : null;
  }
}

export interface EmulatorConfig {
  apiVersion: ApiVersion;
  /** Undocumented body keys: ignored (default), refused, or stored and echoed (validate.ts). */
  unknownFields: UnknownFields;
  allowSizeTB: boolean;
  dealerDelete: 'reject' | 'detach';
  brandGet: boolean;
  bodyLimitBytes: number;
  /**
   * Enforce the inferred uniqueness rules (tenant domain, transport port per L4 protocol, account
   * names; docs/emulator.md "Inferred rules"). False: like a PBX without them, two objects may share
   * a key (`--no-unique-keys`).
   */
  uniqueKeys: boolean;
  /**
   * Check every request against PortSIP's documented schema before the route handles it
   * (conformance.ts): a violation is a 400 and is recorded. Off by default; the acceptance suite
   * turns it on and fails on any violation.
   */
  conformance: boolean;
}

export interface Stats {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** Sign-ins refused for wrong credentials (PortSIP locks an account after 5 by default). */
  failedSignIns: number;
  /** Creates answered late or never (the lateCreate fault). */
  lateCreates: number;
  since: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A create: POST to a collection path (no `{id}` at the end) answered 200/201 with `{id}`. */
function isCreate(route: Route, r: Result): boolean {
  return (
    route.method === 'POST' &&
    !route.template.endsWith('}') &&
    !route.template.startsWith('/auth') &&
    (r.status === 200 || r.status === 201) &&
    typeof (r.body as { id?: unknown } | undefined)?.id === 'string'
  );
}

export class Emulator {
  readonly router = new Router();
  readonly conformance = new ConformanceChecker();
  private statsData: Stats = Emulator.emptyStats();

  private static emptyStats(): Stats {
    return { total: 0, byRoute: {}, byStatus: {}, failedSignIns: 0, lateCreates: 0, since: new Date().toISOString() };
  }

  /** Counted by the sign-in routes when credentials are refused. */
  countFailedSignIn(): void {
    this.statsData.failedSignIns++;
  }

  constructor(
    readonly store: Store,
    readonly auth: Auth,
    readonly faults: Faults,
    readonly cfg: EmulatorConfig,
  ) {}

  add(routes: Route[]): void {
    for (const r of routes) this.router.add(r);
  }

  stats(): Stats {
    return JSON.parse(JSON.stringify(this.statsData));
  }

  resetStats(): void {
    this.statsData = Emulator.emptyStats();
  }

  private count(key: string, status: number | 'dropped'): void {
    const s = this.statsData;
    s.total++;
    s.byRoute[key] = (s.byRoute[key] ?? 0) + 1;
    s.byStatus[String(status)] = (s.byStatus[String(status)] ?? 0) + 1;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    let path = url.pathname;
    if (path.startsWith('/__emulator/')) return this.control(req, res, path.slice('/__emulator'.length));

    const method = (req.method ?? 'GET').toUpperCase();
    let statKey = `${method} (unmatched)`;
    const send = (r: Result) => {
      this.count(statKey, r.status);
      this.send(res, r);
    };
    try {
      if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
      const m = path === '/api' || path.startsWith('/api/') ? this.router.match(method, path.slice(4) || '/', this.cfg.apiVersion) : null;
      if (m && 'route' in m) statKey = `${method} /api${m.route.template}`;

      const lat = this.faults.latency();
      if (lat > 0) await sleep(lat);
      const bearer = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
      const verdict = this.faults.decide(bearer ?? req.socket.remoteAddress ?? 'anon');
      if (verdict.kind === 'drop') {
        this.count(statKey, 'dropped');
        req.socket.destroy();
        return;
      }
      if (verdict.kind === 'error') {
        const e = new HttpError(
          verdict.status,
          verdict.code,
          verdict.message,
          undefined,
          verdict.retryAfter ? { 'Retry-After': String(verdict.retryAfter) } : undefined,
        );
        return send({ status: e.status, body: e.body(), headers: e.headers });
      }

      if (!m) throw new HttpError(404, 'NOT_FOUND', `no such endpoint: ${method} ${path}`);
      // Only GET and POST exist (§2.2); a known path with another verb is 405.
      if ('allow' in m)
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported here`, undefined, { Allow: m.allow.join(', ') });
      const { route, params } = m;

      const body = await this.readBody(req, route);
      const param = (name: string): string => {
        const v = params[name];
        if (v === undefined) throw new Error(`route ${route.template} has no {${name}} parameter`);
        return v;
      };
      const ctx: Ctx = { emu: this, store: this.store, params, param, query: url.searchParams, body, req };
      if (route.access !== 'public') {
        const p = this.auth.authenticate(req.headers.authorization);
        if (this.faults.shouldExpireToken()) {
          this.auth.expire(p.session);
          throw new HttpError(401, 'UNAUTHORIZED', 'token expired');
        }
        if (!allowed(route.access, p)) throw new HttpError(403, 'FORBIDDEN', `role ${p.role} may not call ${method} /api${route.template}`);
        ctx.principal = p;
      }
      if (this.cfg.conformance) this.conformance.check(method, route.template, path, params, body, this.cfg.apiVersion);
      const result = await route.handler(ctx);
      if (isCreate(route, result) && this.faults.lateCreate()) {
        // Applied already; the answer comes late, or never.
        this.statsData.lateCreates++;
        await sleep(this.faults.cfg.lateCreateMs);
        if (this.faults.cfg.lateCreateDrop) {
          this.count(statKey, 'dropped');
          req.socket.destroy();
          return;
        }
      }
      send(result);
    } catch (err) {
      if (err instanceof HttpError) return send({ status: err.status, body: err.body(), headers: err.headers });
      // A 5xx here is an emulator bug, never an answer to bad input.
      process.stderr.write(
        `portsip emulator: internal error on ${method} ${path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      send({ status: 500, body: new HttpError(500, 'UNKNOWN', 'unknown error').body() });
    }
  }

  private async readBody(req: IncomingMessage, route: Route): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > this.cfg.bodyLimitBytes) throw new HttpError(413, 'VALIDATE_FAILED', 'request body too large', { field: 'body' });
      chunks.push(c as Buffer);
    }
    if (req.method !== 'POST') return undefined;
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return undefined; // empty POST bodies are fine on actions (§2.2)
    const ctype = String(req.headers['content-type'] ?? '')
      .replace(/;.*$/s, '')
      .trim()
      .toLowerCase();
    if (route.form && (ctype === 'application/x-www-form-urlencoded' || ctype === '')) return Object.fromEntries(new URLSearchParams(text));
    // A body declared as something else is not read as JSON (a missing type is tolerated).
    if (ctype !== '' && ctype !== 'application/json' && !ctype.endsWith('+json'))
      throw new HttpError(415, 'VALIDATE_FAILED', `Content-Type ${ctype} is not supported; send application/json`, { field: 'body' });
    try {
      return JSON.parse(text);
    } catch {
      throw invalid('body', 'is not valid JSON');
    }
  }

  private send(res: ServerResponse, r: Result): void {
    const headers: Record<string, string> = { ...(r.headers ?? {}) };
    let payload: string | undefined;
    if (r.raw !== undefined) {
      payload = r.raw;
      headers['Content-Type'] = r.contentType ?? 'application/octet-stream';
    } else if (r.body !== undefined && r.status !== 204) {
      payload = JSON.stringify(r.body);
      headers['Content-Type'] = 'application/json; charset=utf-8';
    }
    headers['Content-Length'] = String(payload ? Buffer.byteLength(payload) : 0);
    res.writeHead(r.status, headers);
    res.end(payload);
  }

  // ---- control endpoints: not counted, no faults, no rate limit, no auth (bind to loopback) ----

  private async control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const reply = (status: number, body?: unknown) => this.send(res, { status, body });
    try {
      let body: Record<string, unknown> = {};
      if (method === 'POST') {
        const raw = await this.readBody(req, { method: 'POST', template: '', access: 'public', handler: () => ok() });
        if (raw !== undefined) {
          if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('body', 'must be a JSON object');
          body = raw as Record<string, unknown>;
        }
      }
      const key = `${method} ${path}`;
      switch (key) {
        case 'GET /health':
          return reply(200, { ok: true, api_version: this.cfg.apiVersion });
        case 'GET /stats':
          return reply(200, this.stats());
        case 'POST /reset-stats':
          this.resetStats();
          return reply(204);
        case 'GET /faults':
          return reply(200, this.faults.cfg);
        case 'POST /faults':
          this.faults.set(normalizeFaults(body));
          return reply(200, this.faults.cfg);
        case 'POST /expire-tokens':
          return reply(200, { expired: this.auth.expireAll() });
        case 'GET /outbox':
          return reply(200, { items: this.auth.outbox });
        case 'POST /outbox/clear':
          this.auth.outbox.length = 0;
          return reply(204);
        case 'GET /conformance':
          return reply(200, this.conformance.get());
        case 'POST /conformance/reset':
          this.conformance.reset();
          return reply(204);
        case 'GET /state':
          return reply(200, this.store.snapshot());
        default:
          throw notFound('control endpoint');
      }
    } catch (err) {
      if (err instanceof HttpError) return this.send(res, { status: err.status, body: err.body() });
      return reply(400, new HttpError(400, 'VALIDATE_FAILED', String((err as Error).message ?? err)).body());
    }
  }
}

/** Faults from JSON (control endpoint) or CLI: latency may be "20ms" / "10-50ms" as well as numbers. */
export function normalizeFaults(b: Record<string, unknown>): FaultOptions {
  const out: Record<string, unknown> = { ...b };
  const lat = b.latency ?? b.latencyMs;
  delete out.latency;
  if (lat !== undefined) out.latencyMs = typeof lat === 'string' ? parseLatency(lat) : lat;
  const known = [
    'latencyMs',
    'errorRate',
    'errorStatus',
    'burst429',
    'burst429Every',
    'burst429Length',
    'retryAfterSeconds',
    'dropRate',
    'tokenExpiryRate',
    'rateLimitPerMinute',
    'lateCreateRate',
    'lateCreateMs',
    'lateCreateDrop',
    'seed',
  ];
  for (const k of Object.keys(out))
    if (!known.includes(k)) throw new Error(`unknown fault option '${k}' (known: latency, ${known.join(', ')})`);
  for (const k of ['errorRate', 'dropRate', 'tokenExpiryRate', 'lateCreateRate'])
    if (out[k] !== undefined && (typeof out[k] !== 'number' || out[k] < 0 || out[k] > 1))
      throw new Error(`${k} must be a number between 0 and 1`);
  if (out.errorStatus !== undefined && ![500, 503, 'random'].includes(out.errorStatus as number))
    throw new Error('errorStatus must be 500, 503 or "random"');
  return out;
}
