// portsip_network_settings: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { Network, NetworkUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { keepPriorSpelling as keepPrior, statePatch, type ApiObject, type FieldRules, type ToStateOptions } from '../common/mapping';
import { adoptPatch, resetPatch, SINGLETON_RULES, singletonToState } from '../common/singleton';
import { NETWORK_SETTINGS_ID, networkSettingsDefaults, networkSettingsSchema } from './schema';

export { networkSettingsDefaults };

export const networkSettingsRules: FieldRules = {
  ...SINGLETON_RULES,
  web_domain: { kind: 'domain', blankIsNull: true },
  private_ipv4: { kind: 'ip', blankIsNull: true },
  public_ipv4: { kind: 'ip', blankIsNull: true },
  private_ipv6: { kind: 'ip', blankIsNull: true },
  public_ipv6: { kind: 'ip', blankIsNull: true },
  primary_dns_server: { kind: 'ip', blankIsNull: true },
  secondary_dns_server: { kind: 'ip', blankIsNull: true },
};

export function toState(api: Network | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(networkSettingsSchema.block, networkSettingsRules, NETWORK_SETTINGS_ID, api, prior, opts);
}

/** The adopting create: the configured settings that differ from `live`, or null. */
export function toCreatePatch(live: Network | ApiObject, planned: ObjectValue): NetworkUpdate | null {
  return adoptPatch(networkSettingsSchema.block, networkSettingsRules, NETWORK_SETTINGS_ID, live, planned);
}

export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): NetworkUpdate | null {
  return statePatch(networkSettingsSchema.block, networkSettingsRules, prior, planned);
}

/** `reset_on_destroy`: `enable_ipv6 = true` unless already so, or null. */
export function toResetPatch(live?: Network | ApiObject | null): NetworkUpdate | null {
  return resetPatch(networkSettingsSchema.block, networkSettingsRules, networkSettingsDefaults, live ?? null);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(networkSettingsSchema.block, networkSettingsRules, planned, prior);
}
