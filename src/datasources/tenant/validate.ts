// data.portsip_tenant: exactly one lookup key; the domain must look like one.

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, exactlyOneOf, hostOrIp, notBlank, stringLength } from '../../resources/common/validators';
import { TENANT_LOOKUP_KEYS } from './schema';

export function validate(config: ObjectValue): Diagnostic[] {
  const out = exactlyOneOf(config, [], TENANT_LOOKUP_KEYS);
  out.push(...checkObject(config, [], { id: [stringLength(1), notBlank()], domain: [stringLength(1, 280), hostOrIp()] }));
  return out;
}
