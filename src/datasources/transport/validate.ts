// data.portsip_transport: `id`, or `protocol` + `port` together; never both ways.

import type { Diagnostic, ObjectValue } from '../../provider/values';
import {
  checkObject,
  combination,
  intRange,
  isSet,
  notBlank,
  oneOf,
  stringLength,
  SUMMARY_MISSING_ATTRIBUTE,
} from '../../resources/common/validators';
import { TRANSPORT_PROTOCOLS } from '../../resources/transport/schema';

export function validate(config: ObjectValue): Diagnostic[] {
  const out = checkObject(config, [], {
    id: [stringLength(1), notBlank()],
    protocol: oneOf(TRANSPORT_PROTOCOLS),
    port: intRange(0, 65535),
  });
  const byId = isSet(config.id);
  const proto = isSet(config.protocol);
  const port = isSet(config.port);
  if (byId && (proto || port)) {
    out.push(
      combination(
        [proto ? 'protocol' : 'port'],
        'Look the transport up either by "id" or by "protocol" + "port", not both; remove "id" or remove "protocol" and "port".',
      ),
    );
  } else if (!byId && proto !== port) {
    const missing = proto ? 'port' : 'protocol';
    out.push(
      combination(
        [missing],
        `Attribute "${missing}" is required when "${proto ? 'protocol' : 'port'}" is set: a transport is identified by "protocol" and "port" together; got null.`,
      ),
    );
  } else if (!byId && !proto && !port) {
    out.push({
      severity: 'error',
      summary: SUMMARY_MISSING_ATTRIBUTE,
      detail: 'Set "id", or "protocol" and "port", to choose the transport; got neither.',
      path: ['id'],
    });
  }
  return out;
}
