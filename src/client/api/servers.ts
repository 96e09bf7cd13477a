// Server singletons with a service token: /sbc (Op 16), /im (Op 17) and the Data Flow server
// (Op 52, path inferred and configurable; its token family is inferred by analogy with /im, I).
// Token regeneration is treated as idempotent: a repeat just yields a newer token, and the caller
// always gets the latest one.

import type { HttpClient } from '../http';
import type { ServiceToken } from '../types';

export class ServerConfigApi<TConfig, TUpdate> {
  constructor(
    private readonly http: HttpClient,
    /** e.g. `/sbc`, `/im`, `/dataflow`. */
    readonly path: string,
  ) {}

  get(): Promise<TConfig> {
    return this.http.request<TConfig>('GET', this.path);
  }

  /** Merge-patch of the singleton: 200, no body. */
  update(patch: TUpdate): Promise<void> {
    return this.http.request<void>('POST', this.path, { body: patch, retry: 'idempotent' });
  }

  getToken(): Promise<ServiceToken> {
    return this.http.request<ServiceToken>('GET', `${this.path}/token`);
  }

  regenerateToken(): Promise<ServiceToken> {
    return this.http.request<ServiceToken>('POST', `${this.path}/token`, { retry: 'idempotent' });
  }

  /** 204; a repeat after an ambiguous attempt that answers 404 is success. */
  destroyToken(): Promise<void> {
    return this.http.request<void>('POST', `${this.path}/token/destroy`, { retry: 'destroy' });
  }
}

/** Normalises a configured path: leading slash, no trailing slash, no `/api` prefix. */
export function normaliseApiPath(p: string): string {
  let s = p.trim().replace(/\/+$/, '');
  if (!s.startsWith('/')) s = `/${s}`;
  if (s.startsWith('/api/')) s = s.slice(4);
  if (s === '' || s === '/') throw new TypeError(`invalid API path: ${JSON.stringify(p)}`);
  return s;
}
