// portsip_transport: static validation (docs/portsip-api.md Op 29/31 [C1, C3]).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, combination, intRange, isKnown, oneOf, quote, type Validator } from '../common/validators';
import { TLS_VERIFICATION, TRANSPORT_PROTOCOLS } from './schema';

const rules: Record<string, Validator | Validator[]> = {
  protocol: oneOf(TRANSPORT_PROTOCOLS),
  port: intRange(0, 65535),
  verification: oneOf(TLS_VERIFICATION),
};

export function validate(config: ObjectValue): Diagnostic[] {
  const out = checkObject(config, [], rules);
  const protocol = config.protocol;
  const port = config.port;
  const verification = config.verification;

  // "For TCP, port number 0 is reserved and cannot be used, while for UDP ... zero means no port" [C1, C3].
  // TLS runs over TCP, so the same reservation applies.
  if (port === 0 && (protocol === 'TCP' || protocol === 'TLS')) {
    out.push(
      combination(
        ['port'],
        `Attribute "port" must be from 1 to 65535 for protocol ${quote(protocol)}; got 0 (port 0 is reserved for TCP-based transports).`,
      ),
    );
  } else if (port === 0 && protocol === 'UDP') {
    out.push(
      combination(
        ['port'],
        'Attribute "port" is 0; for UDP that means "no port", so the transport will not listen on a fixed port. Usual UDP SIP port: 5060.',
        'warning',
      ),
    );
  }

  // The reference describes `verification` as what the PBX asks of TLS clients (Op 29 [C1, C3]) but
  // no document says other protocols refuse it: a warning, not an error (docs/fidelity.md).
  if (isKnown(protocol) && protocol !== 'TLS' && (verification === 'OPTIONAL' || verification === 'MANDATORY')) {
    out.push(
      combination(
        ['verification'],
        `Attribute "verification" is ${quote(verification)} with protocol ${quote(protocol)}; client certificates are a TLS feature, so it probably has no effect on ${quote(protocol)}.`,
        'warning',
      ),
    );
  }
  return out;
}
