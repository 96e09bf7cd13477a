// The conformance catalogue: every public client operation called once with realistic input, and the
// operation (method + template) it must send, by API area (checked by checker.ts).

import { ID, ID2, type Case } from './checker';

/** Creates are checked as sent; the look-up before them (test/client/retry.test.ts) is given as empty. */
const NO_PRIOR_OBJECTS = { before: [] };

const PEM_CRT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n';
const week = {
  enabled: true,
  ranges: [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '17:30' },
  ],
};

/** Sign-in, server information, settings, notification, SBC / IM / Data Flow, certificate and brand. */
export const SYSTEM_CASES: Case[] = [
  // auth & public
  { name: 'signIn', expect: 'POST /auth/sign_in', call: (c) => c.signIn() },
  { name: 'whoami', expect: 'GET /auth/user', call: (c) => c.whoami() },
  { name: 'signOut', expect: 'POST /auth/sign_out', call: (c) => c.signOut() },
  { name: 'info.get', expect: 'GET /info', call: (c) => c.info.get('acme.example.com') },
  { name: 'status.get', expect: 'GET /admin/status', call: (c) => c.status.get() },
  { name: 'license.get', expect: 'GET /license', call: (c) => c.license.get() },
  { name: 'license.update', expect: 'POST /license', call: (c) => c.license.update('PORTSIP-XXXX-YYYY-ZZZZ') },
  // network / settings / notification
  { name: 'network.get', expect: 'GET /network', call: (c) => c.network.get() },
  {
    name: 'network.update',
    expect: 'POST /network',
    call: (c) =>
      c.network.update({ web_domain: 'pbx.example.com', public_ipv4: '203.0.113.10', enable_ipv6: false, primary_dns_server: '8.8.8.8' }),
  },
  { name: 'settings.get', expect: 'GET /admin/settings', call: (c) => c.settings.get() },
  {
    name: 'settings.update',
    expect: 'POST /admin/settings',
    call: (c) =>
      c.settings.update({
        user_agent: 'PortSIP UC',
        session_timer_duration: 1800,
        congestion_management_metric: 'WAIT_TIME',
        trace_server_port: 9060,
        register_expiration_time: 300,
      }),
  },
  { name: 'notification.get', expect: 'GET /admin/notification', call: (c) => c.notification.get() },
  {
    name: 'notification.update',
    expect: 'POST /admin/notification',
    call: (c) =>
      c.notification.update({
        type: 'SMTP',
        server: 'smtp.example.com',
        port: 587,
        username: 'pbx@example.com',
        password: 'smtp-secret',
        auth: 'LOGIN',
        enable_starttls_auto: true,
        recipients: 'ops@example.com,noc@example.com',
        cpu_threshold: 0.9,
        notify_cpu_exceeded_threshold: true,
      }),
  },
  {
    name: 'notification.testEmail',
    expect: 'POST /admin/notification/test_email',
    call: (c) => c.notification.testEmail({ recipient: 'ops@example.com', subject: 'Test', content: 'Hello from Terraform' }),
  },
  // sbc / im / dataflow
  { name: 'sbc.get', expect: 'GET /sbc', call: (c) => c.sbc.get() },
  {
    name: 'sbc.update',
    expect: 'POST /sbc',
    call: (c) =>
      c.sbc.update({ domain: 'sbc.example.com', http_port: 8882, https_port: 8883, transports: [{ protocol: 'UDP', port: 5066 }] }),
  },
  { name: 'sbc.getToken', expect: 'GET /sbc/token', call: (c) => c.sbc.getToken() },
  { name: 'sbc.regenerateToken', expect: 'POST /sbc/token', call: (c) => c.sbc.regenerateToken() },
  { name: 'sbc.destroyToken', expect: 'POST /sbc/token/destroy', call: (c) => c.sbc.destroyToken() },
  { name: 'im.get', expect: 'GET /im', call: (c) => c.im.get() },
  { name: 'im.update', expect: 'POST /im', call: (c) => c.im.update({ private_ipv4: '10.0.0.5', public_ipv4: '203.0.113.5' }) },
  { name: 'im.getToken', expect: 'GET /im/token', call: (c) => c.im.getToken() },
  { name: 'im.regenerateToken', expect: 'POST /im/token', call: (c) => c.im.regenerateToken() },
  { name: 'im.destroyToken', expect: 'POST /im/token/destroy', call: (c) => c.im.destroyToken() },
  { name: 'dataflow.get', expect: 'GET /dataflow', call: (c) => c.dataflow.get() },
  {
    name: 'dataflow.update',
    expect: 'POST /dataflow',
    call: (c) => c.dataflow.update({ private_ipv4: '10.0.0.6', public_ipv4: '203.0.113.6' }),
  },
  { name: 'dataflow.getToken', expect: 'GET /dataflow/token', call: (c) => c.dataflow.getToken() },
  { name: 'dataflow.regenerateToken', expect: 'POST /dataflow/token', call: (c) => c.dataflow.regenerateToken() },
  { name: 'dataflow.destroyToken', expect: 'POST /dataflow/token/destroy', call: (c) => c.dataflow.destroyToken() },
  // certificate, brand
  { name: 'certificate.get', expect: 'GET /key', call: (c) => c.certificate.get() },
  { name: 'certificate.update', expect: 'POST /key', call: (c) => c.certificate.update({ crt: PEM_CRT, key: PEM_KEY }) },
  {
    name: 'brand.update',
    expect: 'POST /brand',
    call: (c) => c.brand.update({ theme: 'DARK', title: 'ACME PBX', logo: ID, favicon: ID2, bottom_text: '&copy; ACME' }),
  },
];

/** Admin users, the signed-in admin and dealer, and dealers. */
export const ACCOUNT_CASES: Case[] = [
  // admin users (22.3)
  { name: 'adminUsers.list', expect: 'GET /admin/users', call: (c) => c.adminUsers.list({ search: 'ops', top: 50 }) },
  { name: 'adminUsers.listAll', expect: 'GET /admin/users', call: (c) => c.adminUsers.listAll() },
  {
    name: 'adminUsers.iterate',
    expect: 'GET /admin/users',
    call: async (c) => {
      for await (const _ of c.adminUsers.iterate()) void _;
    },
  },
  { name: 'adminUsers.findByName', expect: 'GET /admin/users', call: (c) => c.adminUsers.findByName('acme') },
  { name: 'adminUsers.get', expect: 'GET /admin/users/{id}', call: (c) => c.adminUsers.get(ID) },
  {
    name: 'adminUsers.create',
    expect: 'POST /admin/users',
    call: (c) =>
      c.adminUsers.create(
        {
          name: 'ops.jane',
          password: 'Ops-Pass-123',
          role: 'OperationsAdmin',
          email: 'jane@example.com',
          display_name: 'Jane Ops',
          enabled: true,
          mobile_phone: '+15550100',
        },
        NO_PRIOR_OBJECTS,
      ),
  },
  {
    name: 'adminUsers.update',
    expect: 'POST /admin/users/{id}',
    call: (c) => c.adminUsers.update(ID, { display_name: 'Jane O.', enabled: false, department: 'NOC' }),
  },
  {
    name: 'adminUsers.changeUsername',
    expect: 'POST /admin/users/{id}/username',
    call: (c) => c.adminUsers.changeUsername(ID, 'ops.janet'),
  },
  {
    name: 'adminUsers.changePassword',
    expect: 'POST /admin/users/{id}/password',
    call: (c) => c.adminUsers.changePassword(ID, 'New-Pass-456'),
  },
  { name: 'adminUsers.changeRole', expect: 'POST /admin/users/{id}/role', call: (c) => c.adminUsers.changeRole(ID, 'SiteAdmin') },
  { name: 'adminUsers.delete', expect: 'POST /admin/users/{id}/destroy', call: (c) => c.adminUsers.delete(ID) },
  // current admin (22.3)
  { name: 'adminProfile.get', expect: 'GET /admin/user', call: (c) => c.adminProfile.get() },
  {
    name: 'adminProfile.update',
    expect: 'POST /admin/user',
    call: (c) => c.adminProfile.update({ display_name: 'Administrator', email: 'admin@example.com' }),
  },
  { name: 'adminProfile.changeUsername', expect: 'POST /admin/user/username', call: (c) => c.adminProfile.changeUsername('root_admin') },
  {
    name: 'adminProfile.changePassword',
    expect: 'POST /admin/user/password',
    call: (c) => c.adminProfile.changePassword('Old-Pass-1', 'New-Pass-2'),
  },
  // dealers
  { name: 'dealers.list', expect: 'GET /dealers', call: (c) => c.dealers.list({ filter: "level eq 'RESELLER'" }) },
  { name: 'dealers.listAll', expect: 'GET /dealers', call: (c) => c.dealers.listAll() },
  {
    name: 'dealers.iterate',
    expect: 'GET /dealers',
    call: async (c) => {
      for await (const _ of c.dealers.iterate()) void _;
    },
  },
  { name: 'dealers.findByName', expect: 'GET /dealers', call: (c) => c.dealers.findByName('acme') },
  { name: 'dealers.get', expect: 'GET /dealers/{id}', call: (c) => c.dealers.get(ID) },
  {
    name: 'dealers.create',
    expect: 'POST /dealers',
    call: (c) =>
      c.dealers.create(
        {
          name: 'acme-reseller',
          password: 'Dealer-Pass-1',
          level: 'RESELLER',
          email: 'sales@acme.example',
          display_name: 'ACME',
          phone: '+15550101',
          max_tenants: 100,
          max_extensions: 50000,
          tenant_full_access: true,
        },
        NO_PRIOR_OBJECTS,
      ),
  },
  {
    name: 'dealers.update',
    expect: 'POST /dealers/{id}',
    call: (c) => c.dealers.update(ID, { enabled: true, max_tenants: 200, description: 'Tier 3' }),
  },
  { name: 'dealers.resetPassword', expect: 'POST /dealers/{id}/password', call: (c) => c.dealers.resetPassword(ID, 'Dealer-Pass-2') },
  { name: 'dealers.delete', expect: 'POST /dealers/{id}/destroy', call: (c) => c.dealers.delete(ID) },
  // current dealer
  { name: 'dealerProfile.get', expect: 'GET /dealer', call: (c) => c.dealerProfile.get() },
  {
    name: 'dealerProfile.update',
    expect: 'POST /dealer',
    call: (c) => c.dealerProfile.update({ display_name: 'ACME Sales', phone: '+15550102', website: 'https://acme.example' }),
  },
  { name: 'dealerProfile.status', expect: 'GET /dealer/status', call: (c) => c.dealerProfile.status() },
  { name: 'dealerProfile.changeUsername', expect: 'POST /dealer/username', call: (c) => c.dealerProfile.changeUsername('acme-sales') },
  {
    name: 'dealerProfile.changePassword',
    expect: 'POST /dealer/password',
    call: (c) => c.dealerProfile.changePassword('Old-Pass-1', 'New-Pass-2'),
  },
];

/** IP rules and transports. */
export const NETWORK_CASES: Case[] = [
  // ip rules
  { name: 'ipRules.list', expect: 'GET /ip_filters', call: (c) => c.ipRules.list({ filter: "target eq 'DENY'", orderby: 'cidr asc' }) },
  { name: 'ipRules.listAll', expect: 'GET /ip_filters', call: (c) => c.ipRules.listAll() },
  {
    name: 'ipRules.iterate',
    expect: 'GET /ip_filters',
    call: async (c) => {
      for await (const _ of c.ipRules.iterate()) void _;
    },
  },
  { name: 'ipRules.findByCidr', expect: 'GET /ip_filters', call: (c) => c.ipRules.findByCidr('192.0.2.0/24', 'DENY') },
  { name: 'ipRules.get', expect: 'GET /ip_filters/{id}', call: (c) => c.ipRules.get(ID) },
  {
    name: 'ipRules.create',
    expect: 'POST /ip_filters',
    call: (c) =>
      c.ipRules.create(
        { cidr: '198.51.100.0/24', target: 'ACCEPT', expire_at: '2027-01-01T00:00:00Z', description: 'office' },
        NO_PRIOR_OBJECTS,
      ),
  },
  {
    name: 'ipRules.update',
    expect: 'POST /ip_filters/{id}',
    call: (c) => c.ipRules.update(ID, { description: 'office (HQ)', expire_at: '2027-06-30T12:00:00Z' }),
  },
  { name: 'ipRules.delete', expect: 'POST /ip_filters/{id}/destroy', call: (c) => c.ipRules.delete(ID) },
  { name: 'ipRules.export', expect: 'GET /ip_filters/export', call: (c) => c.ipRules.export() },
  // transports
  { name: 'transports.list', expect: 'GET /transports', call: (c) => c.transports.list() },
  { name: 'transports.listAll', expect: 'GET /transports', call: (c) => c.transports.listAll() },
  {
    name: 'transports.iterate',
    expect: 'GET /transports',
    call: async (c) => {
      for await (const _ of c.transports.iterate()) void _;
    },
  },
  { name: 'transports.findByProtocolPort', expect: 'GET /transports', call: (c) => c.transports.findByProtocolPort('TLS', 5061) },
  { name: 'transports.get', expect: 'GET /transports/{id}', call: (c) => c.transports.get(ID) },
  {
    name: 'transports.create',
    expect: 'POST /transports',
    call: (c) => c.transports.create({ protocol: 'TLS', port: 5061, verification: 'OPTIONAL' }, NO_PRIOR_OBJECTS),
  },
  {
    name: 'transports.update',
    expect: 'POST /transports/{id}',
    call: (c) => c.transports.update(ID, { port: 5062, verification: 'MANDATORY' }),
  },
  { name: 'transports.delete', expect: 'POST /transports/{id}/destroy', call: (c) => c.transports.delete(ID) },
  { name: 'transports.status', expect: 'GET /transports/{id}/status', call: (c) => c.transports.status('TLS') },
];

/** Tenants and trunks (providers). */
export const TENANT_CASES: Case[] = [
  // tenants
  {
    name: 'tenants.list',
    expect: 'GET /tenants',
    call: (c) => c.tenants.list({ search: 'acme', orderby: 'created_at desc', skip: 0, top: 20 }),
  },
  { name: 'tenants.listAll', expect: 'GET /tenants', call: (c) => c.tenants.listAll({ filter: 'enabled eq true' }) },
  {
    name: 'tenants.iterate',
    expect: 'GET /tenants',
    call: async (c) => {
      for await (const _ of c.tenants.iterate()) void _;
    },
  },
  { name: 'tenants.findByDomain', expect: 'GET /tenants', call: (c) => c.tenants.findByDomain('acme.example.com') },
  { name: 'tenants.get', expect: 'GET /tenants/{id}', call: (c) => c.tenants.get(ID) },
  {
    name: 'tenants.create',
    expect: 'POST /tenants',
    call: (c) =>
      c.tenants.create(
        {
          name: 'ACME Corp',
          domain: 'acme.example.com',
          timezone: 'America/New_York',
          currency: 'USD',
          region: 'USA',
          website: 'https://acme.example',
          max_extensions: 500,
          max_concurrent_calls: 50,
          disk_quota: '100GB',
          extension_im_disk_quota: '1GB',
          contact_match_type: 'MATCH_LENGTH',
          contact_match_length: 8,
          email_recipients: 'it@acme.example',
          office_hours: {
            monday: week,
            tuesday: week,
            wednesday: week,
            thursday: week,
            friday: week,
            saturday: { enabled: false, ranges: [] },
            sunday: { enabled: false, ranges: [] },
          },
          e164: {
            enabled: true,
            country: 'United States(1)',
            international_code: '011',
            national_code: '1',
            remove_duplicate_countries: true,
          },
          cdr_event: { enabled: true, auth: 'BASIC', url: 'https://hooks.acme.example/cdr', username: 'cdrhook', password: 'hookpass123' },
          allow_password_retrieval: false,
          contact_inbound_rule_append_type: 'APPEND',
        },
        NO_PRIOR_OBJECTS,
      ),
  },
  {
    name: 'tenants.update',
    expect: 'POST /tenants/{id}',
    call: (c) => c.tenants.update(ID, { name: 'ACME Corporation', enabled: false, max_concurrent_calls: 60, recording_retention: 90 }),
  },
  { name: 'tenants.delete', expect: 'POST /tenants/{id}/destroy', call: (c) => c.tenants.delete(ID) },
  { name: 'tenants.switch', expect: 'POST /tenants/switch', call: (c) => c.tenants.switch(ID) },
  { name: 'tenants.getDealers', expect: 'GET /tenants/{id}/dealers', call: (c) => c.tenants.getDealers(ID) },
  { name: 'tenants.designateDealer', expect: 'POST /tenants/{id}/dealers/{dealer_id}', call: (c) => c.tenants.designateDealer(ID, ID2) },
  { name: 'tenants.removeDealer', expect: 'POST /tenants/{id}/dealers/{dealer_id}/destroy', call: (c) => c.tenants.removeDealer(ID, ID2) },
  // providers
  { name: 'providers.list', expect: 'GET /providers', call: (c) => c.providers.list({ filter: "name eq 'carrier-1'" }) },
  { name: 'providers.listAll', expect: 'GET /providers', call: (c) => c.providers.listAll() },
  {
    name: 'providers.iterate',
    expect: 'GET /providers',
    call: async (c) => {
      for await (const _ of c.providers.iterate()) void _;
    },
  },
  { name: 'providers.get', expect: 'GET /providers/{id}', call: (c) => c.providers.get(ID) },
  {
    name: 'providers.create',
    expect: 'POST /providers',
    call: (c) =>
      c.providers.create(
        {
          name: 'carrier-1',
          brand: 'Generic',
          auth_mode: 'REGISTER_AUTH',
          transport: 'UDP',
          hostname: 'sip.carrier.example',
          port: 5060,
          outbound_server: 'sip.carrier.example',
          outbound_server_port: 5060,
          concurrency: 30,
          auth_id: 'pbx',
          password: 'Trunk-Pass-1',
          additional_ips: '192.0.2.0/24;198.51.100.7/32',
          did_numbers: '3000;12000-18000',
        },
        NO_PRIOR_OBJECTS,
      ),
  },
  {
    name: 'providers.update',
    expect: 'POST /providers/{id}',
    call: (c) => c.providers.update(ID, { concurrency: 40, enabled: false, password: 'Trunk-Pass-2' }),
  },
  { name: 'providers.delete', expect: 'POST /providers/{id}/destroy', call: (c) => c.providers.delete(ID) },
  { name: 'providers.assignees', expect: 'GET /providers/{id}/assignees', call: (c) => c.providers.assignees(ID) },
  { name: 'providers.getAssignment', expect: 'GET /providers/{id}/assignees/{tenant_id}', call: (c) => c.providers.getAssignment(ID, ID2) },
  {
    name: 'providers.assign',
    expect: 'POST /providers/{id}/assignees/{tenant_id}',
    call: (c) => c.providers.assign(ID, ID2, { did_numbers: '3000;12000-18000', concurrency: 10 }),
  },
  { name: 'providers.unassign', expect: 'POST /providers/{id}/assignees/{tenant_id}/destroy', call: (c) => c.providers.unassign(ID, ID2) },
];

export const ALL_CASES: Case[] = [...SYSTEM_CASES, ...ACCOUNT_CASES, ...NETWORK_CASES, ...TENANT_CASES];
