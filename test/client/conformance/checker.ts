// The conformance checker: each request a client operation sends (recorded by a MockAgent) is checked
// against PortSIP's own OpenAPI document (src/spec/openapi-admin-22.2.gen.json, C1): the method + path
// template must exist there, the query parameters must be declared, and the JSON body must validate
// against the documented requestBody schema (ajv). 22.3-only operations (admin users, /admin/user*,
// Data Flow) are not in that document; they are checked against the paths and field lists of
// docs/portsip-api.md §4 instead. The cases (cases.ts) are run by area (*.test.ts);
// catalogue.test.ts checks that they cover every client method and documented operation, and that
// the checker rejects what it should.

import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PortsipClient } from '../../../src/client';
import { harness, json, type Req, type Res } from '../helpers';

type Method = 'GET' | 'POST';
interface SpecOp {
  operationId?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../src/spec/openapi-admin-22.2.gen.json'), 'utf8')) as {
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
export const API_NOTES_52 = [
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

export function checkRequest(
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

export const ID = 'NzAwNTUxOTA5NzczMTQ4MTYw';
export const ID2 = 'NzAwNTUxOTA5NzczMTQ4MTYx';
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

export function respond(r: Req): Res {
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

export interface Case {
  name: string;
  expect: string;
  call: (c: PortsipClient) => Promise<unknown>;
}

interface Row {
  name: string;
  request: string;
  source: string;
  operation: string;
  body: string;
  ok: boolean;
  problems: string[];
}

/** Calls every case once and checks what it sent; prints the table of what was checked against what. */
export function runConformance(cases: Case[]): void {
  const rows: Row[] = [];
  describe('conformance with openapi-22.2 and docs/portsip-api.md §4', () => {
    const h = harness(respond);
    beforeAll(async () => {
      await h.client.signIn();
    });

    test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
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
}
