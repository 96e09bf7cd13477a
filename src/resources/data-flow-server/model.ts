// portsip_data_flow_server: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts. The API is INFERRED for 22.3 (path and names, docs/portsip-api.md Op 52).

import type { DataFlowConfig, DataFlowConfigUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { SERVER_ADDRESS_RULES } from '../common/singleton';
import { settingsModel } from '../kit/model';
import { DATA_FLOW_SERVER_ID, dataFlowServerDefaults, dataFlowServerSchema } from './schema';

export { dataFlowServerDefaults };

/** The IM server's four addresses (Op 52 [I]: the same shape). */
export const dataFlowServerRules: FieldRules = SERVER_ADDRESS_RULES;

/** The mapping functions; nothing has a documented default, so `reset_on_destroy` sends nothing. */
export const { toState, toCreatePatch, toUpdatePatch, toResetPatch, semanticallyEqual, keepPriorSpelling } = settingsModel<
  DataFlowConfig,
  DataFlowConfigUpdate
>(dataFlowServerSchema.block, dataFlowServerRules, DATA_FLOW_SERVER_ID, dataFlowServerDefaults);
