// portsip_transport: API <-> state mapping (pure functions).

import type { Transport, TransportCreate, TransportUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { fieldModel } from '../kit/model';
import { transportSchema } from './schema';

export const transportRules: FieldRules = {
  protocol: { createOnly: true, kind: 'enum' },
  verification: { kind: 'enum' },
};

/** The mapping functions; the update patch carries `port` and/or `verification` when changed (never `protocol`). */
export const { toState, toCreateBody, toUpdatePatch, semanticallyEqual, keepPriorSpelling } = fieldModel<
  Transport,
  TransportCreate,
  TransportUpdate
>(transportSchema.block, transportRules);
