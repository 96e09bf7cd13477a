// Conformance of the client's sign-in, server information, settings, notification, SBC / IM / Data Flow, certificate, brand operations with openapi-22.2 and docs/portsip-api.md §4
// (checker.ts).

import { SYSTEM_CASES } from './cases';
import { runConformance } from './checker';

runConformance(SYSTEM_CASES);
