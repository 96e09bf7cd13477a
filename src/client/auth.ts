// Session handling (docs/portsip-api.md §3): lazy sign-in, proactive refresh, re-login on 401, sign-out.
//
// Every concurrent caller that needs a token while a sign-in or refresh is running shares that one
// promise (single flight), so a burst of calls at token expiry produces exactly one refresh.
// Refresh is lazy-proactive: a call made after `refreshFraction` (0.8) of `expires_in` has passed
// refreshes first; no timer runs, so an idle client never keeps the process alive.

import { ConfigurationError, NotFoundError, PortsipError, TwoFactorRequiredError } from './errors';
import type { HttpClient } from './http';

export type AuthMethod = 'sign_in' | 'oauth';

/** Public client id of PortSIP's OAuth password grant (C8, docs/portsip-api.md §3.5). */
export const OAUTH_CLIENT_ID = '9d806019-75b2-4b3d-bb8b-f5a3a412cc0a';
/** Lifetime assumed when the server omits `expires_in`: the shorter documented value (C1, C8). */
const DEFAULT_EXPIRES_IN_S = 1800;

export interface AuthSettings {
  username: string | undefined;
  password: string | undefined;
  domain: string | undefined;
  method: AuthMethod;
  refreshFraction: number;
}

export class AuthManager {
  private accessToken: string | undefined;
  private refreshToken: string | undefined;
  private expiresAt = 0;
  private refreshAt = 0;
  private inflight: Promise<string> | undefined;
  private method: AuthMethod;
  private obtained = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly settings: AuthSettings,
  ) {
    this.method = settings.method;
  }

  /** The method actually in use (after any automatic fallback to oauth). */
  get activeMethod(): AuthMethod {
    return this.method;
  }

  /** When the current access token was asked for (client clock); 0 before the first sign-in. */
  get obtainedAt(): number {
    return this.obtained;
  }

  get signedIn(): boolean {
    return this.accessToken !== undefined;
  }

  /** A valid access token: signs in or refreshes first when needed (single flight). */
  getAccessToken(): Promise<string> {
    if (this.accessToken !== undefined && this.http.now() < this.refreshAt) return Promise.resolve(this.accessToken);
    if (this.inflight) return this.inflight;
    const p = (async () => {
      try {
        if (this.refreshToken !== undefined) {
          try {
            await this.refresh();
            return this.accessToken!;
          } catch (e) {
            if (e instanceof PortsipError && e.status >= 400 && e.status < 500) {
              // Refresh token expired or revoked (rotation is undocumented, §3.4): sign in again.
              this.http.log('auth.refresh_rejected', { status: e.status });
            } else if (this.accessToken !== undefined && this.http.now() < this.expiresAt) {
              // Transient failure but the current token is still valid: keep using it.
              return this.accessToken;
            } else {
              throw e;
            }
          }
        }
        await this.signIn();
        return this.accessToken!;
      } finally {
        this.inflight = undefined;
      }
    })();
    this.inflight = p;
    return p;
  }

  /** Forces a new sign-in on the next call, unless another caller already replaced `usedToken`. */
  async invalidate(usedToken: string | undefined): Promise<void> {
    if (this.inflight) await this.inflight.catch(() => undefined);
    if (this.accessToken !== usedToken) return;
    // A 401 means the session is gone (revoked, server restart): refresh tokens die with it, so
    // sign in from scratch rather than refresh.
    this.clear();
  }

  /** Signs in now (normally lazy). `notSentBudgetMs`: how long a refused connection is retried. */
  async signIn(opts: { notSentBudgetMs?: number } = {}): Promise<void> {
    const { username, password, domain } = this.settings;
    if (!username || !password)
      throw new ConfigurationError('username and password are required to sign in (or set PORTSIP_USERNAME / PORTSIP_PASSWORD)');
    const started = this.http.now();
    if (this.method === 'sign_in') {
      try {
        const body: Record<string, string> = { username, password };
        if (domain) body.domain = domain;
        this.http.log('auth.sign_in', { method: 'sign_in', username });
        const res = await this.http.request<Record<string, unknown> | undefined>('POST', '/auth/sign_in', {
          auth: false,
          body,
          retry: 'idempotent',
          notSentBudgetMs: opts.notSentBudgetMs,
        });
        if (res && res.two_factor_enabled === true) {
          throw new TwoFactorRequiredError({
            method: 'POST',
            path: '/auth/sign_in',
            sessionToken: typeof res.token === 'string' ? res.token : undefined,
          });
        }
        this.store(res, started, 'POST /auth/sign_in');
        return;
      } catch (e) {
        // /auth/* arrived in 22.2.11 (C7): an older PBX answers 404/405; use the OAuth grant.
        if (!((e instanceof NotFoundError || (e instanceof PortsipError && e.status === 405)) && e.path === '/auth/sign_in')) throw e;
        this.http.log('auth.fallback', { from: 'sign_in', to: 'oauth', status: e.status });
        this.method = 'oauth';
      }
    }
    const form: Record<string, string> = { grant_type: 'password', username, password, scope: 'all', client_id: OAUTH_CLIENT_ID };
    if (domain) form.domain = domain;
    this.http.log('auth.sign_in', { method: 'oauth', username });
    const res = await this.http.request<Record<string, unknown> | undefined>('POST', '/login/oauth/token', {
      auth: false,
      form,
      retry: 'idempotent',
      notSentBudgetMs: opts.notSentBudgetMs,
    });
    this.store(res, started, 'POST /login/oauth/token');
  }

  /** Exchanges the refresh token for a new pair. */
  async refresh(): Promise<void> {
    const refreshToken = this.refreshToken;
    if (refreshToken === undefined) throw new ConfigurationError('no refresh token: sign in first');
    const started = this.http.now();
    this.http.log('auth.refresh', { method: this.method });
    const res =
      this.method === 'oauth'
        ? await this.http.request<Record<string, unknown> | undefined>('POST', '/login/oauth/token', {
            auth: false,
            form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: OAUTH_CLIENT_ID },
            retry: 'idempotent',
          })
        : await this.http.request<Record<string, unknown> | undefined>('POST', '/auth/refresh_token', {
            auth: false,
            body: { refresh_token: refreshToken },
            retry: 'idempotent',
          });
    this.store(res, started, this.method === 'oauth' ? 'POST /login/oauth/token' : 'POST /auth/refresh_token', refreshToken);
  }

  /** Ends the session on the server (best effort) and forgets the tokens. */
  async signOut(): Promise<void> {
    const token = this.accessToken;
    if (this.inflight) await this.inflight.catch(() => undefined);
    const current = this.accessToken ?? token;
    this.clear();
    if (current === undefined) return;
    const path = this.method === 'oauth' ? '/login/oauth/revoke' : '/auth/sign_out';
    try {
      await this.http.request<void>('POST', path, { auth: false, bearer: current, retry: 'idempotent' });
    } catch (e) {
      // An already-invalid session is signed out as far as we are concerned.
      if (!(e instanceof PortsipError && e.status === 401)) throw e;
    }
  }

  private clear(): void {
    this.accessToken = undefined;
    this.refreshToken = undefined;
    this.expiresAt = 0;
    this.refreshAt = 0;
  }

  private store(res: Record<string, unknown> | undefined, startedAt: number, what: string, previousRefresh?: string): void {
    const pair = res;
    if (!pair || typeof pair.access_token !== 'string' || pair.access_token === '')
      throw new PortsipError({
        status: 200,
        message: `${what}: the answer has no access_token`,
        method: 'POST',
        path: what.split(' ')[1]!,
      });
    const expiresIn = typeof pair.expires_in === 'number' && pair.expires_in > 0 ? pair.expires_in : DEFAULT_EXPIRES_IN_S;
    this.accessToken = pair.access_token;
    this.obtained = startedAt;
    // Keep the old refresh token if the server does not rotate it (undocumented, §3.4).
    this.refreshToken = typeof pair.refresh_token === 'string' && pair.refresh_token !== '' ? pair.refresh_token : previousRefresh;
    this.expiresAt = startedAt + expiresIn * 1000;
    this.refreshAt = startedAt + expiresIn * 1000 * this.settings.refreshFraction;
    this.http.log('auth.session', { via: what, expiresInS: expiresIn, refreshInS: Math.round(expiresIn * this.settings.refreshFraction) });
  }
}
