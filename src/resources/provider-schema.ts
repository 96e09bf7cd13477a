// The provider block's schema (docs/design.md "Resource behaviour"): its attributes, their
// allowed values and defaults, and the environment variable of each. Plain data only: the checks
// are in provider-validate.ts, the reading of settings in provider-settings.ts.

import type { Schema } from '../provider/schema';

export const READ_STRATEGIES = ['batch', 'per_resource'] as const;
export const API_VERSIONS = ['22.2', '22.3'] as const;
export const TENANT_DEALER_READS = ['managed', 'all', 'none'] as const;
/** The client's own default is 3 retries; Terraform runs are long and a failed apply is costly, so more. */
export const DEFAULT_MAX_RETRIES = 8;
/** Total time one API operation may spend on retries (`retry_budget`). */
export const DEFAULT_RETRY_BUDGET = '2m';
/** Where the Data Flow server settings are (docs/portsip-api.md Op 52: the path is inferred, hence the setting). */
export const DEFAULT_DATA_FLOW_PATH = '/dataflow';

export const providerSchema: Schema = {
  version: 0,
  block: {
    description: 'Manages a PortSIP PBX v22 through its admin REST API.',
    attributes: {
      endpoint: {
        type: 'string',
        optional: true,
        description:
          'Base URL of the PortSIP API, e.g. `https://pbx.example.com:8887` (`/api` is appended when missing). Env: `PORTSIP_ENDPOINT`.',
      },
      username: { type: 'string', optional: true, description: 'Admin user name. Env: `PORTSIP_USERNAME`.' },
      password: { type: 'string', optional: true, sensitive: true, description: 'Admin password. Env: `PORTSIP_PASSWORD`.' },
      ca_cert_pem: {
        type: 'string',
        optional: true,
        description:
          'PEM of a CA certificate to trust for the API endpoint, e.g. the certificate of a PBX with a self-signed one. Conflicts with `ca_cert_file`. Env: `PORTSIP_CA_CERT_PEM`.',
      },
      insecure_skip_verify: {
        type: 'bool',
        optional: true,
        description:
          'Skip TLS certificate verification of the endpoint: anyone in between can then read the admin password. Never the default, and a warning when set; prefer `ca_cert_pem` or `ca_cert_file`. Env: `PORTSIP_INSECURE_SKIP_VERIFY` (`true`/`false`).',
      },
      ca_cert_file: {
        type: 'string',
        optional: true,
        description:
          'Path of a PEM file holding the CA certificate to trust for the API endpoint (read when the provider starts), instead of `ca_cert_pem`. Env: `PORTSIP_CA_CERT_FILE`.',
      },
      request_timeout: {
        type: 'string',
        optional: true,
        description:
          'Timeout per API request attempt as a duration, e.g. `30s`, `1m30s`, `500ms`, from 100ms to 1h. Default `30s`. Env: `PORTSIP_REQUEST_TIMEOUT`.',
      },
      max_concurrency: {
        type: 'number',
        optional: true,
        description: 'Maximum concurrent API requests, 1-100. Default 10. Env: `PORTSIP_MAX_CONCURRENCY`.',
      },
      max_requests_per_minute: {
        type: 'number',
        optional: true,
        description:
          "Client-side rate limit over a sliding minute, 1-1000000. Default 10000 (PortSIP's own default limit). Env: `PORTSIP_MAX_REQUESTS_PER_MINUTE`.",
      },
      max_retries: {
        type: 'number',
        optional: true,
        description:
          'Retries per API request after the first attempt, 0-20, on 429 (honouring `Retry-After`, with jitter), 500 and 502-504, resets and timeouts, for reads, sign-in, updates and deletes; `retry_budget` bounds the total time. Creates are never blindly repeated: an unanswered create is settled by looking its natural key up (docs/client.md). Default 8: a failed apply costs more than a slow one. Env: `PORTSIP_MAX_RETRIES`.',
      },
      retry_budget: {
        type: 'string',
        optional: true,
        description:
          'Total time one API operation may spend retrying, as a duration (`2m`, `90s`), from 1s to 1h. No wait starts that would end after it, and the last attempt gets only what is left. Default `2m`. Env: `PORTSIP_RETRY_BUDGET`.',
      },
      read_strategy: {
        type: 'string',
        optional: true,
        description:
          '`batch` (default): the first read of a resource type lists it (pages of 100) and serves the other reads of that type from the list for the rest of the Terraform command. `per_resource`: one GET per resource. Tenants are always read one by one (their list holds summaries only). Env: `PORTSIP_READ_STRATEGY`.',
      },
      tenant_dealer_reads: {
        type: 'string',
        optional: true,
        description:
          "When a tenant's dealer link (`GET /tenants/{id}/dealers`, one request per tenant; the API has no bulk form) is read. `managed` (default): on refresh only for tenants whose state has a `dealer_id`, so a tenant whose configuration leaves `dealer_id` unset is not checked for an out-of-band designation. `all`: on every refresh, so such a designation shows as drift. `none`: never on refresh (plans trust the state for `dealer_id`; one request per tenant), only on import and around writes; pair it with a nightly `all` drift check. Env: `PORTSIP_TENANT_DEALER_READS`.",
      },
      api_version: {
        type: 'string',
        optional: true,
        description:
          'PortSIP API version, `22.2` or `22.3`; detected from `/admin/status` when unset (only when a decision needs it). Env: `PORTSIP_API_VERSION`.',
      },
      data_flow_path: {
        type: 'string',
        optional: true,
        description: `API path of the Data Flow server settings (\`portsip_data_flow_server\`), relative to \`/api\`. PortSIP documents the Data Flow API without its path, so the default is inferred: set this when your PBX answers elsewhere. Default \`${DEFAULT_DATA_FLOW_PATH}\`. Env: \`PORTSIP_DATA_FLOW_PATH\`.`,
      },
    },
  },
};

/** The environment variable of every provider setting: unset (null) attributes take its value. */
export const PROVIDER_ENV: Readonly<Record<string, string>> = {
  endpoint: 'PORTSIP_ENDPOINT',
  username: 'PORTSIP_USERNAME',
  password: 'PORTSIP_PASSWORD',
  ca_cert_pem: 'PORTSIP_CA_CERT_PEM',
  ca_cert_file: 'PORTSIP_CA_CERT_FILE',
  insecure_skip_verify: 'PORTSIP_INSECURE_SKIP_VERIFY',
  request_timeout: 'PORTSIP_REQUEST_TIMEOUT',
  max_concurrency: 'PORTSIP_MAX_CONCURRENCY',
  max_requests_per_minute: 'PORTSIP_MAX_REQUESTS_PER_MINUTE',
  max_retries: 'PORTSIP_MAX_RETRIES',
  retry_budget: 'PORTSIP_RETRY_BUDGET',
  read_strategy: 'PORTSIP_READ_STRATEGY',
  tenant_dealer_reads: 'PORTSIP_TENANT_DEALER_READS',
  api_version: 'PORTSIP_API_VERSION',
  data_flow_path: 'PORTSIP_DATA_FLOW_PATH',
};
