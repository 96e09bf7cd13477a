// portsip_certificate: schema (API-NOTES Op 43 [C1]): the PBX's TLS/WSS certificate and private key.
// A singleton (src/resources/common/singleton.ts). POST /key needs BOTH `crt` and `key` every time
// [C1], so any change sends the key again (from `key_wo` in config, or `key`).
//
// GET /key returns the private key [C1]. Choice, as for the STIR/SHAKEN key: write-only `key_wo` +
// `key_wo_version` is recommended (never in state; a key changed on the PBX is not detected, but a
// changed certificate is, and any change re-sends the key); the sensitive `key` is the fallback for
// Terraform before 1.11 and is compared with the live key. When `key` is not configured it is never
// read into state.

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optional, required, resetOnDestroy, singletonId, singletonImportKey } from '../common/schema-helpers';

export const CERTIFICATE_ID = 'certificate';

/** There is no documented default certificate: `reset_on_destroy` has nothing to restore. */
export const certificateDefaults: Readonly<Record<string, Value>> = Object.freeze({});

export const certificateSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's TLS certificate and private key (`/api/key`), used by TLS and WSS transports and the web portal. A singleton: creating it uploads the certificate unless the PBX already has it; destroying it only forgets it (the PBX keeps the certificate). Import id: `certificate`. Set the key with `key_wo` + `key_wo_version` (Terraform 1.11+, never stored) or with `key` (stored in state).",
    attributes: {
      id: singletonId(CERTIFICATE_ID),
      reset_on_destroy: resetOnDestroy('there is no default certificate, so nothing is changed'),
      crt: required(
        'string',
        'The PEM-encoded X.509 certificate, followed by its intermediate chain (use `file("fullchain.pem")`). Compared ignoring line wrapping, line endings and surrounding white space.',
      ),
      key: optional(
        'string',
        'The PEM-encoded, unencrypted private key, for Terraform before 1.11: stored in state (marked sensitive) and compared with the live key. Exactly one of `key` and `key_wo` must be set.',
        { sensitive: true },
      ),
      key_wo: optional(
        'string',
        'The PEM-encoded, unencrypted private key, write-only (Terraform 1.11+): never stored in plan or state. Sent with every certificate change, and when `key_wo_version` changes. Exactly one of `key` and `key_wo` must be set.',
        { writeOnly: true },
      ),
      key_wo_version: optional('number', 'Any number; changing it re-sends `key_wo` (with the certificate). Requires `key_wo`.'),
    },
  },
};

export const certificateReplaceOnChange: readonly string[] = [];
export const certificateSensitive: readonly string[] = ['key', 'key_wo'];
export const certificateImportKey = singletonImportKey(CERTIFICATE_ID);
