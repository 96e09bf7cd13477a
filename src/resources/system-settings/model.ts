// portsip_system_settings: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts; the STIR/SHAKEN key handling is explained in schema.ts.

import type { SystemSettings, SystemSettingsUpdate } from '../../client/types';
import type { ObjectValue } from '../../provider/values';
import { statePatch, type ApiObject, type FieldRules } from '../common/mapping';
import { settingsModel } from '../kit/model';
import { semanticEqual } from '../common/normalize';
import { adoptPatch, resetPatch, SINGLETON_RULES } from '../common/singleton';
import { SYSTEM_SETTINGS_ID, systemSettingsDefaults, systemSettingsSchema } from './schema';

export { systemSettingsDefaults };

export const systemSettingsRules: FieldRules = {
  ...SINGLETON_RULES,
  congestion_management_metric: { kind: 'enum', blankIsNull: true },
  auto_answer_alert_info_header: { kind: 'enum', blankIsNull: true },
  blocked_user_agents: { blankIsNull: true },
  trace_server_host: { kind: 'domain', blankIsNull: true },
  stir_shaken_cert: { kind: 'pem', blankIsNull: true },
  // Read by hand (see toState): only when configured.
  stir_shaken_key_wo_version: { fromPrior: true, notSent: true },
  custom_options: { kind: 'json', blankIsNull: true },
};

/** The key to send: `stir_shaken_key_wo` from config when it is due (create, version bump), else null. */
export function stirShakenKeyChange(prior: ObjectValue | null, planned: ObjectValue, config: ObjectValue | null): string | null {
  const wo = config?.stir_shaken_key_wo;
  if (typeof wo !== 'string') return null;
  if (prior === null) return wo;
  const versionChanged = !semanticallyEqual(
    'stir_shaken_key_wo_version',
    prior.stir_shaken_key_wo_version ?? null,
    planned.stir_shaken_key_wo_version ?? null,
  );
  return versionChanged ? wo : null;
}

function withKey(body: ApiObject | null, key: string | null): SystemSettingsUpdate | null {
  if (key === null) return body;
  return { ...(body ?? {}), stir_shaken_key: key };
}

/**
 * The adopting create: POST body with the configured settings that differ from `live`, or null. The
 * key is sent when configured and different from the live one.
 */
export function toCreatePatch(
  live: SystemSettings | ApiObject,
  planned: ObjectValue,
  config?: ObjectValue | null,
): SystemSettingsUpdate | null {
  const body = adoptPatch(systemSettingsSchema.block, systemSettingsRules, SYSTEM_SETTINGS_ID, live, planned);
  let key = stirShakenKeyChange(null, planned, config ?? null);
  const liveKey = (live as ApiObject).stir_shaken_key;
  if (key !== null && typeof liveKey === 'string' && semanticEqual('pem', key, liveKey)) key = null;
  return withKey(body, key);
}

/** POST /admin/settings body with only what changed (plus the key when it is due), or null. */
export function toUpdatePatch(prior: ObjectValue, planned: ObjectValue, config?: ObjectValue | null): SystemSettingsUpdate | null {
  const body = statePatch(systemSettingsSchema.block, systemSettingsRules, prior, planned);
  return withKey(body, stirShakenKeyChange(prior, planned, config ?? null));
}

/** `reset_on_destroy`: the documented defaults not already in place (all of them without `live`), or null. */
export function toResetPatch(live?: SystemSettings | ApiObject | null): SystemSettingsUpdate | null {
  return resetPatch(systemSettingsSchema.block, systemSettingsRules, systemSettingsDefaults, live ?? null);
}

/** API object -> state; the live STIR/SHAKEN key is never read into state. */
export const { toState, semanticallyEqual, keepPriorSpelling } = settingsModel<SystemSettings, SystemSettingsUpdate>(
  systemSettingsSchema.block,
  systemSettingsRules,
  SYSTEM_SETTINGS_ID,
  systemSettingsDefaults,
);
