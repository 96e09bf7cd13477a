// The PortSIP provider definition served by src/provider/main.ts: the provider block (docs/design.md "Resource behaviour"
// "Provider configuration"), its static checks, ConfigureProvider (which builds the API client) and
// the resource registry (src/resources/index.ts).
//
// Loaded lazily after the handshake line (serve.ts), so nothing here may do work at import time
// beyond building plain objects.

import * as fs from 'node:fs';
import * as ipaddr from 'ipaddr.js';
import {
  ConfigurationError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PortsipClient,
  PortsipError,
  TwoFactorRequiredError,
  UnauthorizedError,
  type PortsipClientOptions,
} from '../client';
import type { BaseContext, ConfigureResult, ProviderDefinition, ValidateContext } from '../provider/definition';
import type { Logger } from '../provider/logger';
import type { Schema } from '../provider/schema';
import { BigNum, UNKNOWN, type Diagnostic, type ObjectValue, type Value } from '../provider/values';
import type { PortsipContext, TenantDealerReads } from './common/context';
import { CreateJournal, journalPath } from './common/create-journal';
import { processCensus } from './common/plan-census';
import { PlanLedger } from './common/plan-ledger';
import { KeyIndex } from './common/natural-keys';
import { ReadCoalescer, type ReadStrategy } from './common/read-cache';
import { isKnown, quote } from './common/validators';
import { portsipDataSources } from '../datasources';
import { portsipResources } from './index';
import { normaliseApiPath } from '../client/api/servers';

export const READ_STRATEGIES = ['batch', 'per_resource'] as const;
export const API_VERSIONS = ['22.2', '22.3'] as const;
export const TENANT_DEALER_READS = ['managed', 'all', 'none'] as const;

/** Whether `v` is one of the allowed values of an enumerated setting. */
function isOneOf<T extends string>(allowed: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}
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

// ---------------------------------------------------------------------------------------------
// Durations

const DURATION = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h))+$/;

/** "30s", "1m30s", "500ms", "1.5s" -> milliseconds, or null when malformed. */
export function parseDuration(s: string): number | null {
  const t = s.trim();
  if (!DURATION.test(t)) return null;
  let ms = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    const n = Number(m[1]);
    ms += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  return Math.round(ms);
}

function num(v: Value | undefined): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof BigNum) return Number(v.text);
  return null;
}

function endpointLooksValid(endpoint: string): boolean {
  const raw = endpoint.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const u = new URL(withScheme);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.search && !u.hash && !/\s/.test(raw);
  } catch {
    return false;
  }
}

/** An http:// endpoint whose host is not loopback (localhost, 127.0.0.0/8, ::1): its traffic crosses a network in clear. */
export function plainHttpRemote(endpoint: string): boolean {
  const raw = endpoint.trim();
  if (!/^http:\/\//i.test(raw)) return false;
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return false;
  // 127.0.0.0/8 and ::1 (URL has already written the address in its canonical form).
  return !(ipaddr.isValid(host) && ipaddr.parse(host).range() === 'loopback');
}

function err(path: string, detail: string): Diagnostic {
  return { severity: 'error', summary: 'Invalid provider configuration', detail, path: [path] };
}

/** Every problem at once; unknown and null values are skipped (they may come from variables). */
export function validateProviderConfig(config: ObjectValue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const endpoint = config.endpoint;
  if (typeof endpoint === 'string') {
    if (endpoint.trim() === '')
      out.push(
        err(
          'endpoint',
          'Attribute "endpoint" must not be empty; set the PBX API URL, e.g. "https://pbx.example.com:8887", or leave it unset to use PORTSIP_ENDPOINT.',
        ),
      );
    else if (!endpointLooksValid(endpoint))
      out.push(
        err(
          'endpoint',
          `Attribute "endpoint" must be an http(s) URL without credentials, query or fragment, e.g. "https://pbx.example.com:8887"; got ${quote(endpoint)}.`,
        ),
      );
  }
  for (const k of ['username', 'password'] as const) {
    if (config[k] === '') out.push(err(k, `Attribute "${k}" must not be empty; leave it unset to use PORTSIP_${k.toUpperCase()}.`));
  }
  const ca = config.ca_cert_pem;
  if (typeof ca === 'string' && !/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(ca))
    out.push(err('ca_cert_pem', 'Attribute "ca_cert_pem" must hold a PEM certificate ("-----BEGIN CERTIFICATE-----" ...).'));
  const caFile = config.ca_cert_file;
  if (typeof caFile === 'string' && caFile.trim() === '')
    out.push(err('ca_cert_file', 'Attribute "ca_cert_file" must not be empty; set the path of a PEM file, or leave it unset.'));
  if (isKnown(ca) && isKnown(caFile))
    out.push(err('ca_cert_file', 'Attribute "ca_cert_file" conflicts with "ca_cert_pem": set only one of them (the CA to trust).'));
  if (config.insecure_skip_verify === true) {
    const caSet = isKnown(ca) || isKnown(caFile);
    out.push({
      severity: 'warning',
      summary: caSet ? 'Conflicting TLS settings' : 'TLS certificate verification is off',
      detail: caSet
        ? '"insecure_skip_verify = true" disables verification, so the CA of "ca_cert_pem" / "ca_cert_file" is not used.'
        : '"insecure_skip_verify = true": the provider accepts any certificate at "endpoint", so anyone between it and the PBX can read the admin password and every request. Trust the PBX certificate instead with "ca_cert_pem" or "ca_cert_file".',
      path: ['insecure_skip_verify'],
    });
  }
  if (typeof endpoint === 'string' && endpointLooksValid(endpoint) && plainHttpRemote(endpoint))
    out.push({
      severity: 'warning',
      summary: 'Unencrypted connection to the PBX',
      detail: `Attribute "endpoint" is a plain http:// URL to a host that is not this machine (${quote(endpoint)}): the admin password and the session token cross the network unencrypted. Use https:// (PortSIP serves HTTPS on 8887), with "ca_cert_pem" or "ca_cert_file" for a private certificate.`,
      path: ['endpoint'],
    });
  const dfp = config.data_flow_path;
  if (typeof dfp === 'string') {
    let bad = /[\s?#]/.test(dfp) || /^[a-z]+:/i.test(dfp);
    if (!bad)
      try {
        normaliseApiPath(dfp);
      } catch {
        bad = true;
      }
    if (bad)
      out.push(
        err(
          'data_flow_path',
          `Attribute "data_flow_path" must be an API path relative to /api such as "/dataflow", without spaces, query or scheme; got ${quote(dfp)}.`,
        ),
      );
  }
  const timeout = config.request_timeout;
  if (typeof timeout === 'string') {
    const ms = parseDuration(timeout);
    if (ms === null)
      out.push(
        err(
          'request_timeout',
          `Attribute "request_timeout" must be a duration such as "30s", "1m30s" or "500ms" (units ms, s, m, h); got ${quote(timeout)}.`,
        ),
      );
    else if (ms < 100 || ms > 3_600_000)
      out.push(err('request_timeout', `Attribute "request_timeout" must be from 100ms to 1h; got ${quote(timeout)}.`));
  }
  const mc = num(config.max_concurrency);
  if (mc !== null && (!Number.isInteger(mc) || mc < 1 || mc > 100))
    out.push(
      err('max_concurrency', `Attribute "max_concurrency" must be a whole number from 1 to 100; got ${quote(config.max_concurrency!)}.`),
    );
  const rpm = num(config.max_requests_per_minute);
  if (rpm !== null && (!Number.isInteger(rpm) || rpm < 1 || rpm > 1_000_000))
    out.push(
      err(
        'max_requests_per_minute',
        `Attribute "max_requests_per_minute" must be a whole number from 1 to 1000000; got ${quote(config.max_requests_per_minute!)}.`,
      ),
    );
  const mr = num(config.max_retries);
  if (mr !== null && (!Number.isInteger(mr) || mr < 0 || mr > 20))
    out.push(err('max_retries', `Attribute "max_retries" must be a whole number from 0 to 20; got ${quote(config.max_retries!)}.`));
  const budget = config.retry_budget;
  if (typeof budget === 'string') {
    const problem = retryBudgetProblem(budget);
    if (problem) out.push(err('retry_budget', `Attribute "retry_budget" ${problem}`));
  }
  const rs = config.read_strategy;
  if (typeof rs === 'string' && !isOneOf(READ_STRATEGIES, rs))
    out.push(err('read_strategy', `Attribute "read_strategy" must be "batch" or "per_resource"; got ${quote(rs)}.`));
  const tdr = config.tenant_dealer_reads;
  if (typeof tdr === 'string' && !isOneOf(TENANT_DEALER_READS, tdr))
    out.push(err('tenant_dealer_reads', `Attribute "tenant_dealer_reads" must be "managed", "all" or "none"; got ${quote(tdr)}.`));
  const av = config.api_version;
  if (typeof av === 'string' && !isOneOf(API_VERSIONS, av))
    out.push(err('api_version', `Attribute "api_version" must be "22.2" or "22.3" (or unset to detect it); got ${quote(av)}.`));
  return out;
}

/** What is wrong with a retry budget duration, or null. */
function retryBudgetProblem(v: string): string | null {
  const ms = parseDuration(v);
  if (ms === null) return `must be a duration such as "2m", "90s" or "1m30s" (units ms, s, m, h); got ${quote(v)}.`;
  if (ms < 1000 || ms > 3_600_000) return `must be from 1s to 1h; got ${quote(v)}.`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Environment

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

/** Settings that go together: when the provider block sets one, the environment is not read for the others. */
const ENV_GROUPS: readonly (readonly string[])[] = [['ca_cert_pem', 'ca_cert_file']];

/**
 * The provider block with every unset (null) attribute taken from its environment variable, parsed to
 * the attribute's type; `fromEnv` says which. An empty variable counts as unset; an unknown value
 * (a provider block that references resources) is never replaced. Values that do not parse (a bool
 * that is not true/false, a number that is not one) are diagnostics naming the variable.
 */
export function withEnvironment(
  config: ObjectValue,
  env: NodeJS.ProcessEnv,
): { config: ObjectValue; fromEnv: Set<string>; diagnostics: Diagnostic[] } {
  const out: ObjectValue = { ...config };
  const fromEnv = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const attrs = providerSchema.block.attributes;
  for (const [name, envName] of Object.entries(PROVIDER_ENV)) {
    const raw = env[envName];
    if (raw === undefined || raw === '' || (config[name] !== null && config[name] !== undefined)) continue;
    const group = ENV_GROUPS.find((g) => g.includes(name));
    if (group && group.some((g) => config[g] !== null && config[g] !== undefined)) continue;
    const type = attrs[name]!.type;
    const bad = (allowed: string) =>
      diagnostics.push({
        severity: 'error',
        summary: 'Invalid provider configuration',
        detail: `Environment variable ${envName} must be ${allowed}; got ${quote(raw)}.`,
      });
    if (type === 'bool') {
      const t = raw.trim().toLowerCase();
      if (t === 'true' || t === '1') out[name] = true;
      else if (t === 'false' || t === '0') out[name] = false;
      else {
        bad('true or false (or 1 / 0)');
        continue;
      }
    } else if (type === 'number') {
      if (!/^\s*-?\d+(?:\.\d+)?\s*$/.test(raw)) {
        bad('a number');
        continue;
      }
      out[name] = Number(raw);
    } else out[name] = raw;
    fromEnv.add(name);
  }
  return { config: out, fromEnv, diagnostics };
}

/**
 * Diagnostics of the effective settings, for ConfigureProvider: those about a value from the
 * environment name the variable instead of the attribute (and point at no config line). Warnings
 * about the provider block's own values are left out: ValidateProviderConfig reported them already.
 */
function effectiveDiagnostics(merged: ObjectValue, fromEnv: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of validateProviderConfig(merged)) {
    const attr = typeof d.path?.[0] === 'string' ? d.path[0] : undefined;
    if (attr === undefined || !fromEnv.has(attr)) {
      if (d.severity === 'error') out.push(d);
      continue;
    }
    const envName = PROVIDER_ENV[attr]!;
    out.push({
      severity: d.severity,
      summary: d.summary,
      detail: (d.detail ?? '')
        .replace(`Attribute "${attr}"`, `Environment variable ${envName}`)
        .replace(`"${attr} = true"`, `${envName}=true`),
    });
  }
  return out;
}

/** The CA PEM from `ca_cert_file`, or a diagnostic naming the setting (or its variable) and the path. */
function readCaFile(file: string, fromEnv: boolean): { pem?: string; diagnostic?: Diagnostic } {
  const what = fromEnv ? `Environment variable PORTSIP_CA_CERT_FILE` : 'Attribute "ca_cert_file"';
  const fail = (why: string): { diagnostic: Diagnostic } => ({
    diagnostic: {
      severity: 'error',
      summary: 'Invalid provider configuration',
      detail: `${what} names ${quote(file)}, ${why}`,
      ...(fromEnv ? {} : { path: ['ca_cert_file'] }),
    },
  });
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(
      code === 'ENOENT'
        ? 'which does not exist (a relative path is relative to the directory terraform runs in).'
        : `which cannot be read (${code ?? String(e)}).`,
    );
  }
  if (!/-----BEGIN [A-Z ]*CERTIFICATE-----/.test(pem)) return fail('which holds no PEM certificate ("-----BEGIN CERTIFICATE-----" ...).');
  return { pem };
}

// ---------------------------------------------------------------------------------------------
// Configure

/** True when the provider's own log level lets debug lines through (building them costs per request). */
function debugLogging(env: NodeJS.ProcessEnv): boolean {
  if ((env.PORTSIP_LOG ?? '').toLowerCase() === 'debug') return true;
  const lvl = (env.TF_LOG_PROVIDER || env.TF_LOG || '').toLowerCase();
  return lvl === 'debug' || lvl === 'trace' || lvl === 'json';
}

function str(v: Value | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Settings from the provider block, falling back to the environment. Returns diagnostics for what is
 * missing, or the client options. Unknown values (a provider block that references resources) are
 * reported once the client is used, not here: Terraform may configure before they are known.
 */
export function clientOptionsFrom(
  config: ObjectValue,
  env: NodeJS.ProcessEnv,
): { options?: PortsipClientOptions; diagnostics: Diagnostic[]; unknown: string[] } {
  const merged = withEnvironment(config, env);
  const diagnostics: Diagnostic[] = [...merged.diagnostics];
  const c = merged.config;
  const unknown = Object.entries(config)
    .filter(([, v]) => v === UNKNOWN)
    .map(([k]) => k);
  const endpoint = str(c.endpoint);
  const username = str(c.username);
  const password = str(c.password);
  const missing = (attr: string, envName: string, example: string) =>
    diagnostics.push({
      severity: 'error',
      summary: `Missing PortSIP ${attr}`,
      detail: `Set "${attr}" in the provider "portsip" block or the ${envName} environment variable (${example}).`,
      path: [attr],
    });
  if (!endpoint && config.endpoint !== UNKNOWN) missing('endpoint', 'PORTSIP_ENDPOINT', 'e.g. https://pbx.example.com:8887');
  if (!username && config.username !== UNKNOWN) missing('username', 'PORTSIP_USERNAME', 'an admin account name');
  if (!password && config.password !== UNKNOWN)
    missing('password', 'PORTSIP_PASSWORD', "that account's password; pass it through a variable or the environment, never a literal");
  if (diagnostics.length || unknown.length) return { diagnostics, unknown };
  const options: PortsipClientOptions = { endpoint: endpoint!, username, password };
  const ca = str(c.ca_cert_pem);
  if (ca) options.caCertPem = ca;
  const caFile = str(c.ca_cert_file);
  if (caFile && !ca) {
    const read = readCaFile(caFile, merged.fromEnv.has('ca_cert_file'));
    if (read.diagnostic) return { diagnostics: [read.diagnostic], unknown };
    options.caCertPem = read.pem;
  }
  if (c.insecure_skip_verify === true) options.insecureSkipVerify = true;
  const timeout = str(c.request_timeout);
  if (timeout) options.requestTimeoutMs = parseDuration(timeout) ?? undefined;
  const mc = num(c.max_concurrency);
  if (mc !== null) options.maxConcurrency = mc;
  const rpm = num(c.max_requests_per_minute);
  if (rpm !== null) options.maxRequestsPerMinute = rpm;
  const dfp = str(c.data_flow_path);
  options.dataflowPath = dfp ?? DEFAULT_DATA_FLOW_PATH;
  const mr = num(c.max_retries);
  const budget = str(c.retry_budget) ?? DEFAULT_RETRY_BUDGET;
  const budgetProblem = retryBudgetProblem(budget);
  if (budgetProblem) {
    // Only the environment can get here: the attribute was checked by validateProviderConfig.
    diagnostics.push({
      severity: 'error',
      summary: 'Invalid provider configuration',
      detail: `Environment variable PORTSIP_RETRY_BUDGET ${budgetProblem}`,
    });
    return { diagnostics, unknown };
  }
  options.retry = { maxAttempts: (mr ?? DEFAULT_MAX_RETRIES) + 1, budgetMs: parseDuration(budget)! };
  return { options, diagnostics, unknown };
}

function majorMinor(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d+\.\d+)/.exec(v) : null;
  return m ? m[1] : undefined;
}

/**
 * ConfigureProvider. When the endpoint and credentials are known it signs in once, so that what no
 * retry can fix (a wrong password, an unknown host, a refused port, a TLS failure, a wrong path)
 * is ONE error naming the setting, before any resource is planned (an empty state included), and
 * a wrong password costs one failed sign-in per Terraform command: Terraform stops at the first
 * launch whose ConfigureProvider fails (docs/protocol.md "Launches per command"), and every later call of this process
 * reuses the session. `signal` is Terraform's stop (StopProvider): it aborts every API call.
 */
export async function buildContext(
  config: ObjectValue,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  signal?: AbortSignal,
  opts: { signIn?: boolean } = {},
): Promise<ConfigureResult<PortsipContext>> {
  const merged = withEnvironment(config, env);
  const diagnostics = [...merged.diagnostics, ...effectiveDiagnostics(merged.config, merged.fromEnv)];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const built = clientOptionsFrom(config, env);
  diagnostics.push(...built.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const effective = merged.config;
  const readStrategy: ReadStrategy = effective.read_strategy === 'per_resource' ? 'per_resource' : 'batch';
  const tdr = str(effective.tenant_dealer_reads);
  const tenantDealerReads: TenantDealerReads = tdr !== undefined && isOneOf(TENANT_DEALER_READS, tdr) ? tdr : 'managed';
  let client: PortsipClient | undefined;
  let clientError: string | undefined;
  if (built.options) {
    try {
      // The client redacts secrets before any sink sees a record (docs/client.md "Debug log"); we
      // only route those records into the provider's stderr log, never the options themselves.
      client = new PortsipClient({
        ...built.options,
        ...(signal ? { signal } : {}),
        ...(debugLogging(env) ? { logger: { debug: (m: string, f?: Record<string, unknown>) => logger.debug(m, f) } } : {}),
      });
    } catch (e) {
      if (e instanceof ConfigurationError) {
        return {
          diagnostics: [
            {
              severity: 'error',
              summary: 'Invalid provider configuration',
              detail: e.message,
              path: /endpoint/i.test(e.message) ? ['endpoint'] : /ca/i.test(e.message) ? ['ca_cert_pem'] : undefined,
            },
          ],
        };
      }
      throw e;
    }
  } else {
    clientError = `The provider "portsip" configuration depends on values that are not known yet (${built.unknown.join(', ')}), so the PortSIP API cannot be reached in this step. Use values known at plan time (variables, environment) for the provider block.`;
  }
  if (client && opts.signIn !== false) {
    try {
      // A refused connection at this point is a PBX that is down or a wrong port: say so in seconds.
      await client.signIn({ notSentBudgetMs: 1000 });
    } catch (e) {
      await client.close().catch(() => undefined);
      return { diagnostics: [signInDiagnostic(e, built.options!.endpoint)] };
    }
  }
  const configuredVersion = str(effective.api_version);
  let detected: Promise<string> | undefined;
  const ctx: PortsipContext = {
    get client(): PortsipClient {
      if (!client) throw new ConfigurationError(clientError ?? 'PortSIP client not configured');
      return client;
    },
    reads: new ReadCoalescer(readStrategy),
    keys: new KeyIndex(),
    journal: new CreateJournal(journalPath(env), (m) => logger.warn(m)),
    ledger: new PlanLedger(processCensus()),
    readStrategy,
    tenantDealerReads,
    signInPassword: built.options?.password,
    apiVersion() {
      if (configuredVersion) return Promise.resolve(configuredVersion);
      detected ??= ctx.client.status.get().then(
        (s) => majorMinor((s as { version?: unknown }).version) ?? '22.3',
        (e: unknown) => {
          detected = undefined;
          throw e;
        },
      );
      return detected;
    },
  };
  logger.debug('provider configured', {
    endpoint: built.options?.endpoint,
    read_strategy: readStrategy,
    tenant_dealer_reads: tenantDealerReads,
    api_version: configuredVersion ?? 'auto',
  });
  return { context: ctx, diagnostics };
}

/**
 * The one diagnostic for a failed sign-in at configure time, naming the setting to fix (HCL names,
 * with their environment variables).
 */
export function signInDiagnostic(e: unknown, endpoint: string): Diagnostic {
  const summary = 'Cannot sign in to the PortSIP PBX';
  const at = ` (endpoint ${JSON.stringify(endpoint)})`;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof NetworkError) {
    switch (e.kind) {
      case 'dns':
        return {
          severity: 'error',
          summary,
          detail: `The host name of "endpoint" cannot be resolved${at}: ${msg}. Check "endpoint" (or PORTSIP_ENDPOINT).`,
          path: ['endpoint'],
        };
      case 'refused':
        return {
          severity: 'error',
          summary,
          detail: `Nothing accepts connections at "endpoint"${at}: ${msg}. Check the host and port of "endpoint" (PortSIP serves HTTPS on 8887) and that the PBX is running.`,
          path: ['endpoint'],
        };
      case 'tls':
        return {
          severity: 'error',
          summary,
          detail: `The TLS connection to "endpoint" failed${at}: ${msg}. For a PBX with a self-signed or private certificate set "ca_cert_pem" to its CA certificate (PEM); "insecure_skip_verify = true" turns verification off (not recommended). If the PBX speaks plain HTTP on this port, use an http:// "endpoint".`,
          path: ['ca_cert_pem'],
        };
      case 'timeout':
        return {
          severity: 'error',
          summary,
          detail: `The PBX at "endpoint" did not answer${at}: ${msg}. Check "endpoint", firewalls in between, and "request_timeout" / "retry_budget".`,
          path: ['endpoint'],
        };
      default:
        return { severity: 'error', summary, detail: `${msg}${at}. Check "endpoint" and that the PBX is reachable.`, path: ['endpoint'] };
    }
  }
  if (e instanceof TwoFactorRequiredError)
    return {
      severity: 'error',
      summary,
      detail: `${msg}. Set "username"/"password" to an account without two-factor authentication.`,
      path: ['username'],
    };
  if (e instanceof UnauthorizedError)
    return {
      severity: 'error',
      summary,
      detail: `The PBX refused the credentials: ${msg}. Check "username" and "password" (or PORTSIP_USERNAME / PORTSIP_PASSWORD). The provider signs in once per Terraform command, but PortSIP locks an account after a few failed sign-ins (5 by default), so fix them before running again.`,
      path: ['password'],
    };
  if (e instanceof ForbiddenError)
    return { severity: 'error', summary, detail: `${msg}. The account in "username" may not use the API.`, path: ['username'] };
  if (e instanceof NotFoundError || (e instanceof PortsipError && e.status === 405))
    return {
      severity: 'error',
      summary,
      detail: `The sign-in endpoint does not exist under "endpoint"${at}: ${msg}. "endpoint" must point at the PBX API, e.g. "https://pbx.example.com:8887" (the provider appends /api); check its path and port.`,
      path: ['endpoint'],
    };
  return { severity: 'error', summary, detail: `${msg}${at}.` };
}

export const portsipProvider: ProviderDefinition<PortsipContext> = {
  typeName: 'portsip',
  schema: providerSchema,
  validateConfig(config: ObjectValue, _ctx: ValidateContext) {
    return validateProviderConfig(config);
  },
  async configure(config: ObjectValue, ctx: BaseContext) {
    return buildContext(config, process.env, ctx.logger, ctx.signal);
  },
  resources: portsipResources,
  dataSources: portsipDataSources,
};
