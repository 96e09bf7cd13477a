// API <-> state mapping of the data sources: schemas (everything computed, look-up keys
// Optional+Computed, no secrets), nested objects, configured spellings kept, queries.

import { type ObjectValue } from '../../src/provider/values';
import { tenantSchema } from '../../src/resources/tenant/schema';
import { tenantDataSourceSchema } from '../../src/datasources/tenant/schema';
import { dealerDataSourceSchema } from '../../src/datasources/dealer/schema';
import { transportDataSourceSchema } from '../../src/datasources/transport/schema';
import { ipRulesDataSourceSchema } from '../../src/datasources/ip-rules/schema';
import { systemStatusDataSourceSchema } from '../../src/datasources/system-status/schema';
import * as dsTenant from '../../src/datasources/tenant/model';
import * as dsTransport from '../../src/datasources/transport/model';
import * as dsIpRules from '../../src/datasources/ip-rules/model';
import * as dsStatus from '../../src/datasources/system-status/model';
import { configOf } from '../resources/helpers';

describe('data sources', () => {
  test('schemas: everything computed, lookup keys Optional+Computed, no write-only or omitted secrets', () => {
    const t = tenantDataSourceSchema.block;
    expect(t.attributes.id).toMatchObject({ optional: true, computed: true });
    expect(t.attributes.domain).toMatchObject({ optional: true, computed: true });
    expect(t.attributes.name).toMatchObject({ computed: true });
    expect(t.attributes.name!.optional).toBeUndefined();
    expect(t.blocks).toBeUndefined();
    expect(Object.keys(t.attributes).sort()).toEqual(
      [...Object.keys(tenantSchema.block.attributes), ...Object.keys(tenantSchema.block.blocks!)].sort(),
    );
    const hook = t.attributes.cdr_event!.type as { object: Record<string, unknown> };
    expect(Object.keys(hook.object).sort()).toEqual(['auth', 'enabled', 'url', 'username']);
    expect(t.attributes.cdr_event!.sensitive).toBeUndefined();
    expect(t.attributes.office_hours!.type).toMatchObject({
      object: { monday: { object: { enabled: 'bool', ranges: { list: { object: { from: 'string', to: 'string' } } } } } },
    });
    const d = dealerDataSourceSchema.block;
    expect(d.attributes.password).toBeUndefined();
    expect(d.attributes.password_wo).toBeUndefined();
    expect(d.attributes.name).toMatchObject({ optional: true, computed: true });
    expect(transportDataSourceSchema.block.attributes.status).toMatchObject({ computed: true, type: 'string' });
    for (const s of [
      tenantDataSourceSchema,
      dealerDataSourceSchema,
      transportDataSourceSchema,
      ipRulesDataSourceSchema,
      systemStatusDataSourceSchema,
    ]) {
      for (const a of Object.values(s.block.attributes)) {
        expect(a.writeOnly).toBeFalsy();
        expect(a.required).toBeFalsy();
      }
    }
  });

  test('tenant: nested objects filled; configured domain spelling kept', () => {
    const api = {
      id: 'tn1',
      name: 'Acme',
      domain: 'sip.acme.example',
      office_hours: { monday: { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] } },
      cdr_event: { enabled: true, auth: 'BEARER', token: 'secret', url: 'https://h' },
    };
    const s = dsTenant.toState(api, configOf(tenantDataSourceSchema, { domain: 'SIP.Acme.Example' }), 'd1');
    expect(Object.keys(s).sort()).toEqual(Object.keys(tenantDataSourceSchema.block.attributes).sort());
    expect(s.domain).toBe('SIP.Acme.Example');
    expect(s.dealer_id).toBe('d1');
    expect(s.cdr_event).toEqual({ enabled: true, auth: 'BEARER', username: null, url: 'https://h' });
    expect((s.office_hours as ObjectValue).monday).toEqual({ enabled: true, ranges: [{ from: '09:00', to: '17:00' }] });
    expect((s.office_hours as ObjectValue).tuesday).toBeNull();
  });

  test('transport, IP rules and system status', () => {
    expect(
      dsTransport.toState(
        { id: 't1', protocol: 'TLS', port: 5061, verification: 'DISABLE' },
        configOf(transportDataSourceSchema, { protocol: 'tls', port: 5061 }),
        'ACTIVATED',
      ),
    ).toEqual({ id: 't1', protocol: 'tls', port: 5061, verification: 'DISABLE', status: 'ACTIVATED' });
    const cfg = configOf(ipRulesDataSourceSchema, { filter: "startswith(cidr,'10.')", target: 'DENY' });
    expect(dsIpRules.toQuery(cfg)).toEqual({ filter: "(startswith(cidr,'10.')) and target eq 'DENY'" });
    expect(dsIpRules.toQuery(configOf(ipRulesDataSourceSchema, {}))).toEqual({});
    const s = dsIpRules.toState(
      [
        { id: 'r1', cidr: '10.0.0.0/8', target: 'DENY', expire_at: null },
        { id: 'r2', cidr: '10.1.0.0/16', target: 'ACCEPT', description: 'x' },
      ],
      cfg,
    );
    expect(s).toEqual({
      id: "filter=startswith(cidr,'10.');target=DENY",
      filter: cfg.filter,
      target: 'DENY',
      rules: [{ id: 'r1', cidr: '10.0.0.0/8', target: 'DENY', expire_at: null, description: null }],
    });
    const st = dsStatus.toState({ version: '22.3.5', current_calls: 3, calls_in_24_hours: [{ time: '2025-01-01T00:00:00Z', count: 4 }] });
    expect(Object.keys(st).sort()).toEqual(Object.keys(systemStatusDataSourceSchema.block.attributes).sort());
    expect(st).toMatchObject({
      id: 'system_status',
      version: '22.3.5',
      current_calls: 3,
      licensed_users: null,
      calls_in_24_hours: [{ time: '2025-01-01T00:00:00Z', count: 4 }],
    });
    expect(systemStatusDataSourceSchema.block.attributes.license_key).toMatchObject({ sensitive: true });
  });
});
