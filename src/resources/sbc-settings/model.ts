// portsip_sbc_settings: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts; the `transports` block rule is in schema.ts.

import type { SbcConfig, SbcConfigUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { settingsModel } from '../kit/model';
import { SINGLETON_RULES } from '../common/singleton';
import { SBC_SETTINGS_ID, sbcSettingsDefaults, sbcSettingsSchema } from './schema';

export { sbcSettingsDefaults };

export const sbcSettingsRules: FieldRules = {
  ...SINGLETON_RULES,
  domain: { kind: 'domain', blankIsNull: true },
  transports: { unmanagedWhenEmpty: true },
  'transports.protocol': { kind: 'enum' },
};

/** API object -> state. `transports` stays `[]` (unmanaged) unless prior had items or when importing. */

/**
 * The mapping functions. `transports` stays `[]` (unmanaged) unless prior had items or when importing; a changed
 * transport list is sent whole, an empty list never; `reset_on_destroy` sets the two web ports back to 8882/8883.
 */
export const { toState, toCreatePatch, toUpdatePatch, toResetPatch, keepPriorSpelling } = settingsModel<SbcConfig, SbcConfigUpdate>(
  sbcSettingsSchema.block,
  sbcSettingsRules,
  SBC_SETTINGS_ID,
  sbcSettingsDefaults,
);
