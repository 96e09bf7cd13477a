// Fidelity rules of tenants and trunk assignments (see test/fidelity/harness.ts for what a rule holds, docs/fidelity.md for
// the table in prose).

import { TENANT_AI_TRANSCRIPTION_FLAG, TENANT_CRM_INTEGRATIONS_FLAG } from '../../../src/common/api-223-names';
import { validate as vNotification } from '../../../src/resources/notification-settings/validate';
import { validate as vSettings } from '../../../src/resources/system-settings/validate';
import { validate as vTenant } from '../../../src/resources/tenant/validate';
import { validate as vTrunk } from '../../../src/resources/trunk-assignment/validate';
import { tenantSchema } from '../../../src/resources/tenant/schema';
import { blockOf } from '../../resources/helpers';
import { tenant, hook, notification, settings, trunk, T, P, E, type Rule } from '../harness';

export const TENANT_RULES: Rule[] = [
  // ---- tenants
  {
    id: 'tenant.lengths',
    provider: [P(() => vTenant(tenant({ website: 'x'.repeat(256) })), 'website', 'error')],
    emulator: [E('/tenants', T({ website: 'x'.repeat(256) }), 400)],
  },
  {
    id: 'tenant.domain.host',
    provider: [
      P(() => vTenant(tenant({ domain: 'a b.example' })), 'domain', 'error'),
      P(() => vTenant(tenant({ domain: '2001:db8::5' })), 'domain', 'ok'),
      P(() => vTenant(tenant({ domain: '_sip.example.com' })), 'domain', 'ok'),
    ],
    emulator: [
      E('/tenants', T({ domain: 'a b.example' }), 400),
      E('/tenants', T({ domain: '2001:db8::5' }), 201),
      E('/tenants', T({ domain: '_sip.example.com' }), 201),
    ],
  },
  {
    id: 'tenant.timezone',
    provider: [P(() => vTenant(tenant({ timezone: 'Mars/Olympus' })), 'timezone', 'error')],
    emulator: [E('/tenants', T({ timezone: 'Mars/Olympus' }), 400)],
  },
  {
    id: 'tenant.currency',
    provider: [P(() => vTenant(tenant({ currency: 'usd' })), 'currency', 'error')],
    emulator: [E('/tenants', T({ currency: 'usd' }), 400)],
  },
  {
    id: 'tenant.region',
    provider: [P(() => vTenant(tenant({ region: 'US' })), 'region', 'error')],
    emulator: [E('/tenants', T({ region: 'US' }), 400)],
  },
  {
    id: 'tenant.size',
    provider: [
      P(() => vTenant(tenant({ disk_quota: '5 GB' })), 'disk_quota', 'error'),
      P(() => vTenant(tenant({ disk_quota: '' })), 'disk_quota', 'ok'),
    ],
    emulator: [E('/tenants', T({ disk_quota: '5 GB' }), 400), E('/tenants', T({ disk_quota: '' }), 201)],
  },
  {
    id: 'tenant.retention',
    provider: [P(() => vTenant(tenant({ log_retention: 0 })), 'log_retention', 'error')],
    emulator: [E('/tenants', T({ log_retention: 0 }), 400)],
  },
  {
    id: 'tenant.counts',
    provider: [P(() => vTenant(tenant({ max_call_queues: -1 })), 'max_call_queues', 'error')],
    emulator: [E('/tenants', T({ max_call_queues: -1 }), 400)],
  },
  {
    id: 'tenant.contact_update_interval',
    provider: [P(() => vTenant(tenant({ contact_update_interval: 43201 })), 'contact_update_interval', 'error')],
    emulator: [E('/tenants', T({ contact_update_interval: 43201 }), 400)],
  },
  {
    id: 'email_list.max15',
    provider: [
      P(
        () => vTenant(tenant({ email_recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') })),
        'email_recipients',
        'error',
      ),
      P(
        () => vNotification(notification({ recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') })),
        'recipients',
        'error',
      ),
    ],
    emulator: [
      E('/tenants', T({ email_recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') }), 400),
      E(
        '/admin/notification',
        { type: 'SMTP', username: 'u', recipients: Array.from({ length: 16 }, (_, i) => `u${i}@x.example`).join(',') },
        400,
      ),
    ],
  },
  {
    id: 'tenant.contact_match_length',
    provider: [
      P(() => vTenant(tenant({ contact_match_length: 6 })), 'contact_match_length', 'warning'),
      P(() => vTenant(tenant({ contact_match_type: 'MATCH_EXACTLY', contact_match_length: 6 })), 'contact_match_length', 'warning'),
      P(() => vTenant(tenant({ contact_match_type: 'MATCH_LENGTH', contact_match_length: 6 })), 'contact_match_length', 'ok'),
    ],
    emulator: [
      E('/tenants', T({ contact_match_length: 6 }), 201),
      E('/tenants', T({ contact_match_type: 'DISABLE', contact_match_length: 6 }), 201),
    ],
  },
  {
    id: 'tenant.office_hours',
    provider: [
      P(
        () =>
          vTenant(
            tenant({
              office_hours: blockOf(tenantSchema, ['office_hours'], {
                monday: blockOf(tenantSchema, ['office_hours', 'monday'], { ranges: [{ from: '18:00', to: '09:00' }] }),
              }),
            }),
          ),
        'office_hours',
        'error',
      ),
    ],
    emulator: [E('/tenants', T({ office_hours: { monday: { enabled: true, ranges: [{ from: '18:00', to: '09:00' }] } } }), 400)],
  },
  {
    id: 'tenant.webhook.credentials',
    provider: [
      P(
        () => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'Admin!', url: 'https://h.example/c' }) })),
        'cdr_event',
        'error',
      ),
      P(
        () => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'Hook-user12', url: 'https://h.example/c' }) })),
        'cdr_event',
        'ok',
      ),
      P(() => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', username: 'abc12', url: 'https://h.example/c' }) })), 'cdr_event', 'error'),
    ],
    emulator: [
      E('/tenants', T({ cdr_event: { auth: 'BASIC', username: 'Admin!', url: 'https://h.example/c' } }), 400),
      E('/tenants', T({ cdr_event: { auth: 'BASIC', username: 'Hook-user12', url: 'https://h.example/c' } }), 201),
      E('/tenants', T({ cdr_event: { auth: 'BASIC', username: 'abc12', url: 'https://h.example/c' } }), 400),
    ],
  },
  {
    id: 'tenant.webhook.url',
    provider: [
      P(() => vTenant(tenant({ cdr_event: hook({ url: 'https://hooks.example.com/cdr?x=1' }) })), 'cdr_event', 'ok'),
      P(() => vTenant(tenant({ cdr_event: hook({ url: 'x'.repeat(129) }) })), 'cdr_event', 'error'),
    ],
    emulator: [
      E('/tenants', T({ cdr_event: { url: 'https://hooks.example.com/cdr?x=1' } }), 201),
      E('/tenants', T({ cdr_event: { url: 'x'.repeat(129) } }), 400),
    ],
  },
  {
    id: 'tenant.webhook.inferred',
    provider: [
      P(() => vTenant(tenant({ cdr_event: hook({ auth: 'BASIC', url: 'https://h.example/c' }) })), 'cdr_event', 'warning'),
      P(() => vTenant(tenant({ cdr_event: hook({ enabled: true }) })), 'cdr_event', 'warning'),
    ],
    emulator: [
      E('/tenants', T({ cdr_event: { auth: 'BASIC', url: 'https://h.example/c' } }), 201),
      E('/tenants', T({ cdr_event: { enabled: true } }), 201),
    ],
  },
  {
    id: 'custom_options.json',
    provider: [
      P(() => vTenant(tenant({ custom_options: '{bad' })), 'custom_options', 'error'),
      P(() => vSettings(settings({ custom_options: '{bad' })), 'custom_options', 'error'),
      P(() => vSettings(settings({ custom_options: '[1,2]' })), 'custom_options', 'ok'),
    ],
    emulator: [
      E('/tenants', T({ custom_options: '{bad' }), 400),
      E('/admin/settings', { custom_options: '{bad' }, 400),
      E('/admin/settings', { custom_options: '[1,2]' }, 200),
    ],
  },
  {
    id: 'tenant.feature_flags_223',
    provider: [
      P(
        () => vTenant(tenant({ [TENANT_AI_TRANSCRIPTION_FLAG]: false, [TENANT_CRM_INTEGRATIONS_FLAG]: false })),
        TENANT_AI_TRANSCRIPTION_FLAG,
        'ok',
      ),
    ],
    emulator: [
      E('/tenants', T({ [TENANT_AI_TRANSCRIPTION_FLAG]: false, [TENANT_CRM_INTEGRATIONS_FLAG]: false }), 201),
      E('/tenants', T({ [TENANT_AI_TRANSCRIPTION_FLAG]: 'no' }), 400),
    ],
  },
  {
    id: 'tenant.domain.unique',
    provider: [P(() => vTenant(tenant({ domain: 'fid-taken.example' })), 'domain', 'ok')],
    emulator: [E('/tenants', T({ domain: 'FID-TAKEN.example' }), 400)],
  },
  // ---- trunk assignment
  {
    id: 'trunk.did_pool',
    provider: [
      P(() => vTrunk(trunk({ did_numbers: '200-100' })), 'did_numbers', 'error'),
      P(() => vTrunk(trunk({ did_numbers: '1-5;3' })), 'did_numbers', 'error'),
    ],
    emulator: [
      E('/providers/:trunk/assignees/:tenant', { did_numbers: '200-100' }, 400),
      E('/providers/:trunk/assignees/:tenant', { did_numbers: '1-5;3' }, 400),
    ],
  },
  {
    id: 'trunk.did_pool.other_tenants',
    provider: [P(() => vTrunk(trunk({ did_numbers: '1000-1999' })), 'did_numbers', 'ok')],
    emulator: [E('/providers/:trunk2/assignees/:tenant2', { did_numbers: '1500' }, 400)],
  },
  {
    id: 'trunk.concurrency',
    provider: [P(() => vTrunk(trunk({ concurrency: -1 })), 'concurrency', 'error')],
    emulator: [E('/providers/:trunk/assignees/:tenant', { concurrency: -1 }, 400)],
  },
  { id: 'trunk.ids', provider: [P(() => vTrunk(trunk({ trunk_id: 'a/b' })), 'trunk_id', 'error')] },
];
