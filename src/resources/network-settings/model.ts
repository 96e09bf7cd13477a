// portsip_network_settings: API <-> state mapping (pure functions). Singleton semantics are in
// src/resources/common/singleton.ts.

import type { Network, NetworkUpdate } from '../../client/types';
import type { FieldRules } from '../common/mapping';
import { settingsModel } from '../kit/model';
import { SINGLETON_RULES } from '../common/singleton';
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

/** The mapping functions; `reset_on_destroy` restores `enable_ipv6 = true` unless already so. */
export const { toState, toCreatePatch, toUpdatePatch, toResetPatch, keepPriorSpelling } = settingsModel<Network, NetworkUpdate>(
  networkSettingsSchema.block,
  networkSettingsRules,
  NETWORK_SETTINGS_ID,
  networkSettingsDefaults,
);
