// Singleton settings and system companions: network (Op 1), settings (13), notification (14, 15),
// SBC (16), IM (17), Data Flow (52, path inferred), certificate (43), brand (44), status and
// license (docs/portsip-api.md §5.1, §5.2). Singleton POSTs merge (§6.3) and answer 200 with no body, except /key (204).
import { randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { type ValidateFunction } from 'ajv';
import { DATAFLOW_SHAPE } from '../conformance';
import { invalid } from '../errors';
import { type Ctx, type Route, noContent, ok } from '../server';
import type { SingletonName } from '../store';
import { checkEmail, checkEmailList, checkJsonText, checkMaxLen, checkPem, compile, responseKeys, validateBody } from '../validate';
import { merge, view } from './common';

const IP_FIELDS = { private_ipv4: 4, public_ipv4: 4, private_ipv6: 6, public_ipv6: 6 } as const;

/** Light address checks (§4 Op 1 allows them): catches swapped v4/v6 fields. Empty means unset. */
function checkIps(b: Record<string, unknown>): void {
  for (const [f, fam] of Object.entries(IP_FIELDS)) {
    const v = b[f];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !(fam === 4 ? isIPv4(v) : isIPv6(v))) throw invalid(f, `must be an IPv${fam} address`);
  }
}

const DATAFLOW_SCHEMA: ValidateFunction = compile(DATAFLOW_SHAPE);
const DATAFLOW_KEYS = ['private_ipv4', 'private_ipv6', 'public_ipv4', 'public_ipv6'];

interface SingletonSpec {
  name: SingletonName;
  path: string;
  access: 'ops' | 'sysadmin';
  keys: string[];
  schema?: ValidateFunction;
  versions?: ('22.2' | '22.3')[];
  check?: (b: Record<string, unknown>, ctx: Ctx) => void;
  /** Stored under `_name`, accepted on write, never returned (notification password, §6.4). */
  writeOnly?: string[];
  postStatus?: 200 | 204;
  noGet?: boolean;
}

function singleton(s: SingletonSpec): Route[] {
  const routes: Route[] = [];
  if (!s.noGet)
    routes.push({
      method: 'GET',
      template: s.path,
      access: s.access,
      versions: s.versions,
      handler: (ctx) => ok(view(ctx.store.singletons[s.name], s.keys)),
    });
  routes.push({
    method: 'POST',
    template: s.path,
    access: s.access,
    versions: s.versions,
    handler: (ctx) => {
      const b = validateBody('POST', s.path, ctx.body, {
        schema: s.schema,
        unknownFields: ctx.emu.cfg.unknownFields,
        extraKeys: s.keys,
      });
      s.check?.(b, ctx);
      const cur = ctx.store.singletons[s.name];
      const next = merge(cur, b);
      for (const w of s.writeOnly ?? []) if (w in b) next[`_${w}`] = b[w];
      ctx.store.singletons[s.name] = next;
      ctx.store.changed();
      return s.postStatus === 204 ? noContent() : ok();
    },
  });
  return routes;
}

function tokenRoutes(base: string, which: 'sbc' | 'im' | 'dataflow', versions?: ('22.2' | '22.3')[]): Route[] {
  return [
    {
      method: 'GET',
      template: `${base}/token`,
      access: 'ops',
      versions,
      handler: (ctx) => ok({ token: ctx.store.singletons.tokens[which] ?? null }),
    },
    {
      method: 'POST',
      template: `${base}/token`,
      access: 'ops',
      versions,
      handler: (ctx) => {
        const token = randomBytes(24).toString('hex');
        ctx.store.singletons.tokens[which] = token;
        ctx.store.changed();
        return ok({ token });
      },
    },
    {
      method: 'POST',
      template: `${base}/token/destroy`,
      access: 'ops',
      versions,
      handler: (ctx) => {
        ctx.store.singletons.tokens[which] = null;
        ctx.store.changed();
        return noContent();
      },
    },
  ];
}

export function systemRoutes(opts: { brandGet: boolean }): Route[] {
  const routes: Route[] = [
    ...singleton({
      name: 'network',
      path: '/network',
      access: 'ops',
      keys: responseKeys('GET', '/network'),
      // DNS servers: no format documented (Op 1), so none is enforced.
      check: (b) => checkIps(b),
    }),
    ...singleton({
      name: 'settings',
      path: '/admin/settings',
      access: 'sysadmin',
      keys: responseKeys('GET', '/admin/settings'),
      check: (b) => {
        // "Some custom configuration options serialized as json string" (seed Op 13): JSON text.
        checkJsonText('custom_options', b.custom_options);
      },
    }),
    ...singleton({
      name: 'notification',
      path: '/admin/notification',
      access: 'ops',
      keys: responseKeys('GET', '/admin/notification'),
      writeOnly: ['password'],
      check: (b) => {
        checkEmailList('recipients', b.recipients);
        checkEmail('reply_to', b.reply_to);
        // The thresholds are plain doubles (C1) whose only documented value is the example 0.9: no
        // range is enforced.
      },
    }),
    ...singleton({
      name: 'sbc',
      path: '/sbc',
      access: 'ops',
      keys: responseKeys('GET', '/sbc'),
      // "For TCP, port number 0 is reserved and cannot be used" (the port text, C1/C3); TLS runs over TCP (I).
      check: (b) => {
        if (!Array.isArray(b.transports)) return;
        b.transports.forEach((t: unknown, i: number) => {
          const o = t as { protocol?: unknown; port?: unknown } | null;
          if (o && o.port === 0 && (o.protocol === 'TCP' || o.protocol === 'TLS'))
            throw invalid(`transports[${i}].port`, `port 0 is reserved for ${String(o.protocol)} (TCP-based); use 1-65535`);
        });
      },
    }),
    ...tokenRoutes('/sbc', 'sbc'),
    ...singleton({ name: 'im', path: '/im', access: 'ops', keys: responseKeys('GET', '/im'), check: checkIps }),
    ...tokenRoutes('/im', 'im'),
    ...singleton({
      name: 'key',
      path: '/key',
      access: 'ops',
      keys: responseKeys('GET', '/key'),
      postStatus: 204,
      check: (b) => {
        checkPem('crt', b.crt, 'CERTIFICATE');
        checkPem('key', b.key, 'PRIVATE KEY');
      },
    }),
    ...singleton({
      name: 'brand',
      path: '/brand',
      access: 'ops',
      keys: ['theme', 'logo', 'favicon', 'title', 'copyright', 'product', 'website', 'forum', 'bottom_text'],
      // No GET /brand in C1 (§4 Op 44); a non-standard GET only behind the brandGet option.
      noGet: !opts.brandGet,
      check: (b) => checkMaxLen('bottom_text', b.bottom_text, 256),
    }),
    {
      method: 'POST',
      template: '/admin/notification/test_email',
      access: 'ops',
      handler: (ctx) => {
        const b = validateBody('POST', '/admin/notification/test_email', ctx.body);
        checkEmail('recipient', b.recipient);
        const n = ctx.store.singletons.notification;
        // "4XX when no mail server is configured" (§4 Op 15, I).
        if (!n.type || (n.type === 'SMTP' && !n.server))
          throw invalid(n.type ? 'server' : 'type', 'no mail server is configured (POST /api/admin/notification first)');
        ctx.emu.auth.outbox.push({
          kind: 'email',
          to: String(b.recipient),
          subject: String(b.subject),
          content: String(b.content),
          at: new Date().toISOString(),
        });
        return ok();
      },
    },
    {
      method: 'GET',
      template: '/admin/status',
      access: 'site',
      handler: (ctx) => {
        const st = ctx.store;
        const lic = st.singletons.license;
        return ok({
          version: ctx.emu.cfg.apiVersion === '22.2' ? '22.2.11' : '22.3.0',
          news: null,
          license_key: lic.license_key ?? null,
          license_type: 'Trial',
          maintenance_expires_at: null,
          max_concurrent_calls: lic.max_sim_calls ?? null,
          licensed_users: 100,
          current_users: 0,
          online_users: 0,
          current_tenants: st.c.tenants.size,
          current_dealers: st.c.dealers.size,
          current_calls: 0,
          current_trunks: st.c.providers.size,
          current_conference_servers: 0,
          current_media_servers: 0,
          current_call_queue_servers: 0,
          current_ivr_servers: 0,
          calls_in_24_hours: [],
        });
      },
    },
    {
      method: 'GET',
      template: '/license',
      access: 'site',
      handler: (ctx) =>
        ok({ ...view(ctx.store.singletons.license, responseKeys('GET', '/license'), true), api_version: ctx.emu.cfg.apiVersion }),
    },
    ...singleton({ name: 'license', path: '/license', access: 'ops', keys: responseKeys('GET', '/license'), noGet: true }),
  ];
  // Data Flow (22.3): the path is inferred (§4 Op 52, §8 Q3); the alternatives are mounted as aliases.
  for (const p of ['/dataflow', '/data_flow', '/dataflow_server']) {
    routes.push(
      ...singleton({
        name: 'dataflow',
        path: p,
        access: 'ops',
        keys: DATAFLOW_KEYS,
        schema: DATAFLOW_SCHEMA,
        versions: ['22.3'],
        check: checkIps,
      }),
    );
    routes.push(...tokenRoutes(p, 'dataflow', ['22.3']));
  }
  return routes;
}
