// portsip_tenant: schema (docs/portsip-api.md Ops 34-42; 22.2 fields from C1, 22.3 additions from C2/C3).
//
// Left out on purpose:
// - volatile server fields (`used_disk_quota`, `current_extensions`, `avatar_file_*`): they would make
//   `plan -refresh-only` report drift on every run (docs/protocol.md "Exit codes and drift");
// - `outbound_caller_ids` (read-only detail, managed elsewhere);
// - 22.3 fields whose shapes are unknown: `ai_engine`, `limit_app_logins`, `password_policy`
//   (docs/portsip-api.md Op 35, §8 q4).
// The AI-transcription and CRM feature flags ARE exposed (users need to turn them off; both default
// true per the 22.3 reference), under inferred JSON names kept in src/common/api-223-names.ts.
//
// Nested blocks are SINGLE blocks, which cannot be Computed. A block absent from config is NOT MANAGED:
// Terraform plans it null, reads keep it null unless the prior state had it (or on import, when every
// block is read so -generate-config-out writes it), and removing a block from config sends nothing
// (the server keeps its settings). The same rule applies to each day inside `office_hours`.
// See src/resources/common/mapping.ts.

import { TENANT_AI_TRANSCRIPTION_FLAG, TENANT_CRM_INTEGRATIONS_FLAG } from '../../common/api-223-names';
import type { Block, NestedBlock } from '../../provider/schema';
import { computed, optional, optionalComputed, required, UNMANAGED_WHEN_UNSET, type KitSchema } from '../common/schema-helpers';

const U = UNMANAGED_WHEN_UNSET;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const CONTACT_MATCH_TYPES = ['DISABLE', 'MATCH_EXACTLY', 'MATCH_LENGTH'] as const;
export const APPEND_TYPES = ['DISABLE', 'APPEND', 'PREPEND'] as const;
export const WEBHOOK_AUTH_TYPES = ['DISABLE', 'BASIC', 'DIGEST', 'BEARER'] as const;

const rangeBlock: Block = {
  description: 'One working-time period of the day.',
  attributes: {
    from: required('string', 'Start of the period, `HH:MM` on a 24-hour clock (`00:00`-`23:59`), e.g. `09:00`. Must be earlier than `to`.'),
    to: required('string', 'End of the period, `HH:MM` on a 24-hour clock (`00:00`-`23:59`), e.g. `17:00`. Must be later than `from`.'),
  },
};

function dayBlock(day: string): NestedBlock {
  return {
    nesting: 'single',
    block: {
      description: `Office hours on ${day.charAt(0).toUpperCase()}${day.slice(1)}. Omit the block to leave this day unmanaged.`,
      attributes: {
        enabled: optionalComputed(
          'bool',
          `\`true\`: ${day} is a working day (working time is the listed \`ranges\`); \`false\`: a day off. ${U}`,
        ),
      },
      blocks: {
        ranges: { nesting: 'list', block: rangeBlock },
      },
    },
  };
}

function webhookBlock(what: string): NestedBlock {
  return {
    nesting: 'single',
    block: {
      description: `Webhook the PBX calls for ${what}. Omit the block to leave it unmanaged.`,
      attributes: {
        enabled: optionalComputed('bool', `Send ${what} to \`url\`. Server default \`false\`. ${U}`),
        auth: optionalComputed(
          'string',
          `Authentication used when calling \`url\`: \`DISABLE\` (none), \`BASIC\`, \`DIGEST\` (both need \`username\` and a password) or \`BEARER\` (needs a token). Case-sensitive. Server default \`DISABLE\`. ${U}`,
        ),
        username: optional(
          'string',
          'User name for `BASIC`/`DIGEST` authentication: 6-64 characters, lower-case letters and digits only (`[a-z0-9]{6,64}`).',
        ),
        password_wo: optional(
          'string',
          'Password for `BASIC`/`DIGEST` authentication: 6-64 characters, lower-case letters and digits only (`[a-z0-9]{6,64}`). Write-only (Terraform 1.11+): never stored in plan or state, so a change made on the PBX is not detected. Sent when the tenant is created, whenever the block is sent, and when `credentials_wo_version` changes; leave it unset to keep the password the PBX has.',
          { writeOnly: true },
        ),
        token_wo: optional('string', 'Token for `BEARER` authentication. Write-only (Terraform 1.11+), like `password_wo`.', {
          writeOnly: true,
        }),
        credentials_wo_version: optional('number', 'Any number; changing it re-sends `password_wo` and `token_wo`. Requires one of them.'),
        url: optional('string', 'The URL the events are posted to, 1-128 characters.'),
      },
    },
  };
}

export const tenantSchema: KitSchema = {
  version: 0,
  block: {
    description:
      'A PortSIP PBX tenant (`/api/tenants`). Import with the tenant id or its SIP `domain`. Attributes marked Optional+Computed have server defaults: leave them unset to let the PBX decide.',
    attributes: {
      id: computed('string', 'The tenant id assigned by the PBX (an opaque string).'),
      name: required(
        'string',
        'The tenant name, 1-1024 characters. Updatable in place from PortSIP 22.3 (the 22.2 update API ignores it).',
      ),
      domain: required(
        'string',
        "The tenant's SIP domain, 1-280 characters: usually a fully qualified domain name, or the PBX's IP address. Compared case-insensitively. Must be unique across tenants.",
        { key: 'domain' },
      ),
      website: optional('string', "The tenant's official website, at most 255 characters (PortSIP 22.6 requires 1-128)."),
      timezone: required('string', 'IANA time zone name, e.g. `Asia/Shanghai`, `Europe/London`, `UTC`.'),
      currency: required('string', 'ISO 4217 currency code in upper case, e.g. `USD`.'),
      region: required('string', 'ISO 3166-1 alpha-3 country code in upper case, e.g. `USA`, `CHN`, `GBR`.'),
      enabled: optionalComputed('bool', `Whether the tenant is enabled. Server default \`true\`. ${U}`),
      enable_video_recording: optionalComputed('bool', `Allow extension video recording. Server default \`false\`. ${U}`),
      enable_audio_recording: optionalComputed('bool', `Allow extension audio recording. Server default \`false\`. ${U}`),
      enable_dual_track_recording: optionalComputed('bool', `Allow dual-track recording of calls. Server default \`false\`. ${U}`),
      enable_billing: optionalComputed('bool', `Enable call billing. Server default \`false\`. ${U}`),
      enable_feature_billing: optionalComputed('bool', `Enable the call-billing feature. Server default \`false\`. ${U}`),
      enable_feature_call_statistics: optionalComputed('bool', `Enable the call-statistics feature. Server default \`true\`. ${U}`),
      enable_feature_contact_center: optionalComputed('bool', `Enable the contact-center feature. Server default \`true\`. ${U}`),
      enable_feature_message_channels: optionalComputed('bool', `Enable the message-channels feature. Server default \`true\`. ${U}`),
      enable_feature_microsoft_teams: optionalComputed('bool', `Enable the Microsoft Teams feature. Server default \`true\`. ${U}`),
      enable_feature_trunks: optionalComputed('bool', `Enable the trunks feature. Server default \`true\`. ${U}`),
      enable_feature_whats_app: optionalComputed('bool', `Enable the WhatsApp feature. Server default \`true\`. ${U}`),
      [TENANT_AI_TRANSCRIPTION_FLAG]: optionalComputed(
        'bool',
        `Enable the AI transcription feature (added in PortSIP 22.3). Server default \`true\`; set \`false\` to turn it off. The JSON name is inferred: the 22.3 reference describes the flag but no source spells its name. ${U}`,
      ),
      [TENANT_CRM_INTEGRATIONS_FLAG]: optionalComputed(
        'bool',
        `Enable the CRM integrations feature (added in PortSIP 22.3). Server default \`true\`; set \`false\` to turn it off. The JSON name is inferred: the 22.3 reference describes the flag but no source spells its name. ${U}`,
      ),
      enable_night_mode: optionalComputed('bool', `Enable night mode (added in PortSIP 22.2). Server default \`false\`. ${U}`),
      enable_two_factor_authentication: optionalComputed(
        'bool',
        `Require email one-time-code two-factor authentication for the tenant's users (added in PortSIP 22.2). Server default \`false\`. ${U}`,
      ),
      allow_password_retrieval: optionalComputed(
        'bool',
        `Allow the user APIs to return user and extension passwords (added in PortSIP 22.3; the JSON name is from the 22.3 change summary, the default from the 22.3 reference). Server default \`false\`. ${U}`,
      ),
      custom_options: optional(
        'string',
        'Custom configuration options as a JSON document string (use `jsonencode(...)`). Compared as JSON: whitespace and key order do not matter.',
      ),
      max_extensions: optionalComputed('number', `Maximum number of extensions (users), 0-2147483647. Server default \`1000\`. ${U}`),
      max_concurrent_calls: optionalComputed('number', `Maximum number of concurrent calls, 0-2147483647. Server default \`20\`. ${U}`),
      max_ring_groups: optionalComputed('number', `Maximum number of ring groups, 0-2147483647. Server default \`20\`. ${U}`),
      max_virtual_receptionists: optionalComputed(
        'number',
        `Maximum number of virtual receptionists, 0-2147483647. Server default \`20\`. ${U}`,
      ),
      max_call_queues: optionalComputed('number', `Maximum number of call queues, 0-2147483647. Server default \`20\`. ${U}`),
      max_conference_rooms: optionalComputed(
        'number',
        `Maximum number of conference rooms online at the same time, 0-2147483647. Server default \`20\`. ${U}`,
      ),
      disk_quota: optionalComputed(
        'string',
        `Disk space the tenant may use: a positive whole number followed by \`KB\`, \`MB\`, \`GB\` or \`PB\` (e.g. \`100MB\`, \`1000GB\`), or \`""\` for unlimited. Server default \`""\`. ${U}`,
      ),
      im_disk_quota: optionalComputed(
        'string',
        `Disk space for the tenant's IM service, same format as \`disk_quota\`. Server default \`""\` (unlimited). ${U}`,
      ),
      extension_im_disk_quota: optionalComputed(
        'string',
        `Disk space for each extension's IM messages, same format as \`disk_quota\`. Server default \`1GB\`. ${U}`,
      ),
      recording_retention: optionalComputed('number', `Days to keep recordings, at least 1. Server default \`180\`. ${U}`),
      call_report_retention: optionalComputed('number', `Days to keep call report files, at least 1. Server default \`30\`. ${U}`),
      log_retention: optionalComputed('number', `Days to keep audit and event logs, at least 1. Server default \`180\`. ${U}`),
      temp_file_retention: optionalComputed('number', `Days to keep temporary files, at least 1. Server default \`30\`. ${U}`),
      contact_match_type: optionalComputed(
        'string',
        `How caller numbers are matched to contacts: \`DISABLE\`, \`MATCH_EXACTLY\` or \`MATCH_LENGTH\` (match at least \`contact_match_length\` characters). Case-sensitive. Server default \`MATCH_EXACTLY\`. ${U}`,
      ),
      contact_match_length: optionalComputed(
        'number',
        `Number of characters to match when \`contact_match_type = "MATCH_LENGTH"\` (only allowed then), 0-2147483647. Optional+Computed because the server keeps a stored value even when unused. ${U}`,
      ),
      contact_append_type: optionalComputed(
        'string',
        `How Group, Queue or DID/DDI names are added to the caller ID: \`DISABLE\`, \`APPEND\` or \`PREPEND\`. Case-sensitive. Server default \`APPEND\` (it was \`DISABLE\` before 22.2). ${U}`,
      ),
      contact_inbound_rule_append_type: optionalComputed(
        'string',
        `How inbound-rule (DID) names are added to the caller ID: \`DISABLE\`, \`APPEND\` or \`PREPEND\` (added in PortSIP 22.3; the JSON name is from the 22.3 change summary, the meaning is inferred from the name because the reference repeats the \`contact_append_type\` text). Server default \`APPEND\`. ${U}`,
      ),
      contact_update_interval: optionalComputed(
        'number',
        `Minutes between contact synchronisations from the server, 1-43200. Server default \`720\`. ${U}`,
      ),
      email_recipients: optional(
        'string',
        'Comma-separated email addresses that receive notifications, at most 15 (added in PortSIP 22.2). Compared as a set: spacing, order and the letter case of domains do not matter.',
      ),
      password_force_reset: optionalComputed(
        'bool',
        `Force users to change their initial password (added in PortSIP 22.2). Server default \`false\`. ${U}`,
      ),
      dealer_id: optional(
        'string',
        'Id of the dealer (reseller) the tenant is designated to. Setting or changing it designates the tenant to that dealer; removing it removes the tenant from its dealer. Unset: Terraform designates the tenant to no dealer, and with the provider\'s default `tenant_dealer_reads = "managed"` a designation made outside Terraform is not read or reported (`"all"` reports it as drift).',
        { references: 'portsip_dealer' },
      ),
      created_at: computed('string', 'When the tenant was created (RFC 3339, UTC).'),
    },
    blocks: {
      office_hours: {
        nesting: 'single',
        block: {
          description: 'Weekly office hours. Omit the block to leave office hours unmanaged; omit a day to leave that day unmanaged.',
          attributes: {},
          blocks: Object.fromEntries(WEEKDAYS.map((d) => [d, dayBlock(d)])),
        },
      },
      e164: {
        nesting: 'single',
        block: {
          description: 'E.164 number processing. Omit the block to leave it unmanaged.',
          attributes: {
            enabled: optionalComputed('bool', `Enable number processing. Server default \`false\`. ${U}`),
            international_code: optional('string', 'The international (exit) code, e.g. `00`.'),
            country: optional('string', 'The country, in the PBX\'s "Name(code)" form, e.g. `Angola(244)`.'),
            area_code: optional('string', 'The area code.'),
            national_code: optional('string', 'The national (trunk) prefix, e.g. `0`.'),
            prefix: optional('string', 'A prefix to add.'),
            remove_special_chars: optionalComputed('bool', `Remove "(", ")" and spaces from numbers. Server default \`false\`. ${U}`),
            remove_duplicate_countries: optionalComputed('bool', `Remove duplicate country codes. Server default \`true\`. ${U}`),
            remove_duplicate_area_codes: optionalComputed('bool', `Remove duplicate area codes. Server default \`true\`. ${U}`),
          },
        },
      },
      cdr_event: webhookBlock('call detail records (CDR events)'),
      extension_event: webhookBlock('extension events'),
    },
  },
};
