// Typed client for the PortSIP PBX v22.3 administration REST API. Knows HTTP and PortSIP paths,
// nothing about Terraform (docs/design.md "Layers"). See docs/client.md.

import { AdminUsersApi } from './api/admin-users';
import { DealersApi } from './api/dealers';
import { IpRulesApi } from './api/ip-rules';
import { AdminProfileApi, DealerProfileApi } from './api/profiles';
import { ProvidersApi } from './api/providers';
import { ServerConfigApi, normaliseApiPath } from './api/servers';
import { BrandApi, CertificateApi, InfoApi, LicenseApi, NetworkApi, NotificationApi, SettingsApi, StatusApi } from './api/system';
import { TenantsApi } from './api/tenants';
import { TransportsApi } from './api/transports';
import { HttpClient, type PortsipClientOptions } from './http';
import type { AuthUser, DataFlowConfig, DataFlowConfigUpdate, ImConfig, ImConfigUpdate, SbcConfig, SbcConfigUpdate } from './types';

export class PortsipClient {
  /** Low-level access: `client.http.request(method, path, opts)` for endpoints not wrapped here. */
  readonly http: HttpClient;

  readonly tenants: TenantsApi;
  readonly dealers: DealersApi;
  readonly transports: TransportsApi;
  readonly ipRules: IpRulesApi;
  readonly adminUsers: AdminUsersApi;
  readonly providers: ProvidersApi;

  readonly network: NetworkApi;
  readonly settings: SettingsApi;
  readonly notification: NotificationApi;
  readonly sbc: ServerConfigApi<SbcConfig, SbcConfigUpdate>;
  readonly im: ServerConfigApi<ImConfig, ImConfigUpdate>;
  /** Data Flow server (22.3). Path inferred (docs/portsip-api.md Op 52): set `dataflowPath` if it differs. */
  readonly dataflow: ServerConfigApi<DataFlowConfig, DataFlowConfigUpdate>;
  readonly certificate: CertificateApi;
  readonly brand: BrandApi;
  readonly adminProfile: AdminProfileApi;
  readonly dealerProfile: DealerProfileApi;
  readonly status: StatusApi;
  readonly license: LicenseApi;
  readonly info: InfoApi;

  constructor(options: PortsipClientOptions) {
    this.http = new HttpClient(options);
    this.tenants = new TenantsApi(this.http);
    this.dealers = new DealersApi(this.http);
    this.transports = new TransportsApi(this.http);
    this.ipRules = new IpRulesApi(this.http);
    this.adminUsers = new AdminUsersApi(this.http);
    this.providers = new ProvidersApi(this.http);
    this.network = new NetworkApi(this.http);
    this.settings = new SettingsApi(this.http);
    this.notification = new NotificationApi(this.http);
    this.sbc = new ServerConfigApi(this.http, '/sbc');
    this.im = new ServerConfigApi(this.http, '/im');
    this.dataflow = new ServerConfigApi(this.http, normaliseApiPath(options.dataflowPath ?? '/dataflow'));
    this.certificate = new CertificateApi(this.http);
    this.brand = new BrandApi(this.http);
    this.adminProfile = new AdminProfileApi(this.http);
    this.dealerProfile = new DealerProfileApi(this.http);
    this.status = new StatusApi(this.http);
    this.license = new LicenseApi(this.http);
    this.info = new InfoApi(this.http);
  }

  /** Signs in now (otherwise the first call does). Throws TwoFactorRequiredError for 2FA accounts. */
  signIn(opts: { notSentBudgetMs?: number } = {}): Promise<void> {
    return this.http.auth.signIn(opts);
  }

  /** Ends the session (`POST /auth/sign_out`, or `/login/oauth/revoke` with oauth). */
  signOut(): Promise<void> {
    return this.http.auth.signOut();
  }

  /** `GET /auth/user`: role and flags of the signed-in account (22.3 adds role_id/role_name, C2). */
  whoami(): Promise<AuthUser> {
    return this.http.request<AuthUser>('GET', '/auth/user');
  }

  /** Closes the connection pool (only when the client created it). */
  close(): Promise<void> {
    return this.http.close();
  }
}

export { HttpClient, clientOptionsFromEnv, normaliseEndpoint } from './http';
export type { PortsipClientOptions, RetryOptions, RequestOptions, RetryClass, HttpMethod, CreateRecovery } from './http';
export { OAUTH_CLIENT_ID, type AuthMethod } from './auth';
export * from './errors';
export { paginate, collectAll, MAX_PAGE_SIZE } from './paginate';
export { redact, stderrLogger, SECRET_KEY_PATTERN, REDACTED, type ClientLogger } from './log';
export type * from './types';
export { TenantsApi } from './api/tenants';
export { DealersApi } from './api/dealers';
export { TransportsApi } from './api/transports';
export { IpRulesApi } from './api/ip-rules';
export { AdminUsersApi } from './api/admin-users';
export { ProvidersApi } from './api/providers';
export { ServerConfigApi } from './api/servers';
export { AdminProfileApi, DealerProfileApi } from './api/profiles';
export { NetworkApi, SettingsApi, NotificationApi, CertificateApi, BrandApi, StatusApi, LicenseApi, InfoApi } from './api/system';
