// portsip_dealer: the shared CRUD flow (common/crud.ts) with /dealers calls.
// - `name` and `level` cannot be updated (Op 20 [C1]): the model forces replacement.
// - The password goes in the create body; later changes go through POST /dealers/{id}/password
//   (Op 21), triggered by a changed `password_wo_version` (model.passwordChange).
//   `password_wo` is write-only: read from the apply-time config, never stored (docs/protocol.md "Write-only attributes").
// - Deleting or replacing a dealer that still has tenants fails at plan (removalChecks).

import type { PortsipClient } from '../../client';
import type { ResourceDefinition } from '../../provider/definition';
import type { PortsipContext } from '../common/context';
import { crudResource } from '../common/crud';
import { listedCollection } from '../common/read-cache';
import { requirePasswordOnCreate } from '../common/password';
import { keepPriorSpelling, passwordChange, requiresReplace, toCreateBody, toState, toUpdatePatch, type DealerApi } from './model';
import { dealerImportKey, dealerSchema } from './schema';
import { dealerDeleteAdvice, dealerTenantLinks } from './tenants';
import { validate } from './validate';

/** The 22.2 list answers full dealer objects [C1]; a summary item lacking these is read with a GET. */
const FULL_KEYS = ['id', 'name', 'level', 'enabled', 'max_tenants', 'max_extensions', 'tenant_full_access'] as const;

const reader = (client: PortsipClient) => listedCollection<DealerApi>('dealers', client.dealers, FULL_KEYS);

export const dealerResource: ResourceDefinition<PortsipContext> = crudResource({
  typeName: 'portsip_dealer',
  noun: 'dealer',
  schema: dealerSchema,
  validate,
  keepPriorSpelling,
  requiresReplace,
  createChecks: (config) => requirePasswordOnCreate('dealer', config),
  // A delete or replacement while the PBX still has tenants designated to the dealer fails at plan
  // (common/plan-ledger.ts), not half-way through the apply.
  removalChecks: (prior, kind, ctx, because) =>
    ctx.provider.ledger.dealerRemoval(prior, kind, () => dealerTenantLinks(ctx.provider.client), ctx.signal, because),
  reader,
  toState: (live, prior, opts) => toState(live, prior, opts),
  api: (client) => ({
    create: (body, recovery) => client.dealers.create(body as Parameters<PortsipClient['dealers']['create']>[0], recovery),
    update: (id, patch) => client.dealers.update(id, patch as Parameters<PortsipClient['dealers']['update']>[1]),
    delete: (id) => client.dealers.delete(id),
  }),
  toCreateBody: (planned, config) => toCreateBody(planned, config),
  updatePatch: (prior, planned) => toUpdatePatch(prior, planned),
  async afterUpdate(id, prior, planned, config, ctx) {
    const pw = passwordChange(prior, planned, config);
    if (pw !== null) await ctx.provider.client.dealers.resetPassword(id, pw);
  },
  explainDeleteFailure: (id, prior, e, ctx) => dealerDeleteAdvice(ctx.provider.client, id, String(prior.name ?? id), e),
  importKey: dealerImportKey,
});
