// Small pieces of the reports: natural keys, terraform error condensing, output destinations,
// resource block lookup.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { naturalKey, typeLabel } from '../../src/cli/report/keys';
import { blockOf, scanResourceBlocks } from '../../src/cli/report/locate';
import { destinations, parseFormats } from '../../src/cli/report/outputs';
import { errorSummary } from '../../src/cli/report/terraform';
import { portsipResources } from '../../src/resources';

test('natural keys: each type as people know it; the address when the key is missing or the type unknown', () => {
  expect(naturalKey('portsip_tenant', { domain: 'acme.example.com' }, 'portsip_tenant.a')).toBe('acme.example.com');
  expect(naturalKey('portsip_dealer', { name: 'acme' }, 'x')).toBe('acme');
  expect(naturalKey('portsip_ip_rule', { cidr: '192.0.2.0/24' }, 'x')).toBe('192.0.2.0/24');
  expect(naturalKey('portsip_transport', { protocol: 'TLS', port: 5061 }, 'x')).toBe('TLS:5061');
  expect(naturalKey('portsip_admin_user', { name: 'ops' }, 'x')).toBe('ops');
  expect(naturalKey('portsip_trunk_assignment', { trunk_id: 'T', tenant_id: 'N' }, 'x')).toBe('T/N');
  expect(naturalKey('portsip_sbc_settings', {}, 'x')).toBe('SBC settings');
  expect(naturalKey('portsip_tenant', null, 'portsip_tenant.a')).toBe('portsip_tenant.a');
  expect(naturalKey('aws_s3_bucket', { bucket: 'b' }, 'aws_s3_bucket.b')).toBe('aws_s3_bucket.b');
  expect(typeLabel('aws_s3_bucket')).toBe('aws_s3_bucket');
});

test('every resource type of the provider is named by its declaration: a label, and a key unless it is a singleton', () => {
  for (const type of Object.keys(portsipResources)) {
    expect(typeLabel(type)).not.toBe(type);
    expect(naturalKey(type, {}, 'ADDRESS') === 'ADDRESS').toBe(!/settings|server|certificate|brand|profile/.test(type));
  }
});

test("terraform's diagnostics condense to one line: first summary, its detail, how many more", () => {
  const stderr = [
    '',
    'Error: Cannot read portsip_dealer "OTE1"',
    '',
    '  with portsip_dealer.d,',
    '  on main.tf line 13, in resource "portsip_dealer" "d":',
    '  13: resource "portsip_dealer" "d" {',
    '',
    'POST /auth/sign_in: HTTP 400 UNAUTHORIZED: Login failed, authentication',
    'error. Check the provider "username"/"password".',
    '',
    'Error: Cannot read portsip_ip_rule "OTE2"',
    '',
    'POST /auth/sign_in: HTTP 400 UNAUTHORIZED',
    '',
  ].join('\n');
  expect(errorSummary(stderr)).toBe(
    'Cannot read portsip_dealer "OTE1": POST /auth/sign_in: HTTP 400 UNAUTHORIZED: Login failed, authentication error. Check the provider "username"/"password". (and 1 more error)',
  );
  expect(errorSummary('╷\n│ Error: Backend initialization required\n│ \n│ Run "terraform init".\n╵\n')).toBe(
    'Backend initialization required: Run "terraform init".',
  );
  expect(errorSummary('something odd\nhappened\n')).toBe('something odd happened');
});

test('formats and destinations', () => {
  expect(parseFormats([], ['text', 'json'] as const)).toEqual(['text']);
  expect(parseFormats(['json, text'], ['text', 'json'] as const)).toEqual(['json', 'text']);
  expect(() => parseFormats(['text', 'text'], ['text'] as const)).toThrow('--format "text" is given twice');
  expect(destinations(['markdown', 'sarif'], ['-'], 'r', 'drift')).toEqual([
    { format: 'markdown' },
    { format: 'sarif', file: path.join('r', 'portsip-drift.sarif') },
  ]);
  expect(destinations(['text'], [], undefined, 'drift')).toEqual([{ format: 'text' }]);
});

test('resource blocks are found in the .tf files, indexes stripped; module and data addresses are not', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locate-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.tf'), '# x\nresource "portsip_tenant" "acme" {\n}\n\n  resource  "portsip_ip_rule" "office" {\n}\n');
    fs.writeFileSync(path.join(dir, 'b.tf.json'), '{"resource": {}}');
    const found = scanResourceBlocks(dir, path.dirname(dir));
    expect(found.get('portsip_tenant.acme')).toEqual({ file: `${path.basename(dir)}/a.tf`, line: 2 });
    expect(found.get('portsip_ip_rule.office')).toEqual({ file: `${path.basename(dir)}/a.tf`, line: 5 });
    expect(blockOf('portsip_ip_rule.office["leeds"]')).toBe('portsip_ip_rule.office');
    expect(blockOf('portsip_ip_rule.office[3]')).toBe('portsip_ip_rule.office');
    expect(blockOf('module.m.portsip_ip_rule.office')).toBeUndefined();
    expect(blockOf('data.portsip_tenant.x')).toBeUndefined();
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
