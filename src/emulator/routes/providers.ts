// Trunks ("providers"): the trunk itself (create, read, update, destroy; docs/portsip-api.md "Trunks")
// and its tenant assignments (Ops 48-51). Three trunks are seeded so assignments have targets.
import { HttpError, invalid } from '../errors';
import { newId } from '../ids';
import { type Ctx, type Route, created, noContent, ok } from '../server';
import { type Assignment, type Rec, defaultsOf } from '../store';
import { checkCidr, parseDidPool, poolsOverlap, responseKeys, validateBody } from '../validate';
import { get, immutable, listAnswer, merge, view } from './common';

/**
 * Checks beyond the OpenAPI schema (which the body already passed): the values a PBX could not use.
 * `t` is the trunk after the write (create: the body over the defaults; update: the merged record).
 */
function checkTrunk(ctx: Ctx, t: Rec, selfId?: string): void {
  // The name is how people pick a trunk (web portal, assignments); unique [inferred, docs/emulator.md].
  if (ctx.emu.cfg.uniqueKeys)
    for (const o of ctx.store.c.providers.values())
      if (o.id !== selfId && o.name === t.name)
        throw invalid('name', `a trunk named ${JSON.stringify(t.name)} already exists (id ${o.id})`);
  if (typeof t.hostname !== 'string' || t.hostname.trim() === '') throw invalid('hostname', 'is required (a host name or IP address)');
  // Port 0 "is reserved and cannot be used" for TCP (seed sentence on every port field); TLS runs on
  // TCP, so it is refused there too [inferred], as for transports.
  for (const f of ['port', 'outbound_server_port'] as const)
    if (t[f] === 0 && t.transport !== 'UDP') throw invalid(f, `port 0 is reserved for ${String(t.transport)} (TCP-based); use 1-65535`);
  // "A semicolon-separated list of IP addresses in CIDR format" (C1).
  if (typeof t.additional_ips === 'string' && t.additional_ips !== '')
    for (const part of t.additional_ips.split(';')) checkCidr('additional_ips', part.trim());
  parseDidPool('did_numbers', t.did_numbers);
}

export function providerRoutes(): Route[] {
  const listKeys = responseKeys('GET', '/providers', 200, true);
  const detailKeys = responseKeys('GET', '/providers/{id}');
  return [
    {
      method: 'GET',
      template: '/providers',
      access: 'site',
      handler: (ctx) =>
        ok(
          listAnswer(
            ctx,
            [...ctx.store.c.providers.values()].map((p) => view(p, listKeys, true)),
          ),
        ),
    },
    {
      method: 'GET',
      template: '/providers/{id}',
      access: 'site',
      handler: (ctx) => ok(view(get(ctx, 'providers', ctx.param('id'), 'provider'), detailKeys)),
    },
    {
      method: 'POST',
      template: '/providers',
      access: 'site',
      handler: (ctx) => {
        // Required fields, enums, lengths and ranges: the createProvider schema (C1).
        const b = validateBody('POST', '/providers', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        const id = newId();
        // Unset fields take the documented defaults (C1 `default`); a new trunk is assigned to no tenant,
        // so it is not shared [inferred]. The password is kept but never returned (view() drops it).
        const rec: Rec = { ...defaultsOf('/providers/{id}'), shared: false, ...merge({}, b), id, _password: b.password ?? null };
        checkTrunk(ctx, rec);
        ctx.store.c.providers.set(id, rec);
        ctx.store.changed();
        return created(id);
      },
    },
    {
      method: 'POST',
      template: '/providers/{id}',
      access: 'site',
      handler: (ctx) => {
        const t = get(ctx, 'providers', ctx.param('id'), 'provider');
        const b = validateBody('POST', '/providers/{id}', ctx.body, {
          unknownFields: ctx.emu.cfg.unknownFields,
          extraKeys: ['brand', 'auth_mode'],
        });
        // Absent from updateProvider (C1): set at create only; a different value is refused.
        immutable('brand', t.brand, b);
        immutable('auth_mode', t.auth_mode, b);
        const next = merge(t, b) as Rec;
        if ('password' in b) next._password = b.password;
        checkTrunk(ctx, next, t.id);
        ctx.store.c.providers.set(t.id, next);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/providers/{id}/destroy',
      access: 'site',
      handler: (ctx) => {
        const t = get(ctx, 'providers', ctx.param('id'), 'provider');
        // Cascade [inferred, docs/emulator.md]: the trunk's tenant assignments go with it, as a deleted
        // tenant's do (Op 42): an assignment is a link between the two and means nothing without either.
        ctx.store.c.providers.delete(t.id);
        ctx.store.assignments.delete(t.id);
        ctx.store.changed();
        return noContent();
      },
    },
    {
      method: 'GET',
      template: '/providers/{id}/assignees',
      access: 'site',
      handler: (ctx) => {
        const p = get(ctx, 'providers', ctx.param('id'), 'provider');
        const m = ctx.store.assignments.get(p.id) ?? new Map<string, Assignment>();
        // {items} with no count and no paging (C1).
        return ok({ items: [...m].map(([tenant_id, a]) => ({ tenant_id, did_numbers: a.did_numbers, concurrency: a.concurrency })) });
      },
    },
    {
      method: 'GET',
      template: '/providers/{id}/assignees/{tenant_id}',
      access: 'site',
      handler: (ctx) => {
        const p = get(ctx, 'providers', ctx.param('id'), 'provider');
        const a = ctx.store.assignments.get(p.id)?.get(ctx.param('tenant_id'));
        // Documented 404 when the pair is not assigned (C1, docs/portsip-api.md §6.5).
        if (!a) throw new HttpError(404, 'NOT_FOUND', 'Not Found');
        return ok({ did_numbers: a.did_numbers, concurrency: a.concurrency });
      },
    },
    {
      method: 'POST',
      template: '/providers/{id}/assignees/{tenant_id}',
      access: 'site',
      handler: (ctx) => {
        const p = get(ctx, 'providers', ctx.param('id'), 'provider');
        const t = get(ctx, 'tenants', ctx.param('tenant_id'), 'tenant');
        const b = validateBody('POST', '/providers/{id}/assignees/{tenant_id}', ctx.body, {
          unknownFields: ctx.emu.cfg.unknownFields,
        });
        let m = ctx.store.assignments.get(p.id);
        const prev = m?.get(t.id);
        const next: Assignment = {
          did_numbers: 'did_numbers' in b ? (b.did_numbers as string | null) : (prev?.did_numbers ?? null),
          concurrency: 'concurrency' in b ? (b.concurrency as number | null) : (prev?.concurrency ?? null),
        };
        const pool = parseDidPool('did_numbers', next.did_numbers);
        // DID pools must not overlap another tenant's (C1/C3); checked across all trunks, the
        // conservative reading of §4 Op 50 (I).
        if (pool.length)
          for (const [pid, am] of ctx.store.assignments)
            for (const [tid, a] of am) {
              if (tid === t.id) continue;
              if (poolsOverlap(pool, parseDidPool('did_numbers', a.did_numbers)))
                throw invalid('did_numbers', `overlaps the DID pool of tenant ${tid} on trunk ${pid}`);
            }
        if (!m) ctx.store.assignments.set(p.id, (m = new Map()));
        m.set(t.id, next); // assigning again updates the pool (I)
        ctx.store.changed();
        return noContent();
      },
    },
    {
      method: 'POST',
      template: '/providers/{id}/assignees/{tenant_id}/destroy',
      access: 'site',
      handler: (ctx) => {
        const p = get(ctx, 'providers', ctx.param('id'), 'provider');
        if (!ctx.store.assignments.get(p.id)?.delete(ctx.param('tenant_id')))
          throw new HttpError(404, 'NOT_FOUND', 'the trunk is not assigned to this tenant');
        ctx.store.changed();
        return noContent();
      },
    },
  ];
}
