// Synth-time validation: the provider's own validators run on every portsip construct during synth,
// and a bad value fails with the construct path and the attribute, before any terraform run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Construct } from 'constructs';
import {
  AdminUser,
  App,
  Aspects,
  Brand,
  Certificate,
  DataPortsipTenant,
  Dealer,
  IpRule,
  NetworkSettings,
  NotificationSettings,
  PortsipProvider,
  PortsipValidation,
  SbcSettings,
  SystemSettings,
  Tenant,
  TerraformIterator,
  TerraformStack,
  TerraformVariable,
  Token,
  Transport,
  TrunkAssignment,
  validatePortsip,
} from '../../src/cdktf';
import { formatDiagnostic, propPath, toObjectValue } from '../../src/cdktf/validation';
import { UNKNOWN } from '../../src/provider/values';
import type { Block } from '../../src/provider/schema';
import { portsipProvider } from '../../src/resources/provider';
import { CERT_PEM, KEY_PEM, newStack, STACK, synth, synthError } from './helpers';
import { tempDir } from '../tmp';

const tenantProps = { name: 'ACME', domain: 'acme.example.com', timezone: 'America/New_York', region: 'USA', currency: 'USD' };

/** The line for one construct in cdktf's "Validation failed" error: `[path] type.attribute ...`. */
/** A registered resource's schema block (the test fails clearly if the name is not registered). */
function resourceBlock(name: string): Block {
  const r = portsipProvider.resources[name];
  if (!r) throw new Error(`${name} is not a registered resource`);
  return r.schema.block;
}

function expectProblem(message: string, constructPath: string, typeAndAttribute: string): void {
  const lines = message.split('\n').filter((l) => l.includes(`[${constructPath}] `));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.some((l) => l.includes(`[${constructPath}] ${typeAndAttribute}`))).toBe(true);
}

interface FailureCase {
  name: string;
  build(stack: TerraformStack): void;
  /** Construct path below the stack. */
  path: string;
  /** `<type>.<attribute path>` as printed. */
  attribute: string;
  /** Something the message must also say (what is allowed, or the value). */
  says?: RegExp;
  /** A secret the message must not quote. */
  hides?: string;
}

const failures: FailureCase[] = [
  {
    name: 'tenant: unknown IANA time zone',
    build: (s) => new Tenant(s, 't', { ...tenantProps, timezone: 'Mars/Olympus_Mons' }),
    path: 't',
    attribute: 'portsip_tenant.timezone',
    says: /Mars\/Olympus_Mons/,
  },
  {
    name: 'tenant: region is not ISO 3166 alpha-3',
    build: (s) => new Tenant(s, 't', { ...tenantProps, region: 'XX' }),
    path: 't',
    attribute: 'portsip_tenant.region',
  },
  {
    name: 'tenant: currency is not ISO 4217',
    build: (s) => new Tenant(s, 't', { ...tenantProps, currency: 'dollars' }),
    path: 't',
    attribute: 'portsip_tenant.currency',
  },
  {
    name: 'tenant: negative limit',
    build: (s) => new Tenant(s, 't', { ...tenantProps, maxExtensions: -1 }),
    path: 't',
    attribute: 'portsip_tenant.max_extensions (prop maxExtensions)',
  },
  {
    name: 'tenant: size string',
    build: (s) => new Tenant(s, 't', { ...tenantProps, diskQuota: 'lots' }),
    path: 't',
    attribute: 'portsip_tenant.disk_quota',
    says: /"lots"/,
  },
  {
    name: 'tenant: office hours in a nested block',
    build: (s) =>
      new Tenant(s, 't', {
        ...tenantProps,
        officeHours: {
          monday: {
            enabled: true,
            ranges: [
              { from: '09:00', to: '17:00' },
              { from: '25:00', to: '26:00' },
            ],
          },
        },
      }),
    path: 't',
    attribute: 'portsip_tenant.office_hours.monday.ranges[1].from (prop officeHours.monday.ranges[1].from)',
  },
  {
    name: 'tenant: webhook auth enum in a single block',
    build: (s) => new Tenant(s, 't', { ...tenantProps, cdrEvent: { enabled: true, url: 'https://hooks.example.com', auth: 'TOKEN' } }),
    path: 't',
    attribute: 'portsip_tenant.cdr_event.auth',
    says: /"BEARER"/,
  },
  {
    name: 'dealer: level enum',
    build: (s) => new Dealer(s, 'd', { name: 'acme', level: 'BOSS', passwordWo: 'S3cret-pass' }),
    path: 'd',
    attribute: 'portsip_dealer.level',
    says: /"RESELLER"/,
  },
  {
    name: 'dealer: reserved login name',
    build: (s) => new Dealer(s, 'd', { name: 'Admin', level: 'RESELLER', passwordWo: 'S3cret-pass' }),
    path: 'd',
    attribute: 'portsip_dealer.name',
    says: /reserved/,
  },
  {
    name: 'dealer: write-only password too short (value not quoted)',
    build: (s) => new Dealer(s, 'd', { name: 'acme', level: 'RESELLER', passwordWo: 'abc' }),
    path: 'd',
    attribute: 'portsip_dealer.password_wo (prop passwordWo)',
    says: /3 characters/,
    hides: '"abc"',
  },
  {
    name: 'tenant: webhook credentials_wo_version without a write-only secret',
    build: (s) =>
      new Tenant(s, 't', {
        ...tenantProps,
        cdrEvent: { enabled: true, url: 'https://hooks.example.com', auth: 'BASIC', username: 'hookuser1', credentialsWoVersion: 2 },
      }),
    path: 't',
    attribute: 'portsip_tenant.cdr_event.credentials_wo_version',
    says: /requires "cdr_event.password_wo" or "cdr_event.token_wo"/,
  },
  {
    name: 'tenant: webhook write-only password breaks the pattern (value not quoted)',
    build: (s) =>
      new Tenant(s, 't', {
        ...tenantProps,
        cdrEvent: { enabled: true, url: 'https://hooks.example.com', auth: 'BASIC', username: 'hookuser1', passwordWo: 'Bad!' },
      }),
    path: 't',
    attribute: 'portsip_tenant.cdr_event.password_wo',
    says: /6 to 64 characters/,
    hides: 'Bad-Pass!',
  },
  {
    name: 'dealer: password_wo_version without password_wo',
    build: (s) => new Dealer(s, 'd', { name: 'acme', level: 'RESELLER', passwordWoVersion: 2 }),
    path: 'd',
    attribute: 'portsip_dealer.password_wo_version',
  },
  {
    name: 'transport: protocol enum',
    build: (s) => new Transport(s, 'tr', { protocol: 'SCTP', port: 5070 }),
    path: 'tr',
    attribute: 'portsip_transport.protocol',
  },
  {
    name: 'transport: port out of range',
    build: (s) => new Transport(s, 'tr', { protocol: 'TCP', port: 70000 }),
    path: 'tr',
    attribute: 'portsip_transport.port',
    says: /70000/,
  },
  {
    name: 'ip rule: prefix too long',
    build: (s) => new IpRule(s, 'r', { cidr: '10.0.0.0/33', target: 'ACCEPT' }),
    path: 'r',
    attribute: 'portsip_ip_rule.cidr',
  },
  {
    name: 'ip rule: target enum',
    build: (s) => new IpRule(s, 'r', { cidr: '10.0.0.0/8', target: 'ALLOW' }),
    path: 'r',
    attribute: 'portsip_ip_rule.target',
  },
  {
    name: 'ip rule: expiry is not RFC 3339',
    build: (s) => new IpRule(s, 'r', { cidr: '10.0.0.0/8', target: 'DENY', expireAt: 'tomorrow' }),
    path: 'r',
    attribute: 'portsip_ip_rule.expire_at (prop expireAt)',
  },
  {
    name: 'admin user: login name characters',
    build: (s) => new AdminUser(s, 'u', { name: 'jane doe!', role: 'SiteAdmin', passwordWo: 'Jane-pass-1' }),
    path: 'u',
    attribute: 'portsip_admin_user.name',
  },
  {
    name: 'trunk assignment: DID range backwards',
    build: (s) => new TrunkAssignment(s, 'a', { trunkId: 'NzAw', tenantId: 'OTEz', didNumbers: '2000-1000' }),
    path: 'a',
    attribute: 'portsip_trunk_assignment.did_numbers',
  },
  {
    name: 'trunk assignment: id with a slash',
    build: (s) => new TrunkAssignment(s, 'a', { trunkId: 'NzAw/x', tenantId: 'OTEz' }),
    path: 'a',
    attribute: 'portsip_trunk_assignment.trunk_id',
  },
  {
    name: 'system settings: REGISTER expiry range',
    build: (s) => new SystemSettings(s, 'sys', { registerExpirationTime: 30 }),
    path: 'sys',
    attribute: 'portsip_system_settings.register_expiration_time',
    says: /90/,
  },
  {
    name: 'notification settings: recipient list',
    build: (s) => new NotificationSettings(s, 'mail', { recipients: 'noc@example.com,not-an-address' }),
    path: 'mail',
    attribute: 'portsip_notification_settings.recipients',
  },
  {
    name: 'sbc settings: transport in a list block',
    build: (s) =>
      new SbcSettings(s, 'sbc', {
        transports: [
          { protocol: 'UDP', port: 5066 },
          { protocol: 'SCTP', port: 5067 },
        ],
      }),
    path: 'sbc',
    attribute: 'portsip_sbc_settings.transports[1].protocol',
  },
  {
    name: 'network settings: private IPv4 is not an IPv4 address',
    build: (s) => new NetworkSettings(s, 'net', { privateIpv4: '2001:db8::1' }),
    path: 'net',
    attribute: 'portsip_network_settings.private_ipv4',
  },
  {
    name: 'certificate: not PEM',
    build: (s) => new Certificate(s, 'cert', { crt: 'garbage', keyWo: KEY_PEM }),
    path: 'cert',
    attribute: 'portsip_certificate.crt',
  },
  {
    name: 'certificate: key and certificate swapped',
    build: (s) => new Certificate(s, 'cert', { crt: CERT_PEM, keyWo: CERT_PEM }),
    path: 'cert',
    attribute: 'portsip_certificate.key_wo',
    says: /swapped/,
  },
  { name: 'brand: theme enum', build: (s) => new Brand(s, 'brand', { theme: 'PINK' }), path: 'brand', attribute: 'portsip_brand.theme' },
  {
    name: 'data source tenant: id and domain together',
    build: (s) => new DataPortsipTenant(s, 'lookup', { id: 'OTEz', domain: 'acme.example.com' }),
    path: 'lookup',
    attribute: 'portsip_tenant.',
  },
  {
    name: 'a construct nested in a custom construct keeps its full path',
    build: (s) => {
      const customer = new Construct(s, 'customer-acme');
      new Tenant(customer, 'tenant', { ...tenantProps, region: 'ZZZ' });
    },
    path: 'customer-acme/tenant',
    attribute: 'portsip_tenant.region',
  },
];

describe('a bad value fails synth with the construct path and the attribute', () => {
  test.each(failures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const stack = newStack();
    f.build(stack);
    const message = synthError(stack);
    expect(message).toMatch(/^Validation failed with the following errors:/);
    expectProblem(message, `${STACK}/${f.path}`, f.attribute);
    if (f.says) expect(message).toMatch(f.says);
    if (f.hides) expect(message).not.toContain(f.hides);
  });
});

test('there are at least 20 failure cases', () => {
  expect(failures.length).toBeGreaterThanOrEqual(20);
});

test('the provider block is validated too', () => {
  const stack = newStack({ provider: false });
  new PortsipProvider(stack, 'portsip', {
    endpoint: 'ftp://pbx.example.com',
    readStrategy: 'lazy',
    maxConcurrency: 500,
    tenantDealerReads: 'never',
  });
  const message = synthError(stack);
  expectProblem(message, `${STACK}/portsip`, 'portsip.endpoint');
  expectProblem(message, `${STACK}/portsip`, 'portsip.read_strategy (prop readStrategy)');
  expectProblem(message, `${STACK}/portsip`, 'portsip.max_concurrency (prop maxConcurrency)');
  expectProblem(message, `${STACK}/portsip`, 'portsip.tenant_dealer_reads (prop tenantDealerReads)');
});

test('every problem in the app is reported at once', () => {
  const stack = newStack();
  new Tenant(stack, 'a', { ...tenantProps, timezone: 'Nowhere/City', currency: 'XXXX' });
  new Transport(stack, 'b', { protocol: 'TCP', port: 0 });
  new IpRule(stack, 'c', { cidr: 'not-a-cidr', target: 'DENY' });
  const message = synthError(stack);
  expectProblem(message, `${STACK}/a`, 'portsip_tenant.timezone');
  expectProblem(message, `${STACK}/a`, 'portsip_tenant.currency');
  expectProblem(message, `${STACK}/b`, 'portsip_transport.port');
  expectProblem(message, `${STACK}/c`, 'portsip_ip_rule.cidr');
});

test('two blocks of a singleton in one stack are refused, naming both', () => {
  const stack = newStack();
  new SystemSettings(stack, 'first', { userAgent: 'A' });
  new SystemSettings(stack, 'second', { userAgent: 'B' });
  const message = synthError(stack);
  expect(message).toMatch(/Only one portsip_system_settings per configuration/);
  expect(message).toContain(`Declared at: ${STACK}/first, ${STACK}/second`);
});

test('a singleton with count > 1 is refused', () => {
  const stack = newStack();
  new Brand(stack, 'brand', { theme: 'DARK', count: 2 });
  expect(synthError(stack)).toMatch(/\[test\/brand\] portsip_brand: Only one portsip_brand per configuration/);
});

test('write-only attributes are refused when the target Terraform predates 1.11', () => {
  const stack = newStack();
  new Dealer(stack, 'd', { name: 'acme', level: 'RESELLER', passwordWo: 'S3cret-pass' });
  const message = synthError(stack, { writeOnlyAttributesAllowed: false });
  expectProblem(message, `${STACK}/d`, 'portsip_dealer.password_wo');
});

test('an override with an attribute the schema does not have is refused', () => {
  const stack = newStack();
  const t = new Transport(stack, 'tr', { protocol: 'TCP', port: 5070 });
  t.addOverride('verfication', 'OPTIONAL');
  expectProblem(synthError(stack), `${STACK}/tr`, 'portsip_transport.verfication: Unsupported argument');
});

test('an override is validated like a property', () => {
  const stack = newStack();
  const t = new Transport(stack, 'tr', { protocol: 'TCP', port: 5070 });
  t.addOverride('port', 99999);
  expectProblem(synthError(stack), `${STACK}/tr`, 'portsip_transport.port');
});

describe('values not known until apply are skipped, as terraform validate skips them', () => {
  test('variables, references and functions', () => {
    const stack = newStack();
    const tz = new TerraformVariable(stack, 'tz', { type: 'string' });
    const port = new TerraformVariable(stack, 'port', { type: 'number' });
    const dealer = new Dealer(stack, 'd', {
      name: 'acme',
      level: 'RESELLER',
      passwordWo: new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true }).stringValue,
    });
    new Tenant(stack, 't', { ...tenantProps, timezone: tz.stringValue, dealerId: dealer.id, maxExtensions: Token.asNumber(port.value) });
    new Transport(stack, 'tr', { protocol: 'TCP', port: port.numberValue });
    expect(() => synth(stack)).not.toThrow();
  });

  test('a literal ${...} template is evaluated by terraform, so it is unknown here', () => {
    const stack = newStack();
    new Tenant(stack, 't', { ...tenantProps, timezone: '${var.tz}', currency: '%{if true}USD%{endif}' });
    expect(() => synth(stack)).not.toThrow();
  });

  test('a token inside a nested block only hides that value', () => {
    const stack = newStack();
    const from = new TerraformVariable(stack, 'from', { type: 'string' });
    new Tenant(stack, 't', {
      ...tenantProps,
      officeHours: {
        monday: {
          ranges: [
            { from: from.stringValue, to: '17:00' },
            { from: '9am', to: '17:00' },
          ],
        },
      },
    });
    const message = synthError(stack);
    expectProblem(message, `${STACK}/t`, 'portsip_tenant.office_hours.monday.ranges[1].from');
    expect(message).not.toContain('ranges[0]');
  });
});

test('app.synth() fails before writing anything, naming the construct and the attribute', () => {
  const outdir = tempDir('cdktf-val-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new PortsipProvider(stack, 'portsip', {});
  new Transport(stack, 'sip-tls', { protocol: 'tls', port: 5061 });
  validatePortsip(app);
  expect(() => app.synth()).toThrow(
    /\[prod\/sip-tls\] portsip_transport\.protocol: Invalid attribute value: Attribute "protocol" must be one of/,
  );
  expect(fs.existsSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'))).toBe(false);
});

test('cdktf never invokes an aspect added to the App itself, which is why validatePortsip adds it per stack', () => {
  const app = new App({ outdir: tempDir('cdktf-val-') });
  const stack = new TerraformStack(app, 'prod');
  new PortsipProvider(stack, 'portsip', {});
  new Transport(stack, 'sip-tls', { protocol: 'tls', port: 5061 });
  Aspects.of(app).add(new PortsipValidation());
  expect(() => app.synth()).not.toThrow();
  expect(() => validatePortsip(new App({ outdir: app.outdir }))).toThrow(/no TerraformStack found/);
});

test('a valid stack synthesizes with no warnings or errors', () => {
  const stack = newStack();
  new Tenant(stack, 't', tenantProps);
  new Dealer(stack, 'd', { name: 'acme', level: 'RESELLER', passwordWo: 'S3cret-pass', passwordWoVersion: 1 });
  const out = synth(stack);
  expect(JSON.parse(out).resource.portsip_tenant.t.domain).toBe('acme.example.com');
});

describe('conversion of synthesized blocks', () => {
  const tenantBlock = resourceBlock('portsip_tenant');

  test('every schema key is present; unset blocks follow terraform (single: null)', () => {
    const v = toObjectValue({ name: 'x' }, tenantBlock);
    expect(Object.keys(v).sort()).toEqual([...Object.keys(tenantBlock.attributes), ...Object.keys(tenantBlock.blocks ?? {})].sort());
    expect(v.office_hours).toBeNull();
    expect(v.timezone).toBeNull();
  });

  test('a list block may be one object (JSON syntax) and an unset list block is empty', () => {
    const sbc = resourceBlock('portsip_sbc_settings');
    expect(toObjectValue({ transports: { protocol: 'UDP', port: 5066 } }, sbc).transports).toEqual([{ protocol: 'UDP', port: 5066 }]);
    expect(toObjectValue({}, sbc).transports).toEqual([]);
  });

  test('tokens become unknown', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'v', { type: 'string' });
    expect(toObjectValue({ name: v.stringValue, timezone: '${var.tz}' }, tenantBlock)).toMatchObject({ name: UNKNOWN, timezone: UNKNOWN });
  });

  test('messages name the TypeScript property as well', () => {
    expect(propPath('office_hours.monday.ranges[0].from')).toBe('officeHours.monday.ranges[0].from');
    expect(formatDiagnostic('portsip_dealer', { severity: 'error', summary: 'S', detail: 'D', path: ['max_tenants'] })).toBe(
      'portsip_dealer.max_tenants (prop maxTenants): S: D',
    );
    expect(formatDiagnostic('portsip_brand', { severity: 'error', summary: 'S' })).toBe('portsip_brand: S');
  });
});

test('a dynamic block is unknown at synth (its items exist only after terraform expands it)', () => {
  const stack = newStack();
  const ports = new TerraformVariable(stack, 'ports', { type: 'list(number)' });
  const it = TerraformIterator.fromList(ports.listValue);
  new SbcSettings(stack, 'sbc', { transports: it.dynamic({ protocol: 'UDP', port: it.value }) });
  const out = JSON.parse(synth(stack));
  const block = resourceBlock('portsip_sbc_settings');
  expect(toObjectValue(out.resource.portsip_sbc_settings.sbc, block).transports).toBe(UNKNOWN);
  expect(out.resource.portsip_sbc_settings.sbc.dynamic.transports.for_each).toBe('${toset(var.ports)}');
});
