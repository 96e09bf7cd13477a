// portsip_transport: API <-> state mapping (pure functions).

import type { operations } from '../../client/types.gen';
import { UNKNOWN, type ObjectValue, type Value } from '../../provider/values';
import {
  apiToState,
  keepPriorSpelling as keepPrior,
  semanticallyEqualAt,
  stateToBody,
  statePatch,
  type ApiObject,
  type FieldRules,
  type ToStateOptions,
} from '../common/mapping';
import { transportSchema } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type TransportApi = Json<operations['showTransport']['responses'][200]>;
export type TransportCreateBody = Json<operations['createTransport']['requestBody']>;
export type TransportUpdateBody = Json<operations['updateTransport']['requestBody']>;

export const transportRules: FieldRules = {
  protocol: { createOnly: true, kind: 'enum' },
  verification: { kind: 'enum' },
};

export function toState(api: TransportApi | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return apiToState(transportSchema.block, transportRules, api, prior, opts);
}

export function toCreateBody(planned: ObjectValue): TransportCreateBody {
  return stateToBody(transportSchema.block, transportRules, planned) as unknown as TransportCreateBody;
}

/** POST /transports/{id} body: `port` and/or `verification` when changed (never `protocol`), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): TransportUpdateBody | null {
  return statePatch(transportSchema.block, transportRules, prior, planned);
}

/** The API cannot change the protocol (Op 31 [C1]): a change plans a replacement. */
export function requiresReplace(prior: ObjectValue, planned: ObjectValue): string[] {
  return ['protocol'].filter((k) => planned[k] === UNKNOWN || !semanticallyEqual(k, prior[k] ?? null, planned[k] ?? null));
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(transportSchema.block, transportRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(transportSchema.block, transportRules, planned, prior);
}
