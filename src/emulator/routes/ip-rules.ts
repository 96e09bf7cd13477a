// IP allow/deny rules (Ops 23-27). Path is /ip_filters, not /ip_rules. Create answers 200 + {id}
// (not 201), and destroy answers 400 for a bad or unknown id, not 404 (C1, docs/portsip-api.md §6.5).
import { HttpError } from '../errors';
import { newId } from '../ids';
import { type Route, noContent, ok } from '../server';
import type { Rec } from '../store';
import { checkCidr, checkMaxLen, checkTime, normalizeTime, responseKeys, validateBody } from '../validate';
import { get, listAnswer, merge, view } from './common';

// PortSIP documents no uniqueness rule for IP rules, so two rules with the same CIDR are accepted
// (docs/emulator.md "Inferred rules"): clients must tell them apart by id.
function checkRule(b: Record<string, unknown>): void {
  if ('cidr' in b && b.cidr !== null) checkCidr('cidr', b.cidr);
  checkTime('expire_at', b.expire_at);
  checkMaxLen('description', b.description, 255);
  if (typeof b.expire_at === 'string') b.expire_at = normalizeTime(b.expire_at);
}

export function ipRuleRoutes(): Route[] {
  const keys = responseKeys('GET', '/ip_filters/{id}');
  return [
    {
      method: 'GET',
      template: '/ip_filters',
      access: 'ops',
      handler: (ctx) =>
        ok(
          listAnswer(
            ctx,
            [...ctx.store.c.ipRules.values()].map((r) => view(r, keys)),
          ),
        ),
    },
    {
      method: 'POST',
      template: '/ip_filters',
      access: 'ops',
      handler: (ctx) => {
        const b = validateBody('POST', '/ip_filters', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        checkRule(b);
        const id = newId();
        ctx.store.c.ipRules.set(id, { expire_at: null, description: null, ...merge({}, b), id } as Rec);
        ctx.store.changed();
        return ok({ id });
      },
    },
    {
      // 22.3 requires SystemSettings.FullAccess here (C2), i.e. SystemAdmin. Listed before {id}.
      method: 'GET',
      template: '/ip_filters/export',
      access: 'sysadmin',
      handler: (ctx) => {
        const lines = ['cidr,target,expire_at,description'];
        const q = (s: unknown) =>
          s === null || s === undefined ? '' : /[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s);
        for (const r of ctx.store.c.ipRules.values()) lines.push([r.cidr, r.target, r.expire_at, r.description].map(q).join(','));
        return {
          status: 200,
          raw: lines.join('\n') + '\n',
          contentType: 'application/octet-stream',
          headers: { 'Content-Disposition': 'attachment; filename="ip_filters.csv"' },
        };
      },
    },
    {
      method: 'GET',
      template: '/ip_filters/{id}',
      access: 'ops',
      handler: (ctx) => ok(view(get(ctx, 'ipRules', ctx.param('id'), 'IP rule'), keys)),
    },
    {
      method: 'POST',
      template: '/ip_filters/{id}',
      access: 'ops',
      handler: (ctx) => {
        const r = get(ctx, 'ipRules', ctx.param('id'), 'IP rule');
        const b = validateBody('POST', '/ip_filters/{id}', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields });
        checkRule(b);
        ctx.store.c.ipRules.set(r.id, merge(r, b) as Rec);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/ip_filters/{id}/destroy',
      access: 'ops',
      handler: (ctx) => {
        if (!ctx.store.c.ipRules.delete(ctx.param('id')))
          throw new HttpError(400, 'VALIDATE_FAILED', 'Invalid rule ID supplied.', { field: 'id' });
        ctx.store.changed();
        return noContent();
      },
    },
  ];
}
