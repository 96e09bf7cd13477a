// System (admin) users, the signed-in admin, and roles. /admin/users* and /admin/user* are 22.3
// additions whose JSON names are inferred (docs/portsip-api.md §4 Ops 2-12, §8 Q1-Q2); /admin/username and
// /admin/password exist only in 22.2 (§5.3).
import { type ValidateFunction } from 'ajv';
import { BUILTIN_ROLES, SYSTEM_ROLES } from '../auth';
import { HttpError, invalid } from '../errors';
import { encodeId, newId } from '../ids';
import { type Ctx, type Route, created, noContent, ok } from '../server';
import { type Rec, hashPassword, verifyPassword } from '../store';
import { ADMIN_USER_PASSWORD_KEY } from '../../common/api-223-names';
import { ADMIN_USER_SHAPES } from '../conformance';
import { checkEmail, checkPassword, checkUsername, compile, validateBody } from '../validate';
import { get, listAnswer, merge, nowIso, view } from './common';

export const ADMIN_USER_KEYS = [
  'id',
  'name',
  'email',
  'display_name',
  'enabled',
  'role',
  'mobile_phone',
  'work_phone',
  'home_phone',
  'address',
  'department',
  'website',
  'created_at',
];

// One copy of the documented 22.3 shapes, shared with the conformance check (conformance.ts).
const S: Record<string, ValidateFunction> = Object.fromEntries(
  Object.entries(ADMIN_USER_SHAPES).map(([k, shape]) => [k, compile(shape)]),
) as Record<string, ValidateFunction>;

const V23 = ['22.3'] as const;
const V22 = ['22.2'] as const;

/** Usernames share one namespace across admin users and dealers: sign-in takes no domain for either (§3.2). */
export function assertNameFree(ctx: Ctx, field: string, name: string, exceptId?: string): void {
  if (!ctx.emu.cfg.uniqueKeys) return;
  const n = name.toLowerCase();
  for (const coll of [ctx.store.c.adminUsers, ctx.store.c.dealers])
    for (const r of coll.values())
      if (r.id !== exceptId && String(r.name).toLowerCase() === n) throw invalid(field, `'${name}' is already in use`);
}

function customRoles(ctx: Ctx): Rec[] {
  return [...ctx.store.c.roles.values()];
}

/** Role ids for 22.3 (roles gained ids, C2); built-ins get fixed ids. */
export function roleIdOf(ctx: Ctx, name: string): string | null {
  const i = BUILTIN_ROLES.indexOf(name);
  if (i >= 0) return encodeId(String(700551909773140000 + i));
  return customRoles(ctx).find((r) => r.name === name)?.id ?? null;
}

function checkSystemRole(ctx: Ctx, field: string, role: unknown): string {
  if (typeof role !== 'string') throw invalid(field, 'is required');
  if ((SYSTEM_ROLES as readonly string[]).includes(role)) return role;
  if (customRoles(ctx).some((r) => r.name === role)) return role;
  throw invalid(field, `'${role}' is not a system role (${SYSTEM_ROLES.join(', ')} or a custom role)`);
}

function enabledSystemAdmins(ctx: Ctx): Rec[] {
  return [...ctx.store.c.adminUsers.values()].filter((u) => u.enabled !== false && u.role === 'SystemAdmin');
}

/** Guard (§4 Op 5/8/9, I): never leave the PBX without an enabled SystemAdmin. */
function assertNotLastAdmin(ctx: Ctx, u: Rec, field: string): void {
  if (u.role === 'SystemAdmin' && u.enabled !== false && enabledSystemAdmins(ctx).length <= 1)
    throw invalid(field, 'the last enabled SystemAdmin cannot be removed, disabled or demoted');
}

function checkProfile(b: Record<string, unknown>): void {
  checkEmail('email', b.email);
}

function newPasswordOf(b: Record<string, unknown>): string {
  // Exactly one key, the inferred one (§8 Q2, src/common/api-223-names.ts): accepting `password` as
  // well would let a client with the wrong key pass every test.
  if ('password' in b && (ADMIN_USER_PASSWORD_KEY as string) !== 'password')
    throw invalid('password', `is not a field of this operation; the new password goes in '${ADMIN_USER_PASSWORD_KEY}'`);
  return checkPassword(ADMIN_USER_PASSWORD_KEY, b[ADMIN_USER_PASSWORD_KEY]);
}

function adminRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/admin/users',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) =>
        ok(
          listAnswer(
            ctx,
            [...ctx.store.c.adminUsers.values()].map((u) => view(u, ADMIN_USER_KEYS)),
          ),
        ),
    },
    {
      method: 'POST',
      template: '/admin/users',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => {
        const b = validateBody('POST', '/admin/users', ctx.body, { schema: S.create, unknownFields: ctx.emu.cfg.unknownFields });
        // "admin, system, administrator, and root are reserved names for system admin only with case
        // ignored" (seed, Op 3/6/11): only the built-in system admin account may carry them.
        const name = checkUsername('name', b.name, false);
        const pw = checkPassword('password', b.password);
        const role = checkSystemRole(ctx, 'role', b.role);
        checkProfile(b);
        assertNameFree(ctx, 'name', name);
        const id = newId();
        const rec: Rec = { ...merge({}, b), id, name, role, enabled: b.enabled ?? true, created_at: nowIso(), _password: hashPassword(pw) };
        ctx.store.c.adminUsers.set(id, rec);
        ctx.store.changed();
        return created(id);
      },
    },
    {
      method: 'GET',
      template: '/admin/users/{id}',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => ok(view(get(ctx, 'adminUsers', ctx.param('id'), 'user'), ADMIN_USER_KEYS)),
    },
    {
      method: 'POST',
      template: '/admin/users/{id}',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => {
        const u = get(ctx, 'adminUsers', ctx.param('id'), 'user');
        // name, password and role are refused explicitly below (they have their own endpoints).
        const b = validateBody('POST', '/admin/users/{id}', ctx.body, {
          schema: S.update,
          unknownFields: ctx.emu.cfg.unknownFields,
          extraKeys: ['name', 'password', 'role'],
        });
        // name, password and role have their own endpoints (§4 Op 5).
        for (const f of ['name', 'password', 'role'])
          if (f in b) throw invalid(f, `cannot be changed here; use POST /api/admin/users/{id}/${f === 'name' ? 'username' : f}`);
        checkProfile(b);
        if (b.enabled === false && u.enabled !== false) {
          if (u.id === ctx.principal!.account.id) throw invalid('enabled', 'you cannot disable yourself');
          assertNotLastAdmin(ctx, u, 'enabled');
        }
        ctx.store.c.adminUsers.set(u.id, merge(u, b) as Rec);
        if (b.enabled === false) ctx.emu.auth.revokeAccount('system', u.id);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/admin/users/{id}/username',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => {
        const u = get(ctx, 'adminUsers', ctx.param('id'), 'user');
        const b = validateBody('POST', '/admin/users/{id}/username', ctx.body, { schema: S.name });
        const name = checkUsername('name', b.name, !!u._builtin);
        assertNameFree(ctx, 'name', name, u.id);
        u.name = name;
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/admin/users/{id}/password',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => {
        const u = get(ctx, 'adminUsers', ctx.param('id'), 'user');
        const b = validateBody('POST', '/admin/users/{id}/password', ctx.body, { schema: S.password });
        u._password = hashPassword(newPasswordOf(b));
        ctx.emu.auth.revokeAccount('system', u.id, ctx.principal!.session);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/admin/users/{id}/role',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => {
        const u = get(ctx, 'adminUsers', ctx.param('id'), 'user');
        const b = validateBody('POST', '/admin/users/{id}/role', ctx.body, { schema: S.role });
        const role = checkSystemRole(ctx, 'role', b.role);
        if (role !== u.role) {
          if (u._builtin) throw invalid('role', 'the built-in admin keeps the SystemAdmin role');
          if (u.id === ctx.principal!.account.id) throw invalid('role', 'you cannot change your own role');
          assertNotLastAdmin(ctx, u, 'role');
        }
        u.role = role;
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/admin/users/{id}/destroy',
      access: 'sysadmin',
      versions: [...V23],
      handler: (ctx) => {
        const u = get(ctx, 'adminUsers', ctx.param('id'), 'user');
        if (u._builtin) throw invalid('id', 'the built-in admin account cannot be deleted');
        if (u.id === ctx.principal!.account.id) throw invalid('id', 'you cannot delete yourself');
        assertNotLastAdmin(ctx, u, 'id');
        ctx.store.c.adminUsers.delete(u.id);
        ctx.emu.auth.revokeAccount('system', u.id);
        ctx.store.changed();
        return noContent();
      },
    },
    // ---- the signed-in system user ----
    {
      method: 'GET',
      template: '/admin/user',
      access: 'system',
      versions: [...V23],
      handler: (ctx) => ok(view(ctx.principal!.account, ADMIN_USER_KEYS)),
    },
    {
      method: 'POST',
      template: '/admin/user',
      access: 'system',
      versions: [...V23],
      handler: (ctx) => {
        const b = validateBody('POST', '/admin/user', ctx.body, {
          schema: S.self,
          unknownFields: ctx.emu.cfg.unknownFields,
          extraKeys: ['name', 'password', 'role', 'enabled'],
        });
        for (const f of ['name', 'password', 'role', 'enabled']) if (f in b) throw invalid(f, 'cannot be changed here');
        checkProfile(b);
        const u = ctx.principal!.account;
        ctx.store.c.adminUsers.set(u.id, merge(u, b) as Rec);
        ctx.store.changed();
        return ok();
      },
    },
    ...selfNameAndPassword('/admin/user/username', '/admin/user/password', [...V23]),
    // 22.2 names of the same two actions, removed in 22.3 (§5.3).
    ...selfNameAndPassword('/admin/username', '/admin/password', [...V22]),
  ];
}

function selfNameAndPassword(namePath: string, pwPath: string, versions: ('22.2' | '22.3')[]): Route[] {
  return [
    {
      method: 'POST',
      template: namePath,
      access: 'system',
      versions,
      handler: (ctx) => {
        const b = validateBody('POST', namePath, ctx.body, { schema: S.name });
        const u = ctx.principal!.account;
        const name = checkUsername('name', b.name, !!u._builtin);
        assertNameFree(ctx, 'name', name, u.id);
        u.name = name;
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: pwPath,
      access: 'system',
      versions,
      handler: (ctx) => {
        const b = validateBody('POST', pwPath, ctx.body, { schema: S.selfPassword });
        const u = ctx.principal!.account;
        if (!verifyPassword(u._password, String(b.old_password))) throw invalid('old_password', 'does not match the current password');
        u._password = hashPassword(checkPassword('new_password', b.new_password));
        ctx.emu.auth.revokeAccount('system', u.id, ctx.principal!.session);
        ctx.store.changed();
        return ok();
      },
    },
  ];
}

// ---- roles (§5.5): 22.2 keys them by name, 22.3 by id; both are accepted in the path ----

const ROLE_KEYS = ['name', 'description'];
const ROLE_KEYS_223 = ['id', 'name', 'description', 'protected', 'capabilities'];

function roleView(
  ctx: Ctx,
  r: { name: string; description?: unknown; id?: string; protected?: boolean; permissions?: unknown },
): Record<string, unknown> {
  const base = { ...r, id: r.id ?? roleIdOf(ctx, r.name), protected: r.protected ?? false, capabilities: null };
  return view(base, ctx.emu.cfg.apiVersion === '22.2' ? ROLE_KEYS : ROLE_KEYS_223, true);
}

function findRole(ctx: Ctx, key: string): Rec {
  for (const r of ctx.store.c.roles.values()) if (r.id === key || r.name === key) return r;
  if (BUILTIN_ROLES.includes(key) || BUILTIN_ROLES.some((n) => roleIdOf(ctx, n) === key))
    throw new HttpError(400, 'VALIDATE_FAILED', 'field validation failed', { field: 'name', reason: 'built-in roles cannot be modified' });
  throw new HttpError(404, 'NOT_FOUND', 'role not found');
}

function roleRoutes(): Route[] {
  return [
    {
      method: 'GET',
      template: '/roles',
      access: 'sysadmin',
      handler: (ctx) => {
        const builtins = BUILTIN_ROLES.map((name) => roleView(ctx, { name, description: `Built-in role ${name}`, protected: true }));
        return ok(listAnswer(ctx, [...builtins, ...customRoles(ctx).map((r) => roleView(ctx, r as never))]));
      },
    },
    {
      method: 'POST',
      template: '/roles',
      access: 'sysadmin',
      handler: (ctx) => {
        const b = validateBody('POST', '/roles', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        const name = String(b.name);
        if (BUILTIN_ROLES.some((n) => n.toLowerCase() === name.toLowerCase())) throw invalid('name', 'built-in role names are reserved');
        if (customRoles(ctx).some((r) => String(r.name).toLowerCase() === name.toLowerCase()))
          throw invalid('name', `role '${name}' already exists`);
        const id = newId();
        ctx.store.c.roles.set(id, { ...merge({}, b), id, name });
        ctx.store.changed();
        return { status: 201, body: ctx.emu.cfg.apiVersion === '22.2' ? { name } : { id, name } };
      },
    },
    {
      method: 'GET',
      template: '/roles/{name}',
      access: 'sysadmin',
      handler: (ctx) => {
        const key = ctx.param('name');
        const bi = BUILTIN_ROLES.find((n) => n === key || roleIdOf(ctx, n) === key);
        if (bi) return ok({ ...roleView(ctx, { name: bi, protected: true }), permissions: null });
        const r = findRole(ctx, key);
        return ok({ ...roleView(ctx, r as never), permissions: r.permissions ?? null });
      },
    },
    {
      method: 'POST',
      template: '/roles/{name}',
      access: 'sysadmin',
      handler: (ctx) => {
        const r = findRole(ctx, ctx.param('name'));
        const b = validateBody('POST', '/roles/{name}', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        if (b.name !== undefined && b.name !== r.name) {
          const n = String(b.name);
          if (
            BUILTIN_ROLES.some((x) => x.toLowerCase() === n.toLowerCase()) ||
            customRoles(ctx).some((x) => x.id !== r.id && String(x.name).toLowerCase() === n.toLowerCase())
          )
            throw invalid('name', `role '${n}' already exists or is reserved`);
          for (const u of ctx.store.c.adminUsers.values()) if (u.role === r.name) u.role = n;
        }
        ctx.store.c.roles.set(r.id, merge(r, b) as Rec);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/roles/{name}/destroy',
      access: 'sysadmin',
      handler: (ctx) => {
        const r = findRole(ctx, ctx.param('name'));
        if ([...ctx.store.c.adminUsers.values()].some((u) => u.role === r.name))
          throw invalid('name', 'the role is still assigned to users');
        ctx.store.c.roles.delete(r.id);
        ctx.store.changed();
        return noContent();
      },
    },
  ];
}

export function adminUserRoutes(): Route[] {
  return [...adminRoutes(), ...roleRoutes()];
}
