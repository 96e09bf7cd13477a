// Conformance of the client's IP rules and transports operations with openapi-22.2 and docs/portsip-api.md §4
// (checker.ts).

import { NETWORK_CASES } from './cases';
import { runConformance } from './checker';

runConformance(NETWORK_CASES);
