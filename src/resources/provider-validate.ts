// The static checks of the provider block (ValidateProviderConfig): every problem at once, each
// naming the attribute, the value and what is allowed. ConfigureProvider runs the same checks on
// the settings taken from the environment (provider-configure.ts), so the rules live here once.

import * as ipaddr from 'ipaddr.js';
import { normaliseEndpoint } from '../client';
import { normaliseApiPath } from '../client/api/servers';
import type { Diagnostic, ObjectValue } from '../provider/values';
import { API_VERSIONS, READ_STRATEGIES, TENANT_DEALER_READS } from './provider-schema';
import { isKnown, quote } from './common/validators';
import { asNumber } from './common/validators-basic';

/** Whether `v` is one of the allowed values of an enumerated setting. */
export function isOneOf<T extends string>(allowed: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

/** A diagnostic about the provider's settings; `attr` names the attribute (undefined for an environment variable). */
export function invalidConfig(attr: string | undefined, detail: string): Diagnostic {
  return { severity: 'error', summary: 'Invalid provider configuration', detail, ...(attr !== undefined ? { path: [attr] } : {}) };
}

/** Whether a PEM text holds a certificate (the CA to trust), by its armour line. */
export function holdsPemCertificate(pem: string): boolean {
  return /-----BEGIN [A-Z ]*CERTIFICATE-----/.test(pem);
}

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

/**
 * Whether the client will accept the endpoint (its own rules, normaliseEndpoint); white space inside
 * the URL is refused here too, since URL parsing would silently encode it.
 */
function endpointLooksValid(endpoint: string): boolean {
  if (/\s/.test(endpoint.trim())) return false;
  try {
    normaliseEndpoint(endpoint);
    return true;
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

/** The whole-number settings and their allowed ranges (the schema's descriptions state them). */
const WHOLE_NUMBER_RANGES: readonly (readonly [attr: string, min: number, max: number])[] = [
  ['max_concurrency', 1, 100],
  ['max_requests_per_minute', 1, 1_000_000],
  ['max_retries', 0, 20],
];

/** Every problem at once; unknown and null values are skipped (they may come from variables). */
export function validateProviderConfig(config: ObjectValue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const endpoint = config.endpoint;
  if (typeof endpoint === 'string') {
    if (endpoint.trim() === '')
      out.push(
        invalidConfig(
          'endpoint',
          'Attribute "endpoint" must not be empty; set the PBX API URL, e.g. "https://pbx.example.com:8887", or leave it unset to use PORTSIP_ENDPOINT.',
        ),
      );
    else if (!endpointLooksValid(endpoint))
      out.push(
        invalidConfig(
          'endpoint',
          `Attribute "endpoint" must be an http(s) URL without credentials, query or fragment, e.g. "https://pbx.example.com:8887"; got ${quote(endpoint)}.`,
        ),
      );
  }
  for (const k of ['username', 'password'] as const) {
    if (config[k] === '')
      out.push(invalidConfig(k, `Attribute "${k}" must not be empty; leave it unset to use PORTSIP_${k.toUpperCase()}.`));
  }
  const ca = config.ca_cert_pem;
  if (typeof ca === 'string' && !holdsPemCertificate(ca))
    out.push(invalidConfig('ca_cert_pem', 'Attribute "ca_cert_pem" must hold a PEM certificate ("-----BEGIN CERTIFICATE-----" ...).'));
  const caFile = config.ca_cert_file;
  if (typeof caFile === 'string' && caFile.trim() === '')
    out.push(invalidConfig('ca_cert_file', 'Attribute "ca_cert_file" must not be empty; set the path of a PEM file, or leave it unset.'));
  if (isKnown(ca) && isKnown(caFile))
    out.push(
      invalidConfig('ca_cert_file', 'Attribute "ca_cert_file" conflicts with "ca_cert_pem": set only one of them (the CA to trust).'),
    );
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
        invalidConfig(
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
        invalidConfig(
          'request_timeout',
          `Attribute "request_timeout" must be a duration such as "30s", "1m30s" or "500ms" (units ms, s, m, h); got ${quote(timeout)}.`,
        ),
      );
    else if (ms < 100 || ms > 3_600_000)
      out.push(invalidConfig('request_timeout', `Attribute "request_timeout" must be from 100ms to 1h; got ${quote(timeout)}.`));
  }
  for (const [attr, min, max] of WHOLE_NUMBER_RANGES) {
    const v = config[attr];
    const n = asNumber(v);
    if (n !== null && (!Number.isInteger(n) || n < min || n > max))
      out.push(invalidConfig(attr, `Attribute "${attr}" must be a whole number from ${min} to ${max}; got ${quote(v!)}.`));
  }
  const budget = config.retry_budget;
  if (typeof budget === 'string') {
    const problem = retryBudgetProblem(budget);
    if (problem) out.push(invalidConfig('retry_budget', `Attribute "retry_budget" ${problem}`));
  }
  const rs = config.read_strategy;
  if (typeof rs === 'string' && !isOneOf(READ_STRATEGIES, rs))
    out.push(invalidConfig('read_strategy', `Attribute "read_strategy" must be "batch" or "per_resource"; got ${quote(rs)}.`));
  const tdr = config.tenant_dealer_reads;
  if (typeof tdr === 'string' && !isOneOf(TENANT_DEALER_READS, tdr))
    out.push(
      invalidConfig('tenant_dealer_reads', `Attribute "tenant_dealer_reads" must be "managed", "all" or "none"; got ${quote(tdr)}.`),
    );
  const av = config.api_version;
  if (typeof av === 'string' && !isOneOf(API_VERSIONS, av))
    out.push(invalidConfig('api_version', `Attribute "api_version" must be "22.2" or "22.3" (or unset to detect it); got ${quote(av)}.`));
  return out;
}

/** What is wrong with a retry budget duration, or null. */
export function retryBudgetProblem(v: string): string | null {
  const ms = parseDuration(v);
  if (ms === null) return `must be a duration such as "2m", "90s" or "1m30s" (units ms, s, m, h); got ${quote(v)}.`;
  if (ms < 1000 || ms > 3_600_000) return `must be from 1s to 1h; got ${quote(v)}.`;
  return null;
}
