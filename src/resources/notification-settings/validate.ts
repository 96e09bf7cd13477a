// portsip_notification_settings: static validation (docs/portsip-api.md Op 14 [C1], §2.9 email list).

import type { Diagnostic, ObjectValue } from '../../provider/values';
import {
  checkObject,
  combination,
  email,
  emailList,
  hostOrIp,
  intRange,
  isKnown,
  numberRange,
  inferred,
  oneOf,
  quote,
  stringLength,
  writeOnlyChecks,
  type Validator,
} from '../common/validators';
import { MAIL_TYPES, SMTP_AUTH_TYPES } from './schema';

// The thresholds are plain doubles [C1] whose only documented value is the example 0.9: nothing is
// refused. A value above 1 probably means a percentage (90 for 0.9), which is inferred: a warning.
const FRACTION = inferred(numberRange(0, 1, 'Thresholds look like fractions in the documents (example 0.9 = 90 %).'));

const rules: Record<string, Validator | Validator[]> = {
  type: oneOf(MAIL_TYPES),
  server: inferred(hostOrIp()),
  port: intRange(0, 65535),
  reply_to: [stringLength(0, 128), email()],
  username: stringLength(0, 128),
  password_wo: stringLength(1),
  auth: oneOf(SMTP_AUTH_TYPES),
  recipients: emailList(15),
  hard_disk_threshold: FRACTION,
  cpu_threshold: FRACTION,
  memory_threshold: FRACTION,
};

export interface ValidateOptions {
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], rules, ['password_wo']);
  out.push(...writeOnlyChecks(config, opts, [{ writeOnly: 'password_wo', version: 'password_wo_version' }]));

  if (config.port === 0) {
    out.push(
      combination(
        ['port'],
        'Attribute "port" is 0, which is not a usable SMTP port (usual: 465 with TLS, 587 with STARTTLS, 25).',
        'warning',
      ),
    );
  }
  if (config.auth === 'DISABLE' && isKnown(config.password_wo)) {
    const which = 'password_wo';
    out.push(
      combination(
        [which],
        `Attribute "${which}" is set, but "auth" is "DISABLE", so the mail server is used without authentication and the password is not used.`,
        'warning',
      ),
    );
  }
  if (config.enable_tls_ssl === true && config.enable_starttls_auto === true) {
    out.push(
      combination(
        ['enable_starttls_auto'],
        'Attributes "enable_tls_ssl" and "enable_starttls_auto" are both true; a connection uses either implicit TLS (usually port 465) or STARTTLS (usually port 587), not both. Set one of them to false.',
        'warning',
      ),
    );
  }
  const pairs: [string, string][] = [
    ['hard_disk_threshold', 'notify_hard_disk_exceeded_threshold'],
    ['cpu_threshold', 'notify_cpu_exceeded_threshold'],
    ['memory_threshold', 'notify_memory_exceeded_threshold'],
  ];
  for (const [t, f] of pairs) {
    if (isKnown(config[t]) && config[f] === false) {
      out.push(combination([t], `Attribute "${t}" is ${quote(config[t])} but "${f}" is false, so no alert is sent for it.`, 'warning'));
    }
  }
  return out;
}
