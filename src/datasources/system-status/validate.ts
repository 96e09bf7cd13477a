// data.portsip_system_status: no arguments, nothing to validate.

import type { Diagnostic, ObjectValue } from '../../provider/values';

export function validate(_config: ObjectValue): Diagnostic[] {
  return [];
}
