// portsip_im_server: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { ImConfig, ImConfigUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { settingsModel } from '../kit/model';
import { SERVER_ADDRESS_RULES } from '../common/singleton';
import { IM_SERVER_ID, imServerDefaults, imServerSchema } from './schema';

export { imServerDefaults };

/** Four addresses, each an IP or blank (shared with the Data Flow server, common/singleton.ts). */
export const imServerRules: FieldRules = SERVER_ADDRESS_RULES;

/** The mapping functions; nothing has a documented default, so `reset_on_destroy` sends nothing. */
export const { toState, toCreatePatch, toUpdatePatch, toResetPatch, semanticallyEqual, keepPriorSpelling } = settingsModel<
  ImConfig,
  ImConfigUpdate
>(imServerSchema.block, imServerRules, IM_SERVER_ID, imServerDefaults);
