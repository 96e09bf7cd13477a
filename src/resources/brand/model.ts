// portsip_brand: state <-> API mapping (pure functions). There is no GET /brand [C1]: the state is
// what we last sent, and nothing here depends on a read.

import type { BrandUpdate } from '../../client/types';
import { UNKNOWN, type ObjectValue } from '../../provider/values';
import { emptyState, stateToBody, type ApiObject, type FieldRules } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { SINGLETON_RULES } from '../common/singleton';
import { BRAND_ID, brandDefaults, brandSchema } from './schema';

export { brandDefaults };

export const brandRules: FieldRules = {
  ...SINGLETON_RULES,
  theme: { kind: 'enum' },
};

/**
 * Read: the prior state as it is (every schema key, fixed id). With no prior (import) every
 * attribute is null: nothing is known until apply sends the configuration.
 */
export function toState(prior: ObjectValue | null): ObjectValue {
  const s = emptyState(brandSchema.block, prior ?? {});
  for (const [k, v] of Object.entries(s)) if (v === UNKNOWN) s[k] = null;
  s.id = BRAND_ID;
  return s;
}

/** The create POST body: every configured value, or null when nothing is configured. */
export function toCreateBody(planned: ObjectValue): BrandUpdate | null {
  const body = stateToBody(brandSchema.block, brandRules, planned);
  return Object.keys(body).length ? body : null;
}

/**
 * The update POST body: configured values that changed, or null. An attribute removed from config is
 * not sent (not managed any more); "" blanks a text.
 */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): BrandUpdate | null {
  const body: ApiObject = {};
  for (const name of Object.keys(brandSchema.block.attributes)) {
    if (name === 'id' || name === 'reset_on_destroy') continue;
    const v = planned[name];
    if (v === null || v === undefined || v === UNKNOWN) continue;
    if (semanticallyEqual(name, prior[name] ?? null, v)) continue;
    body[name] = v;
  }
  return Object.keys(body).length ? body : null;
}

export const { semanticallyEqual, keepPriorSpelling } = fieldModel(brandSchema.block, brandRules);
