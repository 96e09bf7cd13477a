// portsip_trunk: the kit's collection mode with /providers calls (PortSIP's "providers" are SIP trunks).
// - Natural key `name`; unique per PBX [inferred] (the kit's `unique`: two in one configuration fail at plan).
// - `brand` and `auth_mode` cannot be updated (absent from updateProvider [C1]): the schema marks them `replace`.
// - The write-only password goes in the create body and, when `password_wo_version` changes, in the
//   update body (model.toUpdatePatch).
// - Deleting a trunk takes its tenant assignments with it [inferred, docs/emulator.md]; Terraform
//   destroys the portsip_trunk_assignment resources that reference it first anyway.

import { defineCollection } from '../kit/collection';
import { listedCollection } from '../common/read-cache';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from './model';
import { trunkSchema } from './schema';
import { validate } from './validate';

/** List items are summaries (id, name, brand, hostname, port, did_numbers, shared [C1]): these keys mark a full object. */
const FULL_KEYS = ['id', 'name', 'transport', 'outbound_server', 'outbound_server_port', 'concurrency', 'auth_mode'] as const;

export const trunkResource = defineCollection({
  typeName: 'portsip_trunk',
  label: 'trunk',
  schema: trunkSchema,
  validate,
  keepPriorSpelling,
  importExample: 'carrier-main',
  unique: {
    namespace: 'trunk name',
    rule: 'PortSIP keeps trunk names unique (inferred: trunks are picked by name).',
  },
  area: (client) => client.providers,
  reader: (client) => listedCollection('providers', client.providers, FULL_KEYS),
  toState: (live, prior, opts) => toState(live, prior, opts),
  toCreateBody: (planned, config) => toCreateBody(planned, config),
  updatePatch: (prior, planned, _ctx, _id, config) => toUpdatePatch(prior, planned, config),
});
