// Validation of the four resources: invalid configurations (path, attribute name, bad value and what is
// allowed in every diagnostic), multi-problem configurations (all reported), valid ones (no errors) and
// unknown values (skipped).

import { BigNum, UNKNOWN, type AttributePath, type Diagnostic, type ObjectValue } from '../../src/provider/values';
import { tenantSchema } from '../../src/resources/tenant/schema';
import { validate as validateTenant } from '../../src/resources/tenant/validate';
import { dealerSchema } from '../../src/resources/dealer/schema';
import { validate as validateDealer } from '../../src/resources/dealer/validate';
import { transportSchema } from '../../src/resources/transport/schema';
import { validate as validateTransport } from '../../src/resources/transport/validate';
import { ipRuleSchema } from '../../src/resources/ip-rule/schema';
import { validate as validateIpRule } from '../../src/resources/ip-rule/validate';
import { blockOf, configOf, describeDiags, errors, warnings } from './helpers';

// ---------------------------------------------------------------------------------------------
// Config builders

const TENANT_BASE: ObjectValue = { name: 'Acme', domain: 'sip.acme.example', timezone: 'Europe/London', currency: 'GBP', region: 'GBR' };
const tenant = (o: ObjectValue = {}) => configOf(tenantSchema, { ...TENANT_BASE, ...o });
const day = (d: string, v: ObjectValue) => blockOf(tenantSchema, ['office_hours', d], v);
const officeHours = (days: Record<string, ObjectValue>) =>
  blockOf(tenantSchema, ['office_hours'], Object.fromEntries(Object.entries(days).map(([d, v]) => [d, day(d, v)])));
const hook = (v: ObjectValue) => blockOf(tenantSchema, ['cdr_event'], v);

const DEALER_BASE: ObjectValue = { name: 'acme-reseller', level: 'RESELLER', password_wo: 'secret-123', password_wo_version: 1 };
const dealer = (o: ObjectValue = {}) => configOf(dealerSchema, { ...DEALER_BASE, ...o });

const transport = (o: ObjectValue = {}) => configOf(transportSchema, { protocol: 'TLS', port: 5061, ...o });
const ipRule = (o: ObjectValue = {}) => configOf(ipRuleSchema, { cidr: '192.0.2.0/24', target: 'DENY', ...o });

// ---------------------------------------------------------------------------------------------
// The table

interface Expected {
  path: AttributePath;
  /** Every string must appear in the detail (attribute name, value received, what is allowed). */
  contains: string[];
  notContains?: string[];
  severity?: 'error' | 'warning';
}

interface Case {
  name: string;
  run: () => Diagnostic[];
  expect: Expected[];
}

const long = (n: number, ch = 'a') => ch.repeat(n);
const emails = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`).join(',');

const cases: Case[] = [
  // ---- tenant: scalars
  {
    name: 'tenant name empty',
    run: () => validateTenant(tenant({ name: '' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got ""', '1 to 1024 characters'] }],
  },
  {
    name: 'tenant name too long',
    run: () => validateTenant(tenant({ name: long(1025) })),
    expect: [{ path: ['name'], contains: ['"name"', '(1025 characters)', '1 to 1024 characters'] }],
  },
  {
    name: 'tenant domain too long',
    run: () => validateTenant(tenant({ domain: `${long(60)}.${long(60)}.${long(60)}.${long(60)}.${long(40)}.com` })),
    expect: [{ path: ['domain'], contains: ['"domain"', 'characters)', '1 to 280 characters'] }],
  },
  {
    name: 'tenant domain with a space',
    run: () => validateTenant(tenant({ domain: 'sip acme.example' })),
    expect: [{ path: ['domain'], contains: ['"domain"', '"sip acme.example"', 'host name', 'IP address', 'Not allowed: " "'] }],
  },
  {
    name: 'tenant domain bad IPv4',
    run: () => validateTenant(tenant({ domain: '10.0.0.300' })),
    expect: [{ path: ['domain'], contains: ['"domain"', '"10.0.0.300"', 'IP address', 'greater than 255'] }],
  },
  {
    name: 'tenant website too long',
    run: () => validateTenant(tenant({ website: `https://${long(250)}.com` })),
    expect: [{ path: ['website'], contains: ['"website"', 'at most 255 characters', '(262 characters)'] }],
  },
  {
    name: 'tenant timezone unknown',
    run: () => validateTenant(tenant({ timezone: 'Mars/Olympus_Mons' })),
    expect: [{ path: ['timezone'], contains: ['"timezone"', '"Mars/Olympus_Mons"', 'IANA time zone', '"Asia/Shanghai"'] }],
  },
  {
    name: 'tenant timezone wrong case',
    run: () => validateTenant(tenant({ timezone: 'asia/shanghai' })),
    expect: [{ path: ['timezone'], contains: ['"timezone"', '"asia/shanghai"', 'Did you mean "Asia/Shanghai"'] }],
  },
  {
    name: 'tenant currency lower case',
    run: () => validateTenant(tenant({ currency: 'usd' })),
    expect: [{ path: ['currency'], contains: ['"currency"', '"usd"', 'ISO 4217', 'Did you mean "USD"'] }],
  },
  {
    name: 'tenant currency unknown',
    run: () => validateTenant(tenant({ currency: 'ABC' })),
    expect: [{ path: ['currency'], contains: ['"currency"', '"ABC"', 'ISO 4217 currency code in upper case'] }],
  },
  {
    name: 'tenant region alpha-2',
    run: () => validateTenant(tenant({ region: 'US' })),
    expect: [{ path: ['region'], contains: ['"region"', '"US"', 'ISO 3166-1 alpha-3', '"USA"'] }],
  },
  {
    name: 'tenant region not assigned',
    run: () => validateTenant(tenant({ region: 'XKX' })),
    expect: [{ path: ['region'], contains: ['"region"', '"XKX"', 'alpha-3 country code'] }],
  },
  {
    name: 'tenant region lower case',
    run: () => validateTenant(tenant({ region: 'gbr' })),
    expect: [{ path: ['region'], contains: ['"region"', '"gbr"', 'Did you mean "GBR"'] }],
  },
  {
    name: 'tenant max_extensions negative',
    run: () => validateTenant(tenant({ max_extensions: -1 })),
    expect: [{ path: ['max_extensions'], contains: ['"max_extensions"', 'got -1', 'whole number from 0 to 2147483647'] }],
  },
  {
    name: 'tenant max_concurrent_calls fractional',
    run: () => validateTenant(tenant({ max_concurrent_calls: 1.5 })),
    expect: [{ path: ['max_concurrent_calls'], contains: ['"max_concurrent_calls"', 'got 1.5', 'whole number from 0 to 2147483647'] }],
  },
  {
    name: 'tenant max_call_queues beyond int32',
    run: () => validateTenant(tenant({ max_call_queues: new BigNum('99999999999999999999') })),
    expect: [{ path: ['max_call_queues'], contains: ['"max_call_queues"', 'got 99999999999999999999', 'from 0 to 2147483647'] }],
  },
  {
    name: 'tenant recording_retention zero',
    run: () => validateTenant(tenant({ recording_retention: 0 })),
    expect: [{ path: ['recording_retention'], contains: ['"recording_retention"', 'got 0', 'from 1 to 2147483647'] }],
  },
  {
    name: 'tenant contact_update_interval too big',
    run: () => validateTenant(tenant({ contact_update_interval: 43201 })),
    expect: [{ path: ['contact_update_interval'], contains: ['"contact_update_interval"', 'got 43201', 'from 1 to 43200'] }],
  },
  {
    name: 'tenant disk_quota in TB',
    run: () => validateTenant(tenant({ disk_quota: '10TB' })),
    expect: [{ path: ['disk_quota'], contains: ['"disk_quota"', '"10TB"', 'KB, MB, GB or PB', 'TB is not a documented unit'] }],
  },
  {
    name: 'tenant im_disk_quota lower-case unit',
    run: () => validateTenant(tenant({ im_disk_quota: '1gb' })),
    expect: [{ path: ['im_disk_quota'], contains: ['"im_disk_quota"', '"1gb"', 'KB, MB, GB or PB', 'Did you mean "1GB"'] }],
  },
  {
    name: 'tenant extension_im_disk_quota zero',
    run: () => validateTenant(tenant({ extension_im_disk_quota: '0MB' })),
    expect: [
      { path: ['extension_im_disk_quota'], contains: ['"extension_im_disk_quota"', '"0MB"', 'positive whole number', '"" for unlimited'] },
    ],
  },
  {
    name: 'tenant contact_match_type wrong case',
    run: () => validateTenant(tenant({ contact_match_type: 'match_length' })),
    expect: [
      {
        path: ['contact_match_type'],
        contains: ['"contact_match_type"', '"match_length"', '"DISABLE", "MATCH_EXACTLY", "MATCH_LENGTH"', 'Did you mean "MATCH_LENGTH"'],
      },
    ],
  },
  {
    name: 'tenant contact_append_type unknown',
    run: () => validateTenant(tenant({ contact_append_type: 'AFTER' })),
    expect: [
      { path: ['contact_append_type'], contains: ['"contact_append_type"', '"AFTER"', '"DISABLE", "APPEND", "PREPEND"', 'case-sensitive'] },
    ],
  },
  {
    name: 'tenant contact_inbound_rule_append_type lower case',
    run: () => validateTenant(tenant({ contact_inbound_rule_append_type: 'prepend' })),
    expect: [
      {
        path: ['contact_inbound_rule_append_type'],
        contains: ['"contact_inbound_rule_append_type"', '"prepend"', '"DISABLE", "APPEND", "PREPEND"'],
      },
    ],
  },
  {
    name: 'tenant email_recipients 16 addresses',
    run: () => validateTenant(tenant({ email_recipients: emails(16) })),
    expect: [
      {
        path: ['email_recipients'],
        contains: ['"email_recipients"', 'user0@example.com', 'at most 15 email addresses', 'It has 16 addresses'],
      },
    ],
  },
  {
    name: 'tenant email_recipients bad entry and stray comma',
    run: () => validateTenant(tenant({ email_recipients: 'ops@example.com, not-an-email,' })),
    expect: [
      {
        path: ['email_recipients'],
        contains: [
          '"email_recipients"',
          '"ops@example.com, not-an-email,"',
          'Entry 2 "not-an-email"',
          'comma-separated list of at most 15',
        ],
      },
      { path: ['email_recipients'], contains: ['"email_recipients"', 'Entry 3 is empty'] },
    ],
  },
  {
    name: 'tenant custom_options not JSON',
    run: () => validateTenant(tenant({ custom_options: '{bad json' })),
    expect: [{ path: ['custom_options'], contains: ['"custom_options"', '"{bad json"', 'JSON document', 'jsonencode'] }],
  },
  {
    name: 'tenant contact_match_length with MATCH_EXACTLY',
    run: () => validateTenant(tenant({ contact_match_type: 'MATCH_EXACTLY', contact_match_length: 6 })),
    expect: [
      {
        path: ['contact_match_length'],
        contains: ['"contact_match_length"', '"MATCH_EXACTLY"', '(6)', 'only takes effect when "contact_match_type" is "MATCH_LENGTH"'],
        severity: 'warning',
      },
    ],
  },
  {
    name: 'tenant contact_match_length without type (warning)',
    run: () => validateTenant(tenant({ contact_match_length: 6 })),
    expect: [
      { path: ['contact_match_length'], severity: 'warning', contains: ['"contact_match_length"', 'MATCH_LENGTH', 'MATCH_EXACTLY'] },
    ],
  },

  // ---- tenant: office hours
  {
    name: 'office hours hour 25',
    run: () =>
      validateTenant(tenant({ office_hours: officeHours({ monday: { enabled: true, ranges: [{ from: '25:00', to: '26:00' }] } }) })),
    expect: [
      {
        path: ['office_hours', 'monday', 'ranges', 0, 'from'],
        contains: ['"office_hours.monday.ranges[0].from"', '"25:00"', '"HH:MM" on a 24-hour clock', '"00:00" to "23:59"'],
      },
      {
        path: ['office_hours', 'monday', 'ranges', 0, 'to'],
        contains: ['"office_hours.monday.ranges[0].to"', '"26:00"', '"00:00" to "23:59"'],
      },
    ],
  },
  {
    name: 'office hours from after to',
    run: () =>
      validateTenant(
        tenant({
          office_hours: officeHours({
            friday: {
              ranges: [
                { from: '09:00', to: '12:00' },
                { from: '17:00', to: '13:00' },
              ],
            },
          }),
        }),
      ),
    expect: [
      {
        path: ['office_hours', 'friday', 'ranges', 1, 'to'],
        contains: ['"office_hours.friday.ranges[1].to"', 'later than "from"', 'from "17:00" and to "13:00"'],
      },
    ],
  },
  {
    name: 'office hours single-digit hour and 24:00',
    run: () => validateTenant(tenant({ office_hours: officeHours({ sunday: { ranges: [{ from: '9:00', to: '24:00' }] } }) })),
    expect: [
      {
        path: ['office_hours', 'sunday', 'ranges', 0, 'from'],
        contains: ['"office_hours.sunday.ranges[0].from"', '"9:00"', 'Did you mean "09:00"'],
      },
      { path: ['office_hours', 'sunday', 'ranges', 0, 'to'], contains: ['"office_hours.sunday.ranges[0].to"', '"24:00"', '"23:59"'] },
    ],
  },
  {
    name: 'office hours equal from and to',
    run: () => validateTenant(tenant({ office_hours: officeHours({ tuesday: { ranges: [{ from: '10:00', to: '10:00' }] } }) })),
    expect: [
      {
        path: ['office_hours', 'tuesday', 'ranges', 0, 'to'],
        contains: ['"office_hours.tuesday.ranges[0].to"', 'from "10:00" and to "10:00"', 'later than'],
      },
    ],
  },

  // ---- tenant: webhooks
  {
    name: 'webhook auth wrong case',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'basic', username: 'hookuser1', password_wo: 'hookpass1', url: 'https://h.example/cdr' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'auth'],
        contains: ['"cdr_event.auth"', '"basic"', '"DISABLE", "BASIC", "DIGEST", "BEARER"', 'Did you mean "BASIC"'],
      },
    ],
  },
  {
    // The password is write-only and may be left to the PBX (e.g. after an import): only the user name is required.
    name: 'webhook BASIC without credentials',
    run: () => validateTenant(tenant({ cdr_event: hook({ auth: 'BASIC', url: 'https://h.example/cdr' }) })),
    expect: [
      {
        path: ['cdr_event', 'username'],
        contains: ['"cdr_event.username"', 'is not set while "cdr_event.auth" is "BASIC"', '"password_wo"'],
        severity: 'warning',
      },
    ],
  },
  {
    name: 'webhook DIGEST with a password but no user name',
    run: () => validateTenant(tenant({ cdr_event: hook({ auth: 'DIGEST', password_wo: 'hookpass1', url: 'https://h.example/cdr' }) })),
    expect: [
      {
        path: ['cdr_event', 'username'],
        contains: ['"cdr_event.username"', 'is not set while "cdr_event.auth" is "DIGEST"'],
        notContains: ['hookpass1'],
        severity: 'warning',
      },
    ],
  },
  {
    name: 'webhook username breaks the pattern',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'DIGEST', username: 'Admin!', password_wo: 'hookpass1', url: 'https://h.example/cdr' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'username'],
        contains: ['"cdr_event.username"', '"Admin!"', 'at least six lower-case letters a-z or digits 0-9 in a row'],
      },
    ],
  },
  {
    name: 'webhook password too short is not echoed',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'BASIC', username: 'hookuser1', password_wo: 'abc12', url: 'https://h.example/cdr' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'password_wo'],
        contains: ['"cdr_event.password_wo"', 'value of 5 characters', 'sensitive', '6 to 64 characters'],
        notContains: ['abc12'],
      },
    ],
  },
  {
    name: 'webhook blank token is not echoed',
    run: () =>
      validateTenant(
        tenant({
          extension_event: blockOf(tenantSchema, ['extension_event'], {
            enabled: true,
            auth: 'BEARER',
            token_wo: '   ',
            url: 'https://h.example/ext',
          }),
        }),
      ),
    // Blank is allowed by the documents (no constraint on `token`): a warning, still without the value.
    expect: [{ path: ['extension_event', 'token_wo'], severity: 'warning', contains: ['"extension_event.token_wo"', 'sensitive'] }],
  },
  {
    name: 'webhook credentials version without a secret',
    run: () => validateTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'hookuser1', credentials_wo_version: 2 }) })),
    expect: [
      {
        path: ['cdr_event', 'credentials_wo_version'],
        contains: ['"cdr_event.credentials_wo_version"', 'requires "cdr_event.password_wo" or "cdr_event.token_wo"'],
      },
    ],
  },
  {
    name: 'webhook token with BASIC auth (warning)',
    run: () =>
      validateTenant(
        tenant({
          cdr_event: hook({
            auth: 'BASIC',
            username: 'hookuser1',
            password_wo: 'hookpass1',
            token_wo: 'T0k3n',
            url: 'https://h.example/x',
          }),
        }),
      ),
    expect: [
      {
        path: ['cdr_event', 'token_wo'],
        severity: 'warning',
        contains: ['"cdr_event.token_wo"', 'only used when "cdr_event.auth" is "BEARER"', '"BASIC"'],
        notContains: ['T0k3n', 'hookpass1'],
      },
    ],
  },
  {
    name: 'webhook password with BEARER auth (warning)',
    run: () =>
      validateTenant(
        tenant({ cdr_event: hook({ auth: 'BEARER', password_wo: 'hookpass1', token_wo: 'T0k3n', url: 'https://h.example/x' }) }),
      ),
    expect: [
      {
        path: ['cdr_event', 'password_wo'],
        severity: 'warning',
        contains: ['"cdr_event.password_wo"', 'only used when "cdr_event.auth" is "BASIC" or "DIGEST"', '"BEARER"'],
        notContains: ['T0k3n', 'hookpass1'],
      },
    ],
  },
  {
    name: 'webhook write-only secrets before Terraform 1.11',
    run: () =>
      validateTenant(
        tenant({
          cdr_event: hook({ auth: 'BASIC', username: 'hookuser1', password_wo: 'hookpass1', url: 'https://h.example/cdr' }),
          extension_event: blockOf(tenantSchema, ['extension_event'], { auth: 'BEARER', token_wo: 'T0k3n', url: 'https://h.example/ext' }),
        }),
        { writeOnlyAttributesAllowed: false },
      ),
    expect: [
      {
        path: ['cdr_event', 'password_wo'],
        contains: ['"cdr_event.password_wo" is write-only', 'Terraform 1.11'],
        notContains: ['hookpass1'],
      },
      {
        path: ['extension_event', 'token_wo'],
        contains: ['"extension_event.token_wo" is write-only', 'Terraform 1.11'],
        notContains: ['T0k3n'],
      },
    ],
  },
  {
    name: 'webhook url too long',
    run: () => validateTenant(tenant({ cdr_event: hook({ url: `https://h.example/${long(120)}` }) })),
    expect: [{ path: ['cdr_event', 'url'], contains: ['"cdr_event.url"', '1 to 128 characters', '(138 characters)'] }],
  },
  {
    name: 'webhook enabled without url',
    run: () => validateTenant(tenant({ extension_event: blockOf(tenantSchema, ['extension_event'], { enabled: true }) })),
    expect: [
      {
        path: ['extension_event', 'url'],
        contains: ['"extension_event.url"', 'is not set while "extension_event.enabled" is true'],
        severity: 'warning',
      },
    ],
  },

  // ---- dealer
  {
    name: 'dealer reserved name',
    run: () => validateDealer(dealer({ name: 'admin' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got "admin"', 'reserved name', '"admin", "system", "administrator", "root"'] }],
  },
  {
    name: 'dealer reserved name any case',
    run: () => validateDealer(dealer({ name: 'RooT' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got "RooT"', 'in any letter case'] }],
  },
  {
    name: 'dealer name starts with a dot',
    run: () => validateDealer(dealer({ name: '.bob' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got ".bob"', 'must not start or end with "."'] }],
  },
  {
    name: 'dealer name with space and @',
    run: () => validateDealer(dealer({ name: 'bob smith@x' })),
    expect: [
      { path: ['name'], contains: ['"name"', 'got "bob smith@x"', "letters, digits and the characters _ - ' .", 'Not allowed: " ", "@"'] },
    ],
  },
  {
    name: 'dealer name too long',
    run: () => validateDealer(dealer({ name: long(65, 'b') })),
    expect: [{ path: ['name'], contains: ['"name"', 'b'.repeat(65), '1 to 64 characters', 'The value has 65 characters'] }],
  },
  {
    name: 'dealer name empty',
    run: () => validateDealer(dealer({ name: '' })),
    expect: [{ path: ['name'], contains: ['"name"', 'got ""', '1 to 64 characters'] }],
  },
  {
    name: 'dealer level wrong case',
    run: () => validateDealer(dealer({ level: 'reseller' })),
    expect: [
      { path: ['level'], contains: ['"level"', '"reseller"', '"DISTRIBUTOR", "SUB_DISTRIBUTOR", "RESELLER"', 'Did you mean "RESELLER"'] },
    ],
  },
  {
    name: 'dealer level unknown',
    run: () => validateDealer(dealer({ level: 'PARTNER' })),
    expect: [{ path: ['level'], contains: ['"level"', '"PARTNER"', '"DISTRIBUTOR", "SUB_DISTRIBUTOR", "RESELLER"'] }],
  },
  {
    name: 'dealer password_wo too short, not echoed',
    run: () => validateDealer(dealer({ password_wo: 'x9' })),
    expect: [
      { path: ['password_wo'], contains: ['"password_wo"', 'value of 2 characters', 'at least 6 characters'], notContains: ['"x9"'] },
    ],
  },
  {
    name: 'dealer version without password_wo',
    run: () => validateDealer(dealer({ password_wo: null })),
    expect: [{ path: ['password_wo_version'], contains: ['"password_wo_version"', 'requires "password_wo"'] }],
  },
  {
    name: 'dealer password_wo on old Terraform',
    run: () => validateDealer(dealer(), { writeOnlyAttributesAllowed: false }),
    expect: [{ path: ['password_wo'], contains: ['"password_wo"', 'Terraform 1.11', 'Upgrade Terraform'], notContains: ['secret-123'] }],
  },
  {
    name: 'dealer email implausible',
    run: () => validateDealer(dealer({ email: 'ops.example.com' })),
    expect: [{ path: ['email'], contains: ['"email"', '"ops.example.com"', 'email address such as', 'name@domain'] }],
  },
  {
    name: 'dealer email too long',
    run: () => validateDealer(dealer({ email: `${long(60)}@${long(60)}.${long(10)}.com` })),
    expect: [{ path: ['email'], contains: ['"email"', 'at most 128 characters', '(136 characters)'] }],
  },
  {
    name: 'dealer display_name too long',
    run: () => validateDealer(dealer({ display_name: long(1025) })),
    expect: [{ path: ['display_name'], contains: ['"display_name"', 'at most 1024 characters', '(1025 characters)'] }],
  },
  {
    name: 'dealer phone too long',
    run: () => validateDealer(dealer({ phone: '+1 555 0100 0100 0100 0100 0100 01' })),
    expect: [
      { path: ['phone'], contains: ['"phone"', '"+1 555 0100 0100 0100 0100 0100 01"', 'at most 32 characters', 'has 34 characters'] },
    ],
  },
  {
    name: 'dealer address too long',
    run: () => validateDealer(dealer({ address: long(129, 'x') })),
    expect: [{ path: ['address'], contains: ['"address"', 'at most 128 characters', '(129 characters)'] }],
  },
  {
    name: 'dealer max_tenants negative',
    run: () => validateDealer(dealer({ max_tenants: -5 })),
    expect: [{ path: ['max_tenants'], contains: ['"max_tenants"', 'got -5', 'whole number from 0 to 2147483647'] }],
  },
  {
    name: 'dealer max_extensions beyond int32',
    run: () => validateDealer(dealer({ max_extensions: 3000000000 })),
    expect: [{ path: ['max_extensions'], contains: ['"max_extensions"', 'got 3000000000', 'from 0 to 2147483647'] }],
  },

  // ---- transport
  {
    name: 'transport protocol lower case',
    run: () => validateTransport(transport({ protocol: 'udp', port: 5060 })),
    expect: [{ path: ['protocol'], contains: ['"protocol"', '"udp"', '"UDP", "TCP", "TLS"', 'Did you mean "UDP"'] }],
  },
  {
    name: 'transport protocol WSS',
    run: () => validateTransport(transport({ protocol: 'WSS', port: 5065 })),
    expect: [{ path: ['protocol'], contains: ['"protocol"', '"WSS"', '"UDP", "TCP", "TLS"'] }],
  },
  {
    name: 'transport port too big',
    run: () => validateTransport(transport({ port: 70000 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 70000', 'whole number from 0 to 65535'] }],
  },
  {
    name: 'transport port negative',
    run: () => validateTransport(transport({ port: -1 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got -1', 'from 0 to 65535'] }],
  },
  {
    name: 'transport port fractional',
    run: () => validateTransport(transport({ port: 5060.5 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 5060.5', 'whole number from 0 to 65535'] }],
  },
  {
    name: 'transport TCP port 0',
    run: () => validateTransport(transport({ protocol: 'TCP', port: 0 })),
    expect: [{ path: ['port'], contains: ['"port"', 'got 0', 'from 1 to 65535 for protocol "TCP"'] }],
  },
  {
    name: 'transport UDP port 0 warns',
    run: () => validateTransport(transport({ protocol: 'UDP', port: 0 })),
    expect: [{ path: ['port'], severity: 'warning', contains: ['"port"', 'is 0', 'no port', '5060'] }],
  },
  {
    name: 'transport verification unknown',
    run: () => validateTransport(transport({ verification: 'REQUIRED' })),
    expect: [{ path: ['verification'], contains: ['"verification"', '"REQUIRED"', '"DISABLE", "OPTIONAL", "MANDATORY"'] }],
  },
  {
    name: 'transport verification on UDP',
    run: () => validateTransport(transport({ protocol: 'UDP', port: 5060, verification: 'MANDATORY' })),
    expect: [
      {
        path: ['verification'],
        contains: ['"verification"', '"MANDATORY"', 'protocol "UDP"', 'TLS feature'],
        severity: 'warning',
      },
    ],
  },

  // ---- ip rule
  {
    name: 'ip rule IPv4 prefix too long',
    run: () => validateIpRule(ipRule({ cidr: '10.0.0.0/33' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"10.0.0.0/33"', 'CIDR notation', '/33 exceeds /32'] }],
  },
  {
    name: 'ip rule IPv6 prefix too long',
    run: () => validateIpRule(ipRule({ cidr: '2001:db8::/129' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"2001:db8::/129"', '/128 for IPv6', '/129 exceeds /128'] }],
  },
  {
    name: 'ip rule without prefix',
    run: () => validateIpRule(ipRule({ cidr: '198.51.100.7' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"198.51.100.7"', 'prefix length is missing', '/32'] }],
  },
  {
    name: 'ip rule octet over 255',
    run: () => validateIpRule(ipRule({ cidr: '300.1.1.0/24' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"300.1.1.0/24"', '"300" is greater than 255'] }],
  },
  {
    name: 'ip rule leading zero',
    run: () => validateIpRule(ipRule({ cidr: '010.0.0.0/8' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"010.0.0.0/8"', 'leading zero'] }],
  },
  {
    name: 'ip rule bad IPv6',
    run: () => validateIpRule(ipRule({ cidr: '2001:db8::1::/64' })),
    expect: [{ path: ['cidr'], contains: ['"cidr"', '"2001:db8::1::/64"', '"::" may appear only once'] }],
  },
  {
    name: 'ip rule host bits warn',
    run: () => validateIpRule(ipRule({ cidr: '10.0.0.1/8' })),
    expect: [{ path: ['cidr'], severity: 'warning', contains: ['"cidr"', '"10.0.0.1/8"', 'host bits', '10.0.0.0/8'] }],
  },
  {
    name: 'ip rule target lower case',
    run: () => validateIpRule(ipRule({ target: 'allow' })),
    expect: [{ path: ['target'], contains: ['"target"', '"allow"', '"ACCEPT", "DENY"'] }],
  },
  {
    name: 'ip rule expire_at month 13',
    run: () => validateIpRule(ipRule({ expire_at: '2030-13-01T00:00:00Z' })),
    expect: [{ path: ['expire_at'], contains: ['"expire_at"', '"2030-13-01T00:00:00Z"', 'RFC 3339', 'month 13'] }],
  },
  {
    name: 'ip rule expire_at 30 February',
    run: () => validateIpRule(ipRule({ expire_at: '2030-02-30T00:00:00Z' })),
    expect: [{ path: ['expire_at'], contains: ['"expire_at"', '"2030-02-30T00:00:00Z"', 'day 30 does not exist'] }],
  },
  {
    name: 'ip rule expire_at without zone',
    run: () => validateIpRule(ipRule({ expire_at: '2030-01-01 00:00:00' })),
    expect: [{ path: ['expire_at'], contains: ['"expire_at"', '"2030-01-01 00:00:00"', '"2017-07-21T17:32:28Z"'] }],
  },
  {
    name: 'ip rule description too long',
    run: () => validateIpRule(ipRule({ description: long(256, 'd') })),
    expect: [{ path: ['description'], contains: ['"description"', 'at most 255 characters', '(256 characters)'] }],
  },
];

function findMatch(ds: Diagnostic[], e: Expected): Diagnostic | undefined {
  return ds.find(
    (d) =>
      d.severity === (e.severity ?? 'error') &&
      JSON.stringify(d.path) === JSON.stringify(e.path) &&
      e.contains.every((s) => (d.detail ?? '').includes(s)) &&
      (e.notContains ?? []).every((s) => !(d.detail ?? '').includes(s)),
  );
}

describe('invalid configurations', () => {
  test('there are at least 45 of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ds = c.run();
    for (const e of c.expect) {
      if (!findMatch(ds, e)) throw new Error(`no diagnostic matches ${JSON.stringify(e)}; got:\n${describeDiags(ds)}`);
    }
    // Nothing else went wrong: exactly the expected errors.
    expect(errors(ds)).toHaveLength(c.expect.filter((e) => (e.severity ?? 'error') === 'error').length);
    for (const d of ds)
      expect(d.summary).toMatch(
        /^(Invalid attribute value|Invalid attribute combination|Missing required attribute|Unsupported attribute)$/,
      );
  });
});

describe('several problems at once are all reported', () => {
  test('tenant with seven problems across scalars, office hours and webhooks (contact_match_length only warns)', () => {
    const ds = validateTenant(
      tenant({
        name: '',
        timezone: 'Nowhere/City',
        currency: 'usd',
        region: 'UK',
        disk_quota: '5 GB',
        office_hours: officeHours({ monday: { ranges: [{ from: '18:00', to: '08:00' }] } }),
        cdr_event: hook({ auth: 'BEARER', credentials_wo_version: 1, url: 'https://h.example/x' }),
        contact_match_type: 'DISABLE',
        contact_match_length: 4,
      }),
    );
    const paths = errors(ds).map((d) => JSON.stringify(d.path));
    expect(paths.sort()).toEqual(
      [
        ['name'],
        ['timezone'],
        ['currency'],
        ['region'],
        ['disk_quota'],
        ['office_hours', 'monday', 'ranges', 0, 'to'],
        ['cdr_event', 'credentials_wo_version'],
      ]
        .map((p) => JSON.stringify(p))
        .sort(),
    );
  });

  test('dealer name breaking three rules at once, plus level and limits', () => {
    const ds = validateDealer(dealer({ name: `.${long(70, 'z')} !`, level: 'Distributor', max_tenants: -1, max_extensions: 0.5 }));
    const nameDiags = errors(ds).filter((d) => d.path?.[0] === 'name');
    expect(nameDiags.map((d) => d.detail)).toEqual([
      expect.stringContaining('1 to 64 characters'),
      expect.stringContaining('Not allowed: " ", "!"'),
      expect.stringContaining('must not start or end with "."'),
    ]);
    expect(errors(ds).map((d) => d.path)).toEqual([['name'], ['name'], ['name'], ['level'], ['max_tenants'], ['max_extensions']]);
  });

  test('transport with a bad protocol, port and verification', () => {
    const ds = validateTransport(transport({ protocol: 'SCTP', port: 65536, verification: 'mandatory' }));
    expect(errors(ds).map((d) => d.path)).toEqual([['protocol'], ['port'], ['verification']]);
  });

  test('ip rule with every attribute wrong', () => {
    const ds = validateIpRule(ipRule({ cidr: '10.0.0/8', target: 'REJECT', expire_at: 'tomorrow', description: long(300) }));
    expect(errors(ds).map((d) => d.path)).toEqual([['cidr'], ['target'], ['expire_at'], ['description']]);
  });
});

describe('valid configurations produce no diagnostics', () => {
  test('minimal tenant', () => {
    expect(validateTenant(tenant())).toEqual([]);
  });

  test('full tenant', () => {
    const ds = validateTenant(
      tenant({
        website: 'https://acme.example',
        timezone: 'America/New_York',
        currency: 'USD',
        region: 'USA',
        enabled: true,
        max_extensions: 0,
        max_concurrent_calls: 2147483647,
        disk_quota: '',
        im_disk_quota: '100MB',
        extension_im_disk_quota: '1GB',
        recording_retention: 1,
        contact_match_type: 'MATCH_LENGTH',
        contact_match_length: 7,
        contact_append_type: 'PREPEND',
        contact_inbound_rule_append_type: 'DISABLE',
        contact_update_interval: 43200,
        email_recipients: `${emails(14)}, Ops@Example.COM`,
        custom_options: '{"a":1}',
        dealer_id: 'NzAwNTUxOTA5NzczMTQ4MTYw',
        office_hours: officeHours({
          monday: {
            enabled: true,
            ranges: [
              { from: '00:00', to: '12:00' },
              { from: '13:00', to: '23:59' },
            ],
          },
          saturday: { enabled: false, ranges: [] },
        }),
        e164: blockOf(tenantSchema, ['e164'], { enabled: true, country: 'Angola(244)', international_code: '00' }),
        cdr_event: hook({
          enabled: true,
          auth: 'DIGEST',
          username: 'hookuser1',
          password_wo: 'hookpass1',
          credentials_wo_version: 3,
          url: 'https://hooks.example.com/cdr?x=1',
        }),
        extension_event: blockOf(tenantSchema, ['extension_event'], {
          enabled: true,
          auth: 'BEARER',
          token_wo: 'T0k3n.with-ANY_chars',
          url: 'https://hooks.example.com/ext',
        }),
      }),
    );
    expect(ds).toEqual([]);
  });

  test('time zone aliases, UTC and Etc zones are accepted', () => {
    for (const tz of ['UTC', 'Etc/UTC', 'Etc/GMT+5', 'Asia/Shanghai', 'US/Pacific', 'Asia/Calcutta', 'Europe/Kyiv']) {
      expect({ tz, ds: validateTenant(tenant({ timezone: tz })) }).toEqual({ tz, ds: [] });
    }
  });

  test('IP address domain and IPv6 domain', () => {
    expect(validateTenant(tenant({ domain: '192.0.2.10' }))).toEqual([]);
    expect(validateTenant(tenant({ domain: '2001:db8::10' }))).toEqual([]);
  });

  test('dealer with password_wo and version, without a version, or without a password', () => {
    expect(
      validateDealer(dealer({ email: 'ops@acme.example', max_tenants: 0, max_extensions: 50000, name: "o'brien_sales.eu-1" })),
    ).toEqual([]);
    // password_wo without a version is allowed: sent at create only.
    expect(validateDealer(dealer({ password_wo_version: null }))).toEqual([]);
    // No password at all is valid config (an imported dealer); a create without one is refused at plan
    // time instead (test/resources/dealer-plan.test.ts).
    expect(validateDealer(dealer({ password_wo: null, password_wo_version: null }))).toEqual([]);
  });

  test('webhooks: BASIC with only a user name (password kept on the PBX), BEARER without a token', () => {
    expect(
      validateTenant(tenant({ cdr_event: hook({ enabled: true, auth: 'BASIC', username: 'hookuser1', url: 'https://h.example/x' }) })),
    ).toEqual([]);
    expect(
      validateTenant(
        tenant({
          extension_event: blockOf(tenantSchema, ['extension_event'], { enabled: true, auth: 'BEARER', url: 'https://h.example/ext' }),
        }),
      ),
    ).toEqual([]);
  });

  test('transports', () => {
    expect(validateTransport(transport({ verification: 'MANDATORY' }))).toEqual([]);
    expect(validateTransport(transport({ protocol: 'UDP', port: 5060, verification: 'DISABLE' }))).toEqual([]);
    expect(validateTransport(transport({ protocol: 'TCP', port: 65535 }))).toEqual([]);
  });

  test('ip rules', () => {
    expect(
      validateIpRule(ipRule({ cidr: '2001:db8::/32', target: 'ACCEPT', expire_at: '2030-01-31T08:00:00.5+08:00', description: '' })),
    ).toEqual([]);
    expect(validateIpRule(ipRule({ cidr: '0.0.0.0/0' }))).toEqual([]);
    expect(validateIpRule(ipRule({ cidr: '::ffff:192.0.2.1/128' }))).toEqual([]);
    expect(validateIpRule(ipRule({ expire_at: '2028-02-29T23:59:60Z' }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('tenant with every value unknown', () => {
    const cfg = tenant();
    for (const k of Object.keys(tenantSchema.block.attributes)) cfg[k] = UNKNOWN;
    cfg.office_hours = UNKNOWN;
    cfg.cdr_event = hook({
      enabled: true,
      auth: UNKNOWN,
      username: UNKNOWN,
      password_wo: UNKNOWN,
      token_wo: UNKNOWN,
      credentials_wo_version: UNKNOWN,
      url: UNKNOWN,
    });
    expect(validateTenant(cfg)).toEqual([]);
  });

  test('unknown credentials satisfy BASIC; unknown from/to skip the order check', () => {
    const cfg = tenant({
      cdr_event: hook({ auth: 'BASIC', username: UNKNOWN, password_wo: UNKNOWN, credentials_wo_version: 1, url: 'https://h.example/x' }),
      office_hours: officeHours({ monday: { ranges: [{ from: UNKNOWN, to: '08:00' }] } }),
    });
    expect(validateTenant(cfg)).toEqual([]);
  });

  test('dealer: unknown password_wo counts as maybe set', () => {
    expect(validateDealer(dealer({ password_wo: UNKNOWN, name: UNKNOWN, level: UNKNOWN }))).toEqual([]);
  });

  test('transport and ip rule', () => {
    expect(validateTransport(transport({ protocol: UNKNOWN, port: 0, verification: 'MANDATORY' }))).toEqual([]);
    expect(validateIpRule(ipRule({ cidr: UNKNOWN, target: UNKNOWN, expire_at: UNKNOWN }))).toEqual([]);
  });

  test('nulls are skipped too (Terraform enforces required attributes itself)', () => {
    expect(validateIpRule(configOf(ipRuleSchema, {}))).toEqual([]);
    expect(validateTransport(configOf(transportSchema, {}))).toEqual([]);
  });
});

test('warnings do not hide errors and carry paths', () => {
  const ds = validateTenant(
    tenant({ cdr_event: hook({ auth: 'DISABLE', username: 'hookuser1', url: 'https://h.example/x', token_wo: 'abc' }) }),
  );
  expect(errors(ds)).toEqual([]);
  expect(warnings(ds).map((d) => d.path)).toEqual([
    ['cdr_event', 'token_wo'],
    ['cdr_event', 'username'],
  ]);
});
