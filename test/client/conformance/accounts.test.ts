// Conformance of the client's admin users, the signed-in admin and dealer, dealers operations with openapi-22.2 and docs/portsip-api.md §4
// (checker.ts).

import { ACCOUNT_CASES } from './cases';
import { runConformance } from './checker';

runConformance(ACCOUNT_CASES);
