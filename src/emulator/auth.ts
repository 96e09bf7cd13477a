// Sessions and access control (docs/portsip-api.md §3, §6.7). Tokens are opaque; the emulator keeps
// access token -> session and refresh token -> session maps. Refresh rotates both tokens and
// invalidates the old pair (§3.4 is silent; rotation is the stricter reading, tag I).
import { randomInt } from 'node:crypto';
import { HttpError, forbidden, unauthorized } from './errors';
import { newToken } from './ids';
import { type Rec, type Store, verifyPassword } from './store';

export type Kind = 'system' | 'dealer';

export interface Session {
  access: string;
  refresh: string;
  kind: Kind;
  userId: string;
  expiresAt: number;
  refreshExpiresAt: number;
  /** Tenant chosen with POST /tenants/switch (§4 Op 38): per access token. */
  currentTenantId: string | null;
}

export interface OutboxEntry {
  kind: 'otp' | 'email' | 'password_reset';
  to: string;
  subject: string;
  content: string;
  code?: string;
  token?: string;
  at: string;
}

export const SYSTEM_ROLES = ['SystemAdmin', 'OperationsAdmin', 'SiteAdmin'] as const;
/** Built-in role names (22.3, §2.9): reserved, cannot be created or modified. */
export const BUILTIN_ROLES = [
  'SystemAdmin',
  'OperationsAdmin',
  'SiteAdmin',
  'Dealer',
  'Admin',
  'StandardUser',
  'StandardInternationalUser',
  'QueueManager',
];

/**
 * Who may call a route (§3.7; the endpoint-to-permission mapping is I):
 * - public: no token
 * - any: any signed-in account
 * - system: any system role (own profile)
 * - sysadmin: SystemAdmin only (settings, admin users, roles, IP-rule export)
 * - ops: SystemAdmin and OperationsAdmin (everything but settings/users/roles)
 * - site: plus SiteAdmin and custom system roles (tenants, dealers, trunks, status)
 * - scoped: site, plus dealers limited to their own tenants / sub-dealers
 * - dealer: the signed-in dealer's own endpoints (/dealer*)
 */
export type Access = 'public' | 'any' | 'system' | 'sysadmin' | 'ops' | 'site' | 'scoped' | 'dealer';

export interface Principal {
  session: Session;
  kind: Kind;
  account: Rec;
  role: string;
}

export function allowed(access: Access, p: Principal): boolean {
  if (access === 'public' || access === 'any') return true;
  if (p.kind === 'dealer') return access === 'scoped' || access === 'dealer';
  if (access === 'dealer') return false;
  const r = p.role;
  if (access === 'system') return true;
  if (access === 'sysadmin') return r === 'SystemAdmin';
  if (access === 'ops') return r === 'SystemAdmin' || r === 'OperationsAdmin';
  return true; // site, scoped: every system role including SiteAdmin and custom roles
}

export interface AuthOptions {
  tokenLifetimeSeconds: number;
  refreshLifetimeSeconds: number;
  twoFactor: boolean;
}

export class Auth {
  private sessions = new Map<string, Session>();
  private refreshes = new Map<string, Session>();
  private pending2fa = new Map<string, { kind: Kind; userId: string; code: string | null; expiresAt: number }>();
  private resetTokens = new Map<string, { kind: Kind; userId: string; expiresAt: number }>();
  readonly outbox: OutboxEntry[] = [];
  private issued = 0;

  constructor(
    private readonly store: Store,
    public opts: AuthOptions,
  ) {}

  findAccount(username: string): { kind: Kind; rec: Rec } | undefined {
    const u = username.toLowerCase();
    for (const r of this.store.c.adminUsers.values()) if (String(r.name).toLowerCase() === u) return { kind: 'system', rec: r };
    for (const r of this.store.c.dealers.values()) if (String(r.name).toLowerCase() === u) return { kind: 'dealer', rec: r };
    return undefined;
  }

  account(kind: Kind, id: string): Rec | undefined {
    return (kind === 'system' ? this.store.c.adminUsers : this.store.c.dealers).get(id);
  }

  /** Credential check shared by /auth/sign_in and the OAuth password grant; 400 UNAUTHORIZED on failure (C8). */
  checkCredentials(username: unknown, password: unknown, domain: unknown): { kind: Kind; rec: Rec } {
    const fail = () => new HttpError(400, 'UNAUTHORIZED', 'Login failed, authentication error');
    if (typeof username !== 'string' || typeof password !== 'string') throw fail();
    // Tenant users (who send `domain`) are outside the Administrations area and not emulated.
    if (domain !== undefined && domain !== null && domain !== '') throw fail();
    const acc = this.findAccount(username);
    if (!acc || !verifyPassword(acc.rec._password, password) || acc.rec.enabled === false) throw fail();
    return acc;
  }

  needsTwoFactor(rec: Rec): boolean {
    return this.opts.twoFactor || rec.enable_two_factor_authentication === true;
  }

  /** Start the OTP flow (§3.3): returns the 2FA session token. */
  begin2fa(kind: Kind, rec: Rec): string {
    const token = newToken();
    this.pending2fa.set(token, { kind, userId: rec.id, code: null, expiresAt: Date.now() + 10 * 60000 });
    return token;
  }

  sendOtp(token: unknown): void {
    const p = typeof token === 'string' ? this.pending2fa.get(token) : undefined;
    if (!p || p.expiresAt < Date.now()) throw new HttpError(400, 'UNAUTHORIZED', 'invalid or expired two-factor token');
    const acc = this.account(p.kind, p.userId);
    p.code = String(randomInt(0, 1000000)).padStart(6, '0');
    this.outbox.push({
      kind: 'otp',
      to: acc?.email ?? acc?.name ?? '',
      subject: 'Your PortSIP verification code',
      content: `Your verification code is ${p.code}`,
      code: p.code,
      token: token as string,
      at: new Date().toISOString(),
    });
  }

  verifyOtp(token: unknown, code: unknown): Session {
    const p = typeof token === 'string' ? this.pending2fa.get(token) : undefined;
    if (!p || p.expiresAt < Date.now() || p.code === null || p.code !== code)
      throw new HttpError(400, 'UNAUTHORIZED', 'invalid verification code');
    this.pending2fa.delete(token as string);
    return this.issue(p.kind, p.userId);
  }

  issue(kind: Kind, userId: string): Session {
    const now = Date.now();
    const s: Session = {
      access: newToken(),
      refresh: newToken(),
      kind,
      userId,
      expiresAt: now + this.opts.tokenLifetimeSeconds * 1000,
      refreshExpiresAt: now + this.opts.refreshLifetimeSeconds * 1000,
      currentTenantId: null,
    };
    this.sessions.set(s.access, s);
    this.refreshes.set(s.refresh, s);
    // Benchmarks sign in thousands of times: sweep dead sessions now and then (amortised O(1)).
    if (++this.issued % 1000 === 0) for (const x of [...this.refreshes.values()]) if (x.refreshExpiresAt <= now) this.revoke(x);
    return s;
  }

  tokenBody(s: Session): { token_type: string; access_token: string; refresh_token: string; expires_in: number } {
    return {
      token_type: 'Bearer',
      access_token: s.access,
      refresh_token: s.refresh,
      expires_in: Math.max(0, Math.round((s.expiresAt - Date.now()) / 1000)),
    };
  }

  /** Bearer header -> principal, or 401 UNAUTHORIZED. */
  authenticate(header: string | undefined): Principal {
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m?.[1]) throw unauthorized('missing bearer token');
    const s = this.sessions.get(m[1]);
    if (!s) throw unauthorized('invalid token');
    if (s.expiresAt <= Date.now()) throw unauthorized('token expired');
    const account = this.account(s.kind, s.userId);
    if (!account || account.enabled === false) throw unauthorized('account no longer active');
    return { session: s, kind: s.kind, account, role: s.kind === 'dealer' ? 'Dealer' : String(account.role) };
  }

  /** Forced expiry (fault injection): the access token dies, its refresh token keeps working. */
  expire(s: Session): void {
    s.expiresAt = 0;
  }

  expireAll(): number {
    for (const s of this.sessions.values()) s.expiresAt = 0;
    return this.sessions.size;
  }

  refresh(token: unknown): Session {
    const s = typeof token === 'string' ? this.refreshes.get(token) : undefined;
    if (!s || s.refreshExpiresAt <= Date.now()) throw new HttpError(400, 'UNAUTHORIZED', 'invalid or expired refresh token');
    const acc = this.account(s.kind, s.userId);
    if (!acc || acc.enabled === false) throw new HttpError(400, 'UNAUTHORIZED', 'account no longer active');
    this.revoke(s);
    const n = this.issue(s.kind, s.userId);
    n.currentTenantId = s.currentTenantId;
    return n;
  }

  /** sign_out / OAuth revoke: both tokens of the session die (§3.4 leaves it open; I). */
  revoke(s: Session): void {
    this.sessions.delete(s.access);
    this.refreshes.delete(s.refresh);
  }

  /** Drop every session of an account (deleted account, changed password of someone else). */
  revokeAccount(kind: Kind, userId: string, except?: Session): void {
    for (const s of [...this.sessions.values()]) if (s.kind === kind && s.userId === userId && s !== except) this.revoke(s);
  }

  startPasswordReset(kind: Kind, rec: Rec): void {
    const token = newToken();
    this.resetTokens.set(token, { kind, userId: rec.id, expiresAt: Date.now() + 3600000 });
    this.outbox.push({
      kind: 'password_reset',
      to: rec.email ?? rec.name,
      subject: 'Reset your PortSIP password',
      content: `Reset token: ${token}`,
      token,
      at: new Date().toISOString(),
    });
  }

  consumeReset(token: unknown): { kind: Kind; userId: string } {
    const r = typeof token === 'string' ? this.resetTokens.get(token) : undefined;
    if (!r || r.expiresAt < Date.now())
      throw new HttpError(400, 'VALIDATE_FAILED', 'field validation failed', { field: 'token', reason: 'invalid or expired reset token' });
    this.resetTokens.delete(token as string);
    return r;
  }

  sessionCount(): number {
    return this.sessions.size;
  }

  denied(): HttpError {
    return forbidden();
  }
}
