// portsip_network_settings: static validation. The API documents no formats (Op 1 [I]), so only light
// IPv4/IPv6 checks are made, plus a warning for IPv6 addresses while IPv6 is disabled.

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, combination, inferred, hostOrIp, ipAddress, isKnown, type Validator } from '../common/validators';

const rules: Record<string, Validator | Validator[]> = {
  // The reference gives no formats (Op 1): the IPv4/IPv6 fields follow their descriptions ("The private
  // IPv4 of system"); the host name and the DNS servers are plausibility checks only (inferred).
  web_domain: inferred(hostOrIp()),
  private_ipv4: ipAddress(4),
  public_ipv4: ipAddress(4),
  private_ipv6: ipAddress(6),
  public_ipv6: ipAddress(6),
  primary_dns_server: inferred(ipAddress()),
  secondary_dns_server: inferred(ipAddress()),
};

export function validate(config: ObjectValue): Diagnostic[] {
  const out = checkObject(config, [], rules);
  if (config.enable_ipv6 === false) {
    for (const k of ['private_ipv6', 'public_ipv6']) {
      if (isKnown(config[k]) && config[k] !== '') {
        out.push(
          combination(
            [k],
            `Attribute "${k}" is set while "enable_ipv6" is false; the address is stored but IPv6 stays disabled.`,
            'warning',
          ),
        );
      }
    }
  }
  return out;
}
