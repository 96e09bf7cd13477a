// portsip_tenant: API <-> state mapping (pure functions). Planned-state rules and block semantics are
// in src/resources/common/mapping.ts; the per-attribute rules below say how values compare.

import type { Tenant, TenantCreate, TenantUpdate } from '../../client/types';
import { BigNum, UNKNOWN, type ObjectValue } from '../../provider/values';
import { apiToState, asBody, stateToBody, statePatch, type ApiObject, type FieldRules, type ToStateOptions } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { tenantSchema } from './schema';

function webhookRules(prefix: string): FieldRules {
  return {
    [`${prefix}.auth`]: { kind: 'enum' },
    [`${prefix}.username`]: { blankIsNull: true },
    // The secrets are write-only (never read into state); the version only triggers re-sending them.
    [`${prefix}.credentials_wo_version`]: { fromPrior: true, notSent: true },
    [`${prefix}.url`]: { blankIsNull: true },
  };
}

export const tenantRules: FieldRules = {
  domain: { kind: 'domain' },
  website: { blankIsNull: true },
  timezone: { kind: 'timezone' },
  currency: { kind: 'code' },
  region: { kind: 'code' },
  custom_options: { kind: 'json', blankIsNull: true },
  disk_quota: { kind: 'size' },
  im_disk_quota: { kind: 'size' },
  extension_im_disk_quota: { kind: 'size' },
  contact_match_type: { kind: 'enum' },
  contact_append_type: { kind: 'enum' },
  contact_inbound_rule_append_type: { kind: 'enum' },
  email_recipients: { kind: 'email_list', blankIsNull: true },
  // Not part of the tenant object: read from GET /tenants/{id}/dealers and written through the
  // designate/remove endpoints (Ops 39-41), see dealerChange().
  dealer_id: { notSent: true },
  created_at: { kind: 'rfc3339' },
  'e164.international_code': { blankIsNull: true },
  'e164.country': { blankIsNull: true },
  'e164.area_code': { blankIsNull: true },
  'e164.national_code': { blankIsNull: true },
  'e164.prefix': { blankIsNull: true },
  ...webhookRules('cdr_event'),
  ...webhookRules('extension_event'),
};

export interface TenantToStateOptions extends ToStateOptions {
  /**
   * The tenant's dealer from GET /tenants/{id}/dealers: an id, null for none, undefined when not
   * looked up (then the prior value is kept). With several entries (a dealer chain, docs/portsip-api.md §8 q11)
   * pass the direct owner.
   */
  dealerId?: string | null;
}

/**
 * API detail object -> state. Prior spelling is kept where semantically equal; blocks absent from the
 * prior state stay null unless importing (see schema.ts header).
 */
export function toState(api: Tenant | ApiObject, prior: ObjectValue | null, opts: TenantToStateOptions = {}): ObjectValue {
  const state = apiToState(tenantSchema.block, tenantRules, api, prior, opts);
  state.dealer_id = opts.dealerId !== undefined ? opts.dealerId : prior && prior.dealer_id !== UNKNOWN ? (prior.dealer_id ?? null) : null;
  return state;
}

export const WEBHOOKS = ['cdr_event', 'extension_event'] as const;

/**
 * The write-only webhook secrets of `config` (the only place they exist, docs/protocol.md "Write-only attributes") put into
 * the webhook objects of `body` that are sent; with `force`, a webhook whose `credentials_wo_version`
 * changed is added to the body (on top of `live`, so its other fields stay as they are).
 */
function withWebhookSecrets(
  body: ApiObject | null,
  config: ObjectValue | null | undefined,
  force?: { prior: ObjectValue; planned: ObjectValue; live?: ApiObject | null },
): ApiObject | null {
  if (!config) return body;
  let out = body;
  for (const hook of WEBHOOKS) {
    const raw = config[hook];
    if (raw === null || raw === undefined || raw === UNKNOWN || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof BigNum)
      continue;
    const c: ObjectValue = raw;
    const secrets: ApiObject = {};
    if (typeof c.password_wo === 'string') secrets.password = c.password_wo;
    if (typeof c.token_wo === 'string') secrets.token = c.token_wo;
    if (Object.keys(secrets).length === 0) continue;
    const sent = out?.[hook];
    if (sent && typeof sent === 'object') {
      out = { ...out, [hook]: { ...(sent as ApiObject), ...secrets } };
      continue;
    }
    if (!force) continue;
    if (!secretsDue(hook, force.prior, force.planned)) continue;
    const liveHook = force.live?.[hook];
    out = { ...(out ?? {}), [hook]: { ...(liveHook && typeof liveHook === 'object' ? liveHook : {}), ...secrets } };
  }
  return out;
}

/** POST /tenants body from the planned state (nulls and unknowns omitted so server defaults apply), with the webhook secrets from config. */
export function toCreateBody(planned: ObjectValue, config?: ObjectValue | null): TenantCreate {
  // A create body is never null: withWebhookSecrets only adds to a body it is given.
  return asBody<TenantCreate>(withWebhookSecrets(stateToBody<ApiObject>(tenantSchema.block, tenantRules, planned), config) ?? {});
}

/** Whether the update must send a webhook whose secrets are due again (`credentials_wo_version` changed). */
export function webhookSecretsDue(prior: ObjectValue, planned: ObjectValue): boolean {
  return WEBHOOKS.some((hook) => secretsDue(hook, prior, planned));
}

/** Whether `hook`'s `credentials_wo_version` changed (known planned value only). */
function secretsDue(hook: (typeof WEBHOOKS)[number], prior: ObjectValue, planned: ObjectValue): boolean {
  const before = (prior[hook] as ObjectValue | null)?.credentials_wo_version ?? null;
  const after = (planned[hook] as ObjectValue | null)?.credentials_wo_version ?? null;
  return after !== UNKNOWN && !semanticallyEqual(`${hook}.credentials_wo_version`, before, after);
}

/**
 * POST /tenants/{id} body with only what changed, or null. `live` (the current GET object), when
 * given, is the base for changed nested objects, so unmanaged office-hours days are sent back unchanged.
 */
export function toUpdatePatch(
  prior: ObjectValue,
  planned: ObjectValue,
  live?: Tenant | ApiObject | null,
  config?: ObjectValue | null,
): TenantUpdate | null {
  const l = live ?? null;
  const patch = statePatch(tenantSchema.block, tenantRules, prior, planned, l);
  return withWebhookSecrets(patch, config, { prior, planned, live: l });
}

/** The dealer ids in a GET /tenants/{id}/dealers answer (Op 39), in the order the PBX lists them. */
export function dealerIdsOf(list: { items: ReadonlyArray<{ id?: unknown }> }): string[] {
  return list.items.map((d) => d.id).filter((x): x is string => typeof x === 'string');
}

/** Dealer designation calls needed (Ops 40-41): remove from the old dealer, then designate to the new. */
export interface DealerChange {
  remove?: string;
  designate?: string;
}

export function dealerChange(prior: ObjectValue | null, planned: ObjectValue): DealerChange | null {
  const before = prior && typeof prior.dealer_id === 'string' ? prior.dealer_id : null;
  const after = planned.dealer_id;
  if (after === UNKNOWN) return null; // resolved at apply; resource code calls again with the known value
  const next = typeof after === 'string' ? after : null;
  if (before === next) return null;
  const change: DealerChange = {};
  // Re-designating may replace the owner by itself (docs/portsip-api.md Op 40 [I]); removing first is safe either way.
  if (before) change.remove = before;
  if (next) change.designate = next;
  return change;
}

/** Whether a and b mean the same for `attr` (a name or dotted path such as "office_hours.monday"). */
/** The planner's helper: planned values semantically equal to prior take the prior spelling. */
export const { semanticallyEqual, keepPriorSpelling } = fieldModel<Tenant>(tenantSchema.block, tenantRules);
