// data.portsip_dealer: exactly one lookup key; the name must follow the username rules.

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, exactlyOneOf, notBlank, stringLength, username } from '../../resources/common/validators';
import { DEALER_LOOKUP_KEYS } from './schema';

export function validate(config: ObjectValue): Diagnostic[] {
  const out = exactlyOneOf(config, [], DEALER_LOOKUP_KEYS);
  out.push(...checkObject(config, [], { id: [stringLength(1), notBlank()], name: username() }));
  return out;
}
