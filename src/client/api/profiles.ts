// The signed-in account: /admin/user (system user, 22.3, C2; fields I; Ops 10-12) and /dealer
// (dealer, C1; Ops 45-47). Own-password changes are `unsafe`: repeating one after it succeeded
// fails (the old password no longer matches), so they are retried only when the request provably
// never reached the server. A username change to the same name is a no-op, so it is idempotent.

import type { HttpClient } from '../http';
import type {
  AdminProfile,
  AdminProfileUpdate,
  CurrentDealer,
  CurrentDealerStatus,
  CurrentDealerUpdate,
  OwnPasswordChange,
  UsernameChange,
} from '../types';

export class AdminProfileApi {
  constructor(private readonly http: HttpClient) {}

  get(): Promise<AdminProfile> {
    return this.http.request<AdminProfile>('GET', '/admin/user');
  }

  update(patch: AdminProfileUpdate): Promise<void> {
    return this.http.request<void>('POST', '/admin/user', { body: patch, retry: 'idempotent' });
  }

  /** Replaces 22.2's removed `POST /admin/username` (body `{name}`, C1). */
  changeUsername(name: string): Promise<void> {
    return this.http.request<void>('POST', '/admin/user/username', { body: { name }, retry: 'idempotent' });
  }

  /** Replaces 22.2's removed `POST /admin/password` (`{old_password, new_password}`, C1). */
  changePassword(oldPassword: string, newPassword: string): Promise<void> {
    return this.http.request<void>('POST', '/admin/user/password', {
      body: { old_password: oldPassword, new_password: newPassword },
      retry: 'unsafe',
    });
  }
}

export class DealerProfileApi {
  constructor(private readonly http: HttpClient) {}

  get(): Promise<CurrentDealer> {
    return this.http.request<CurrentDealer>('GET', '/dealer');
  }

  update(patch: CurrentDealerUpdate): Promise<void> {
    return this.http.request<void>('POST', '/dealer', { body: patch, retry: 'idempotent' });
  }

  /** `GET /dealer/status`: the dealer's quota counters. */
  status(): Promise<CurrentDealerStatus> {
    return this.http.request<CurrentDealerStatus>('GET', '/dealer/status');
  }

  changeUsername(name: string): Promise<void> {
    return this.http.request<void>('POST', '/dealer/username', { body: { name } satisfies UsernameChange, retry: 'idempotent' });
  }

  changePassword(oldPassword: string, newPassword: string): Promise<void> {
    return this.http.request<void>('POST', '/dealer/password', {
      body: { old_password: oldPassword, new_password: newPassword } satisfies OwnPasswordChange,
      retry: 'unsafe',
    });
  }
}
