// What ConfigureProvider hands to every resource (ResourceContext.provider): the API client, the
// read coalescer of this provider process and the effective settings.

import type { PortsipClient } from '../../client';
import type { CreateJournal } from './create-journal';
import type { KeyIndex } from './natural-keys';
import type { PlanLedger } from './plan-ledger';
import type { ReadCoalescer, ReadStrategy } from './read-cache';

export type TenantDealerReads = 'managed' | 'all' | 'none';

export interface PortsipContext {
  /** Throws (with a diagnostic-ready message) when the provider block was not fully known at configure time. */
  readonly client: PortsipClient;
  readonly reads: ReadCoalescer;
  /** Natural keys of the live objects, listed once per type by the first create (natural-keys.ts). */
  readonly keys: KeyIndex;
  /** What this provider set out to create, in the working directory (create-journal.ts). */
  readonly journal: CreateJournal;
  /** What this process has seen of the plan: duplicate keys, tenants leaving a dealer (plan-ledger.ts). */
  readonly ledger: PlanLedger;
  readonly readStrategy: ReadStrategy;
  /** `tenant_dealer_reads`: when a tenant read also reads its dealer link (tenant/resource.ts needsDealerLink). */
  readonly tenantDealerReads: TenantDealerReads;
  /**
   * The password the provider signs in with: the current password of the signed-in account, which its
   * own password change (admin/dealer profile, Ops 12/47) must send as `old_password`.
   */
  readonly signInPassword: string | undefined;
  /** `api_version` from the provider block, else detected once per process from GET /admin/status ("22.3.0" -> "22.3"). */
  apiVersion(): Promise<string>;
}
