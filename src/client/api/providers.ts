// Trunks ("providers" in PortSIP's API): the trunk itself (POST /providers create, GET/POST
// /providers/{id} read/update, POST /providers/{id}/destroy; docs/portsip-api.md "Trunks") and its
// tenant assignments /providers/{id}/assignees (Ops 48-51).

import type { CreateRecovery, HttpClient } from '../http';
import { toListResult } from '../paginate';
import type {
  Created,
  ListResult,
  ProviderAssign,
  ProviderAssignee,
  ProviderAssignment,
  ProviderSummary,
  Trunk,
  TrunkCreate,
  TrunkUpdate,
} from '../types';
import { Collection, idsOf, odata, sameText, seg } from './common';

export class ProvidersApi extends Collection<ProviderSummary> {
  constructor(http: HttpClient) {
    super(http, '/providers');
  }

  get(id: string): Promise<Trunk> {
    return this.http.request<Trunk>('GET', `/providers/${seg(id)}`);
  }

  /**
   * 201 {id} (C1). `password` is write-only (never returned). Natural key `name` (its uniqueness is
   * inferred): an unanswered attempt is settled by looking the name up (http.ts "create").
   */
  create(body: TrunkCreate, recovery?: Partial<CreateRecovery>): Promise<Created> {
    return this.http.request<Created>('POST', '/providers', {
      body,
      retry: 'create',
      createRecovery: {
        findIds: async () => idsOf(await this.findAll(`name eq ${odata(body.name)}`, (t) => sameText(t.name, body.name))),
        ...recovery,
      },
    });
  }

  /** Merge-patch of what changed; `brand` and `auth_mode` cannot change (absent from updateProvider, C1). */
  update(id: string, patch: TrunkUpdate): Promise<void> {
    return this.http.request<void>('POST', `/providers/${seg(id)}`, { body: patch, retry: 'idempotent' });
  }

  /** 204 (C1). */
  delete(id: string): Promise<void> {
    return this.http.request<void>('POST', `/providers/${seg(id)}/destroy`, { retry: 'destroy' });
  }

  /** Op 48: `{items}` with no count and no paging (C1). */
  async assignees(providerId: string): Promise<ListResult<ProviderAssignee>> {
    return toListResult<ProviderAssignee>(await this.http.request<unknown>('GET', `/providers/${seg(providerId)}/assignees`));
  }

  /** Op 49: the assignment, or null when the trunk is not assigned to the tenant (404, C1). */
  getAssignment(providerId: string, tenantId: string): Promise<ProviderAssignment | null> {
    return this.http.request<ProviderAssignment | null>('GET', `/providers/${seg(providerId)}/assignees/${seg(tenantId)}`, {
      notFoundAsNull: true,
    });
  }

  /** Op 50: 204; creates or updates the pair, so repeating is safe. */
  assign(providerId: string, tenantId: string, body: ProviderAssign): Promise<void> {
    return this.http.request<void>('POST', `/providers/${seg(providerId)}/assignees/${seg(tenantId)}`, { body, retry: 'idempotent' });
  }

  /** Op 51: 204. */
  unassign(providerId: string, tenantId: string): Promise<void> {
    return this.http.request<void>('POST', `/providers/${seg(providerId)}/assignees/${seg(tenantId)}/destroy`, { retry: 'destroy' });
  }
}
