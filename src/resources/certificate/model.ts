// portsip_certificate: API <-> state mapping (pure functions). See schema.ts for the key design.

import type { Certificate, CertificateUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { type ApiObject, type FieldRules } from '../common/mapping';
import { settingsModel } from '../kit/model';
import { semanticEqual } from '../common/normalize';
import { SINGLETON_RULES } from '../common/singleton';
import { CERTIFICATE_ID, certificateDefaults, certificateSchema } from './schema';

export { certificateDefaults };

export const certificateRules: FieldRules = {
  ...SINGLETON_RULES,
  crt: { kind: 'pem', blankIsNull: true },
  key_wo_version: { fromPrior: true, notSent: true },
};

function keyFrom(config: ObjectValue | null): string | null {
  const wo = config?.key_wo;
  return typeof wo === 'string' ? wo : null;
}

/** The upload needs the key with the certificate (POST /key takes both [C1]). */
function missingKey(): Error {
  return new Error(
    'Attribute "key_wo" is required to upload the certificate: the PBX takes the certificate and its private key together (POST /key). Set key_wo (from an ephemeral variable, e.g. key_wo = var.tls_key_pem), or keep crt as it is on the PBX.',
  );
}

/**
 * The adopting create: `{crt, key}` unless the PBX already has this certificate (and this key, when
 * one is configured), compared as PEM; else null. Uploading without `key_wo` is an error.
 */
export function toCreateBody(
  live: Certificate | ApiObject | null,
  planned: ObjectValue,
  config?: ObjectValue | null,
): CertificateUpdate | null {
  const crt = planned.crt;
  if (typeof crt !== 'string') return null;
  const key = keyFrom(config ?? null);
  const l = live ?? {};
  const sameCrt = typeof l.crt === 'string' && semanticEqual('pem', l.crt, crt);
  if (sameCrt && (key === null || (typeof l.key === 'string' && semanticEqual('pem', l.key, key)))) return null;
  if (key === null) throw missingKey();
  return { crt, key };
}

/**
 * POST /key body for an update, or null. Sent (always whole, the API needs both) when the certificate
 * changed or `key_wo_version` changed.
 */
export function toUpdateBody(prior: ObjectValue, planned: ObjectValue, config?: ObjectValue | null): CertificateUpdate | null {
  const crt = planned.crt;
  if (typeof crt !== 'string') return null;
  const crtChanged = !semanticallyEqual('crt', prior.crt ?? null, crt);
  const keyChanged = !semanticallyEqual('key_wo_version', prior.key_wo_version ?? null, planned.key_wo_version ?? null);
  if (!crtChanged && !keyChanged) return null;
  const key = keyFrom(config ?? null);
  if (key === null) throw missingKey();
  return { crt, key };
}

/** `reset_on_destroy`: there is no default certificate, so always null. */
export function toResetPatch(): null {
  return null;
}

/** API object -> state; the live private key is never read into state. */
export const { toState, semanticallyEqual, keepPriorSpelling } = settingsModel<Certificate, CertificateUpdate>(
  certificateSchema.block,
  certificateRules,
  CERTIFICATE_ID,
  certificateDefaults,
);
