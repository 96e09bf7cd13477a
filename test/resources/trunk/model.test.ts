// portsip_trunk mapping and declarations (src/resources/trunk/model.ts, schema.ts): exact state keys,
// the password never in state, create bodies, minimal update patches (the password only when its
// version changes; brand and auth_mode never), replacement, import by name and the unique key.

import type { ObjectValue } from '../../../src/provider/values';
import { metaOf, portsipResources } from '../../../src/resources';
import { replacedAttributes } from '../../../src/resources/kit/define';
import { keepPriorSpelling, toCreateBody, toState, toUpdatePatch } from '../../../src/resources/trunk/model';
import { trunkSchema } from '../../../src/resources/trunk/schema';
import { configOf } from '../helpers';

/** GET /providers/{id} as the 22.2 schema describes it (C1): no password. */
const API = {
  id: 'NzAwNTUxOTA5NzczMTQ4MjAz',
  name: 'carrier-main',
  enabled: true,
  brand: 'Generic',
  auth_mode: 'REGISTER_AUTH',
  transport: 'UDP',
  hostname: 'SIP.Carrier.example',
  port: 5060,
  auth_id: 'pbx',
  username: '',
  registration: true,
  register_interval: 600,
  outbound_server: 'sip.carrier.example',
  outbound_server_port: 5060,
  inlan: false,
  single_via_header: true,
  rewrite_via_ip: true,
  verify_port: true,
  keep_alive: true,
  keep_alive_interval: 360,
  concurrency: 30,
  additional_ips: '',
  adjust_sdp_direction: true,
  remove_srtp_info: true,
  stir_shaken_signature_required: false,
  did_numbers: '3000;12000-18000',
  inbound_parameters: { caller_num: 'DEFAULT' },
  shared: false,
};

const state = (o: ObjectValue = {}): ObjectValue => ({ ...toState(API, null), ...o });

test('state has exactly the schema keys; blanks are null; the password is never there', () => {
  const s = toState(API, configOf(trunkSchema, { id: API.id, password_wo_version: 3 }));
  expect(Object.keys(s).sort()).toEqual(Object.keys(trunkSchema.block.attributes).sort());
  expect(s).toMatchObject({
    id: API.id,
    name: 'carrier-main',
    username: null,
    additional_ips: null,
    password_wo: null,
    password_wo_version: 3,
  });
  expect(JSON.stringify(s)).not.toContain('inbound_parameters');
});

test('the prior spelling of a host name is kept (case and a trailing dot do not matter)', () => {
  const prior = state({ hostname: 'sip.carrier.example.' });
  expect(toState(API, prior).hostname).toBe('sip.carrier.example.');
  const planned = { ...prior, hostname: 'SIP.carrier.example' };
  expect(keepPriorSpelling(planned, prior).hostname).toBe('sip.carrier.example.');
});

test('the create body carries the configured values and the write-only password from config, not the version', () => {
  const planned = configOf(trunkSchema, {
    name: 'carrier-main',
    transport: 'TLS',
    hostname: 'sip.carrier.example',
    port: 5061,
    outbound_server: 'sip.carrier.example',
    outbound_server_port: 5061,
    concurrency: 10,
    auth_mode: 'IP_AUTH',
    password_wo_version: 1,
  });
  const config = { ...planned, password_wo: 'Trunk-S3cret' };
  expect(toCreateBody(planned, config)).toEqual({
    name: 'carrier-main',
    transport: 'TLS',
    hostname: 'sip.carrier.example',
    port: 5061,
    outbound_server: 'sip.carrier.example',
    outbound_server_port: 5061,
    concurrency: 10,
    auth_mode: 'IP_AUTH',
    password: 'Trunk-S3cret',
  });
  expect(toCreateBody(planned, planned)).not.toHaveProperty('password');
});

test('update patches: only what changed; the password only when its version changed; brand and auth_mode never', () => {
  const prior = state({ password_wo_version: 1 });
  const cfg = (o: ObjectValue = {}) => ({ ...prior, password_wo: 'Next-S3cret', ...o });
  expect(toUpdatePatch(prior, { ...prior, hostname: 'sip.CARRIER.example' }, cfg())).toBeNull();
  expect(toUpdatePatch(prior, { ...prior, concurrency: 40, did_numbers: '3000;12000-18000' }, cfg())).toEqual({ concurrency: 40 });
  expect(toUpdatePatch(prior, { ...prior, auth_id: null }, cfg())).toEqual({ auth_id: '' });
  expect(toUpdatePatch(prior, { ...prior, password_wo_version: 2 }, cfg())).toEqual({ password: 'Next-S3cret' });
  expect(toUpdatePatch(prior, { ...prior, enabled: false, password_wo_version: 2 }, cfg())).toEqual({
    enabled: false,
    password: 'Next-S3cret',
  });
  expect(toUpdatePatch(prior, { ...prior, brand: 'Other', auth_mode: 'IP_AUTH' }, cfg())).toBeNull();
});

test('brand and auth_mode force a replacement; other changes do not', () => {
  const prior = state();
  expect(replacedAttributes(trunkSchema.block, prior, { ...prior, brand: 'Other', concurrency: 5 })).toEqual(['brand']);
  expect(replacedAttributes(trunkSchema.block, prior, { ...prior, auth_mode: 'IP_AUTH' })).toEqual(['auth_mode']);
  expect(replacedAttributes(trunkSchema.block, prior, { ...prior, name: 'renamed', transport: 'TCP' })).toEqual([]);
  expect(portsipResources.portsip_trunk).toBeDefined();
});

test('declarations: import by id or name, a unique name, the natural key', () => {
  const meta = metaOf('portsip_trunk')!;
  expect(meta.mode).toBe('collection');
  expect(meta.importFormat.parse('carrier-main')).toEqual({ name: 'carrier-main' });
  expect(meta.importFormat.parse('name=NzAw')).toEqual({ name: 'NzAw' });
  expect(meta.key!.of({ name: 'carrier-main' })).toBe('carrier-main');
  expect(meta.key!.describe({ name: 'carrier-main' })).toBe('name "carrier-main"');
  expect(meta.unique).toMatchObject({ namespace: 'trunk name' });
  expect(meta.unique!.of({ name: 'a' })).toBe('a');
  // Compared as written [inferred]: a trunk "Carrier" and one "carrier" are two names.
  expect(meta.unique!.of({ name: 'Carrier' })).not.toBe(meta.unique!.of({ name: 'carrier' }));
});
