// portsip_data_flow_server: static validation (light IPv4/IPv6 checks: the API documents no formats).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, combination, ipAddress, type Validator } from '../common/validators';

const rules: Record<string, Validator | Validator[]> = {
  private_ipv4: ipAddress(4),
  public_ipv4: ipAddress(4),
  private_ipv6: ipAddress(6),
  public_ipv6: ipAddress(6),
};

export interface ValidateOptions {
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, _opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules);
  if (config.reset_on_destroy === true) {
    out.push(
      combination(
        ['reset_on_destroy'],
        'Attribute "reset_on_destroy" is true, but no setting of this resource has a documented default, so destroying it changes nothing on the PBX.',
        'warning',
      ),
    );
  }
  return out;
}
