// Every fidelity rule, for the check that docs/fidelity.md and the tests list the same rules.

import type { Rule } from '../harness';
import { ACCOUNT_RULES } from './accounts';
import { NETWORK_RULES } from './network';
import { SETTINGS_RULES } from './settings';
import { TENANT_RULES } from './tenants';

export const ALL_RULES: Rule[] = [...NETWORK_RULES, ...ACCOUNT_RULES, ...TENANT_RULES, ...SETTINGS_RULES];
