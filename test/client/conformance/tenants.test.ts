// Conformance of the client's tenants and trunks (providers) operations with openapi-22.2 and docs/portsip-api.md §4
// (checker.ts).

import { TENANT_CASES } from './cases';
import { runConformance } from './checker';

runConformance(TENANT_CASES);
