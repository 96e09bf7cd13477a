// ConfigureProvider: the effective settings checked again (naming environment variables where they
// came from there), the API client built, one sign-in so that what no retry can fix is one clear
// error naming the setting, and the per-process context every resource shares (read coalescer,
// key index, create journal, plan ledger).

import {
  ConfigurationError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PortsipClient,
  PortsipError,
  TwoFactorRequiredError,
  UnauthorizedError,
} from '../client';
import type { ConfigureResult } from '../provider/definition';
import type { Logger } from '../provider/logger';
import type { Diagnostic, ObjectValue } from '../provider/values';
import type { PortsipContext, TenantDealerReads } from './common/context';
import { CreateJournal, journalPath } from './common/create-journal';
import { processCensus } from './common/plan-census';
import { PlanLedger } from './common/plan-ledger';
import { KeyIndex } from './common/natural-keys';
import { ReadCoalescer, type ReadStrategy } from './common/read-cache';
import { PROVIDER_ENV, TENANT_DEALER_READS } from './provider-schema';
import { clientOptionsFrom, str, withEnvironment } from './provider-settings';
import { invalidConfig, isOneOf, validateProviderConfig } from './provider-validate';

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

/** True when the provider's own log level lets debug lines through (building them costs per request). */
function debugLogging(env: NodeJS.ProcessEnv): boolean {
  if ((env.PORTSIP_LOG ?? '').toLowerCase() === 'debug') return true;
  const lvl = (env.TF_LOG_PROVIDER || env.TF_LOG || '').toLowerCase();
  return lvl === 'debug' || lvl === 'trace' || lvl === 'json';
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
        const attr = /endpoint/i.test(e.message) ? 'endpoint' : /ca/i.test(e.message) ? 'ca_cert_pem' : undefined;
        return { diagnostics: [invalidConfig(attr, e.message)] };
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
  const at = ` (endpoint ${JSON.stringify(endpoint)})`;
  const msg = e instanceof Error ? e.message : String(e);
  const fail = (detail: string, attr?: string): Diagnostic => ({
    severity: 'error',
    summary: 'Cannot sign in to the PortSIP PBX',
    detail,
    ...(attr !== undefined ? { path: [attr] } : {}),
  });
  if (e instanceof NetworkError) {
    switch (e.kind) {
      case 'dns':
        return fail(`The host name of "endpoint" cannot be resolved${at}: ${msg}. Check "endpoint" (or PORTSIP_ENDPOINT).`, 'endpoint');
      case 'refused':
        return fail(
          `Nothing accepts connections at "endpoint"${at}: ${msg}. Check the host and port of "endpoint" (PortSIP serves HTTPS on 8887) and that the PBX is running.`,
          'endpoint',
        );
      case 'tls':
        return fail(
          `The TLS connection to "endpoint" failed${at}: ${msg}. For a PBX with a self-signed or private certificate set "ca_cert_pem" to its CA certificate (PEM); "insecure_skip_verify = true" turns verification off (not recommended). If the PBX speaks plain HTTP on this port, use an http:// "endpoint".`,
          'ca_cert_pem',
        );
      case 'timeout':
        return fail(
          `The PBX at "endpoint" did not answer${at}: ${msg}. Check "endpoint", firewalls in between, and "request_timeout" / "retry_budget".`,
          'endpoint',
        );
      default:
        return fail(`${msg}${at}. Check "endpoint" and that the PBX is reachable.`, 'endpoint');
    }
  }
  if (e instanceof TwoFactorRequiredError)
    return fail(`${msg}. Set "username"/"password" to an account without two-factor authentication.`, 'username');
  if (e instanceof UnauthorizedError)
    return fail(
      `The PBX refused the credentials: ${msg}. Check "username" and "password" (or PORTSIP_USERNAME / PORTSIP_PASSWORD). The provider signs in once per Terraform command, but PortSIP locks an account after a few failed sign-ins (5 by default), so fix them before running again.`,
      'password',
    );
  if (e instanceof ForbiddenError) return fail(`${msg}. The account in "username" may not use the API.`, 'username');
  if (e instanceof NotFoundError || (e instanceof PortsipError && e.status === 405))
    return fail(
      `The sign-in endpoint does not exist under "endpoint"${at}: ${msg}. "endpoint" must point at the PBX API, e.g. "https://pbx.example.com:8887" (the provider appends /api); check its path and port.`,
      'endpoint',
    );
  return fail(`${msg}${at}.`);
}
