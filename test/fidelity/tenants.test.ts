// Fidelity of the validation of tenants and trunk assignments: the provider and the emulator agree with
// the documented rule (test/fidelity/harness.ts; docs/fidelity.md is the table in prose).

import { testRules } from './harness';
import { TENANT_RULES } from './rules/tenants';

testRules(TENANT_RULES);
