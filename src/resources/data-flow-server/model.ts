// portsip_data_flow_server: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts. The API is INFERRED for 22.3 (path and names, docs/portsip-api.md Op 52).

import type { ObjectValue, Value } from '../../provider/values';
import {
  keepPriorSpelling as keepPrior,
  semanticallyEqualAt,
  statePatch,
  type ApiObject,
  type FieldRules,
  type ToStateOptions,
} from '../common/mapping';
import { adoptPatch, resetPatch, SINGLETON_RULES, singletonToState } from '../common/singleton';
import { DATA_FLOW_SERVER_ID, dataFlowServerDefaults, dataFlowServerSchema } from './schema';

/** GET /dataflow (22.3, INFERRED: the IM server's shape, docs/portsip-api.md Op 52). */
export interface DataFlowServerApi {
  private_ipv4?: string | null;
  private_ipv6?: string | null;
  public_ipv4?: string | null;
  public_ipv6?: string | null;
  [key: string]: unknown;
}

/** POST /dataflow body (22.3, INFERRED). */
export type DataFlowServerUpdateBody = Partial<Record<'private_ipv4' | 'private_ipv6' | 'public_ipv4' | 'public_ipv6', string>>;

export { dataFlowServerDefaults };

export const dataFlowServerRules: FieldRules = {
  ...SINGLETON_RULES,
  private_ipv4: { kind: 'ip', blankIsNull: true },
  private_ipv6: { kind: 'ip', blankIsNull: true },
  public_ipv4: { kind: 'ip', blankIsNull: true },
  public_ipv6: { kind: 'ip', blankIsNull: true },
};

export function toState(api: DataFlowServerApi | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(dataFlowServerSchema.block, dataFlowServerRules, DATA_FLOW_SERVER_ID, api, prior, opts);
}

/** The adopting create: the configured addresses that differ from `live`, or null. */
export function toCreatePatch(live: DataFlowServerApi | ApiObject, planned: ObjectValue): DataFlowServerUpdateBody | null {
  return adoptPatch(dataFlowServerSchema.block, dataFlowServerRules, DATA_FLOW_SERVER_ID, live, planned);
}

export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): DataFlowServerUpdateBody | null {
  return statePatch(dataFlowServerSchema.block, dataFlowServerRules, prior, planned);
}

/** `reset_on_destroy`: nothing has a documented default, so always null. */
export function toResetPatch(live?: DataFlowServerApi | ApiObject | null): DataFlowServerUpdateBody | null {
  return resetPatch(dataFlowServerSchema.block, dataFlowServerRules, dataFlowServerDefaults, live ?? null);
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(dataFlowServerSchema.block, dataFlowServerRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(dataFlowServerSchema.block, dataFlowServerRules, planned, prior);
}
