// API <-> state mapping of the tenant: exact key sets, round trips, prior spelling kept, write-only never in
// state, minimal update patches.
// Block semantics: office hours, webhooks, 22.3 fields.

import { UNKNOWN, type ObjectValue } from '../../../src/provider/values';
import * as tenant from '../../../src/resources/tenant/model';
import { tenantSchema, WEEKDAYS } from '../../../src/resources/tenant/schema';
import { blockOf, configOf } from '../helpers';
import { expectExactKeys } from '../model-checks';

describe('tenant', () => {
  const range = (from: string, to: string) => ({ from, to });
  const apiDay = (enabled: boolean, ranges: { from: string; to: string }[]) => ({ enabled, ranges });
  const api = {
    id: 'tn1',
    name: 'Acme',
    domain: 'sip.acme.example',
    website: '',
    timezone: 'Asia/Kolkata',
    currency: 'USD',
    region: 'USA',
    enabled: true,
    enable_video_recording: false,
    enable_audio_recording: false,
    enable_dual_track_recording: false,
    enable_billing: false,
    enable_feature_billing: false,
    enable_feature_call_statistics: true,
    enable_feature_contact_center: true,
    enable_feature_message_channels: true,
    enable_feature_microsoft_teams: true,
    enable_feature_trunks: true,
    enable_feature_whats_app: true,
    enable_night_mode: false,
    enable_two_factor_authentication: false,
    allow_password_retrieval: false,
    custom_options: '{"b":2,"a":1}',
    max_extensions: 1000,
    max_concurrent_calls: 20,
    max_ring_groups: 20,
    max_virtual_receptionists: 20,
    max_call_queues: 20,
    max_conference_rooms: 20,
    disk_quota: '',
    used_disk_quota: '12MB',
    im_disk_quota: '',
    extension_im_disk_quota: '1GB',
    recording_retention: 180,
    call_report_retention: 30,
    log_retention: 180,
    temp_file_retention: 30,
    contact_match_type: 'MATCH_EXACTLY',
    contact_match_length: 0,
    contact_append_type: 'APPEND',
    contact_inbound_rule_append_type: 'APPEND',
    contact_update_interval: 720,
    email_recipients: 'a@x.example,b@y.example',
    password_force_reset: false,
    created_at: '2025-06-01T10:00:00Z',
    avatar_file_url: '/api/blobs/abc',
    office_hours: Object.fromEntries(WEEKDAYS.map((d, i) => [d, apiDay(i < 5, i < 5 ? [range('09:00', '17:00')] : [])])),
    e164: {
      enabled: false,
      international_code: '',
      country: 'Angola(244)',
      area_code: '',
      national_code: '',
      prefix: '',
      remove_special_chars: false,
      remove_duplicate_countries: true,
      remove_duplicate_area_codes: true,
    },
    // The API returns the webhook secrets; they must never be read into state.
    cdr_event: { enabled: true, auth: 'BEARER', username: '', password: '', token: 'tok-1', url: 'https://h.example/cdr' },
    extension_event: { enabled: false, auth: 'DISABLE', username: null, password: null, token: null, url: null },
  };

  test('import fills every block; volatile fields are not in state', () => {
    const s = tenant.toState(api, null, { dealerId: 'd1' });
    expectExactKeys(tenantSchema.block, s);
    expect(s).not.toHaveProperty('used_disk_quota');
    expect(s.dealer_id).toBe('d1');
    expect(s.website).toBeNull();
    const oh = s.office_hours as ObjectValue;
    expect(Object.keys(oh).sort()).toEqual([...WEEKDAYS].sort());
    expect(oh.monday).toEqual({ enabled: true, ranges: [{ from: '09:00', to: '17:00' }] });
    expect(oh.sunday).toEqual({ enabled: false, ranges: [] });
    expect((s.e164 as ObjectValue).international_code).toBeNull();
    expect(s.cdr_event).toEqual({
      enabled: true,
      auth: 'BEARER',
      username: null,
      password_wo: null,
      token_wo: null,
      credentials_wo_version: null,
      url: 'https://h.example/cdr',
    });
    expect(JSON.stringify(s)).not.toContain('tok-1');
    // id-only prior (what IRS hands to the first read) is an import too
    expect(tenant.toState(api, configOf(tenantSchema, { id: 'tn1' })).office_hours).not.toBeNull();
  });

  test('unmanaged blocks and days stay null on a normal read', () => {
    const prior = tenant.toState(api, null);
    prior.office_hours = blockOf(tenantSchema, ['office_hours'], {
      monday: blockOf(tenantSchema, ['office_hours', 'monday'], { enabled: true, ranges: [range('09:00', '17:00')] }),
    });
    prior.e164 = null;
    prior.cdr_event = null;
    const s = tenant.toState(api, prior);
    expect(s.e164).toBeNull();
    expect(s.cdr_event).toBeNull();
    const oh = s.office_hours as ObjectValue;
    expect(oh.monday).toEqual({ enabled: true, ranges: [{ from: '09:00', to: '17:00' }] });
    for (const d of WEEKDAYS.filter((x) => x !== 'monday')) expect(oh[d]).toBeNull();
  });

  test('prior spellings kept: domain case, size case, email list spacing/order, timezone alias, JSON, instant', () => {
    const prior = tenant.toState(api, null);
    Object.assign(prior, {
      domain: 'SIP.Acme.Example',
      extension_im_disk_quota: '1gb',
      email_recipients: 'b@Y.example, a@x.example',
      timezone: 'Asia/Calcutta',
      custom_options: '{ "a": 1, "b": 2 }',
      created_at: '2025-06-01T12:00:00+02:00',
      currency: 'usd',
      contact_match_type: 'match_exactly',
    });
    const s = tenant.toState(api, prior);
    expect(s).toMatchObject({
      domain: 'SIP.Acme.Example',
      extension_im_disk_quota: '1gb',
      email_recipients: 'b@Y.example, a@x.example',
      timezone: 'Asia/Calcutta',
      custom_options: '{ "a": 1, "b": 2 }',
      created_at: '2025-06-01T12:00:00+02:00',
      currency: 'usd',
      contact_match_type: 'match_exactly',
    });
    // ... and toState is idempotent: reading again gives the same state (no perpetual diff)
    expect(tenant.toState(api, s)).toEqual(s);
  });

  test('dealer_id kept from prior when not looked up; null clears', () => {
    const prior = { ...tenant.toState(api, null), dealer_id: 'd9' };
    expect(tenant.toState(api, prior).dealer_id).toBe('d9');
    expect(tenant.toState(api, prior, { dealerId: null }).dealer_id).toBeNull();
  });

  test('a 22.3 field the server omits keeps the prior value', () => {
    const { allow_password_retrieval: _omit, ...api222 } = api;
    const prior = { ...tenant.toState(api, null), allow_password_retrieval: true };
    expect(tenant.toState(api222, prior).allow_password_retrieval).toBe(true);
  });

  test('create body: nested blocks, unmanaged days and nulls omitted, no dealer_id', () => {
    const planned = configOf(tenantSchema, {
      id: UNKNOWN,
      name: 'Acme',
      domain: 'sip.acme.example',
      timezone: 'UTC',
      currency: 'USD',
      region: 'USA',
      enabled: UNKNOWN,
      max_extensions: 50,
      disk_quota: '10GB',
      dealer_id: 'd1',
      created_at: UNKNOWN,
      office_hours: blockOf(tenantSchema, ['office_hours'], {
        monday: blockOf(tenantSchema, ['office_hours', 'monday'], {
          enabled: true,
          ranges: [range('08:00', '12:00'), range('13:00', '18:00')],
        }),
      }),
      cdr_event: blockOf(tenantSchema, ['cdr_event'], {
        enabled: true,
        auth: 'BEARER',
        url: 'https://h.example/x',
        credentials_wo_version: 1,
      }),
    });
    // The write-only token exists only in config (the planned value is null, docs/protocol.md "Write-only attributes").
    const config = { ...planned, cdr_event: { ...(planned.cdr_event as ObjectValue), token_wo: 'tok' } };
    const withoutSecrets = tenant.toCreateBody(planned);
    expect(withoutSecrets.cdr_event).toEqual({ enabled: true, auth: 'BEARER', url: 'https://h.example/x' });
    // An unknown secret in config is not sent as a value.
    const unknownTok: ObjectValue = { ...planned, cdr_event: { ...(planned.cdr_event as ObjectValue), token_wo: UNKNOWN } };
    expect(tenant.toCreateBody(planned, unknownTok).cdr_event).toEqual({ enabled: true, auth: 'BEARER', url: 'https://h.example/x' });
    expect(tenant.toCreateBody(planned, config)).toEqual({
      name: 'Acme',
      domain: 'sip.acme.example',
      timezone: 'UTC',
      currency: 'USD',
      region: 'USA',
      max_extensions: 50,
      disk_quota: '10GB',
      office_hours: {
        monday: {
          enabled: true,
          ranges: [
            { from: '08:00', to: '12:00' },
            { from: '13:00', to: '18:00' },
          ],
        },
      },
      cdr_event: { enabled: true, auth: 'BEARER', token: 'tok', url: 'https://h.example/x' },
    });
  });

  test('update patch: minimal; semantic equals skipped; removed blocks unmanaged; changed block merged over live', () => {
    const prior = tenant.toState(api, null);
    expect(tenant.toUpdatePatch(prior, prior)).toBeNull();
    expect(
      tenant.toUpdatePatch(prior, {
        ...prior,
        domain: 'SIP.ACME.EXAMPLE',
        extension_im_disk_quota: '1gb',
        email_recipients: 'b@y.example, a@x.example',
      }),
    ).toBeNull();
    expect(tenant.toUpdatePatch(prior, { ...prior, max_extensions: 10, name: 'Acme Ltd' })).toEqual({
      max_extensions: 10,
      name: 'Acme Ltd',
    });
    expect(tenant.toUpdatePatch(prior, { ...prior, e164: null, cdr_event: null, office_hours: null })).toBeNull();
    expect(tenant.toUpdatePatch(prior, { ...prior, dealer_id: 'other' })).toBeNull(); // separate endpoint

    // Only Monday managed; Monday changes. The body carries the other days from the live object.
    const managed = { ...prior, office_hours: { ...(prior.office_hours as ObjectValue) } };
    for (const d of WEEKDAYS.filter((x) => x !== 'monday')) managed.office_hours[d] = null;
    const planned = {
      ...managed,
      office_hours: { ...managed.office_hours, monday: { enabled: true, ranges: [{ from: '10:00', to: '16:00' }] } },
    };
    const patch = tenant.toUpdatePatch(managed, planned, api) as Record<string, unknown>;
    expect(Object.keys(patch)).toEqual(['office_hours']);
    const oh = patch.office_hours as Record<string, unknown>;
    expect(oh.monday).toEqual({ enabled: true, ranges: [{ from: '10:00', to: '16:00' }] });
    expect(oh.tuesday).toEqual(api.office_hours.tuesday);
    // Without live, only managed days are sent.
    expect(Object.keys((tenant.toUpdatePatch(managed, planned) as Record<string, Record<string, unknown>>).office_hours!)).toEqual([
      'monday',
    ]);

    // Webhook: clearing the url sends "" (blank); unchanged auth is still sent with the whole block.
    const hookPlanned = { ...prior, cdr_event: { ...(prior.cdr_event as ObjectValue), url: null, enabled: false } };
    expect(tenant.toUpdatePatch(prior, hookPlanned)).toEqual({ cdr_event: { enabled: false, auth: 'BEARER', url: '' } });
  });

  test('update patch: webhook secrets from config go with a sent block, or when credentials_wo_version changes', () => {
    const prior = { ...tenant.toState(api, null) };
    prior.cdr_event = { ...(prior.cdr_event as ObjectValue), credentials_wo_version: 1 };
    const cfgOf = (planned: ObjectValue, secrets: ObjectValue) => ({
      ...planned,
      cdr_event: { ...(planned.cdr_event as ObjectValue), ...secrets },
    });
    // Nothing changed: the secrets are not sent (write-only values cannot be compared).
    expect(tenant.webhookSecretsDue(prior, prior)).toBe(false);
    expect(tenant.toUpdatePatch(prior, prior, api, cfgOf(prior, { token_wo: 'tok-2' }))).toBeNull();
    // Another field of the block changed: the block is sent whole, with the configured secret.
    const urlChanged = { ...prior, cdr_event: { ...prior.cdr_event, url: 'https://h.example/new' } };
    expect(tenant.webhookSecretsDue(prior, urlChanged)).toBe(false);
    expect(tenant.toUpdatePatch(prior, urlChanged, null, cfgOf(urlChanged, { token_wo: 'tok-2' }))).toEqual({
      cdr_event: { enabled: true, auth: 'BEARER', url: 'https://h.example/new', token: 'tok-2' },
    });
    // Only the version changed: the block goes out on top of the live one, with the new secret.
    const bumped = { ...prior, cdr_event: { ...prior.cdr_event, credentials_wo_version: 2 } };
    expect(tenant.webhookSecretsDue(prior, bumped)).toBe(true);
    expect(tenant.toUpdatePatch(prior, bumped, api, cfgOf(bumped, { token_wo: 'tok-2' }))).toEqual({
      cdr_event: { ...api.cdr_event, token: 'tok-2' },
    });
    // BASIC: the password is sent, the other webhook is left alone.
    expect(tenant.toUpdatePatch(prior, bumped, api, cfgOf(bumped, { password_wo: 'hookpass2' }))).toEqual({
      cdr_event: { ...api.cdr_event, password: 'hookpass2' },
    });
    // A version bump without a secret in config (refused by validation) or without config never
    // invents one: the block goes back as the PBX has it.
    expect(tenant.toUpdatePatch(prior, bumped, api, cfgOf(bumped, {}))).toEqual({ cdr_event: api.cdr_event });
    expect(tenant.toUpdatePatch(prior, bumped, api)).toEqual({ cdr_event: api.cdr_event });
    // An unknown version is not a change yet.
    const unknownVersion: ObjectValue = { ...prior, cdr_event: { ...prior.cdr_event, credentials_wo_version: UNKNOWN } };
    expect(tenant.webhookSecretsDue(prior, unknownVersion)).toBe(false);
  });

  test('dealerChange', () => {
    const s = configOf(tenantSchema, { dealer_id: 'd1' });
    expect(tenant.dealerChange(s, { ...s })).toBeNull();
    expect(tenant.dealerChange(s, { ...s, dealer_id: 'd2' })).toEqual({ remove: 'd1', designate: 'd2' });
    expect(tenant.dealerChange(s, { ...s, dealer_id: null })).toEqual({ remove: 'd1' });
    expect(tenant.dealerChange(null, { ...s })).toEqual({ designate: 'd1' });
    expect(tenant.dealerChange(s, { ...s, dealer_id: UNKNOWN })).toBeNull();
  });

  test('semanticallyEqual on attributes and whole blocks', () => {
    expect(tenant.semanticallyEqual('domain', 'A.example', 'a.example.')).toBe(true);
    expect(tenant.semanticallyEqual('disk_quota', '5gb', '5GB')).toBe(true);
    expect(tenant.semanticallyEqual('website', '', null)).toBe(true);
    expect(tenant.semanticallyEqual('name', 'Acme', 'acme')).toBe(false);
    expect(tenant.semanticallyEqual('cdr_event.auth', 'bearer', 'BEARER')).toBe(true);
    const mon = { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] };
    expect(tenant.semanticallyEqual('office_hours.monday', mon, { ...mon })).toBe(true);
    expect(tenant.semanticallyEqual('office_hours.monday', mon, { ...mon, ranges: [] })).toBe(false);
    expect(tenant.semanticallyEqual('office_hours.monday.ranges', mon.ranges, [{ from: '09:00', to: '17:00' }])).toBe(true);
  });

  test('keepPriorSpelling walks blocks', () => {
    const prior = tenant.toState(api, null);
    (prior.cdr_event as ObjectValue).auth = 'bearer';
    const planned = { ...prior, domain: 'SIP.ACME.EXAMPLE', cdr_event: { ...(prior.cdr_event as ObjectValue), auth: 'BEARER' } };
    const out = tenant.keepPriorSpelling(planned, prior);
    expect(out.domain).toBe('sip.acme.example');
    expect((out.cdr_event as ObjectValue).auth).toBe('bearer');
  });
});
