import { type EmulatorHandle, type EmulatorOptions, startEmulator } from '../../src/emulator';

export type J = any;

export interface Res {
  status: number;
  body: J;
  text: string;
  headers: Headers;
}

export class Api {
  constructor(
    readonly base: string,
    public token?: string,
  ) {}

  async req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (this.token && !('authorization' in h)) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const text = await r.text();
    let parsed: J;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: r.status, body: parsed, text, headers: r.headers };
  }
  get(path: string, headers?: Record<string, string>) {
    return this.req('GET', path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.req('POST', path, body, headers);
  }

  async signIn(username = 'admin', password = 'admin123'): Promise<J> {
    const r = await this.req('POST', '/auth/sign_in', { username, password }, { authorization: '' });
    if (r.status !== 200 || !r.body?.access_token) throw new Error(`sign in failed: ${r.status} ${r.text}`);
    this.token = r.body.access_token;
    return r.body;
  }

  as(token?: string): Api {
    return new Api(this.base, token);
  }
}

export async function boot(opts: EmulatorOptions = {}): Promise<{ emu: EmulatorHandle; api: Api }> {
  const emu = await startEmulator({ port: 0, ...opts });
  const api = new Api(emu.url);
  await api.signIn('admin', opts.adminPassword ?? 'admin123');
  return { emu, api };
}

export const tenantBody = (n: number | string, extra: Record<string, unknown> = {}) => ({
  name: `Tenant ${n}`,
  domain: `t${n}.pbx.example.com`,
  timezone: 'America/New_York',
  currency: 'USD',
  region: 'USA',
  ...extra,
});

export const dealerBody = (n: number | string, extra: Record<string, unknown> = {}) => ({
  name: `dealer${n}`,
  password: 'secret123',
  level: 'DISTRIBUTOR',
  // Required by the OpenAPI on create (C1 createDealer), although they have defaults.
  max_tenants: 100,
  max_extensions: 50000,
  ...extra,
});

export async function created(r: Promise<Res>, status = 201): Promise<string> {
  const res = await r;
  if (res.status !== status || typeof res.body?.id !== 'string') throw new Error(`expected ${status} {id}, got ${res.status} ${res.text}`);
  return res.body.id;
}

export function expectField(r: Res, field: string): void {
  expect({ status: r.status, code: r.body?.errors?.[0]?.code, field: r.body?.errors?.[0]?.detail?.field }).toEqual({
    status: 400,
    code: 'VALIDATE_FAILED',
    field,
  });
}
