// portsip_dealer: API <-> state mapping (pure functions). See schema.ts for the password design.

import type { Dealer, DealerCreate, DealerUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { stateToBody, statePatch, type FieldRules } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { dealerSchema } from './schema';
import { createPassword, passwordChange } from '../common/password';

/** GET /dealers/{id} (no password, no created_at [C1]). */

/** Documented defaults of the two required create fields (C1 createDealer `default`, seed Op 18). */
export const DEALER_CREATE_DEFAULTS = { max_tenants: 100, max_extensions: 50000 } as const;

export const dealerRules: FieldRules = {
  // Op 20 cannot change these; the schema forces replacement instead.
  name: { createOnly: true },
  level: { createOnly: true, kind: 'enum' },
  // The password is never returned by the API; sent through Op 18 (create) or Op 21 (reset), see passwordChange().
  password_wo_version: { fromPrior: true, notSent: true },
  email: { blankIsNull: true },
  display_name: { blankIsNull: true },
  website: { blankIsNull: true },
  phone: { blankIsNull: true },
  address: { blankIsNull: true },
  description: { blankIsNull: true },
};

/**
 * POST /dealers body. The password comes from `config.password_wo` (write-only values exist only in
 * config, docs/protocol.md "Write-only attributes"); the plan refuses a create without it (requirePasswordOnCreate).
 */
export function toCreateBody(planned: ObjectValue, config?: ObjectValue | null): DealerCreate {
  const body = stateToBody<DealerCreate>(dealerSchema.block, dealerRules, planned);
  // The OpenAPI marks max_tenants and max_extensions REQUIRED on create (C1 createDealer) and gives
  // their defaults: when the configuration leaves them unset, the documented defaults are sent, so the
  // dealer gets what the PBX would give it and configurations need not name them.
  body.max_tenants ??= DEALER_CREATE_DEFAULTS.max_tenants;
  body.max_extensions ??= DEALER_CREATE_DEFAULTS.max_extensions;
  const pw = createPassword(config);
  if (pw !== null) body.password = pw;
  return body;
}

/** POST /dealers/{id} body with only what changed (never name, level or password), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): DealerUpdate | null {
  return statePatch(dealerSchema.block, dealerRules, prior, planned);
}

/** The password to send through the account's password endpoint during an update (common/password.ts). */
export { passwordChange };

/** API object -> state. `password_wo_version` comes from prior; `password_wo` is always null. */
export const { toState, keepPriorSpelling } = fieldModel<Dealer>(dealerSchema.block, dealerRules);
