// Where the provider's settings come from: the provider block, and for every unset attribute its
// environment variable (PORTSIP_*), parsed to the attribute's type; then the client options built
// from them (with the CA file read). Apart from the checks (provider-validate.ts) because this is
// the one place that reads the process environment and the file system.

import * as fs from 'node:fs';
import type { PortsipClientOptions } from '../client';
import { UNKNOWN, type Diagnostic, type ObjectValue, type Value } from '../provider/values';
import { DEFAULT_DATA_FLOW_PATH, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BUDGET, PROVIDER_ENV, providerSchema } from './provider-schema';
import { holdsPemCertificate, invalidConfig, parseDuration, retryBudgetProblem } from './provider-validate';
import { quote } from './common/validators';
import { asNumber } from './common/validators-basic';

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
      diagnostics.push(invalidConfig(undefined, `Environment variable ${envName} must be ${allowed}; got ${quote(raw)}.`));
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

/** The CA PEM from `ca_cert_file`, or a diagnostic naming the setting (or its variable) and the path. */
function readCaFile(file: string, fromEnv: boolean): { pem?: string; diagnostic?: Diagnostic } {
  const what = fromEnv ? `Environment variable PORTSIP_CA_CERT_FILE` : 'Attribute "ca_cert_file"';
  const fail = (why: string): { diagnostic: Diagnostic } => ({
    diagnostic: invalidConfig(fromEnv ? undefined : 'ca_cert_file', `${what} names ${quote(file)}, ${why}`),
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
  if (!holdsPemCertificate(pem)) return fail('which holds no PEM certificate ("-----BEGIN CERTIFICATE-----" ...).');
  return { pem };
}

/** A set string setting: "" counts as unset. */
export function str(v: Value | undefined): string | undefined {
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
  const mc = asNumber(c.max_concurrency);
  if (mc !== null) options.maxConcurrency = mc;
  const rpm = asNumber(c.max_requests_per_minute);
  if (rpm !== null) options.maxRequestsPerMinute = rpm;
  const dfp = str(c.data_flow_path);
  options.dataflowPath = dfp ?? DEFAULT_DATA_FLOW_PATH;
  const mr = asNumber(c.max_retries);
  const budget = str(c.retry_budget) ?? DEFAULT_RETRY_BUDGET;
  const budgetProblem = retryBudgetProblem(budget);
  if (budgetProblem) {
    // Only the environment can get here: the attribute was checked by validateProviderConfig.
    diagnostics.push(invalidConfig(undefined, `Environment variable PORTSIP_RETRY_BUDGET ${budgetProblem}`));
    return { diagnostics, unknown };
  }
  options.retry = { maxAttempts: (mr ?? DEFAULT_MAX_RETRIES) + 1, budgetMs: parseDuration(budget)! };
  return { options, diagnostics, unknown };
}
