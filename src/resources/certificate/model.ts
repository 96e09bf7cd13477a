// portsip_certificate: API <-> state mapping (pure functions). See schema.ts for the key design.

import type { operations } from '../../client/types.gen';
import type { ObjectValue, Value } from '../../provider/values';
import {
  keepPriorSpelling as keepPrior,
  semanticallyEqualAt,
  type ApiObject,
  type FieldRules,
  type ToStateOptions,
} from '../common/mapping';
import { semanticEqual } from '../common/normalize';
import { SINGLETON_RULES, singletonToState } from '../common/singleton';
import { CERTIFICATE_ID, certificateDefaults, certificateSchema } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** GET /key: `{crt, key}`, private key included [C1]. */
export type CertificateApi = Json<operations['showKey']['responses'][200]>;
/** POST /key body: both required [C1]. */
export type CertificateBody = Json<operations['updateKey']['requestBody']>;

export { certificateDefaults };

export const certificateRules: FieldRules = {
  ...SINGLETON_RULES,
  crt: { kind: 'pem', blankIsNull: true },
  // Read by hand in toState (only when configured); sent by toCreateBody/toUpdateBody.
  key: { kind: 'pem', fromPrior: true, notSent: true },
  key_wo_version: { fromPrior: true, notSent: true },
};

/** API object -> state; `key` is compared with the live key only when prior has it (sensitive mode). */
export function toState(api: CertificateApi | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  const a = api as ApiObject;
  const state = singletonToState(certificateSchema.block, certificateRules, CERTIFICATE_ID, a, prior, opts);
  const p = prior?.key;
  if (typeof p === 'string' && 'key' in a) {
    const live = a.key;
    state.key = typeof live !== 'string' || live === '' ? null : semanticEqual('pem', p, live) ? p : live;
  }
  return state;
}

function keyFrom(planned: ObjectValue, config: ObjectValue | null): string | null {
  const wo = config?.key_wo;
  if (typeof wo === 'string') return wo;
  return typeof planned.key === 'string' ? planned.key : null;
}

/**
 * The adopting create: `{crt, key}` unless the PBX already has this certificate and key (compared as
 * PEM), or null. Null is also returned when the key or certificate is not known (cannot happen for a
 * valid config at apply).
 */
export function toCreateBody(
  live: CertificateApi | ApiObject | null,
  planned: ObjectValue,
  config?: ObjectValue | null,
): CertificateBody | null {
  const crt = planned.crt;
  const key = keyFrom(planned, config ?? null);
  if (typeof crt !== 'string' || key === null) return null;
  const l = (live ?? {}) as ApiObject;
  if (typeof l.crt === 'string' && typeof l.key === 'string' && semanticEqual('pem', l.crt, crt) && semanticEqual('pem', l.key, key))
    return null;
  return { crt, key };
}

/**
 * POST /key body for an update, or null. Sent (always whole, the API needs both) when the certificate
 * changed, the sensitive `key` changed, `key_wo_version` changed, or the key moved between `key` and
 * `key_wo`.
 */
export function toUpdateBody(prior: ObjectValue, planned: ObjectValue, config?: ObjectValue | null): CertificateBody | null {
  const crt = planned.crt;
  const key = keyFrom(planned, config ?? null);
  if (typeof crt !== 'string' || key === null) return null;
  const crtChanged = !semanticallyEqual('crt', prior.crt ?? null, crt);
  const wo = typeof config?.key_wo === 'string';
  const keyChanged = wo
    ? !semanticallyEqual('key_wo_version', prior.key_wo_version ?? null, planned.key_wo_version ?? null) || typeof prior.key === 'string'
    : typeof prior.key !== 'string' || !semanticallyEqual('key', prior.key, key);
  return crtChanged || keyChanged ? { crt, key } : null;
}

/** Alias for symmetry with the other resources: the update "patch" is always the whole `{crt, key}`. */
export const toUpdatePatch = toUpdateBody;

/** `reset_on_destroy`: there is no default certificate, so always null. */
export function toResetPatch(): null {
  return null;
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(certificateSchema.block, certificateRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(certificateSchema.block, certificateRules, planned, prior);
}
