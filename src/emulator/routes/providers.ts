// Trunks ("providers") and their tenant assignments (Ops 48-51). Trunk CRUD belongs to the Trunk
// area; the emulator serves the seeded trunks read-only (list + get) so assignments have targets.
import { HttpError, invalid } from '../errors';
import { type Route, noContent, ok } from '../server';
import { type Assignment } from '../store';
import { parseDidPool, poolsOverlap, responseKeys, validateBody } from '../validate';
import { get, listAnswer, view } from './common';

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
