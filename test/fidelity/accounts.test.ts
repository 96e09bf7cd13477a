// Fidelity of the validation of dealers, admin users and the dealer profile: the provider and the emulator agree with
// the documented rule (test/fidelity/harness.ts; docs/fidelity.md is the table in prose).

import { testRules } from './harness';
import { ACCOUNT_RULES } from './rules/accounts';

testRules(ACCOUNT_RULES);
