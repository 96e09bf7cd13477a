// Dealers (Ops 18-22) and the signed-in dealer (Ops 45-47). A dealer account sees only itself and
// the sub-dealers it created, and only tenants designated to that set (docs/portsip-api.md §3.7, scoping is I).
import { HttpError, invalid } from '../errors';
import { newId } from '../ids';
import { type Ctx, type Route, created, noContent, ok } from '../server';
import { type Rec, hashPassword, verifyPassword } from '../store';
import { checkEmail, checkPassword, checkUsername, responseKeys, validateBody } from '../validate';
import { assertNameFree } from './admin-users';
import { immutable, listAnswer, merge, must, view } from './common';

const LEVELS = ['DISTRIBUTOR', 'SUB_DISTRIBUTOR', 'RESELLER'];

/** Dealer ids the principal may manage: all (null) for system users; self + descendants for dealers. */
export function dealerScope(ctx: Ctx): Set<string> | null {
  const p = ctx.principal;
  if (!p || p.kind !== 'dealer') return null;
  const ids = new Set([p.account.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of ctx.store.c.dealers.values())
      if (d._parent && ids.has(d._parent) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
  }
  return ids;
}

/** A dealer visible to the principal, else 404 (out-of-scope objects do not exist for a dealer). */
function visibleDealer(ctx: Ctx, id: string, includeSelf = false): Rec {
  const d = must(ctx.store.c.dealers.get(id), 'dealer');
  const scope = dealerScope(ctx);
  if (scope && (!scope.has(d.id) || (!includeSelf && d.id === ctx.principal!.account.id)))
    throw new HttpError(404, 'NOT_FOUND', 'dealer not found');
  return d;
}

export function tenantsOfDealers(ctx: Ctx, dealers: Set<string>): string[] {
  const out: string[] = [];
  for (const [t, d] of ctx.store.tenantDealer) if (dealers.has(d)) out.push(t);
  return out;
}

function checkDealerProfile(b: Record<string, unknown>): void {
  checkEmail('email', b.email);
}

export function dealerRoutes(): Route[] {
  const detailKeys = responseKeys('GET', '/dealers/{id}');
  const listKeys = responseKeys('GET', '/dealers', 200, true);
  const selfKeys = responseKeys('GET', '/dealer');
  return [
    {
      method: 'GET',
      template: '/dealers',
      access: 'scoped',
      handler: (ctx) => {
        const scope = dealerScope(ctx);
        const me = ctx.principal!.account.id;
        const items = [...ctx.store.c.dealers.values()].filter((d) => !scope || (scope.has(d.id) && d.id !== me));
        // C1 defines no query parameters here; skip/top/filter are honoured anyway (§4 Op 18).
        return ok(
          listAnswer(
            ctx,
            items.map((d) => view(d, listKeys)),
          ),
        );
      },
    },
    {
      method: 'POST',
      template: '/dealers',
      access: 'scoped',
      handler: (ctx) => {
        // max_tenants and max_extensions are required by the OpenAPI (C1) although they have defaults:
        // a create without them is refused, like any missing required field.
        const b = validateBody('POST', '/dealers', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        const name = checkUsername('name', b.name, false);
        const pw = checkPassword('password', b.password);
        checkDealerProfile(b);
        assertNameFree(ctx, 'name', name);
        let parent: string | null = null;
        const p = ctx.principal!;
        if (p.kind === 'dealer') {
          // A dealer creates only lower tiers below itself.
          const myLevel = LEVELS.indexOf(String(p.account.level));
          if (LEVELS.indexOf(String(b.level)) <= myLevel)
            throw invalid('level', `a ${p.account.level} may only create dealers of a lower level`);
          parent = p.account.id;
        }
        const id = newId();
        const rec: Rec = {
          enabled: true,
          tenant_full_access: true,
          ...merge({}, b),
          id,
          name,
          _password: hashPassword(pw),
          _parent: parent,
        };
        ctx.store.c.dealers.set(id, rec);
        ctx.store.changed();
        return created(id);
      },
    },
    {
      method: 'GET',
      template: '/dealers/{id}',
      access: 'scoped',
      handler: (ctx) => ok(view(visibleDealer(ctx, ctx.param('id')), detailKeys)),
    },
    {
      method: 'POST',
      template: '/dealers/{id}',
      access: 'scoped',
      handler: (ctx) => {
        const d = visibleDealer(ctx, ctx.param('id'));
        const b = validateBody('POST', '/dealers/{id}', ctx.body, {
          unknownFields: ctx.emu.cfg.unknownFields,
          extraKeys: ['name', 'level', 'password'],
        });
        // name and level cannot be changed (§4 Op 20); resending the same value is harmless.
        immutable('name', d.name, b);
        immutable('level', d.level, b);
        if ('password' in b) throw invalid('password', 'use POST /api/dealers/{id}/password');
        checkDealerProfile(b);
        ctx.store.c.dealers.set(d.id, merge(d, b) as Rec);
        if (b.enabled === false) ctx.emu.auth.revokeAccount('dealer', d.id);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/dealers/{id}/password',
      access: 'scoped',
      handler: (ctx) => {
        const d = visibleDealer(ctx, ctx.param('id'));
        const b = validateBody('POST', '/dealers/{id}/password', ctx.body);
        d._password = hashPassword(checkPassword('password', b.password));
        ctx.emu.auth.revokeAccount('dealer', d.id);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/dealers/{id}/destroy',
      access: 'scoped',
      handler: (ctx) => {
        const d = visibleDealer(ctx, ctx.param('id'));
        const tenants = tenantsOfDealers(ctx, new Set([d.id]));
        const subs = [...ctx.store.c.dealers.values()].filter((x) => x._parent === d.id);
        // Undocumented (§8 Q12): reject by default, or detach with --dealer-delete detach.
        if (ctx.emu.cfg.dealerDelete === 'reject' && (tenants.length || subs.length))
          throw invalid('id', `the dealer still has ${tenants.length} tenant(s) and ${subs.length} sub-dealer(s); remove them first`);
        for (const t of tenants) ctx.store.tenantDealer.delete(t);
        for (const s of subs) s._parent = d._parent ?? null;
        ctx.store.c.dealers.delete(d.id);
        ctx.emu.auth.revokeAccount('dealer', d.id);
        ctx.store.changed();
        return noContent();
      },
    },
    // ---- the signed-in dealer ----
    { method: 'GET', template: '/dealer', access: 'dealer', handler: (ctx) => ok(view(ctx.principal!.account, selfKeys)) },
    {
      method: 'POST',
      template: '/dealer',
      access: 'dealer',
      handler: (ctx) => {
        const b = validateBody('POST', '/dealer', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        for (const f of ['name', 'level', 'enabled', 'max_tenants', 'max_extensions', 'tenant_full_access', 'password'])
          if (f in b) throw invalid(f, 'cannot be changed by the dealer itself');
        checkDealerProfile(b);
        const d = ctx.principal!.account;
        ctx.store.c.dealers.set(d.id, merge(d, b) as Rec);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'GET',
      template: '/dealer/status',
      access: 'dealer',
      handler: (ctx) => {
        const d = ctx.principal!.account;
        const scope = dealerScope(ctx)!;
        return ok({
          version: ctx.emu.cfg.apiVersion === '22.2' ? '22.2.11' : '22.3.0',
          max_dealers: null,
          current_dealers: scope.size - 1,
          max_users: d.max_extensions ?? null,
          current_users: 0,
          max_tenants: d.max_tenants ?? null,
          current_tenants: tenantsOfDealers(ctx, new Set([d.id])).length,
        });
      },
    },
    {
      method: 'POST',
      template: '/dealer/username',
      access: 'dealer',
      handler: (ctx) => {
        const b = validateBody('POST', '/dealer/username', ctx.body);
        const name = checkUsername('name', b.name, false);
        const d = ctx.principal!.account;
        assertNameFree(ctx, 'name', name, d.id);
        d.name = name;
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/dealer/password',
      access: 'dealer',
      handler: (ctx) => {
        const b = validateBody('POST', '/dealer/password', ctx.body);
        const d = ctx.principal!.account;
        // Neither key is "required" in C1 but both are needed (§4 Op 47).
        if (typeof b.old_password !== 'string') throw invalid('old_password', 'is required');
        if (!verifyPassword(d._password, b.old_password)) throw invalid('old_password', 'does not match the current password');
        d._password = hashPassword(checkPassword('new_password', b.new_password));
        ctx.emu.auth.revokeAccount('dealer', d.id, ctx.principal!.session);
        ctx.store.changed();
        return ok();
      },
    },
  ];
}
