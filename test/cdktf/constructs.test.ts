// One synth per construct type the provider serves (resources, data sources, the provider block):
// a committed snapshot of the synthesized JSON, and toHaveResourceWithProperties /
// toHaveDataSourceWithProperties / toHaveProviderWithProperties on the attributes that matter.
// A new resource type without a case here fails the coverage test below.
import {
  AdminProfile,
  AdminUser,
  Brand,
  Certificate,
  DataFlowServer,
  DataPortsipDealer,
  DataPortsipDealers,
  DataPortsipIpRules,
  DataPortsipSystemStatus,
  DataPortsipTenant,
  DataPortsipTenants,
  DataPortsipTransport,
  DataPortsipTransports,
  DataPortsipTrunks,
  Dealer,
  DealerProfile,
  ImServer,
  IpRule,
  NetworkSettings,
  NotificationSettings,
  PortsipProvider,
  SbcSettings,
  SystemSettings,
  Tenant,
  Transport,
  TrunkAssignment,
  type TerraformStack,
} from '../../src/cdktf';
import { portsipProvider } from '../../src/resources/provider';
import { CERT_PEM, KEY_PEM, newStack, synth } from './helpers';

interface Case {
  /** How the construct is declared (with the provider already in the stack). */
  build(stack: TerraformStack): void;
  /** Snake-case properties the synthesized block must contain. */
  expect: Record<string, unknown>;
  kind: 'resource' | 'data';
  construct: { tfResourceType: string };
}

const TENANT_ID = '${portsip_tenant.t.id}';

const resources: Record<string, Case> = {
  portsip_tenant: {
    kind: 'resource',
    construct: Tenant,
    build: (s) =>
      new Tenant(s, 'tenant', {
        name: 'ACME',
        domain: 'acme.example.com',
        timezone: 'America/New_York',
        region: 'USA',
        currency: 'USD',
        maxExtensions: 50,
        enableAudioRecording: true,
        diskQuota: '10GB',
        officeHours: { monday: { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] }, sunday: { enabled: false } },
        cdrEvent: { enabled: true, url: 'https://hooks.example.com/cdr', auth: 'BEARER', tokenWo: 'tkn-123', credentialsWoVersion: 1 },
      }),
    expect: {
      domain: 'acme.example.com',
      max_extensions: 50,
      enable_audio_recording: true,
      office_hours: { monday: { enabled: true, ranges: [{ from: '09:00', to: '17:00' }] }, sunday: { enabled: false } },
      // The jest matcher is objectContaining at the top level only: nested objects match in full
      // or through expect.objectContaining.
      cdr_event: expect.objectContaining({
        enabled: true,
        url: 'https://hooks.example.com/cdr',
        token_wo: 'tkn-123',
        credentials_wo_version: 1,
      }),
    },
  },
  portsip_dealer: {
    kind: 'resource',
    construct: Dealer,
    build: (s) =>
      new Dealer(s, 'dealer', {
        name: 'acme-telecom',
        level: 'RESELLER',
        email: 'ops@acme.example',
        passwordWo: 'S3cret-pass',
        passwordWoVersion: 1,
        maxTenants: 10,
      }),
    expect: { name: 'acme-telecom', level: 'RESELLER', password_wo: 'S3cret-pass', password_wo_version: 1, max_tenants: 10 },
  },
  portsip_transport: {
    kind: 'resource',
    construct: Transport,
    build: (s) => new Transport(s, 'transport', { protocol: 'TLS', port: 5061, verification: 'OPTIONAL' }),
    expect: { protocol: 'TLS', port: 5061, verification: 'OPTIONAL' },
  },
  portsip_ip_rule: {
    kind: 'resource',
    construct: IpRule,
    build: (s) =>
      new IpRule(s, 'rule', { cidr: '203.0.113.0/24', target: 'ACCEPT', description: 'office', expireAt: '2030-01-31T00:00:00Z' }),
    expect: { cidr: '203.0.113.0/24', target: 'ACCEPT', expire_at: '2030-01-31T00:00:00Z' },
  },
  portsip_admin_user: {
    kind: 'resource',
    construct: AdminUser,
    build: (s) =>
      new AdminUser(s, 'ops', {
        name: 'ops.jane',
        role: 'OperationsAdmin',
        email: 'jane@example.com',
        passwordWo: 'Jane-pass-1',
        passwordWoVersion: 1,
      }),
    expect: { name: 'ops.jane', role: 'OperationsAdmin', password_wo_version: 1 },
  },
  portsip_trunk_assignment: {
    kind: 'resource',
    construct: TrunkAssignment,
    build: (s) =>
      new TrunkAssignment(s, 'assign', {
        trunkId: 'NzAwNTUxOTA5NzczMTQ4MjAw',
        tenantId: TENANT_ID,
        didNumbers: '3000;12000-18000',
        concurrency: 20,
      }),
    expect: { trunk_id: 'NzAwNTUxOTA5NzczMTQ4MjAw', tenant_id: TENANT_ID, did_numbers: '3000;12000-18000', concurrency: 20 },
  },
  portsip_system_settings: {
    kind: 'resource',
    construct: SystemSettings,
    build: (s) =>
      new SystemSettings(s, 'system', { userAgent: 'Example PBX', registerExpirationTime: 600, enablePrack: true, resetOnDestroy: true }),
    expect: { user_agent: 'Example PBX', register_expiration_time: 600, enable_prack: true, reset_on_destroy: true },
  },
  portsip_network_settings: {
    kind: 'resource',
    construct: NetworkSettings,
    build: (s) =>
      new NetworkSettings(s, 'network', {
        webDomain: 'pbx.example.com',
        publicIpv4: '203.0.113.5',
        primaryDnsServer: '1.1.1.1',
        enableIpv6: false,
      }),
    expect: { web_domain: 'pbx.example.com', public_ipv4: '203.0.113.5', primary_dns_server: '1.1.1.1', enable_ipv6: false },
  },
  portsip_notification_settings: {
    kind: 'resource',
    construct: NotificationSettings,
    build: (s) =>
      new NotificationSettings(s, 'mail', {
        type: 'SMTP',
        server: 'smtp.example.com',
        port: 587,
        username: 'alerts@example.com',
        passwordWo: 'smtp-pass',
        passwordWoVersion: 2,
        recipients: 'noc@example.com,oncall@example.com',
        cpuThreshold: 0.9,
        notifyCpuExceededThreshold: true,
      }),
    expect: { type: 'SMTP', port: 587, recipients: 'noc@example.com,oncall@example.com', cpu_threshold: 0.9, password_wo_version: 2 },
  },
  portsip_sbc_settings: {
    kind: 'resource',
    construct: SbcSettings,
    build: (s) =>
      new SbcSettings(s, 'sbc', {
        domain: 'sbc.example.com',
        httpsPort: 8883,
        transports: [
          { protocol: 'UDP', port: 5066 },
          { protocol: 'TLS', port: 5067 },
        ],
      }),
    expect: {
      domain: 'sbc.example.com',
      https_port: 8883,
      transports: [
        { protocol: 'UDP', port: 5066 },
        { protocol: 'TLS', port: 5067 },
      ],
    },
  },
  portsip_im_server: {
    kind: 'resource',
    construct: ImServer,
    build: (s) => new ImServer(s, 'im', { publicIpv4: '203.0.113.10', privateIpv4: '10.0.0.10' }),
    expect: { public_ipv4: '203.0.113.10', private_ipv4: '10.0.0.10' },
  },
  portsip_data_flow_server: {
    kind: 'resource',
    construct: DataFlowServer,
    build: (s) => new DataFlowServer(s, 'dataflow', { publicIpv4: '203.0.113.11', publicIpv6: '2001:db8::11' }),
    expect: { public_ipv4: '203.0.113.11', public_ipv6: '2001:db8::11' },
  },
  portsip_certificate: {
    kind: 'resource',
    construct: Certificate,
    build: (s) => new Certificate(s, 'cert', { crt: CERT_PEM, keyWo: KEY_PEM, keyWoVersion: 1 }),
    expect: { crt: CERT_PEM, key_wo_version: 1 },
  },
  portsip_brand: {
    kind: 'resource',
    construct: Brand,
    build: (s) => new Brand(s, 'brand', { theme: 'DARK', title: 'Example Voice', product: 'Example PBX' }),
    expect: { theme: 'DARK', title: 'Example Voice' },
  },
  portsip_admin_profile: {
    kind: 'resource',
    construct: AdminProfile,
    build: (s) => new AdminProfile(s, 'me', { displayName: 'Platform Team', email: 'platform@example.com' }),
    expect: { display_name: 'Platform Team', email: 'platform@example.com' },
  },
  portsip_dealer_profile: {
    kind: 'resource',
    construct: DealerProfile,
    build: (s) => new DealerProfile(s, 'me', { displayName: 'ACME Telecom', phone: '+12125550100' }),
    expect: { display_name: 'ACME Telecom', phone: '+12125550100' },
  },
};

const dataSources: Record<string, Case> = {
  portsip_tenant: {
    kind: 'data',
    construct: DataPortsipTenant,
    build: (s) => new DataPortsipTenant(s, 'tenant', { domain: 'acme.example.com' }),
    expect: { domain: 'acme.example.com' },
  },
  portsip_dealer: {
    kind: 'data',
    construct: DataPortsipDealer,
    build: (s) => new DataPortsipDealer(s, 'dealer', { name: 'acme-telecom' }),
    expect: { name: 'acme-telecom' },
  },
  portsip_transport: {
    kind: 'data',
    construct: DataPortsipTransport,
    build: (s) => new DataPortsipTransport(s, 'udp', { protocol: 'UDP', port: 5060 }),
    expect: { protocol: 'UDP', port: 5060 },
  },
  portsip_ip_rules: {
    kind: 'data',
    construct: DataPortsipIpRules,
    build: (s) => new DataPortsipIpRules(s, 'deny', { target: 'DENY' }),
    expect: { target: 'DENY' },
  },
  portsip_system_status: {
    kind: 'data',
    construct: DataPortsipSystemStatus,
    build: (s) => new DataPortsipSystemStatus(s, 'status', {}),
    expect: {},
  },
  portsip_trunks: {
    kind: 'data',
    construct: DataPortsipTrunks,
    build: (s) => new DataPortsipTrunks(s, 'twilio', { filter: "name eq 'twilio-elastic'" }),
    expect: { filter: "name eq 'twilio-elastic'" },
  },
  portsip_tenants: {
    kind: 'data',
    construct: DataPortsipTenants,
    build: (s) => new DataPortsipTenants(s, 'usa', { filter: "region eq 'USA'", search: 'acme' }),
    expect: { filter: "region eq 'USA'", search: 'acme' },
  },
  portsip_dealers: {
    kind: 'data',
    construct: DataPortsipDealers,
    build: (s) => new DataPortsipDealers(s, 'all', {}),
    expect: {},
  },
  portsip_transports: {
    kind: 'data',
    construct: DataPortsipTransports,
    build: (s) => new DataPortsipTransports(s, 'tls', { filter: "protocol eq 'TLS'" }),
    expect: { filter: "protocol eq 'TLS'" },
  },
};

test('every resource and data source type the provider serves has a case here', () => {
  expect(Object.keys(resources).sort()).toEqual(Object.keys(portsipProvider.resources).sort());
  expect(Object.keys(dataSources).sort()).toEqual(Object.keys(portsipProvider.dataSources).sort());
});

describe.each(Object.entries(resources))('resource %s', (type, c) => {
  test('synthesizes (snapshot) with the expected attributes', () => {
    const stack = newStack();
    c.build(stack);
    const out = synth(stack);
    expect(c.construct.tfResourceType).toBe(type);
    expect(out).toHaveResourceWithProperties(c.construct, c.expect);
    expect(out).toMatchSnapshot();
  });
});

describe.each(Object.entries(dataSources))('data source %s', (type, c) => {
  test('synthesizes (snapshot) with the expected attributes', () => {
    const stack = newStack();
    c.build(stack);
    const out = synth(stack);
    expect(c.construct.tfResourceType).toBe(type);
    expect(out).toHaveDataSourceWithProperties(c.construct, c.expect);
    expect(out).toMatchSnapshot();
  });
});

test('provider block: every setting synthesizes under provider.portsip', () => {
  const stack = newStack({ provider: false });
  new PortsipProvider(stack, 'portsip', {
    endpoint: 'https://pbx.example.com:8887',
    username: 'admin',
    requestTimeout: '45s',
    maxConcurrency: 8,
    maxRequestsPerMinute: 6000,
    maxRetries: 3,
    readStrategy: 'per_resource',
    apiVersion: '22.3',
  });
  const out = synth(stack);
  expect(out).toHaveProviderWithProperties(PortsipProvider, {
    endpoint: 'https://pbx.example.com:8887',
    read_strategy: 'per_resource',
    max_concurrency: 8,
    api_version: '22.3',
  });
  expect(JSON.parse(out).terraform.required_providers.portsip.source).toBe('registry.terraform.io/portsip/portsip');
  expect(out).toMatchSnapshot();
});

test('a reference between constructs synthesizes as a Terraform expression', () => {
  const stack = newStack();
  const t = new Tenant(stack, 't', { name: 'ACME', domain: 'acme.example.com', timezone: 'UTC', region: 'USA', currency: 'USD' });
  const d = new Dealer(stack, 'd', { name: 'acme-telecom', level: 'RESELLER', passwordWo: 'S3cret-pass' });
  t.dealerId = d.id;
  new TrunkAssignment(stack, 'a', { trunkId: 'NzAwNTUxOTA5NzczMTQ4MjAw', tenantId: t.id });
  const out = synth(stack);
  expect(out).toHaveResourceWithProperties(Tenant, { dealer_id: '${portsip_dealer.d.id}' });
  expect(out).toHaveResourceWithProperties(TrunkAssignment, { tenant_id: '${portsip_tenant.t.id}' });
});
