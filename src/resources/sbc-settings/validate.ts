// portsip_sbc_settings: static validation (docs/portsip-api.md Op 16 [C1], §2.9 ports).

import type { AttributePath, Diagnostic, ObjectValue, Value } from '../../provider/values';
import { checkObject, combination, inferred, hostOrIp, intRange, isKnown, oneOf, quote, type Validator } from '../common/validators';
import { SBC_TRANSPORT_PROTOCOLS } from './schema';

const PORT = intRange(0, 65535);

const rules: Record<string, Validator | Validator[]> = {
  domain: inferred(hostOrIp()),
  http_port: PORT,
  https_port: PORT,
};

const transportRules: Record<string, Validator | Validator[]> = {
  protocol: oneOf(SBC_TRANSPORT_PROTOCOLS),
  port: PORT,
};

export function validate(config: ObjectValue): Diagnostic[] {
  const out = checkObject(config, [], rules);
  if (isKnown(config.http_port) && config.http_port === config.https_port) {
    out.push(
      combination(
        ['https_port'],
        `Attributes "http_port" and "https_port" are both ${quote(config.http_port)}; HTTP and HTTPS normally need different ports (defaults 8882 and 8883).`,
        'warning',
      ),
    );
  }
  const list: Value = config.transports ?? null;
  if (Array.isArray(list)) {
    const seen = new Map<string, number>();
    list.forEach((t, i) => {
      if (!isKnown(t) || typeof t !== 'object' || Array.isArray(t)) return;
      const o = t as ObjectValue;
      const base: AttributePath = ['transports', i];
      out.push(...checkObject(o, base, transportRules));
      // "For TCP, port number 0 is reserved" [C1, §2.9]; TLS runs over TCP.
      if (o.port === 0 && (o.protocol === 'TCP' || o.protocol === 'TLS')) {
        out.push(
          combination(
            [...base, 'port'],
            `Attribute "transports[${i}].port" must be from 1 to 65535 for protocol ${quote(o.protocol)}; got 0 (port 0 is reserved for TCP-based transports).`,
          ),
        );
      }
      if (isKnown(o.protocol) && isKnown(o.port)) {
        const key = `${String(o.protocol)}:${String(o.port)}`;
        const first = seen.get(key);
        if (first !== undefined) {
          out.push(
            combination(
              [...base],
              `Block "transports[${i}]" repeats protocol ${quote(o.protocol)} and port ${quote(o.port)} of "transports[${first}]"; the same listener twice is probably a mistake.`,
              'warning',
            ),
          );
        } else seen.set(key, i);
      }
    });
  }
  return out;
}
