// Dealers: /dealers (docs/portsip-api.md Ops 18-22). C1 declares no list query parameters for
// GET /dealers; skip/top/filter are sent anyway and the emulator honours them (I).

import type { CreateRecovery, HttpClient } from '../http';
import type { Created, Dealer, RequestBody, DealerCreate, DealerSummary, DealerUpdate } from '../types';
import { Collection, idsOf, odata, sameText, seg } from './common';

export class DealersApi extends Collection<DealerSummary> {
  constructor(http: HttpClient) {
    super(http, '/dealers');
  }

  get(id: string): Promise<Dealer> {
    return this.http.request<Dealer>('GET', `/dealers/${seg(id)}`);
  }

  /** Op 18: 201 {id}. `password` is write-only. Natural key `name`: an unanswered attempt is settled by look-up (http.ts "create"). */
  create(body: DealerCreate, recovery?: Partial<CreateRecovery>): Promise<Created> {
    return this.http.request<Created>('POST', '/dealers', {
      body,
      retry: 'create',
      createRecovery: {
        findIds: async () => idsOf(await this.findAll(`name eq ${odata(body.name)}`, (d) => sameText(d.name, body.name))),
        ...recovery,
      },
    });
  }

  /** Op 20: `name` and `level` cannot change (C1). */
  update(id: string, patch: DealerUpdate): Promise<void> {
    return this.http.request<void>('POST', `/dealers/${seg(id)}`, { body: patch, retry: 'idempotent' });
  }

  /** Op 21: admin reset, body `{password}`. Repeating it sets the same password: idempotent. */
  resetPassword(id: string, password: string): Promise<void> {
    return this.http.request<void>('POST', `/dealers/${seg(id)}/password`, {
      body: { password } satisfies RequestBody<'resetDealerPassword'>,
      retry: 'idempotent',
    });
  }

  /** Op 22: 204. */
  delete(id: string): Promise<void> {
    return this.http.request<void>('POST', `/dealers/${seg(id)}/destroy`, { retry: 'destroy' });
  }

  /** Natural key: login name (case-sensitive; case rules are undocumented). */
  findByName(name: string): Promise<DealerSummary | undefined> {
    return this.findOne(`name eq ${odata(name)}`, (d) => sameText(d.name, name));
  }
}
