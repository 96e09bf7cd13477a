// System singletons: network (Op 1), PBX settings (Op 13), notification (Ops 14-15), certificate
// (Op 43), brand (Op 44), plus the read-only status, license and public info endpoints (docs/portsip-api.md §5, §3.6).

import type { HttpClient } from '../http';
import type {
  BrandUpdate,
  Certificate,
  CertificateUpdate,
  Info,
  License,
  Network,
  NetworkUpdate,
  NotificationSettings,
  NotificationSettingsUpdate,
  RequestBody,
  SystemSettings,
  SystemSettingsUpdate,
  SystemStatus,
  TestEmail,
} from '../types';

export class NetworkApi {
  constructor(private readonly http: HttpClient) {}
  get(): Promise<Network> {
    return this.http.request<Network>('GET', '/network');
  }
  update(patch: NetworkUpdate): Promise<void> {
    return this.http.request<void>('POST', '/network', { body: patch, retry: 'idempotent' });
  }
}

export class SettingsApi {
  constructor(private readonly http: HttpClient) {}
  /** Note: `stir_shaken_key` (a private key) is returned by GET (C1). */
  get(): Promise<SystemSettings> {
    return this.http.request<SystemSettings>('GET', '/admin/settings');
  }
  update(patch: SystemSettingsUpdate): Promise<void> {
    return this.http.request<void>('POST', '/admin/settings', { body: patch, retry: 'idempotent' });
  }
}

export class NotificationApi {
  constructor(private readonly http: HttpClient) {}
  /** `password` is write-only: GET never returns it (C1). */
  get(): Promise<NotificationSettings> {
    return this.http.request<NotificationSettings>('GET', '/admin/notification');
  }
  /** `type` and `username` are required even for a partial update (C1). */
  update(patch: NotificationSettingsUpdate): Promise<void> {
    return this.http.request<void>('POST', '/admin/notification', { body: patch, retry: 'idempotent' });
  }
  /** Sends a real email: not repeated unless the request provably never left. */
  testEmail(mail: TestEmail): Promise<void> {
    return this.http.request<void>('POST', '/admin/notification/test_email', { body: mail, retry: 'unsafe' });
  }
}

export class CertificateApi {
  constructor(private readonly http: HttpClient) {}
  /** `{crt, key}`, including the private key (C1). */
  get(): Promise<Certificate> {
    return this.http.request<Certificate>('GET', '/key');
  }
  /** 204 (C1). */
  update(body: CertificateUpdate): Promise<void> {
    return this.http.request<void>('POST', '/key', { body, retry: 'idempotent' });
  }
}

export class BrandApi {
  constructor(private readonly http: HttpClient) {}
  /** There is no GET /brand in C1: branding is write-only (no drift detection possible). */
  update(body: BrandUpdate): Promise<void> {
    return this.http.request<void>('POST', '/brand', { body, retry: 'idempotent' });
  }
}

export class StatusApi {
  constructor(private readonly http: HttpClient) {}
  /** `GET /admin/status`: version, license and live counters (§5.1). */
  get(): Promise<SystemStatus> {
    return this.http.request<SystemStatus>('GET', '/admin/status');
  }
}

export class LicenseApi {
  constructor(private readonly http: HttpClient) {}
  get(): Promise<License> {
    return this.http.request<License>('GET', '/license');
  }
  update(licenseKey: string): Promise<void> {
    return this.http.request<void>('POST', '/license', {
      body: { license_key: licenseKey } satisfies RequestBody<'updateLicense'>,
      retry: 'idempotent',
    });
  }
}

export class InfoApi {
  constructor(private readonly http: HttpClient) {}
  /** `GET /info[?domain=]`: public metadata, no auth (§3.6). */
  get(domain?: string): Promise<Info> {
    return this.http.request<Info>('GET', '/info', { auth: false, query: { domain } });
  }
}
