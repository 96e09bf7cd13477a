// Tenants (Ops 34-42): the list answers the summary shape, GET by id the detailed one (C5, docs/portsip-api.md §2.6).
import { type ValidateFunction } from 'ajv';
import { isIP } from 'node:net';
import { TENANT_AI_TRANSCRIPTION_FLAG, TENANT_CRM_INTEGRATIONS_FLAG } from '../../common/api-223-names';
import { TENANT_223_PROPERTIES } from '../conformance';
import { HttpError, invalid } from '../errors';
import { isWellFormedId, newId } from '../ids';
import { type Ctx, type Route, created, noContent, ok } from '../server';
import { type Rec, defaultsOf } from '../store';
import { checkEmailList, checkJsonText, checkOfficeHours, checkSize, compile, responseKeys, runAjv, validateBody } from '../validate';
import { listAnswer, merge, must, nowIso, view } from './common';
import { dealerScope } from './dealers';

// Fields added in 22.3 (C2/C3). The two feature-flag names are unknown (§4 Op 35, §8 Q4): the
// likeliest spellings, kept in src/common/api-223-names.ts (inferred).
const PASSWORD_POLICY_DEFAULT = {
  min_length: 6,
  max_length: 32,
  contains_letters: true,
  contains_numbers: true,
  contains_special_letters: true,
  disable_sequential_characters: true,
  disable_repeating_characters: true,
  disable_account_information: true,
};
const ADDED_223: Record<string, unknown> = {
  allow_password_retrieval: false,
  contact_inbound_rule_append_type: 'APPEND',
  limit_app_logins: null,
  ai_engine: null,
  password_policy: PASSWORD_POLICY_DEFAULT,
  // Names inferred (src/common/api-223-names.ts); both default true (seed, Op 35).
  [TENANT_AI_TRANSCRIPTION_FLAG]: true,
  [TENANT_CRM_INTEGRATIONS_FLAG]: true,
};
const EXTRA_223: ValidateFunction = compile({
  type: 'object',
  properties: { name: { type: 'string', minLength: 1, maxLength: 1024 }, ...TENANT_223_PROPERTIES },
});
/** Output-only keys: ignored when a client echoes them back in a write. */
const READ_ONLY = [
  'id',
  'created_at',
  'used_disk_quota',
  'outbound_caller_ids',
  'avatar_file_name',
  'avatar_file_size',
  'avatar_file_url',
  'current_extensions',
];

/**
 * "It is usually a fully qualified domain name (FQDN). If there is no FQDN, you can also use the IP
 * address of the PBX server" (seed Op 35): a host name (dot-separated labels of letters, digits, `-`
 * and `_`, 1-63 each, not starting or ending with `-`) or an IPv4/IPv6 address. The same rule as the
 * provider's hostOrIp validator.
 */
function validDomain(d: string): boolean {
  if (isIP(d.replace(/^\[|\]$/g, ''))) return true;
  const labels = d.replace(/\.$/, '').split('.');
  return labels.every((l) => /^[A-Za-z0-9_-]{1,63}$/.test(l) && !l.startsWith('-') && !l.endsWith('-'));
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
let currencies: Set<string> | null = null;
function validCurrency(c: string): boolean {
  if (!/^[A-Z]{3}$/.test(c)) return false;
  try {
    currencies ??= new Set((Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('currency'));
    return currencies.has(c);
  } catch {
    return true;
  }
}

function is223(ctx: Ctx): boolean {
  return ctx.emu.cfg.apiVersion !== '22.2';
}

/** The 22.3 field rules on a write body `b`, with `next` the merged result (for cross-field checks). */
function checkTenant(ctx: Ctx, b: Record<string, unknown>, next: Record<string, unknown>, selfId?: string): void {
  if (is223(ctx)) runAjv(EXTRA_223, b);
  if (typeof b.domain === 'string') {
    if (!validDomain(b.domain)) throw invalid('domain', 'must be a domain name such as tenant1.pbx.example.com');
    const d = b.domain.toLowerCase();
    // Unique across tenants (§4 Op 35 validation, I): the SIP domain identifies the tenant.
    if (ctx.emu.cfg.uniqueKeys)
      for (const t of ctx.store.c.tenants.values())
        if (t.id !== selfId && String(t.domain).toLowerCase() === d)
          throw invalid('domain', `domain '${b.domain}' is already used by tenant ${t.id}`);
  }
  if (typeof b.timezone === 'string' && !validTimeZone(b.timezone))
    throw invalid('timezone', 'must be an IANA time zone such as Asia/Shanghai');
  if (typeof b.currency === 'string' && !validCurrency(b.currency)) throw invalid('currency', 'must be an ISO 4217 code such as USD');
  if (typeof b.region === 'string' && !/^[A-Z]{3}$/.test(b.region))
    throw invalid('region', 'must be an ISO 3166-1 alpha-3 code such as USA');
  for (const f of ['disk_quota', 'im_disk_quota', 'extension_im_disk_quota']) checkSize(f, b[f], ctx.emu.cfg.allowSizeTB);
  checkEmailList('email_recipients', b.email_recipients);
  checkJsonText('custom_options', b.custom_options);
  checkOfficeHours(b.office_hours);
  // contact_match_length is "the matched length of characters when contact_match_type is MATCH_LENGTH"
  // (seed Op 35): a description, not a refusal, so any type accepts it (it just has no effect).
  const pp = next.password_policy as Record<string, number> | null | undefined;
  if (pp && typeof pp.min_length === 'number' && typeof pp.max_length === 'number' && pp.min_length > pp.max_length)
    throw invalid('password_policy.min_length', 'must not exceed max_length');
}

function dropReadOnly(b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...b };
  for (const k of READ_ONLY) delete out[k];
  return out;
}

function visibleTenant(ctx: Ctx, id: string): Rec {
  const t = must(ctx.store.c.tenants.get(id), 'tenant');
  const scope = dealerScope(ctx);
  if (scope && !scope.has(ctx.store.tenantDealer.get(id) ?? '')) throw new HttpError(404, 'NOT_FOUND', 'tenant not found');
  return t;
}

/** A dealer's max_tenants counts tenants designated to it (§4 Op 35/40, I). */
function assertDealerCapacity(ctx: Ctx, dealer: Rec, tenantId?: string): void {
  let n = 0;
  for (const [t, d] of ctx.store.tenantDealer) if (d === dealer.id && t !== tenantId) n++;
  if (typeof dealer.max_tenants === 'number' && n >= dealer.max_tenants)
    throw invalid('dealer_id', `dealer ${dealer.name} already has its maximum of ${dealer.max_tenants} tenants`);
}

export function tenantRoutes(): Route[] {
  const detail22 = responseKeys('GET', '/tenants/{id}');
  const summary22 = responseKeys('GET', '/tenants', 200, true);
  const detailKeys = (ctx: Ctx) => (is223(ctx) ? [...detail22, ...Object.keys(ADDED_223)] : detail22);
  const summaryKeys = (ctx: Ctx) => (is223(ctx) ? [...summary22, 'current_extensions', 'password_policy'] : summary22);
  // `name` also in 22.2, where the update refuses it explicitly (not silently dropped).
  const allowedExtra = (ctx: Ctx) => (is223(ctx) ? [...Object.keys(ADDED_223), 'name', ...READ_ONLY] : ['name', ...READ_ONLY]);
  const detail = (ctx: Ctx, t: Rec) => view(t, detailKeys(ctx));

  return [
    {
      method: 'GET',
      template: '/tenants',
      access: 'scoped',
      handler: (ctx) => {
        const scope = dealerScope(ctx);
        let all = [...ctx.store.c.tenants.values()];
        if (scope) all = all.filter((t) => scope.has(ctx.store.tenantDealer.get(t.id) ?? ''));
        // Summary items: documented keys only (tenant details still need GET /tenants/{id}).
        return ok(
          listAnswer(
            ctx,
            all.map((t) => view({ ...t, current_extensions: 0 }, summaryKeys(ctx), true)),
          ),
        );
      },
    },
    {
      method: 'POST',
      template: '/tenants',
      access: 'scoped',
      handler: (ctx) => {
        const b = dropReadOnly(
          validateBody('POST', '/tenants', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields, extraKeys: allowedExtra(ctx) }),
        );
        const base = { ...defaultsOf('/tenants/{id}'), ...(is223(ctx) ? ADDED_223 : {}) };
        const next = merge(base, b);
        checkTenant(ctx, b, next);
        const p = ctx.principal!;
        if (p.kind === 'dealer') assertDealerCapacity(ctx, p.account);
        const id = newId();
        const rec: Rec = {
          ...next,
          id,
          created_at: nowIso(),
          used_disk_quota: '0MB',
          outbound_caller_ids: [],
          avatar_file_name: null,
          avatar_file_size: null,
          avatar_file_url: null,
        };
        ctx.store.c.tenants.set(id, rec);
        if (p.kind === 'dealer') ctx.store.tenantDealer.set(id, p.account.id);
        ctx.store.changed();
        return created(id);
      },
    },
    {
      // Literal path: must outrank /tenants/{id} (the router prefers literals).
      method: 'POST',
      template: '/tenants/switch',
      access: 'scoped',
      handler: (ctx) => {
        // The id travels as a query parameter (§4 Op 38); no new token since 22.0 (C7).
        const id = ctx.query.get('id') ?? (ctx.body as Record<string, unknown> | undefined)?.id;
        if (typeof id !== 'string' || id === '') throw invalid('id', 'is required (query parameter id)');
        const t = visibleTenant(ctx, id);
        ctx.principal!.session.currentTenantId = t.id;
        return ok();
      },
    },
    { method: 'GET', template: '/tenants/{id}', access: 'scoped', handler: (ctx) => ok(detail(ctx, visibleTenant(ctx, ctx.param('id')))) },
    {
      method: 'POST',
      template: '/tenants/{id}',
      access: 'scoped',
      handler: (ctx) => {
        const t = visibleTenant(ctx, ctx.param('id'));
        const b = dropReadOnly(
          validateBody('POST', '/tenants/{id}', ctx.body, { unknownFields: ctx.emu.cfg.unknownFields, extraKeys: allowedExtra(ctx) }),
        );
        // name is not updatable in 22.2 (absent from the update schema); 22.3 lists it (§4 Op 37).
        if (!is223(ctx) && 'name' in b && b.name !== t.name) throw invalid('name', 'cannot be changed in API 22.2');
        const next = merge(t, b);
        checkTenant(ctx, b, next, t.id);
        ctx.store.c.tenants.set(t.id, next as Rec);
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/tenants/{id}/destroy',
      access: 'scoped',
      handler: (ctx) => {
        const id = ctx.param('id');
        // Documented: 400 "Invalid name supplied" for a malformed id, 404 "Tenant not found" (C1, §6.5).
        if (!isWellFormedId(id)) throw new HttpError(400, 'VALIDATE_FAILED', 'Invalid name supplied', { field: 'id' });
        if (!ctx.store.c.tenants.has(id)) throw new HttpError(404, 'NOT_FOUND', 'Tenant not found');
        visibleTenant(ctx, id);
        ctx.store.c.tenants.delete(id);
        // Cascade (§4 Op 42, I): the dealer link and trunk assignments go with the tenant.
        ctx.store.tenantDealer.delete(id);
        for (const m of ctx.store.assignments.values()) m.delete(id);
        ctx.store.changed();
        return noContent();
      },
    },
    {
      method: 'GET',
      template: '/tenants/{id}/dealers',
      access: 'scoped',
      handler: (ctx) => {
        const t = visibleTenant(ctx, ctx.param('id'));
        const d = ctx.store.c.dealers.get(ctx.store.tenantDealer.get(t.id) ?? '');
        // {items} without count (C1); the single owning dealer (§8 Q11 choice).
        return ok({ items: d ? [view(d, ['id', 'enabled', 'level', 'name', 'display_name'], true)] : [] });
      },
    },
    {
      method: 'POST',
      template: '/tenants/{id}/dealers/{dealer_id}',
      access: 'scoped',
      handler: (ctx) => {
        const t = visibleTenant(ctx, ctx.param('id'));
        // The early 22.0 doc also sent {dealer_id} in the body (C10): tolerated, the path wins.
        const d = ctx.store.c.dealers.get(ctx.param('dealer_id'));
        const scope = dealerScope(ctx);
        if (!d || (scope && !scope.has(d.id))) throw new HttpError(404, 'NOT_FOUND', 'dealer not found');
        if (d.enabled === false) throw invalid('dealer_id', 'the dealer is disabled');
        if (ctx.store.tenantDealer.get(t.id) !== d.id) assertDealerCapacity(ctx, d, t.id);
        ctx.store.tenantDealer.set(t.id, d.id); // re-designating replaces the previous owner
        ctx.store.changed();
        return ok();
      },
    },
    {
      method: 'POST',
      template: '/tenants/{id}/dealers/{dealer_id}/destroy',
      access: 'scoped',
      handler: (ctx) => {
        const t = visibleTenant(ctx, ctx.param('id'));
        if (ctx.store.tenantDealer.get(t.id) !== ctx.param('dealer_id'))
          throw new HttpError(404, 'NOT_FOUND', 'the tenant is not designated to this dealer');
        if (ctx.principal!.kind === 'dealer' && ctx.param('dealer_id') === ctx.principal!.account.id)
          throw new HttpError(403, 'FORBIDDEN', 'a dealer cannot release its own tenant');
        ctx.store.tenantDealer.delete(t.id);
        ctx.store.changed();
        return noContent();
      },
    },
  ];
}
