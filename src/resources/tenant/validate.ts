// portsip_tenant: static validation of a configuration (ValidateResourceConfig). Every rule from
// docs/portsip-api.md Op 35 and §2.9; every problem is reported; unknown and null values are skipped.

import { type AttributePath, type Diagnostic, type ObjectValue, type Value } from '../../provider/values';
import {
  all,
  check,
  checkObject,
  combination,
  currency,
  emailList,
  firstError,
  inferred,
  formatPath,
  hhmm,
  hhmmMinutes,
  hostOrIp,
  INT32_MAX,
  intRange,
  isKnown,
  isSet,
  jsonText,
  matches,
  oneOf,
  quote,
  region,
  sensitive,
  sizeString,
  stringLength,
  SUMMARY_UNSUPPORTED,
  timezone,
  notBlank,
  type Validator,
} from '../common/validators';
import { APPEND_TYPES, CONTACT_MATCH_TYPES, WEBHOOK_AUTH_TYPES, WEEKDAYS } from './schema';

const count = intRange(0, INT32_MAX);
const retention = intRange(1, INT32_MAX);

const topLevel: Record<string, Validator | Validator[]> = {
  // A name of only white space passes PortSIP's 1-1024 rule: the blank check only warns (inferred).
  name: [stringLength(1, 1024), inferred(notBlank())],
  domain: [stringLength(1, 280), hostOrIp()],
  website: stringLength(0, 255),
  timezone: timezone(),
  currency: currency(),
  region: region(),
  custom_options: jsonText(),
  max_extensions: count,
  max_concurrent_calls: count,
  max_ring_groups: count,
  max_virtual_receptionists: count,
  max_call_queues: count,
  max_conference_rooms: count,
  disk_quota: sizeString(),
  im_disk_quota: sizeString(),
  extension_im_disk_quota: sizeString(),
  recording_retention: retention,
  call_report_retention: retention,
  log_retention: retention,
  temp_file_retention: retention,
  contact_match_type: oneOf(CONTACT_MATCH_TYPES),
  contact_match_length: count,
  contact_append_type: oneOf(APPEND_TYPES),
  contact_inbound_rule_append_type: oneOf(APPEND_TYPES),
  // uint32 in C1, but the documented range is 1-43200 minutes (30 days).
  contact_update_interval: intRange(1, 43200),
  email_recipients: emailList(15),
  dealer_id: [stringLength(1), notBlank()],
};

// Webhook credentials: minLength 6, maxLength 64, pattern `[a-z0-9]{6,64}` [C1]. OpenAPI patterns are
// not anchored (JSON Schema: the pattern must match somewhere in the value), so PortSIP's rule is "6-64
// characters containing a run of six lower-case letters or digits", not "only a-z0-9". The spec also
// puts that pattern on `url`, which is a doc bug (docs/portsip-api.md Op 35), so `url` only gets its 1-128 length.
const CREDENTIAL = firstError(
  stringLength(6, 64),
  matches(
    /[a-z0-9]{6,64}/,
    'a value containing at least six lower-case letters a-z or digits 0-9 in a row (PortSIP pattern [a-z0-9]{6,64})',
  ),
);

const webhookRules: Record<string, Validator | Validator[]> = {
  auth: oneOf(WEBHOOK_AUTH_TYPES),
  username: CREDENTIAL,
  password_wo: sensitive(CREDENTIAL),
  token_wo: sensitive(all(stringLength(1), inferred(notBlank()))),
  url: stringLength(1, 128),
};

function asObj(v: Value | undefined): ObjectValue | null {
  return isKnown(v) && typeof v === 'object' && !Array.isArray(v) ? (v as ObjectValue) : null;
}

// The secrets are write-only and may be left unset (the PBX keeps what it has, e.g. after an import),
// so they are never required here; a secret the chosen `auth` does not use is flagged.
function validateWebhook(block: ObjectValue, base: AttributePath, opts: ValidateOptions): Diagnostic[] {
  const out = checkObject(block, base, webhookRules, ['password_wo', 'token_wo']);
  const auth = block.auth;
  const name = formatPath(base);
  // Terraform before 1.11 does not know write-only attributes and would store the secret in state
  // (docs/protocol.md "Write-only attributes"): refuse it, as the other write-only secrets are (validators.writeOnlyChecks).
  if (opts.writeOnlyAttributesAllowed === false) {
    for (const k of ['password_wo', 'token_wo'] as const) {
      if (isKnown(block[k]))
        out.push({
          severity: 'error',
          summary: SUMMARY_UNSUPPORTED,
          detail: `Attribute "${name}.${k}" is write-only, which needs Terraform 1.11 or later; this Terraform would store it in state. Upgrade Terraform to use it.`,
          path: [...base, k],
        });
    }
  }
  // Inferred (no document requires it): a warning only.
  if ((auth === 'BASIC' || auth === 'DIGEST') && !isSet(block.username)) {
    out.push(
      combination(
        [...base, 'username'],
        `Attribute "${name}.username" is not set while "${name}.auth" is "${auth}"; ${auth} authentication needs a user name (and a password: "password_wo", or the one the PBX has) unless the PBX already holds one.`,
        'warning',
      ),
    );
  }
  if (isKnown(auth) && auth !== 'BEARER' && isKnown(block.token_wo)) {
    out.push(
      combination(
        [...base, 'token_wo'],
        `Attribute "${name}.token_wo" is only used when "${name}.auth" is "BEARER"; "auth" is ${quote(auth)}, so the token is ignored.`,
        'warning',
      ),
    );
  }
  if (isKnown(auth) && (auth === 'DISABLE' || auth === 'BEARER')) {
    for (const k of ['username', 'password_wo'] as const) {
      if (isKnown(block[k]))
        out.push(
          combination(
            [...base, k],
            `Attribute "${name}.${k}" is only used when "${name}.auth" is "BASIC" or "DIGEST"; "auth" is ${quote(auth)}, so it is ignored.`,
            'warning',
          ),
        );
    }
  }
  if (isSet(block.credentials_wo_version) && block.password_wo === null && block.token_wo === null) {
    out.push(
      combination(
        [...base, 'credentials_wo_version'],
        `Attribute "${name}.credentials_wo_version" requires "${name}.password_wo" or "${name}.token_wo": it only triggers sending them again.`,
      ),
    );
  }
  // An enabled webhook with no URL cannot deliver anything (not in the API text: inferred, a warning).
  if (block.enabled === true && block.url === null) {
    out.push(
      combination(
        [...base, 'url'],
        `Attribute "${name}.url" is not set while "${name}.enabled" is true; the webhook has nowhere to deliver unless the PBX already holds a URL.`,
        'warning',
      ),
    );
  }
  return out;
}

function validateOfficeHours(oh: ObjectValue, base: AttributePath): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const day of WEEKDAYS) {
    const d = asObj(oh[day]);
    if (!d) continue;
    const ranges = d.ranges;
    if (!Array.isArray(ranges)) continue;
    ranges.forEach((r, i) => {
      const ro = asObj(r);
      if (!ro) return;
      const p: AttributePath = [...base, day, 'ranges', i];
      out.push(...check(ro.from, [...p, 'from'], hhmm()));
      out.push(...check(ro.to, [...p, 'to'], hhmm()));
      const f = hhmmMinutes(ro.from ?? null);
      const t = hhmmMinutes(ro.to ?? null);
      if (f !== null && t !== null && f >= t) {
        out.push(
          combination(
            [...p, 'to'],
            `Attribute "${formatPath([...p, 'to'])}" must be later than "from" (times are on one day, 00:00-23:59); got from ${quote(ro.from!)} and to ${quote(ro.to!)}.`,
          ),
        );
      }
    });
  }
  return out;
}

export interface ValidateOptions {
  /** From ClientCapabilities.write_only_attributes_allowed: false refuses the write-only webhook secrets. */
  writeOnlyAttributesAllowed?: boolean;
}

export function validate(config: ObjectValue, opts: ValidateOptions = {}): Diagnostic[] {
  const out = checkObject(config, [], topLevel);

  // contact_match_length is "the matched length of characters when contact_match_type is MATCH_LENGTH"
  // (seed Op 35): a description, not a refusal. The PBX accepts it with any type; it only has no
  // effect, so a warning says so.
  const mt = config.contact_match_type;
  if (isKnown(config.contact_match_length) && isKnown(mt) && mt !== 'MATCH_LENGTH') {
    out.push(
      combination(
        ['contact_match_length'],
        `Attribute "contact_match_length" (${quote(config.contact_match_length)}) only takes effect when "contact_match_type" is "MATCH_LENGTH"; "contact_match_type" is ${quote(mt)}.`,
        'warning',
      ),
    );
  } else if (isKnown(config.contact_match_length) && mt === null) {
    out.push(
      combination(
        ['contact_match_length'],
        'Attribute "contact_match_length" only takes effect when "contact_match_type" is "MATCH_LENGTH", and "contact_match_type" is not set (server default "MATCH_EXACTLY"). Set contact_match_type = "MATCH_LENGTH".',
        'warning',
      ),
    );
  }

  const oh = asObj(config.office_hours);
  if (oh) out.push(...validateOfficeHours(oh, ['office_hours']));

  // e164 has no documented constraints beyond types.

  for (const hook of ['cdr_event', 'extension_event'] as const) {
    const b = asObj(config[hook]);
    if (b) out.push(...validateWebhook(b, [hook], opts));
  }
  return out;
}
