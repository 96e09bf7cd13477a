// portsip_data_flow_server: static validation (light IPv4/IPv6 checks: the API documents no formats).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, ipAddress, type Validator } from '../common/validators';

const rules: Record<string, Validator | Validator[]> = {
  private_ipv4: ipAddress(4),
  public_ipv4: ipAddress(4),
  private_ipv6: ipAddress(6),
  public_ipv6: ipAddress(6),
};

export function validate(config: ObjectValue): Diagnostic[] {
  return checkObject(config, [], rules);
}
