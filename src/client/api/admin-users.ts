// System (admin) users: /admin/users (22.3; paths C2, every JSON name I: docs/portsip-api.md Ops 2-9).

import { ADMIN_USER_PASSWORD_KEY } from '../../common/api-223-names';
import type { CreateRecovery, HttpClient } from '../http';
import type { AdminUser, AdminUserCreate, AdminUserUpdate, Created } from '../types';
import { Collection, idsOf, odata, sameText, seg } from './common';

export class AdminUsersApi extends Collection<AdminUser> {
  constructor(http: HttpClient) {
    super(http, '/admin/users');
  }

  get(id: string): Promise<AdminUser> {
    return this.http.request<AdminUser>('GET', `/admin/users/${seg(id)}`);
  }

  /** Op 3: 201 {id} (I). Natural key `name`: an unanswered attempt is settled by look-up (http.ts "create"). */
  create(body: AdminUserCreate, recovery?: Partial<CreateRecovery>): Promise<Created> {
    return this.http.request<Created>('POST', '/admin/users', {
      body,
      retry: 'create',
      createRecovery: {
        findIds: async () => idsOf(await this.findAll(`name eq ${odata(body.name)}`, (u) => sameText(u.name, body.name))),
        ...recovery,
      },
    });
  }

  /** Op 5: profile fields and `enabled`; name, password and role have their own endpoints (C3). */
  update(id: string, patch: AdminUserUpdate): Promise<void> {
    return this.http.request<void>('POST', `/admin/users/${seg(id)}`, { body: patch, retry: 'idempotent' });
  }

  /** Op 6: body `{name}` (key I). Renaming to the same name again is harmless: idempotent. */
  changeUsername(id: string, name: string): Promise<void> {
    return this.http.request<void>('POST', `/admin/users/${seg(id)}/username`, { body: { name }, retry: 'idempotent' });
  }

  /** Op 7: admin reset without the old password; the body key is inferred (src/common/api-223-names.ts). */
  changePassword(id: string, newPassword: string): Promise<void> {
    return this.http.request<void>('POST', `/admin/users/${seg(id)}/password`, {
      body: { [ADMIN_USER_PASSWORD_KEY]: newPassword },
      retry: 'idempotent',
    });
  }

  /** Op 8: body `{role}` with the role name (I). */
  changeRole(id: string, role: string): Promise<void> {
    return this.http.request<void>('POST', `/admin/users/${seg(id)}/role`, { body: { role }, retry: 'idempotent' });
  }

  /** Op 9: 204. */
  delete(id: string): Promise<void> {
    return this.http.request<void>('POST', `/admin/users/${seg(id)}/destroy`, { retry: 'destroy' });
  }

  findByName(name: string): Promise<AdminUser | undefined> {
    return this.findOne(`name eq ${odata(name)}`, (u) => sameText(u.name, name));
  }
}
