// `portsip export` pieces without a PBX: names, filters, HCL quoting, and what the model writes.
import { buildModel, describedDefault } from '../../src/cli/export/model';
import { assignNames, identifier } from '../../src/cli/export/naming';
import { globToRegExp, keyMatches, parseFilters } from '../../src/cli/export/filters';
import { hclFiles, hclString } from '../../src/cli/export/hcl';
import type { LiveObject } from '../../src/cli/export/read';
import { emptyState } from '../../src/resources/common/mapping';
import { portsipResources } from '../../src/resources';
import type { ObjectValue } from '../../src/provider/values';

const obj = (type: string, importId: string, key: string, values: ObjectValue): LiveObject => ({
  type,
  importId,
  key,
  state: emptyState(portsipResources[type]!.schema.block, { id: importId, ...values }),
});

test('identifier: lower case, runs of other characters as one _, never starting with a digit', () => {
  expect(identifier('Acme.Example.com', 'tenant')).toBe('acme_example_com');
  expect(identifier('--a--b--', 'x')).toBe('a_b');
  expect(identifier('123-reseller', 'dealer')).toBe('dealer_123_reseller');
  expect(identifier('...', 'dealer')).toBe('dealer');
});

test('names: unique per type, the same whatever order the API listed the objects in', () => {
  const a = obj('portsip_dealer', 'id2', 'acme', { name: 'acme' });
  const b = obj('portsip_dealer', 'id1', 'Acme', { name: 'Acme' });
  const r = obj('portsip_ip_rule', 'id3', '192.0.2.0/24', { cidr: '192.0.2.0/24' });
  const s = obj('portsip_system_settings', 'system_settings', 'system settings', {});
  for (const order of [
    [a, b, r, s],
    [s, r, b, a],
  ]) {
    const n = assignNames(order);
    // "Acme" < "acme": the upper-case key gets the plain name, in any listing order.
    expect([n.get(b), n.get(a), n.get(r), n.get(s)]).toEqual(['acme', 'acme_2', 'net_192_0_2_0_24', 'this']);
  }
});

test('filters: types with or without the prefix, globs on the natural key, clear errors', () => {
  const f = parseFilters({ include: ['tenant,portsip_dealer'], match: ['tenant=*.acme.com'] });
  expect(f.types).toEqual(['portsip_dealer', 'portsip_tenant']);
  expect(keyMatches(f, 'portsip_tenant', 'sip.ACME.com')).toBe(true);
  expect(keyMatches(f, 'portsip_tenant', 'acme.com')).toBe(false);
  expect(keyMatches(f, 'portsip_dealer', 'anything')).toBe(true);
  expect(parseFilters({ exclude: ['ip_rule'] }).types).not.toContain('portsip_ip_rule');
  expect(parseFilters({ dealer: 'acme' }).types).toEqual(['portsip_dealer', 'portsip_tenant', 'portsip_trunk_assignment']);
  expect(() => parseFilters({ include: ['tenants'] })).toThrow(
    /--include "tenants": unknown type; use one of admin_profile, admin_user, .*dealer, .*tenant, /,
  );
  expect(() => parseFilters({ match: ['tenant'] })).toThrow(/--match "tenant": expected TYPE=GLOB/);
  expect(() => parseFilters({ include: ['tenant'], exclude: ['tenant'] })).toThrow(/leave no resource type/);
  expect(globToRegExp('10.0.?.*').test('10.0.1.0/24')).toBe(true);
  expect(globToRegExp('a+b').test('a+b')).toBe(true);
});

test('HCL strings: quotes, backslashes, control characters and template sequences escaped', () => {
  expect(hclString('say "hi" \\ ${x} %{y}\n\t\u0001')).toBe('"say \\"hi\\" \\\\ $${x} %%{y}\\n\\t\\u0001"');
});

test('documented defaults are read from the schema descriptions', () => {
  const a = portsipResources.portsip_dealer!.schema.block.attributes;
  expect(describedDefault(a.max_tenants!)).toBe(100);
  expect(describedDefault(a.enabled!)).toBe(true);
  expect(describedDefault(a.email!)).toBeUndefined();
  // `""` documents the empty string (unlimited quota), not two quote characters.
  expect(describedDefault(portsipResources.portsip_tenant!.schema.block.attributes.disk_quota!)).toBe('');
});

test('model: defaults left out, references by name, a literal id with a comment, password variables', () => {
  const dealer = obj('portsip_dealer', 'D1', 'acme', {
    name: 'acme',
    level: 'RESELLER',
    enabled: true, // the documented default: not written
    max_tenants: 5, // not the default (100): written
    max_extensions: 50000,
    tenant_full_access: true,
  });
  const common = { name: 'T', timezone: 'UTC', currency: 'USD', region: 'USA' };
  const t1 = obj('portsip_tenant', 'T1', 'a.example.com', { ...common, domain: 'a.example.com', dealer_id: 'D1' });
  const t2 = obj('portsip_tenant', 'T2', 'b.example.com', { ...common, domain: 'b.example.com', dealer_id: 'D9' });
  const model = buildModel([t2, t1, dealer]);
  expect(model.resources.map((r) => `${r.type}.${r.name}`)).toEqual([
    'portsip_dealer.acme',
    'portsip_tenant.a_example_com',
    'portsip_tenant.b_example_com',
  ]);
  const files = Object.fromEntries(hclFiles(model, '9.9.9').map((f) => [f.path, f.content]));
  expect(files['dealers.tf']).toBe(
    [
      'import {',
      '  to = portsip_dealer.acme',
      '  id = "D1"',
      '}',
      '',
      'resource "portsip_dealer" "acme" {',
      '  name        = "acme"',
      '  level       = "RESELLER"',
      '  password_wo = var.dealer_acme_password',
      '  max_tenants = 5',
      '}',
      '',
    ].join('\n'),
  );
  expect(files['tenants.tf']).toContain('  dealer_id = portsip_dealer.acme.id\n');
  expect(files['tenants.tf']).toContain('  # The dealer D9 is not in this export (filtered out): its id is kept.\n  dealer_id = "D9"\n');
  expect(files['variables.tf']).toMatch(
    /variable "dealer_acme_password" \{\n {2}description = .*\n {2}type {8}= string\n {2}ephemeral {3}= true\n {2}default {5}= null\n\}/,
  );
  expect(files['versions.tf']).toContain('version = "9.9.9"');
});
