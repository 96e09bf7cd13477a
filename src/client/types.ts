// Hand-written type overlay: names for the generated 22.2 operation types (types.gen.ts, from
// PortSIP's own OpenAPI document, C1) plus the 22.3 additions that document lacks (admin users,
// the signed-in admin, Data Flow, new tenant fields). Every field marked `(I)` is inferred in
// docs/portsip-api.md (tag "I") and must be checked against a live 22.3 PBX before anyone relies on it.
//
// Response types are "open" (an index signature): PortSIP adds response fields in minor releases
// (docs/portsip-api.md §7, C2) and the client passes unknown keys through untouched instead of stripping
// them. Request types are closed so that a misspelt field is a compile error.

import type { operations } from './types.gen';

type Ops = operations;
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** JSON request body of a generated operation. */
export type RequestBody<K extends keyof Ops> = JsonOf<NonNullable<Ops[K]['requestBody']>>;
/** JSON response body of a generated operation for status S (default 200). */
export type ResponseBody<K extends keyof Ops, S extends PropertyKey = 200> = S extends keyof Ops[K]['responses']
  ? JsonOf<Ops[K]['responses'][S]>
  : never;
type ItemOf<T> = T extends { items?: (infer I)[] } ? I : never;
/** A response object that keeps keys this client does not know. */
export type Open<T> = T & { [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// Lists and paging (docs/portsip-api.md §2.6)

/** Standard list query parameters. `skip` is a 0-based offset; `top` is 1..100 (default 100). */
export interface ListQuery {
  filter?: string;
  search?: string;
  orderby?: string;
  skip?: number;
  top?: number;
}

/** `{count, items}` envelope; sub-collections omit `count` (§2.6). `items` is always an array. */
export interface ListResult<T> {
  count?: number;
  items: T[];
}

/** `{id}` answer of every create (201, or 200 for IP rules). */
export interface Created {
  id: string;
}

// ---------------------------------------------------------------------------------------------
// Auth (§3)

export type SignInRequest = RequestBody<'signInWithCredentials'>;
export interface TokenPair {
  token_type?: string;
  access_token: string;
  refresh_token?: string;
  /** Seconds. */
  expires_in?: number;
  [key: string]: unknown;
}
/** `GET /auth/user`. 22.3 added `domain`, `role_id`, `role_name`, `capabilities` (C2; types I). */
export type AuthUser = Open<
  ResponseBody<'getUserAuthInfo'> & {
    /** (I) type */ domain?: string;
    /** (I) type */ role_id?: string;
    /** (I) type */ role_name?: string;
    /** (I) type */ capabilities?: unknown;
  }
>;

// ---------------------------------------------------------------------------------------------
// Generated 22.2 operations (C1)

export type Info = Open<ResponseBody<'retrieveMetadata'>>;
export type Network = Open<ResponseBody<'retrieveNetworkConfigurations'>>;
export type NetworkUpdate = RequestBody<'updateNetworkConfigurations'>;
export type SystemStatus = Open<ResponseBody<'retrieveCurrentSystemStatus'>>;
export type SystemSettings = Open<ResponseBody<'listOptions'>>;
export type SystemSettingsUpdate = RequestBody<'updateOptions'>;
export type NotificationSettings = Open<ResponseBody<'getSystemNotificationSettings'>>;
/** `type` and `username` are required even on update (C1, docs/portsip-api.md Op 14). */
export type NotificationSettingsUpdate = RequestBody<'updateSystemNotificationSettings'>;
export type TestEmail = RequestBody<'sendGlobalNotificationTestEmail'>;
export type SbcConfig = Open<ResponseBody<'getSBCConfiguration'>>;
export type SbcConfigUpdate = RequestBody<'updateSBCConfiguration'>;
export type ServiceToken = Open<ResponseBody<'getSBCToken'>>;
export type ImConfig = Open<ResponseBody<'getIMServerConfiguration'>>;
export type ImConfigUpdate = RequestBody<'updateIMServerConfiguration'>;

export type DealerSummary = Open<ItemOf<ResponseBody<'listDealers'>>>;
export type Dealer = Open<ResponseBody<'retrieveDealer'>>;
export type DealerCreate = RequestBody<'createDealer'>;
export type DealerUpdate = RequestBody<'updateDealer'>;

export type IpRule = Open<ResponseBody<'showIpRule'>>;
export type IpRuleSummary = Open<ItemOf<ResponseBody<'listIpRules'>>>;
export type IpRuleCreate = RequestBody<'createIpRule'>;
export type IpRuleUpdate = RequestBody<'updateIpRule'>;

export type Transport = Open<ResponseBody<'showTransport'>>;
export type TransportSummary = Open<ItemOf<ResponseBody<'listTransports'>>>;
export type TransportCreate = RequestBody<'createTransport'>;
export type TransportUpdate = RequestBody<'updateTransport'>;
export type TransportStatus = Open<ResponseBody<'getTransportStatus'>>;

/** 22.3 tenant fields (names C2; shapes and the password_policy reuse are I, docs/portsip-api.md Op 35). */
export interface Tenant22_3Fields {
  allow_password_retrieval?: boolean;
  contact_inbound_rule_append_type?: 'DISABLE' | 'APPEND' | 'PREPEND';
  /** (I) JSON name inferred, src/common/api-223-names.ts TENANT_AI_TRANSCRIPTION_FLAG. */
  enable_feature_ai_transcription?: boolean;
  /** (I) JSON name inferred, src/common/api-223-names.ts TENANT_CRM_INTEGRATIONS_FLAG. */
  enable_feature_crm_integrations?: boolean;
  /** (I) shape unknown; likely `{enabled, max_users}`. */
  limit_app_logins?: Record<string, unknown>;
  /** (I) shape unknown: AI transcription switch plus a daily quota. */
  ai_engine?: Record<string, unknown>;
  /** (I) assumed to be the C1 `/tenant/password_policy` object. */
  password_policy?: {
    min_length?: number;
    max_length?: number;
    contains_letters?: boolean;
    contains_numbers?: boolean;
    contains_special_letters?: boolean;
    disable_sequential_characters?: boolean;
    disable_repeating_characters?: boolean;
    disable_account_information?: boolean;
    [key: string]: unknown;
  };
}
export type TenantSummary = Open<
  ItemOf<ResponseBody<'listTenants'>> &
    Tenant22_3Fields & {
      /** 22.3 (C2); integer type is I. */
      current_extensions?: number;
    }
>;
export type Tenant = Open<ResponseBody<'showTenant'> & Tenant22_3Fields>;
export type TenantCreate = RequestBody<'createTenant'> & Tenant22_3Fields;
export type TenantUpdate = RequestBody<'updateTenant'> &
  Tenant22_3Fields & {
    /** Updatable from 22.3 per the seed (C3); absent from the 22.2 update schema (C1). */
    name?: string;
  };
export type TenantDealer = Open<ItemOf<ResponseBody<'retrieveTenantDealer'>>>;

export type Certificate = Open<ResponseBody<'showKey'>>;
export type CertificateUpdate = RequestBody<'updateKey'>;
export type BrandUpdate = RequestBody<'updateBrandInformation'>;
export type License = Open<ResponseBody<'showLicense'>>;

export type CurrentDealer = Open<ResponseBody<'retrieveCurrentDealer'>>;
export type CurrentDealerUpdate = RequestBody<'updateCurrentDealer'>;
export type CurrentDealerStatus = Open<ResponseBody<'retrieveCurrentDealerStatus'>>;
export type UsernameChange = RequestBody<'changeCurrentDealerUsername'>;
export type OwnPasswordChange = RequestBody<'resetCurrentDealerPassword'>;

export type ProviderSummary = Open<ItemOf<ResponseBody<'listProviders'>>>;
/** A trunk ("provider") as GET /providers/{id} answers it: no password (C1). */
export type Trunk = Open<ResponseBody<'getProvider'>>;
/** POST /providers. `brand` and `auth_mode` are set here only: the update schema lacks them (C1). */
export type TrunkCreate = RequestBody<'createProvider'>;
export type TrunkUpdate = RequestBody<'updateProvider'>;
export type ProviderAssignee = Open<ItemOf<ResponseBody<'listProviderAssignees'>>>;
export type ProviderAssignment = Open<ResponseBody<'checkProviderAssignee'>>;
export type ProviderAssign = RequestBody<'assignProvider'>;

// ---------------------------------------------------------------------------------------------
// 22.3 additions absent from the 22.2 document. Paths are C2; every JSON name below is (I),
// borrowed from the extension-user schema whose descriptions the seed reuses (docs/portsip-api.md Op 3).

/** System (admin) user as returned by `GET /admin/users[/{id}]` (I). Password is never returned. */
export type AdminUser = Open<{
  id?: string;
  /** (I) username key `name` (§2.9). */
  name?: string;
  email?: string;
  display_name?: string;
  enabled?: boolean;
  /** (I) role name, e.g. SystemAdmin, OperationsAdmin, SiteAdmin. */
  role?: string;
  /** (I) */ role_id?: string;
  /** (I) */ role_name?: string;
  mobile_phone?: string;
  work_phone?: string;
  home_phone?: string;
  address?: string;
  department?: string;
  website?: string;
  created_at?: string;
}>;

/** Writable profile fields shared by create/update/self-update (I). */
export interface AdminUserProfileFields {
  email?: string;
  display_name?: string;
  mobile_phone?: string;
  work_phone?: string;
  home_phone?: string;
  address?: string;
  department?: string;
  website?: string;
}
/** `POST /admin/users` (I). 22.6 makes `email` and `display_name` required (C2). */
export interface AdminUserCreate extends AdminUserProfileFields {
  name: string;
  /** Write-only. */
  password: string;
  role: string;
  enabled?: boolean;
}
/** `POST /admin/users/{id}`: name, password and role have their own endpoints (C3). */
export interface AdminUserUpdate extends AdminUserProfileFields {
  enabled?: boolean;
}
/** `GET /admin/user`: the signed-in system user, same shape as AdminUser (I). */
export type AdminProfile = AdminUser;
/** `POST /admin/user`: no `enabled`, no `role` (C3). */
export type AdminProfileUpdate = AdminUserProfileFields;

/** Data Flow server configuration: the `/im` pattern of four host fields (docs/portsip-api.md Op 52, I). */
export type DataFlowConfig = Open<{
  private_ipv4?: string;
  private_ipv6?: string;
  public_ipv4?: string;
  public_ipv6?: string;
}>;
export interface DataFlowConfigUpdate {
  private_ipv4?: string;
  private_ipv6?: string;
  public_ipv4?: string;
  public_ipv6?: string;
}
