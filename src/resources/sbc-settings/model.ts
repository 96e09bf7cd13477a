// portsip_sbc_settings: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts; the `transports` block rule is in schema.ts.

import type { SbcConfig, SbcConfigUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { keepPriorSpelling as keepPrior, statePatch, type ApiObject, type FieldRules, type ToStateOptions } from '../common/mapping';
import { adoptPatch, resetPatch, SINGLETON_RULES, singletonToState } from '../common/singleton';
import { SBC_SETTINGS_ID, sbcSettingsDefaults, sbcSettingsSchema } from './schema';

export { sbcSettingsDefaults };

export const sbcSettingsRules: FieldRules = {
  ...SINGLETON_RULES,
  domain: { kind: 'domain', blankIsNull: true },
  transports: { unmanagedWhenEmpty: true },
  'transports.protocol': { kind: 'enum' },
};

/** API object -> state. `transports` stays `[]` (unmanaged) unless prior had items or when importing. */
export function toState(api: SbcConfig | ApiObject, prior: ObjectValue | null, opts: ToStateOptions = {}): ObjectValue {
  return singletonToState(sbcSettingsSchema.block, sbcSettingsRules, SBC_SETTINGS_ID, api, prior, opts);
}

/** The adopting create: the configured settings that differ from `live` (the whole list when transports are configured and differ), or null. */
export function toCreatePatch(live: SbcConfig | ApiObject, planned: ObjectValue): SbcConfigUpdate | null {
  return adoptPatch(sbcSettingsSchema.block, sbcSettingsRules, SBC_SETTINGS_ID, live, planned);
}

/** POST /sbc body with what changed; a changed transport list is sent whole; an empty list is never sent. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue): SbcConfigUpdate | null {
  return statePatch(sbcSettingsSchema.block, sbcSettingsRules, prior, planned);
}

/** `reset_on_destroy`: the two web ports back to 8882/8883 unless already so, or null. */
export function toResetPatch(live?: SbcConfig | ApiObject | null): SbcConfigUpdate | null {
  return resetPatch(sbcSettingsSchema.block, sbcSettingsRules, sbcSettingsDefaults, live ?? null);
}

export function keepPriorSpelling(planned: ObjectValue, prior: ObjectValue | null): ObjectValue {
  return keepPrior(sbcSettingsSchema.block, sbcSettingsRules, planned, prior);
}
