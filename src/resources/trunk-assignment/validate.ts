// portsip_trunk_assignment: static validation (docs/portsip-api.md Op 50 [C1], §6.6 DID pool check).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, didPool, INT32_MAX, intRange, matches, notBlank, stringLength, type Validator } from '../common/validators';

const ID: Validator[] = [
  stringLength(1),
  notBlank(),
  matches(/^[^/\s]*$/, 'an id without "/" or white space (the assignment id is "<trunk_id>/<tenant_id>")'),
];

const rules: Record<string, Validator | Validator[]> = {
  trunk_id: ID,
  tenant_id: ID,
  did_numbers: didPool(),
  concurrency: intRange(0, INT32_MAX),
};

export function validate(config: ObjectValue): Diagnostic[] {
  return checkObject(config, [], rules);
}
