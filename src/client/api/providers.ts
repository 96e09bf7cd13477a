// Trunks ("providers") as far as this area needs them: the trunk list (to find ids) and the
// tenant assignments /providers/{id}/assignees (docs/portsip-api.md Ops 48-51).

import type { HttpClient } from '../http';
import { toListResult } from '../paginate';
import type { ListResult, ProviderAssign, ProviderAssignee, ProviderAssignment, ProviderSummary } from '../types';
import { Collection, seg } from './common';

export class ProvidersApi extends Collection<ProviderSummary> {
  constructor(http: HttpClient) {
    super(http, '/providers');
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
