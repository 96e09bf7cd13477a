// Sign-in and token endpoints (docs/portsip-api.md §3) plus the public /info (§3.6).
import { HttpError, invalid } from '../errors';
import { type Ctx, type Route, ok } from '../server';
import { hashPassword } from '../store';
import { checkPassword, validateBody } from '../validate';
import { roleIdOf } from './admin-users';
import { view } from './common';

const NETWORK_KEYS = [
  'web_domain',
  'private_ipv4',
  'public_ipv4',
  'enable_ipv6',
  'private_ipv6',
  'public_ipv6',
  'primary_dns_server',
  'secondary_dns_server',
];

/** The credential check, counting refusals in the stats (`failedSignIns`). */
function checked(ctx: Ctx, b: Record<string, unknown>): ReturnType<Ctx['emu']['auth']['checkCredentials']> {
  try {
    return ctx.emu.auth.checkCredentials(b.username, b.password, b.domain);
  } catch (e) {
    ctx.emu.countFailedSignIn();
    throw e;
  }
}

export function authRoutes(): Route[] {
  return [
    {
      method: 'POST',
      template: '/auth/sign_in',
      access: 'public',
      handler: (ctx) => {
        const b = validateBody('POST', '/auth/sign_in', ctx.body);
        const acc = checked(ctx, b);
        // 2FA variant of the oneOf answer (§3.2/§3.3): the client continues with send_otp/verify_otp.
        if (ctx.emu.auth.needsTwoFactor(acc.rec)) return ok({ two_factor_enabled: true, token: ctx.emu.auth.begin2fa(acc.kind, acc.rec) });
        return ok(ctx.emu.auth.tokenBody(ctx.emu.auth.issue(acc.kind, acc.rec.id)));
      },
    },
    {
      method: 'POST',
      template: '/auth/send_otp',
      access: 'public',
      handler: (ctx) => {
        const b = validateBody('POST', '/auth/send_otp', ctx.body);
        ctx.emu.auth.sendOtp(b.token);
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/auth/verify_otp',
      access: 'public',
      handler: (ctx) => {
        const b = validateBody('POST', '/auth/verify_otp', ctx.body);
        // The spec shows no body; returning the token pair is the only way the flow can finish (§3.3, I).
        return ok(ctx.emu.auth.tokenBody(ctx.emu.auth.verifyOtp(b.token, b.code)));
      },
    },
    {
      method: 'POST',
      template: '/auth/refresh_token',
      access: 'public',
      handler: (ctx) => {
        const b = validateBody('POST', '/auth/refresh_token', ctx.body);
        return ok(ctx.emu.auth.tokenBody(ctx.emu.auth.refresh(b.refresh_token)));
      },
    },
    {
      method: 'POST',
      template: '/auth/sign_out',
      access: 'any',
      handler: (ctx) => {
        ctx.emu.auth.revoke(ctx.principal!.session);
        return ok();
      },
    },
    {
      method: 'GET',
      template: '/auth/user',
      access: 'any',
      handler: (ctx) => {
        const p = ctx.principal!;
        const body: Record<string, unknown> = { role: p.role, password_verified: true, password_force_reset: false };
        // 22.3 added domain, role_id, role_name and capabilities (C2; their types are I).
        if (ctx.emu.cfg.apiVersion !== '22.2')
          Object.assign(body, { domain: null, role_id: roleIdOf(ctx, p.role), role_name: p.role, capabilities: [] });
        return ok(body);
      },
    },
    {
      method: 'POST',
      template: '/auth/forget_password',
      access: 'public',
      handler: (ctx) => {
        const b = validateBody('POST', '/auth/forget_password', ctx.body);
        // domain is required by the 22.2/22.3 schema even though system accounts have none (made
        // optional for them only in 22.6, C2); it is accepted and ignored here.
        const acc = typeof b.username === 'string' ? ctx.emu.auth.findAccount(b.username) : undefined;
        // Same answer whether or not the account exists, so the endpoint cannot probe usernames.
        if (acc) ctx.emu.auth.startPasswordReset(acc.kind, acc.rec);
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/auth/reset_password',
      access: 'public',
      handler: (ctx) => {
        const b = validateBody('POST', '/auth/reset_password', ctx.body);
        const pw = checkPassword('new_password', b.new_password);
        const r = ctx.emu.auth.consumeReset(b.token);
        const rec = ctx.emu.auth.account(r.kind, r.userId);
        if (rec) {
          rec._password = hashPassword(pw);
          ctx.emu.auth.revokeAccount(r.kind, r.userId);
          ctx.store.changed();
        }
        return ok();
      },
    },
    {
      // Legacy OAuth2 password grant, form-encoded (§3.5, C8).
      method: 'POST',
      template: '/login/oauth/token',
      access: 'public',
      form: true,
      handler: (ctx) => {
        const b = (ctx.body ?? {}) as Record<string, unknown>;
        if (typeof b !== 'object') throw invalid('body', 'must be form-encoded');
        if (b.grant_type === 'password') {
          const acc = checked(ctx, b);
          if (ctx.emu.auth.needsTwoFactor(acc.rec))
            throw new HttpError(400, 'UNAUTHORIZED', 'two-factor authentication required: use /api/auth/sign_in');
          return ok(ctx.emu.auth.tokenBody(ctx.emu.auth.issue(acc.kind, acc.rec.id)));
        }
        if (b.grant_type === 'refresh_token') return ok(ctx.emu.auth.tokenBody(ctx.emu.auth.refresh(b.refresh_token)));
        throw invalid('grant_type', 'must be password or refresh_token');
      },
    },
    {
      method: 'POST',
      template: '/login/oauth/revoke',
      access: 'any',
      form: true,
      handler: (ctx) => {
        ctx.emu.auth.revoke(ctx.principal!.session);
        return ok();
      },
    },
    {
      method: 'GET',
      template: '/info',
      access: 'public',
      handler: (ctx) => {
        // Tenant keys are documented too: null unless ?domain= names a tenant (§3.6).
        const out = {
          ...view(ctx.store.singletons.network, NETWORK_KEYS, true),
          name: null,
          domain: null,
          website: null,
          avatar_url: null,
          enable_ms365_integration: null,
          ms365_authorization_endpoint: null,
        };
        const domain = ctx.query.get('domain');
        if (domain) {
          const t = [...ctx.store.c.tenants.values()].find((x) => String(x.domain).toLowerCase() === domain.toLowerCase());
          if (!t) throw new HttpError(404, 'NOT_FOUND', 'tenant not found');
          Object.assign(out, {
            name: t.name,
            domain: t.domain,
            website: t.website ?? null,
            avatar_url: t.avatar_file_url ?? null,
            enable_ms365_integration: false,
            ms365_authorization_endpoint: null,
          });
        }
        return ok(out);
      },
    },
  ];
}
