// portsip_certificate: static validation (docs/portsip-api.md Op 43: PEM armour [I]).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import { checkObject, combination, pem, writeOnlyChecks, type Validator } from '../common/validators';

const rules: Record<string, Validator | Validator[]> = {
  crt: pem({ kind: 'certificate' }),
  key_wo: pem({ kind: 'private_key' }),
};

export interface ValidateOptions {
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules, ['key_wo']);
  if (config.crt === '')
    out.push(combination(['crt'], 'Attribute "crt" must be a PEM certificate; got "". The API needs a certificate with every update.'));
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'key_wo', version: 'key_wo_version' }]));
  return out;
}
