// portsip_transport: API <-> state mapping (pure functions).

import type { Transport, TransportCreate, TransportUpdate } from '../../client/types';
import type { ObjectValue, Value } from '../../provider/values';
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

export const transportRules: FieldRules = {
  protocol: { createOnly: true, kind: 'enum' },
  verification: { kind: 'enum' },
};

export function toState(api: Transport | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return apiToState(transportSchema.block, transportRules, api, prior, opts);
}

export function toCreateBody(planned: ObjectValue): TransportCreate {
  return stateToBody<TransportCreate>(transportSchema.block, transportRules, planned);
}

/** POST /transports/{id} body: `port` and/or `verification` when changed (never `protocol`), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): TransportUpdate | null {
  return statePatch(transportSchema.block, transportRules, prior, planned);
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(transportSchema.block, transportRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(transportSchema.block, transportRules, planned, prior);
}
