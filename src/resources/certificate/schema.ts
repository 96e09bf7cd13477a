// portsip_certificate: schema (docs/portsip-api.md Op 43 [C1]): the PBX's TLS/WSS certificate and private key.
// A singleton (src/resources/common/singleton.ts). POST /key needs BOTH `crt` and `key` every time
// [C1], so any change sends the key again (from `key_wo` in config).
//
// GET /key returns the private key [C1], but it is never read into state: the key is the write-only
// `key_wo` + `key_wo_version` (a key changed on the PBX is not detected, but a changed certificate is,
// and any change re-sends the key). No stored, sensitive `key`: secrets stay out of state, and a second
// sensitive path would make Terraform 1.11's refresh-only plan flap (docs/protocol.md, "Exact drift").

import type { Schema } from '../../provider/schema';
import type { Value } from '../../provider/values';
import { optional, required, resetOnDestroy, singletonId } from '../common/schema-helpers';

export const CERTIFICATE_ID = 'certificate';

/** There is no documented default certificate: `reset_on_destroy` has nothing to restore. */
export const certificateDefaults: Readonly<Record<string, Value>> = Object.freeze({});

export const certificateSchema: Schema = {
  version: 0,
  block: {
    description:
      "The PBX's TLS certificate and private key (`/api/key`), used by TLS and WSS transports and the web portal. A singleton: creating it uploads the certificate unless the PBX already has it; destroying it only forgets it (the PBX keeps the certificate). Import id: `certificate`. The key is write-only (`key_wo` + `key_wo_version`, Terraform 1.11+): never stored in plan or state.",
    attributes: {
      id: singletonId(CERTIFICATE_ID),
      reset_on_destroy: resetOnDestroy('there is no default certificate, so nothing is changed'),
      crt: required(
        'string',
        'The PEM-encoded X.509 certificate, followed by its intermediate chain (use `file("fullchain.pem")`). Compared ignoring line wrapping, line endings and surrounding white space.',
      ),
      key_wo: optional(
        'string',
        'The PEM-encoded, unencrypted private key, write-only (Terraform 1.11+): never stored in plan or state. Sent with every certificate change, and when `key_wo_version` changes; needed whenever the certificate is uploaded (the API takes both together). Leave it unset on an imported certificate that you do not change.',
        { writeOnly: true },
      ),
      key_wo_version: optional('number', 'Any number; changing it re-sends `key_wo` (with the certificate). Requires `key_wo`.'),
    },
  },
};
