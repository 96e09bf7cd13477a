// portsip_trunk: static validation (docs/portsip-api.md "Trunks": the createProvider / updateProvider
// constraints [C1]: enums, lengths, port and integer ranges; host names; CIDR lists; DID pools).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { parseCidr } from '../common/normalize';
import {
  checkObject,
  combination,
  didPool,
  hostOrIp,
  INT32_MAX,
  intRange,
  isKnown,
  notBlank,
  oneOf,
  problem,
  quote,
  stringLength,
  writeOnlyChecks,
  type Validator,
} from '../common/validators';
import { TRUNK_AUTH_MODES, TRUNK_TRANSPORTS } from './schema';

/** "A semicolon-separated list of IP addresses in CIDR format" (C1 additional_ips). */
const cidrList = (): Validator => (v, p, c) => {
  if (typeof v !== 'string' || v === '') return [];
  const rule = 'must be IPv4 or IPv6 networks in CIDR notation separated by ";", e.g. "192.0.2.0/24;198.51.100.7/32"';
  return v.split(';').flatMap((part, i) => {
    const r = parseCidr(part);
    return r.ok ? [] : [problem(p, v, c, rule, `Entry ${i + 1} ${JSON.stringify(part)}: ${r.reason}.`)];
  });
};

const PORT = intRange(0, 65535);
const HOST = [stringLength(1), hostOrIp()];

const rules: Record<string, Validator | Validator[]> = {
  name: [stringLength(1, 64), notBlank()],
  brand: stringLength(1, 64),
  auth_mode: oneOf(TRUNK_AUTH_MODES),
  transport: oneOf(TRUNK_TRANSPORTS),
  hostname: HOST,
  port: PORT,
  outbound_server: HOST,
  outbound_server_port: PORT,
  concurrency: intRange(0, INT32_MAX),
  auth_id: stringLength(0, 64),
  username: stringLength(0, 64),
  register_interval: intRange(0, INT32_MAX),
  keep_alive_interval: intRange(0, INT32_MAX),
  additional_ips: cidrList(),
  did_numbers: didPool(),
};

export interface ValidateOptions {
  /** ClientCapabilities.write_only_attributes_allowed (see src/resources/dealer/validate.ts). */
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules, ['password_wo']);
  // "For TCP, port number 0 is reserved and cannot be used" (C1, every port field); TLS runs over TCP.
  const transport = config.transport;
  if (isKnown(transport) && transport !== 'UDP')
    for (const f of ['port', 'outbound_server_port'] as const)
      if (config[f] === 0)
        out.push(
          combination(
            [f],
            `Attribute "${f}" must be from 1 to 65535 with transport ${quote(transport)}; got 0 (port 0 is reserved for TCP-based transports).`,
          ),
        );
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'password_wo', version: 'password_wo_version' }]));
  return out;
}
