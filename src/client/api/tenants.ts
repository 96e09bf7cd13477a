// Tenants: /tenants (docs/portsip-api.md Ops 34-42). Lists are summaries; details need get(id) (§2.6).

import type { CreateRecovery, HttpClient } from '../http';
import { toListResult } from '../paginate';
import type { Created, ListResult, Tenant, TenantCreate, TenantDealer, TenantSummary, TenantUpdate } from '../types';
import { Collection, idsOf, odata, sameTextCI, seg } from './common';

export class TenantsApi extends Collection<TenantSummary> {
  constructor(http: HttpClient) {
    super(http, '/tenants');
  }

  /** Detailed form (Op 36), including 22.3 fields and webhook secrets (which C1 returns). */
  get(id: string): Promise<Tenant> {
    return this.http.request<Tenant>('GET', `/tenants/${seg(id)}`);
  }

  /** Op 35: 201 {id}. Natural key `domain`: an unanswered attempt is settled by look-up (http.ts "create"). */
  create(body: TenantCreate, recovery?: Partial<CreateRecovery>): Promise<Created> {
    return this.http.request<Created>('POST', '/tenants', {
      body,
      retry: 'create',
      createRecovery: {
        findIds: async () => idsOf(await this.findAll(`domain eq ${odata(body.domain)}`, (t) => sameTextCI(t.domain, body.domain))),
        ...recovery,
      },
    });
  }

  /** Op 37: merge-patch; send only the fields to change (§2.2). */
  update(id: string, patch: TenantUpdate): Promise<void> {
    return this.http.request<void>('POST', `/tenants/${seg(id)}`, { body: patch, retry: 'idempotent' });
  }

  /** Op 42: 204; 404 "Tenant not found" (400 "Invalid name supplied" is not treated as gone). */
  delete(id: string): Promise<void> {
    return this.http.request<void>('POST', `/tenants/${seg(id)}/destroy`, { retry: 'destroy' });
  }

  /** Op 38: the id travels in the query string, not the path (C1). No new token since 22.0 (C7). */
  switch(id: string): Promise<void> {
    return this.http.request<void>('POST', '/tenants/switch', { query: { id }, retry: 'idempotent' });
  }

  /** Op 39: `{items}` without count; an early 22.0 variant answered one object (C10): both accepted. */
  async getDealers(id: string): Promise<ListResult<TenantDealer>> {
    const body = await this.http.request<unknown>('GET', `/tenants/${seg(id)}/dealers`);
    if (body !== null && typeof body === 'object' && !Array.isArray(body) && !('items' in body) && 'id' in body)
      return { items: [body as TenantDealer] };
    return toListResult<TenantDealer>(body);
  }

  /** Op 40: no body (C1); re-designating replaces the owner (I). */
  designateDealer(id: string, dealerId: string): Promise<void> {
    return this.http.request<void>('POST', `/tenants/${seg(id)}/dealers/${seg(dealerId)}`, { retry: 'idempotent' });
  }

  /** Op 41: 204. */
  removeDealer(id: string, dealerId: string): Promise<void> {
    return this.http.request<void>('POST', `/tenants/${seg(id)}/dealers/${seg(dealerId)}/destroy`, { retry: 'destroy' });
  }

  /** Natural key: SIP domain, compared case-insensitively (domains are). */
  findByDomain(domain: string): Promise<TenantSummary | undefined> {
    return this.findOne(`domain eq ${odata(domain)}`, (t) => sameTextCI(t.domain, domain));
  }
}
