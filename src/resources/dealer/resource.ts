// portsip_dealer: the kit's collection mode with /dealers calls.
// - `name` and `level` cannot be updated (Op 20 [C1]): the schema marks them `replace`.
// - The password goes in the create body; later changes go through POST /dealers/{id}/password
//   (Op 21), triggered by a changed `password_wo_version` (model.passwordChange).
//   `password_wo` is write-only: read from the apply-time config, never stored (docs/protocol.md "Write-only attributes").
// - Deleting or replacing a dealer that still has tenants fails at plan (removalChecks).

import { defineCollection } from '../kit/collection';
import { listedCollection } from '../common/read-cache';
import { requirePasswordOnCreate } from '../common/password';
import { accountName } from '../common/unique-keys';
import { keepPriorSpelling, passwordChange, toCreateBody, toState, toUpdatePatch } from './model';
import { dealerSchema } from './schema';
import { dealerDeleteAdvice, dealerTenantLinks } from './tenants';
import { validate } from './validate';

/** The 22.2 list answers full dealer objects [C1]; a summary item lacking these is read with a GET. */
const FULL_KEYS = ['id', 'name', 'level', 'enabled', 'max_tenants', 'max_extensions', 'tenant_full_access'] as const;

export const dealerResource = defineCollection({
  typeName: 'portsip_dealer',
  label: 'dealer',
  schema: dealerSchema,
  validate,
  keepPriorSpelling,
  importExample: 'acme-reseller',
  unique: accountName,
  createChecks: (config) => requirePasswordOnCreate('dealer', config),
  // A delete or replacement while the PBX still has tenants designated to the dealer fails at plan
  // (common/plan-ledger.ts), not half-way through the apply.
  removalChecks: (prior, kind, ctx, because) =>
    ctx.provider.ledger.dealerRemoval(prior, kind, () => dealerTenantLinks(ctx.provider.client), ctx.signal, because),
  area: (client) => client.dealers,
  reader: (client) => listedCollection('dealers', client.dealers, FULL_KEYS),
  toState: (live, prior, opts) => toState(live, prior, opts),
  toCreateBody: (planned, config) => toCreateBody(planned, config),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
  async afterUpdate(id, prior, planned, config, ctx) {
    const pw = passwordChange(prior, planned, config);
    if (pw !== null) await ctx.provider.client.dealers.resetPassword(id, pw);
  },
  explainDeleteFailure: (id, prior, e, ctx) => dealerDeleteAdvice(ctx.provider.client, id, String(prior.name ?? id), e),
});
