// One synth per construct type the provider serves (resources, data sources, the provider block):
// the whole synthesized document must be exactly the provider plus the block with the case's props
// snake_cased (nothing dropped, nothing added), and toHaveResourceWithProperties /
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
  Trunk,
  TrunkAssignment,
  type TerraformStack,
} from '../../src/cdktf';
import { portsipProvider } from '../../src/resources/provider';
import { CERT_PEM, KEY_PEM, newStack, synth } from './helpers';

interface Case {
  /** The construct's id in the stack, which is also the block's name in the synthesized JSON. */
  name: string;
  /** The construct's properties (camelCase), as a user writes them. */
  props: Record<string, unknown>;
  /** How the construct is declared (with the provider already in the stack). */
  build(stack: TerraformStack, props: Record<string, unknown>): void;
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
    name: 'tenant',
    props: {
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
    },
    build: (s, p) => new Tenant(s, 'tenant', p as never),
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
    name: 'dealer',
    props: {
      name: 'acme-telecom',
      level: 'RESELLER',
      email: 'ops@acme.example',
      passwordWo: 'S3cret-pass',
      passwordWoVersion: 1,
      maxTenants: 10,
    },
    build: (s, p) => new Dealer(s, 'dealer', p as never),
    expect: { name: 'acme-telecom', level: 'RESELLER', password_wo: 'S3cret-pass', password_wo_version: 1, max_tenants: 10 },
  },
  portsip_transport: {
    kind: 'resource',
    construct: Transport,
    name: 'transport',
    props: { protocol: 'TLS', port: 5061, verification: 'OPTIONAL' },
    build: (s, p) => new Transport(s, 'transport', p as never),
    expect: { protocol: 'TLS', port: 5061, verification: 'OPTIONAL' },
  },
  portsip_ip_rule: {
    kind: 'resource',
    construct: IpRule,
    name: 'rule',
    props: { cidr: '203.0.113.0/24', target: 'ACCEPT', description: 'office', expireAt: '2030-01-31T00:00:00Z' },
    build: (s, p) => new IpRule(s, 'rule', p as never),
    expect: { cidr: '203.0.113.0/24', target: 'ACCEPT', expire_at: '2030-01-31T00:00:00Z' },
  },
  portsip_admin_user: {
    kind: 'resource',
    construct: AdminUser,
    name: 'ops',
    props: {
      name: 'ops.jane',
      role: 'OperationsAdmin',
      email: 'jane@example.com',
      passwordWo: 'Jane-pass-1',
      passwordWoVersion: 1,
    },
    build: (s, p) => new AdminUser(s, 'ops', p as never),
    expect: { name: 'ops.jane', role: 'OperationsAdmin', password_wo_version: 1 },
  },
  portsip_trunk: {
    kind: 'resource',
    construct: Trunk,
    name: 'carrier',
    props: {
      name: 'carrier-main',
      authMode: 'REGISTER_AUTH',
      transport: 'UDP',
      hostname: 'sip.carrier.example',
      port: 5060,
      outboundServer: 'sip.carrier.example',
      outboundServerPort: 5060,
      concurrency: 30,
      passwordWo: 'Trunk-pass-1',
      passwordWoVersion: 1,
    },
    build: (s, p) => new Trunk(s, 'carrier', p as never),
    expect: {
      name: 'carrier-main',
      auth_mode: 'REGISTER_AUTH',
      outbound_server: 'sip.carrier.example',
      outbound_server_port: 5060,
      concurrency: 30,
      password_wo: 'Trunk-pass-1',
      password_wo_version: 1,
    },
  },
  portsip_trunk_assignment: {
    kind: 'resource',
    construct: TrunkAssignment,
    name: 'assign',
    props: {
      trunkId: 'NzAwNTUxOTA5NzczMTQ4MjAw',
      tenantId: TENANT_ID,
      didNumbers: '3000;12000-18000',
      concurrency: 20,
    },
    build: (s, p) => new TrunkAssignment(s, 'assign', p as never),
    expect: { trunk_id: 'NzAwNTUxOTA5NzczMTQ4MjAw', tenant_id: TENANT_ID, did_numbers: '3000;12000-18000', concurrency: 20 },
  },
  portsip_system_settings: {
    kind: 'resource',
    construct: SystemSettings,
    name: 'system',
    props: { userAgent: 'Example PBX', registerExpirationTime: 600, enablePrack: true, resetOnDestroy: true },
    build: (s, p) => new SystemSettings(s, 'system', p),
    expect: { user_agent: 'Example PBX', register_expiration_time: 600, enable_prack: true, reset_on_destroy: true },
  },
  portsip_network_settings: {
    kind: 'resource',
    construct: NetworkSettings,
    name: 'network',
    props: {
      webDomain: 'pbx.example.com',
      publicIpv4: '203.0.113.5',
      primaryDnsServer: '1.1.1.1',
      enableIpv6: false,
    },
    build: (s, p) => new NetworkSettings(s, 'network', p),
    expect: { web_domain: 'pbx.example.com', public_ipv4: '203.0.113.5', primary_dns_server: '1.1.1.1', enable_ipv6: false },
  },
  portsip_notification_settings: {
    kind: 'resource',
    construct: NotificationSettings,
    name: 'mail',
    props: {
      type: 'SMTP',
      server: 'smtp.example.com',
      port: 587,
      username: 'alerts@example.com',
      passwordWo: 'smtp-pass',
      passwordWoVersion: 2,
      recipients: 'noc@example.com,oncall@example.com',
      cpuThreshold: 0.9,
      notifyCpuExceededThreshold: true,
    },
    build: (s, p) => new NotificationSettings(s, 'mail', p),
    expect: { type: 'SMTP', port: 587, recipients: 'noc@example.com,oncall@example.com', cpu_threshold: 0.9, password_wo_version: 2 },
  },
  portsip_sbc_settings: {
    kind: 'resource',
    construct: SbcSettings,
    name: 'sbc',
    props: {
      domain: 'sbc.example.com',
      httpsPort: 8883,
      transports: [
        { protocol: 'UDP', port: 5066 },
        { protocol: 'TLS', port: 5067 },
      ],
    },
    build: (s, p) => new SbcSettings(s, 'sbc', p),
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
    name: 'im',
    props: { publicIpv4: '203.0.113.10', privateIpv4: '10.0.0.10' },
    build: (s, p) => new ImServer(s, 'im', p),
    expect: { public_ipv4: '203.0.113.10', private_ipv4: '10.0.0.10' },
  },
  portsip_data_flow_server: {
    kind: 'resource',
    construct: DataFlowServer,
    name: 'dataflow',
    props: { publicIpv4: '203.0.113.11', publicIpv6: '2001:db8::11' },
    build: (s, p) => new DataFlowServer(s, 'dataflow', p),
    expect: { public_ipv4: '203.0.113.11', public_ipv6: '2001:db8::11' },
  },
  portsip_certificate: {
    kind: 'resource',
    construct: Certificate,
    name: 'cert',
    props: { crt: CERT_PEM, keyWo: KEY_PEM, keyWoVersion: 1 },
    build: (s, p) => new Certificate(s, 'cert', p as never),
    expect: { crt: CERT_PEM, key_wo_version: 1 },
  },
  portsip_brand: {
    kind: 'resource',
    construct: Brand,
    name: 'brand',
    props: { theme: 'DARK', title: 'Example Voice', product: 'Example PBX' },
    build: (s, p) => new Brand(s, 'brand', p),
    expect: { theme: 'DARK', title: 'Example Voice' },
  },
  portsip_admin_profile: {
    kind: 'resource',
    construct: AdminProfile,
    name: 'me',
    props: { displayName: 'Platform Team', email: 'platform@example.com' },
    build: (s, p) => new AdminProfile(s, 'me', p),
    expect: { display_name: 'Platform Team', email: 'platform@example.com' },
  },
  portsip_dealer_profile: {
    kind: 'resource',
    construct: DealerProfile,
    name: 'me',
    props: { displayName: 'ACME Telecom', phone: '+12125550100' },
    build: (s, p) => new DealerProfile(s, 'me', p),
    expect: { display_name: 'ACME Telecom', phone: '+12125550100' },
  },
};

const dataSources: Record<string, Case> = {
  portsip_tenant: {
    kind: 'data',
    construct: DataPortsipTenant,
    name: 'tenant',
    props: { domain: 'acme.example.com' },
    build: (s, p) => new DataPortsipTenant(s, 'tenant', p),
    expect: { domain: 'acme.example.com' },
  },
  portsip_dealer: {
    kind: 'data',
    construct: DataPortsipDealer,
    name: 'dealer',
    props: { name: 'acme-telecom' },
    build: (s, p) => new DataPortsipDealer(s, 'dealer', p),
    expect: { name: 'acme-telecom' },
  },
  portsip_transport: {
    kind: 'data',
    construct: DataPortsipTransport,
    name: 'udp',
    props: { protocol: 'UDP', port: 5060 },
    build: (s, p) => new DataPortsipTransport(s, 'udp', p),
    expect: { protocol: 'UDP', port: 5060 },
  },
  portsip_ip_rules: {
    kind: 'data',
    construct: DataPortsipIpRules,
    name: 'deny',
    props: { target: 'DENY' },
    build: (s, p) => new DataPortsipIpRules(s, 'deny', p),
    expect: { target: 'DENY' },
  },
  portsip_system_status: {
    kind: 'data',
    construct: DataPortsipSystemStatus,
    name: 'status',
    props: {},
    build: (s, p) => new DataPortsipSystemStatus(s, 'status', p),
    expect: {},
  },
  portsip_trunks: {
    kind: 'data',
    construct: DataPortsipTrunks,
    name: 'twilio',
    props: { filter: "name eq 'twilio-elastic'" },
    build: (s, p) => new DataPortsipTrunks(s, 'twilio', p),
    expect: { filter: "name eq 'twilio-elastic'" },
  },
  portsip_tenants: {
    kind: 'data',
    construct: DataPortsipTenants,
    name: 'usa',
    props: { filter: "region eq 'USA'", search: 'acme' },
    build: (s, p) => new DataPortsipTenants(s, 'usa', p),
    expect: { filter: "region eq 'USA'", search: 'acme' },
  },
  portsip_dealers: {
    kind: 'data',
    construct: DataPortsipDealers,
    name: 'all',
    props: {},
    build: (s, p) => new DataPortsipDealers(s, 'all', p),
    expect: {},
  },
  portsip_transports: {
    kind: 'data',
    construct: DataPortsipTransports,
    name: 'tls',
    props: { filter: "protocol eq 'TLS'" },
    build: (s, p) => new DataPortsipTransports(s, 'tls', p),
    expect: { filter: "protocol eq 'TLS'" },
  },
};

test('every resource and data source type the provider serves has a case here', () => {
  expect(Object.keys(resources).sort()).toEqual(Object.keys(portsipProvider.resources).sort());
  expect(Object.keys(dataSources).sort()).toEqual(Object.keys(portsipProvider.dataSources).sort());
});

/** camelCase property names to Terraform's snake_case, at every depth (the constructs' only renaming). */
function snakeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(), snakeKeys(x)]));
}

/** The whole synthesized document of a stack holding the provider and one block. */
function documentWith(kind: 'resource' | 'data', type: string, name: string, block: unknown): unknown {
  return {
    [kind]: { [type]: { [name]: block } },
    provider: { portsip: [{}] },
    terraform: { required_providers: { portsip: { source: 'registry.terraform.io/portsip/portsip' } } },
  };
}

describe.each([...Object.entries(resources), ...Object.entries(dataSources)])('%s', (type, c) => {
  test('synthesizes every property, snake_cased, and nothing else', () => {
    const stack = newStack();
    c.build(stack, c.props);
    const out = synth(stack);
    expect(c.construct.tfResourceType).toBe(type);
    expect(JSON.parse(out)).toEqual(documentWith(c.kind, type, c.name, snakeKeys(c.props)));
    // The hand-written spellings of the attributes that matter most for each type.
    if (c.kind === 'resource') expect(out).toHaveResourceWithProperties(c.construct, c.expect);
    else expect(out).toHaveDataSourceWithProperties(c.construct, c.expect);
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
  expect(JSON.parse(out)).toEqual({
    provider: {
      portsip: [
        {
          endpoint: 'https://pbx.example.com:8887',
          username: 'admin',
          request_timeout: '45s',
          max_concurrency: 8,
          max_requests_per_minute: 6000,
          max_retries: 3,
          read_strategy: 'per_resource',
          api_version: '22.3',
        },
      ],
    },
    terraform: { required_providers: { portsip: { source: 'registry.terraform.io/portsip/portsip' } } },
  });
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
