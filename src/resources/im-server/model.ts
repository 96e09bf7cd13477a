// portsip_im_server: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { ImConfig, ImConfigUpdate } from '../../client/types';
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
import { IM_SERVER_ID, imServerDefaults, imServerSchema } from './schema';

export { imServerDefaults };

export const imServerRules: FieldRules = {
  ...SINGLETON_RULES,
  private_ipv4: { kind: 'ip', blankIsNull: true },
  private_ipv6: { kind: 'ip', blankIsNull: true },
  public_ipv4: { kind: 'ip', blankIsNull: true },
  public_ipv6: { kind: 'ip', blankIsNull: true },
};

export function toState(api: ImConfig | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(imServerSchema.block, imServerRules, IM_SERVER_ID, api, prior, opts);
}

/** The adopting create: the configured addresses that differ from `live`, or null. */
export function toCreatePatch(live: ImConfig | ApiObject, planned: ObjectValue): ImConfigUpdate | null {
  return adoptPatch(imServerSchema.block, imServerRules, IM_SERVER_ID, live, planned);
}

export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): ImConfigUpdate | null {
  return statePatch(imServerSchema.block, imServerRules, prior, planned);
}

/** `reset_on_destroy`: nothing has a documented default, so always null. */
export function toResetPatch(live?: ImConfig | ApiObject | null): ImConfigUpdate | null {
  return resetPatch(imServerSchema.block, imServerRules, imServerDefaults, live ?? null);
}

export function semanticallyEqual(attr: string, a: Value, b: Value): boolean {
  return semanticallyEqualAt(imServerSchema.block, imServerRules, attr, a, b);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(imServerSchema.block, imServerRules, planned, prior);
}
