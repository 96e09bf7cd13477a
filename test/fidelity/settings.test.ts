// Fidelity of the validation of the settings singletons, the certificate, the brand and whole requests: the provider and the emulator agree with
// the documented rule (test/fidelity/harness.ts; docs/fidelity.md is the table in prose).

import { testRules } from './harness';
import { SETTINGS_RULES } from './rules/settings';

testRules(SETTINGS_RULES);
