// SIP transports (Ops 28-33).
import { invalid } from '../errors';
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
    // "For TCP, port number 0 is reserved and cannot be used, while for UDP ... a value of zero means
    // no port" (seed, Op 29/31; docs/portsip-api.md §2.9): TCP 0 is refused, UDP 0 accepted. TLS runs over TCP,
    // so TLS 0 is refused too (inferred from the TCP sentence).
    if (port === 0 && protocol !== 'UDP') throw invalid('port', `port 0 is reserved for ${String(protocol)} (TCP-based); use 1-65535`);
    if (ctx.emu.cfg.uniqueKeys && port !== 0)
      for (const t of ctx.store.c.transports.values())
        if (t.id !== selfId && t.port === port && l4(t.protocol) === l4(protocol))
          throw invalid('port', `port ${port} is already used by the ${t.protocol} transport ${t.id}`);
  }
  // `verification` is not limited to TLS here: the documents describe it as what the PBX asks of
  // TLS clients but never say other protocols refuse it (the provider only warns).
}

export function transportRoutes(): Route[] {
  const keys = responseKeys('GET', '/transports/{id}');
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
        const b = validateBody('POST', '/transports', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
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
      handler: (ctx) => ok(view(get(ctx, 'transports', ctx.param('id'), 'transport'), keys)),
    },
    {
      method: 'POST',
      template: '/transports/{id}',
      access: 'ops',
      handler: (ctx) => {
        const t = get(ctx, 'transports', ctx.param('id'), 'transport');
        const b = validateBody('POST', '/transports/{id}', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields, extraKeys: ['protocol'] });
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
        const t = get(ctx, 'transports', ctx.param('id'), 'transport');
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
        // The parameter is named `id` but its schema is the protocol enum, and the reference shows only
        // the protocol (C1, seed Op 33): a protocol it is. A transport id is refused like any other
        // value outside the enum.
        const protocol = ctx.param('id');
        if (!['UDP', 'TCP', 'TLS'].includes(protocol)) throw invalid('id', 'must be one of UDP, TCP, TLS (the transport protocol)');
        const of = [...ctx.store.c.transports.values()].filter((t) => t.protocol === protocol);
        // ACTIVATED when a transport of that protocol exists; TLS also needs a certificate to listen (C9).
        const active = of.length > 0 && (protocol !== 'TLS' || !!ctx.store.singletons.key.crt);
        return ok({ status: active ? 'ACTIVATED' : 'DEACTIVATED' });
      },
    },
  ];
}
