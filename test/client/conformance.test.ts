// Conformance: every client operation is called once with realistic input against a recording
// MockAgent; each recorded request is then checked against PortSIP's own OpenAPI document
// (src/spec/openapi-admin-22.2.gen.json, C1): the method + path template must exist there, the
// query parameters must be declared, and the JSON body must validate against the documented
// requestBody schema (ajv). 22.3-only operations (admin users, /admin/user*, Data Flow) are not in
// that document; they are checked against the paths and field lists of docs/portsip-api.md §4 instead.
// A self-test at the end proves the checker rejects a misspelt path and an invalid body.

import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PortsipClient } from '../../src/client';
import { harness, json, type Req, type Res } from './helpers';

/** Creates are checked as sent; the look-up before them (retry.test.ts) is given as empty. */
const NO_PRIOR_OBJECTS = { before: [] };

type Method = 'GET' | 'POST';
interface SpecOp {
  operationId?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/spec/openapi-admin-22.2.gen.json'), 'utf8')) as {
  paths: Record<string, Partial<Record<'get' | 'post', SpecOp>>>;
};

// ---------------------------------------------------------------------------------------------
// Schema validation set-up: OpenAPI 3.1 = JSON Schema 2020-12. PortSIP writes `date_time` (not
// `date-time`) and uses OpenAPI's numeric formats; register them all. strict:false tolerates
// `example`, `readOnly` and friends.

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
ajv.addFormat('date_time', { type: 'string', validate: (s: string) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)) });
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('uint32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 32 });
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
ajv.addFormat('binary', { type: 'string', validate: () => true });

// ---------------------------------------------------------------------------------------------
// 22.3-only operations (paths C2, Data Flow path I) with the field lists of docs/portsip-api.md §4.

const str = { type: 'string' };
const profile = {
  email: { type: 'string', maxLength: 128 },
  display_name: { type: 'string', maxLength: 1024 },
  mobile_phone: { type: 'string', maxLength: 32 },
  work_phone: { type: 'string', maxLength: 32 },
  home_phone: { type: 'string', maxLength: 32 },
  address: { type: 'string', maxLength: 128 },
  department: { type: 'string', maxLength: 128 },
  website: str,
};
const username = { type: 'string', minLength: 1, maxLength: 64, pattern: "^(?!\\.)[A-Za-z0-9_'.-]{1,64}(?<!\\.)$" };
const closed = (properties: object, required: string[] = []) => ({ type: 'object', properties, required, additionalProperties: false });
const hosts = closed({ private_ipv4: str, private_ipv6: str, public_ipv4: str, public_ipv6: str });
const NONE = 'none';

const LIST_PARAMS = ['filter', 'search', 'orderby', 'skip', 'top'];
const OPS_22_3: Record<string, { notes: string; body?: object | typeof NONE; query?: string[] }> = {
  'GET /admin/users': { notes: 'docs/portsip-api.md Op 2', query: LIST_PARAMS },
  'POST /admin/users': {
    notes: 'Op 3',
    body: closed(
      {
        name: username,
        password: { type: 'string', minLength: 6 },
        role: { type: 'string', minLength: 1, maxLength: 64 },
        enabled: { type: 'boolean' },
        ...profile,
      },
      ['name', 'password', 'role'],
    ),
  },
  'GET /admin/users/{id}': { notes: 'Op 4' },
  'POST /admin/users/{id}': { notes: 'Op 5', body: closed({ enabled: { type: 'boolean' }, ...profile }) },
  'POST /admin/users/{id}/username': { notes: 'Op 6', body: closed({ name: username }, ['name']) },
  'POST /admin/users/{id}/password': { notes: 'Op 7', body: closed({ new_password: { type: 'string', minLength: 6 } }, ['new_password']) },
  'POST /admin/users/{id}/role': { notes: 'Op 8', body: closed({ role: { type: 'string', minLength: 1, maxLength: 64 } }, ['role']) },
  'POST /admin/users/{id}/destroy': { notes: 'Op 9', body: NONE },
  'GET /admin/user': { notes: 'Op 10 companion' },
  'POST /admin/user': { notes: 'Op 10', body: closed({ ...profile }) },
  'POST /admin/user/username': { notes: 'Op 11', body: closed({ name: username }, ['name']) },
  'POST /admin/user/password': {
    notes: 'Op 12',
    body: closed({ old_password: str, new_password: { type: 'string', minLength: 6 } }, ['old_password', 'new_password']),
  },
  'GET /dataflow': { notes: 'Op 52 companion (path I)' },
  'POST /dataflow': { notes: 'Op 52 (path I)', body: hosts },
  'GET /dataflow/token': { notes: 'by analogy with /im/token (I)' },
  'POST /dataflow/token': { notes: 'by analogy with /im/token (I)', body: NONE },
  'POST /dataflow/token/destroy': { notes: 'by analogy with /im/token/destroy (I)', body: NONE },
};

/** The 52 operations of docs/portsip-api.md §4 (quick index), as method + template. */
const API_NOTES_52 = [
  'POST /network',
  'GET /admin/users',
  'POST /admin/users',
  'GET /admin/users/{id}',
  'POST /admin/users/{id}',
  'POST /admin/users/{id}/username',
  'POST /admin/users/{id}/password',
  'POST /admin/users/{id}/role',
  'POST /admin/users/{id}/destroy',
  'POST /admin/user',
  'POST /admin/user/username',
  'POST /admin/user/password',
  'POST /admin/settings',
  'POST /admin/notification',
  'POST /admin/notification/test_email',
  'POST /sbc',
  'POST /im',
  'POST /dealers',
  'GET /dealers/{id}',
  'POST /dealers/{id}',
  'POST /dealers/{id}/password',
  'POST /dealers/{id}/destroy',
  'GET /ip_filters',
  'POST /ip_filters',
  'GET /ip_filters/{id}',
  'POST /ip_filters/{id}',
  'POST /ip_filters/{id}/destroy',
  'GET /transports',
  'POST /transports',
  'GET /transports/{id}',
  'POST /transports/{id}',
  'POST /transports/{id}/destroy',
  'GET /transports/{id}/status',
  'GET /tenants',
  'POST /tenants',
  'GET /tenants/{id}',
  'POST /tenants/{id}',
  'POST /tenants/switch',
  'GET /tenants/{id}/dealers',
  'POST /tenants/{id}/dealers/{dealer_id}',
  'POST /tenants/{id}/dealers/{dealer_id}/destroy',
  'POST /tenants/{id}/destroy',
  'POST /key',
  'POST /brand',
  'POST /dealer',
  'POST /dealer/username',
  'POST /dealer/password',
  'GET /providers/{id}/assignees',
  'GET /providers/{id}/assignees/{tenant_id}',
  'POST /providers/{id}/assignees/{tenant_id}',
  'POST /providers/{id}/assignees/{tenant_id}/destroy',
  'POST /dataflow',
];

/** Known, documented departures from the 22.2 document's declared query parameters. */
const QUERY_EXCEPTIONS: Record<string, string[]> = {
  // C1 declares no parameters on GET /dealers; docs/portsip-api.md Op 18 says clients may page it anyway.
  'GET /dealers': ['filter', 'search', 'orderby', 'skip', 'top'],
};
/** 22.3 fields (C2, docs/portsip-api.md Op 35/37) allowed on top of the 22.2 tenant schemas. */
const TENANT_22_3 = ['allow_password_retrieval', 'contact_inbound_rule_append_type', 'limit_app_logins', 'ai_engine', 'password_policy'];
const EXTRA_BODY_KEYS: Record<string, string[]> = {
  'POST /tenants': TENANT_22_3,
  'POST /tenants/{id}': [...TENANT_22_3, 'name'],
};

// ---------------------------------------------------------------------------------------------
// Template matching

interface Template {
  key: string; // 'POST /tenants/{id}'
  method: Method;
  template: string;
  re: RegExp;
  params: number;
  source: '22.2' | '22.3';
}
function compile(method: Method, template: string, source: Template['source']): Template {
  const re = new RegExp('^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+') + '$');
  return { key: `${method} ${template}`, method, template, re, params: (template.match(/\{/g) ?? []).length, source };
}
const SPEC_TEMPLATES: Template[] = [];
for (const [p, item] of Object.entries(spec.paths))
  for (const m of ['get', 'post'] as const) if (item[m]) SPEC_TEMPLATES.push(compile(m.toUpperCase() as Method, p, '22.2'));
const T22_3: Template[] = Object.keys(OPS_22_3).map((k) => {
  const [m, t] = k.split(' ') as [Method, string];
  return compile(m, t, '22.3');
});

/** Most specific template (fewest parameters) matching method + concrete path. */
function matchTemplate(list: Template[], method: string, p: string): Template | undefined {
  return list.filter((t) => t.method === method && t.re.test(p)).sort((a, b) => a.params - b.params)[0];
}

// ---------------------------------------------------------------------------------------------
// The checker (pure: returns problems; the self-test feeds it bad requests)

function checkRequest(
  r: Pick<Req, 'method' | 'path' | 'query' | 'body' | 'rawBody' | 'headers'>,
  expected: string,
): { template?: Template; problems: string[]; bodyChecked: string } {
  const problems: string[] = [];
  const spec22 = matchTemplate(SPEC_TEMPLATES, r.method, r.path);
  const only22_3 = matchTemplate(T22_3, r.method, r.path);
  const template = spec22 ?? only22_3;
  if (!template) return { problems: [`${r.method} ${r.path}: no such operation in openapi-22.2 nor in the 22.3 list`], bodyChecked: '-' };
  if (template.key !== expected) problems.push(`${r.method} ${r.path} matched ${template.key}, expected ${expected}`);
  if (spec22 && only22_3) problems.push(`${template.key} is listed as 22.3-only but exists in the 22.2 document`);
  let bodyChecked = '-';
  if (template.source === '22.2') {
    const op = spec.paths[template.template]![template.method.toLowerCase() as 'get' | 'post']!;
    const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const q of QUERY_EXCEPTIONS[template.key] ?? []) declared.add(q);
    for (const q of Object.keys(r.query)) if (!declared.has(q)) problems.push(`${template.key}: query parameter "${q}" is not declared`);
    const schema = op.requestBody?.content?.['application/json']?.schema;
    if (r.rawBody !== undefined && r.rawBody !== '') {
      if (!schema) problems.push(`${template.key}: sent a body but the operation documents none`);
      else {
        const v = ajv.compile(schema);
        if (!v(r.body)) problems.push(`${template.key}: body invalid: ${ajv.errorsText(v.errors)}`);
        const props = (schema as { properties?: Record<string, unknown> }).properties ?? {};
        for (const k of Object.keys(r.body as object))
          if (!(k in props) && !(EXTRA_BODY_KEYS[template.key] ?? []).includes(k))
            problems.push(`${template.key}: body key "${k}" is not in the schema`);
        bodyChecked = 'ajv (OpenAPI)';
      }
    } else if (schema && op.requestBody?.required) {
      problems.push(`${template.key}: the documented request body is required but none was sent`);
    }
  } else {
    const rule = OPS_22_3[template.key]!;
    for (const q of Object.keys(r.query))
      if (!(rule.query ?? []).includes(q)) problems.push(`${template.key}: query parameter "${q}" is not documented`);
    const sent = r.rawBody !== undefined && r.rawBody !== '';
    if (rule.body === undefined || rule.body === NONE) {
      if (sent) problems.push(`${template.key}: sent a body but docs/portsip-api.md documents none`);
    } else if (!sent) {
      problems.push(`${template.key}: no body sent`);
    } else {
      const v = ajv.compile(rule.body);
      if (!v(r.body)) problems.push(`${template.key}: body invalid vs docs/portsip-api.md: ${ajv.errorsText(v.errors)}`);
      bodyChecked = 'ajv (docs/portsip-api.md)';
    }
  }
  if (r.body !== undefined && !(r.headers['content-type'] ?? '').includes('application/json'))
    problems.push(`${template.key}: body without a JSON content type`);
  return { template, problems, bodyChecked };
}

// ---------------------------------------------------------------------------------------------
// Sample data and the recording server

const ID = 'NzAwNTUxOTA5NzczMTQ4MTYw';
const ID2 = 'NzAwNTUxOTA5NzczMTQ4MTYx';
const SAMPLE_ITEM = {
  id: ID,
  name: 'acme',
  domain: 'acme.example.com',
  protocol: 'TLS',
  port: 5061,
  cidr: '192.0.2.0/24',
  target: 'DENY',
  enabled: true,
};

function respond(r: Req): Res {
  if (r.path === '/auth/sign_in' || r.path === '/auth/refresh_token')
    return json(200, { token_type: 'Bearer', access_token: 'ACCESS', refresh_token: 'REFRESH', expires_in: 3600 });
  const t = matchTemplate([...SPEC_TEMPLATES, ...T22_3], r.method, r.path);
  const key = t?.key ?? '';
  if (key === 'GET /ip_filters/export')
    return { status: 200, body: Buffer.from('192.0.2.0/24,DENY\n'), headers: { 'content-type': 'application/octet-stream' } };
  if (['GET /tenants', 'GET /dealers', 'GET /transports', 'GET /ip_filters', 'GET /admin/users', 'GET /providers'].includes(key))
    return json(200, { count: 1, items: [SAMPLE_ITEM] });
  if (key === 'GET /tenants/{id}/dealers') return json(200, { items: [{ id: ID2, enabled: true, level: 'RESELLER', name: 'acme' }] });
  if (key === 'GET /providers/{id}/assignees')
    return json(200, { items: [{ tenant_id: ID2, did_numbers: '3000;12000-18000', concurrency: 10 }] });
  if (key === 'GET /providers/{id}/assignees/{tenant_id}') return json(200, { did_numbers: '3000', concurrency: 10 });
  if (['POST /tenants', 'POST /dealers', 'POST /transports', 'POST /admin/users'].includes(key)) return json(201, { id: ID });
  if (key === 'POST /ip_filters') return json(200, { id: ID });
  if (/\/token$/.test(r.path)) return json(200, { token: 'SVC-TOKEN' });
  if (r.path.endsWith('/destroy') || key === 'POST /key' || key === 'POST /providers/{id}/assignees/{tenant_id}') return json(204);
  if (r.method === 'POST') return json(200);
  if (key === 'GET /transports/{id}/status') return json(200, { status: 'ACTIVATED' });
  return json(200, { ...SAMPLE_ITEM });
}

const PEM_CRT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n';
const week = {
  enabled: true,
  ranges: [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '17:30' },
  ],
};

interface Case {
  name: string;
  expect: string;
  call: (c: PortsipClient) => Promise<unknown>;
}

const CASES: Case[] = [
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
  // certificate, brand
  { name: 'certificate.get', expect: 'GET /key', call: (c) => c.certificate.get() },
  { name: 'certificate.update', expect: 'POST /key', call: (c) => c.certificate.update({ crt: PEM_CRT, key: PEM_KEY }) },
  {
    name: 'brand.update',
    expect: 'POST /brand',
    call: (c) => c.brand.update({ theme: 'DARK', title: 'ACME PBX', logo: ID, favicon: ID2, bottom_text: '&copy; ACME' }),
  },
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

interface Row {
  name: string;
  request: string;
  source: string;
  operation: string;
  body: string;
  ok: boolean;
  problems: string[];
}
const rows: Row[] = [];

describe('conformance with openapi-22.2 and docs/portsip-api.md §4', () => {
  const h = harness(respond);
  beforeAll(async () => {
    await h.client.signIn();
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = h.requests.length;
    await c.call(h.client);
    let sent = h.requests.slice(before);
    // Token plumbing is not part of the operation under test (signIn itself excepted).
    if (c.name !== 'signIn') sent = sent.filter((r) => r.path !== '/auth/sign_in' && r.path !== '/auth/refresh_token');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const problems: string[] = [];
    let first: ReturnType<typeof checkRequest> | undefined;
    for (const r of sent) {
      const res = checkRequest(r, c.expect);
      first ??= res;
      problems.push(...res.problems);
    }
    const t = first!.template;
    rows.push({
      name: c.name,
      request: `${sent[0]!.method} ${sent[0]!.rawPath.replace(/^\/api/, '')}${sent.length > 1 ? ` (x${sent.length})` : ''}`,
      source: !t ? '?' : t.source === '22.3' ? 'not in 22.2 document, checked against docs/portsip-api.md' : '22.2 OpenAPI',
      operation:
        t?.source === '22.2'
          ? (spec.paths[t.template]![t.method.toLowerCase() as 'get' | 'post']!.operationId ?? t.key)
          : t
            ? OPS_22_3[t.key]!.notes
            : '?',
      body: first!.bodyChecked,
      ok: problems.length === 0,
      problems,
    });
    expect(problems).toEqual([]);
  });

  test('every public client method is in the conformance catalogue', () => {
    const names = new Set(CASES.map((c) => c.name));
    const missing: string[] = [];
    for (const [prop, api] of Object.entries(h.client)) {
      if (prop === 'http' || api === null || typeof api !== 'object') continue;
      for (let proto = Object.getPrototypeOf(api); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto))
        for (const m of Object.getOwnPropertyNames(proto))
          if (
            m !== 'constructor' &&
            m !== 'findOne' &&
            m !== 'findAll' &&
            typeof (api as Record<string, unknown>)[m] === 'function' &&
            !names.has(`${prop}.${m}`)
          )
            missing.push(`${prop}.${m}`);
    }
    for (const m of ['signIn', 'signOut', 'whoami']) if (!names.has(m)) missing.push(m);
    expect([...new Set(missing)]).toEqual([]);
  });

  test('all 52 operations of docs/portsip-api.md §4 are exercised', () => {
    const covered = new Set(CASES.map((c) => c.expect));
    expect(API_NOTES_52).toHaveLength(52);
    expect(API_NOTES_52.filter((k) => !covered.has(k))).toEqual([]);
  });

  test('the checker itself rejects what it should (so this suite can fail)', () => {
    const base = { query: {}, headers: { 'content-type': 'application/json' }, rawBody: undefined, body: undefined };
    // misspelt path
    expect(checkRequest({ ...base, method: 'POST', path: '/ip_filter' }, 'POST /ip_filters').problems[0]).toMatch(/no such operation/);
    // right path, wrong operation expected
    expect(
      checkRequest({ ...base, method: 'GET', path: '/tenants/x/dealer' }, 'GET /tenants/{id}/dealers').problems.length,
    ).toBeGreaterThan(0);
    // invalid body: wrong type and enum
    const bad = { cidr: 42, target: 'MAYBE' };
    expect(
      checkRequest(
        { ...base, method: 'POST', path: '/ip_filters', body: bad, rawBody: JSON.stringify(bad) },
        'POST /ip_filters',
      ).problems.join('\n'),
    ).toMatch(/body invalid/);
    // required field missing, misspelt key, non-standard date format
    const bad2 = { protocol: 'UDP', prot: 5060 };
    const p2 = checkRequest(
      { ...base, method: 'POST', path: '/transports', body: bad2, rawBody: JSON.stringify(bad2) },
      'POST /transports',
    ).problems.join('\n');
    expect(p2).toMatch(/must have required property 'port'/);
    expect(p2).toMatch(/body key "prot"/);
    const bad3 = { cidr: '10.0.0.0/8', target: 'DENY', expire_at: 'tomorrow' };
    expect(
      checkRequest(
        { ...base, method: 'POST', path: '/ip_filters', body: bad3, rawBody: JSON.stringify(bad3) },
        'POST /ip_filters',
      ).problems.join('\n'),
    ).toMatch(/date_time/);
    // undeclared query parameter
    expect(checkRequest({ ...base, method: 'GET', path: '/transports', query: { limit: '5' } }, 'GET /transports').problems[0]).toMatch(
      /query parameter "limit"/,
    );
    // 22.3 body against docs/portsip-api.md
    const bad4 = { password: 'x' };
    expect(
      checkRequest(
        { ...base, method: 'POST', path: '/admin/users/abc/password', body: bad4, rawBody: JSON.stringify(bad4) },
        'POST /admin/users/{id}/password',
      ).problems.join('\n'),
    ).toMatch(/new_password/);
  });

  afterAll(() => {
    const w = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
    const lines = [
      `PortSIP client conformance: ${rows.length} client operations checked (${rows.filter((r) => r.ok).length} ok)`,
      `${w('client method', 30)} ${w('request sent', 62)} ${w('checked against', 48)} ${w('operation', 34)} body`,
      ...rows.map(
        (r) =>
          `${w(r.name, 30)} ${w(r.request, 62)} ${w(r.source, 48)} ${w(r.operation, 34)} ${r.body}${r.ok ? '' : '  FAIL: ' + r.problems.join('; ')}`,
      ),
    ];
    console.log(lines.join('\n'));
  });
});
