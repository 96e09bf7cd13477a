// Validation of the tenant's own attributes and office hours: invalid configurations (path, attribute
// name, bad value and what is allowed in every diagnostic), several problems at once, valid
// configurations and unknown values. The webhook blocks are in validate-webhooks.test.ts.

import { BigNum, type ObjectValue, UNKNOWN } from '../../../src/provider/values';
import { tenantSchema } from '../../../src/resources/tenant/schema';
import { validate as validateTenant } from '../../../src/resources/tenant/validate';
import { blockOf, configOf, errors } from '../helpers';
import { emails, type InvalidCase, long, testInvalidCases } from '../invalid-cases';

const TENANT_BASE: ObjectValue = { name: 'Acme', domain: 'sip.acme.example', timezone: 'Europe/London', currency: 'GBP', region: 'GBR' };
const tenant = (o: ObjectValue = {}) => configOf(tenantSchema, { ...TENANT_BASE, ...o });
const day = (d: string, v: ObjectValue) => blockOf(tenantSchema, ['office_hours', d], v);
const officeHours = (days: Record<string, ObjectValue>) =>
  blockOf(tenantSchema, ['office_hours'], Object.fromEntries(Object.entries(days).map(([d, v]) => [d, day(d, v)])));
const hook = (v: ObjectValue) => blockOf(tenantSchema, ['cdr_event'], v);

const cases: InvalidCase[] = [
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
];

testInvalidCases(cases);

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
});
