// SIP transports (Ops 28-33).
import { HttpError, invalid } from '../errors';
import { newId } from '../ids';
import { type Ctx, type Route, created, noContent, ok } from '../server';
import type { Rec } from '../store';
import { responseKeys, validateBody } from '../validate';
import { get, immutable, listAnswer, merge, view } from './common';

/** UDP has its own port space; TCP and TLS share the TCP one (I, from how sockets work). */
const l4 = (p: unknown) => (p === 'UDP' ? 'udp' : 'tcp');

function checkTransport(ctx: Ctx, protocol: unknown, b: Record<string, unknown>, selfId?: string): void {
  const port = b.port;
  if (typeof port === 'number') {
    // "TCP port 0 is reserved, UDP 0 means no port" (§2.9): a listening transport needs a real port.
    if (port === 0) throw invalid('port', 'must be between 1 and 65535 for a transport');
    if (ctx.emu.cfg.uniqueKeys)
      for (const t of ctx.store.c.transports.values())
        if (t.id !== selfId && t.port === port && l4(t.protocol) === l4(protocol))
          throw invalid('port', `port ${port} is already used by the ${t.protocol} transport ${t.id}`);
  }
  // Client-certificate verification only means something for TLS (§4 Op 29).
  const v = b.verification;
  if (typeof v === 'string' && v !== 'DISABLE' && protocol !== 'TLS')
    throw invalid('verification', 'only TLS transports can verify client certificates');
}

export function transportRoutes(): Route[] {
  const keys = responseKeys('GET', '/transports/{id}');
  const strict = (ctx: Ctx) => ctx.emu.cfg.strictUnknownFields;
  return [
    {
      method: 'GET',
      template: '/transports',
      access: 'ops',
      handler: (ctx) =>
        ok(
          listAnswer(
            ctx,
            [...ctx.store.c.transports.values()].map((t) => view(t, keys)),
          ),
        ),
    },
    {
      method: 'POST',
      template: '/transports',
      access: 'ops',
      handler: (ctx) => {
        const b = validateBody('POST', '/transports', ctx.body, { strictUnknownFields: strict(ctx) });
        checkTransport(ctx, b.protocol, b);
        const id = newId();
        ctx.store.c.transports.set(id, { verification: null, ...merge({}, b), id } as Rec);
        ctx.store.changed();
        return created(id);
      },
    },
    {
      method: 'GET',
      template: '/transports/{id}',
      access: 'ops',
      handler: (ctx) => ok(view(get(ctx, 'transports', ctx.params.id, 'transport'), keys)),
    },
    {
      method: 'POST',
      template: '/transports/{id}',
      access: 'ops',
      handler: (ctx) => {
        const t = get(ctx, 'transports', ctx.params.id, 'transport');
        const b = validateBody('POST', '/transports/{id}', ctx.body, { strictUnknownFields: strict(ctx), extraKeys: ['protocol'] });
        immutable('protocol', t.protocol, b); // protocol cannot be changed (§4 Op 31)
        checkTransport(ctx, t.protocol, b, t.id);
        ctx.store.c.transports.set(t.id, merge(t, b) as Rec);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/transports/{id}/destroy',
      access: 'ops',
      handler: (ctx) => {
        const t = get(ctx, 'transports', ctx.params.id, 'transport');
        // The PBX must keep at least one transport (C9, §4 Op 32).
        if (ctx.store.c.transports.size <= 1) throw invalid('id', 'the last transport cannot be deleted');
        ctx.store.c.transports.delete(t.id);
        ctx.store.changed();
        return noContent();
      },
    },
    {
      method: 'GET',
      template: '/transports/{id}/status',
      access: 'ops',
      handler: (ctx) => {
        // The parameter is named id but typed as the protocol enum (§4 Op 33 doc quirk): accept both.
        const key = ctx.params.id;
        if (['UDP', 'TCP', 'TLS'].includes(key.toUpperCase())) {
          const any = [...ctx.store.c.transports.values()].some((t) => t.protocol === key.toUpperCase());
          return ok({ status: any ? 'ACTIVATED' : 'DEACTIVATED' });
        }
        const t = ctx.store.c.transports.get(key);
        if (!t) throw new HttpError(404, 'NOT_FOUND', 'transport not found');
        // TLS needs a certificate to listen (C9).
        const active = t.protocol !== 'TLS' || !!ctx.store.singletons.key.crt;
        return ok({ status: active ? 'ACTIVATED' : 'DEACTIVATED' });
      },
    },
  ];
}
