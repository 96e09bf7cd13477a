// The conformance check (emulator option `conformance`, on in the acceptance suite): every request
// is checked against what PortSIP documents for it, BEFORE the route's own (more lenient) handling,
// so a client that leans on the emulator's tolerance (defaults it fills in, keys it ignores, the
// `id`-or-protocol status path) fails a test instead of passing against a PBX that would refuse it.
//
// * Operations in PortSIP's OpenAPI (22.2, C1): the request body must validate against the
//   documented schema with `required` and without undocumented keys (every object that lists its
//   properties is closed), and path parameters against their schemas (the status path's protocol
//   enum). Only one documented doc bug is relaxed: the webhook `url` pattern (docs/portsip-api.md Op 35).
//   22.3 tenant keys (C2, C3, and the two inferred flag names of src/common/api-223-names.ts) are
//   added to the tenant schemas.
// * 22.3-only operations (admin users, the signed-in admin, Data Flow) are not in the OpenAPI: they
//   are checked against OUR documented 22.3 shapes below (docs/portsip-api.md §4 Ops 2-12, 52; JSON names
//   inferred there, descriptions C3). The report says which source a violation comes from.
//
// A violation answers 400 VALIDATE_FAILED "request does not conform ..." and is recorded, so a test
// harness can fail on any violation even when the client swallowed the 400.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ADMIN_USER_PASSWORD_KEY, TENANT_AI_TRANSCRIPTION_FLAG, TENANT_CRM_INTEGRATIONS_FLAG } from '../common/api-223-names';
import { HttpError } from './errors';
import type { ApiVersion } from './store';
import { fieldOf, fixRequestSchema, makeAjv, reasonOf, specOperation, stripNulls } from './validate';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export type ConformanceSource = 'openapi-22.2' | 'documented-22.3';

export interface ConformanceViolation {
  /** e.g. `POST /api/dealers` (the route template). */
  operation: string;
  /** The path actually requested. */
  path: string;
  field: string;
  reason: string;
  source: ConformanceSource;
}

export interface ConformanceReport {
  /** Requests checked (requests to routes the emulator serves). */
  checked: number;
  violations: ConformanceViolation[];
}

// ---------------------------------------------------------------------------------------------
// Documented 22.3 shapes (docs/portsip-api.md §4). Used by the routes too, so there is one copy.

const str = (max?: number) => (max ? { type: 'string', maxLength: max } : { type: 'string' });
const ADMIN_PROFILE = {
  email: str(128),
  display_name: str(1024),
  mobile_phone: str(32),
  work_phone: str(32),
  home_phone: str(32),
  address: str(128),
  department: str(128),
  website: str(),
};
const NAME_BODY = { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['name'] };

/** Admin users (Ops 2-12): names from docs/portsip-api.md §4 (I), descriptions and required-ness C3/I. */
export const ADMIN_USER_SHAPES: Record<string, Json> = {
  create: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 64 },
      password: { type: 'string' },
      enabled: { type: 'boolean' },
      role: { type: 'string', minLength: 1, maxLength: 64 },
      ...ADMIN_PROFILE,
    },
    required: ['name', 'password', 'role'],
  },
  update: { type: 'object', properties: { enabled: { type: 'boolean' }, ...ADMIN_PROFILE } },
  self: { type: 'object', properties: ADMIN_PROFILE },
  name: NAME_BODY,
  password: { type: 'object', properties: { [ADMIN_USER_PASSWORD_KEY]: { type: 'string' } }, required: [ADMIN_USER_PASSWORD_KEY] },
  role: { type: 'object', properties: { role: { type: 'string', minLength: 1, maxLength: 64 } }, required: ['role'] },
  selfPassword: {
    type: 'object',
    properties: { old_password: { type: 'string' }, new_password: { type: 'string' } },
    required: ['old_password', 'new_password'],
  },
};

/** Data Flow (Op 52): the four host fields of the /im pattern (names I, strong). */
export const DATAFLOW_SHAPE: Json = {
  type: 'object',
  properties: {
    private_ipv4: { type: 'string' },
    private_ipv6: { type: 'string' },
    public_ipv4: { type: 'string' },
    public_ipv6: { type: 'string' },
  },
};

/** Tenant keys added in 22.3 (names C2 unless marked; shapes I, docs/portsip-api.md Op 35). */
export const TENANT_223_PROPERTIES: Record<string, Json> = {
  allow_password_retrieval: { type: 'boolean' },
  contact_inbound_rule_append_type: { type: 'string', enum: ['DISABLE', 'APPEND', 'PREPEND'] },
  limit_app_logins: { type: 'object' },
  ai_engine: { type: 'object' },
  [TENANT_AI_TRANSCRIPTION_FLAG]: { type: 'boolean' }, // name inferred
  [TENANT_CRM_INTEGRATIONS_FLAG]: { type: 'boolean' }, // name inferred
  password_policy: {
    type: 'object',
    properties: {
      min_length: { type: 'integer', minimum: 6, maximum: 32 },
      max_length: { type: 'integer', minimum: 6, maximum: 32 },
      contains_letters: { type: 'boolean' },
      contains_numbers: { type: 'boolean' },
      contains_special_letters: { type: 'boolean' },
      disable_sequential_characters: { type: 'boolean' },
      disable_repeating_characters: { type: 'boolean' },
      disable_account_information: { type: 'boolean' },
    },
  },
};

const NO_BODY = null;

/** 22.3-only operations: documented shape of the body (null = no body documented). */
const DOCUMENTED_223: Record<string, Json> = {
  'POST /admin/users': ADMIN_USER_SHAPES.create,
  'POST /admin/users/{id}': ADMIN_USER_SHAPES.update,
  'POST /admin/users/{id}/username': ADMIN_USER_SHAPES.name,
  'POST /admin/users/{id}/password': ADMIN_USER_SHAPES.password,
  'POST /admin/users/{id}/role': ADMIN_USER_SHAPES.role,
  'POST /admin/users/{id}/destroy': NO_BODY,
  'POST /admin/user': ADMIN_USER_SHAPES.self,
  'POST /admin/user/username': ADMIN_USER_SHAPES.name,
  'POST /admin/user/password': ADMIN_USER_SHAPES.selfPassword,
  // Data Flow: the path is inferred; the aliases are checked the same way.
  'POST /dataflow': DATAFLOW_SHAPE,
  'POST /data_flow': DATAFLOW_SHAPE,
  'POST /dataflow_server': DATAFLOW_SHAPE,
  'POST /dataflow/token': NO_BODY,
  'POST /dataflow/token/destroy': NO_BODY,
  'POST /data_flow/token': NO_BODY,
  'POST /data_flow/token/destroy': NO_BODY,
  'POST /dataflow_server/token': NO_BODY,
  'POST /dataflow_server/token/destroy': NO_BODY,
  // The legacy OAuth form endpoint (C8): the documented form fields.
  'POST /login/oauth/token': {
    type: 'object',
    properties: {
      grant_type: { type: 'string', enum: ['password', 'refresh_token'] },
      username: { type: 'string' },
      password: { type: 'string' },
      scope: { type: 'string' },
      client_id: { type: 'string' },
      domain: { type: 'string' },
      refresh_token: { type: 'string' },
    },
    required: ['grant_type'],
  },
  'POST /login/oauth/revoke': NO_BODY,
};

// ---------------------------------------------------------------------------------------------

/** Close every object schema that lists its properties: an undocumented key is a violation. */
function closeObjects(s: Json): Json {
  if (Array.isArray(s)) return s.map(closeObjects);
  if (!s || typeof s !== 'object') return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === 'properties' ? mapValues(v as Json, closeObjects) : closeObjects(v);
  if (out.properties && typeof out.properties === 'object' && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function mapValues(o: Json, f: (v: Json) => Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o ?? {})) out[k] = f(v);
  return out;
}

const ajv = makeAjv(true);

interface Check {
  source: ConformanceSource;
  /** undefined: the operation documents no body, so any body is a violation. */
  body?: ValidateFunction;
  params: { name: string; validate: ValidateFunction }[];
}

const cache = new Map<string, Check | null>();

function tenantSchema(base: Json, update: boolean): Json {
  const props = { ...(base.properties ?? {}), ...TENANT_223_PROPERTIES };
  // 22.3 lists the tenant name in the update operation (C3, docs/portsip-api.md Op 37).
  if (update && !props.name) props.name = { type: 'string', minLength: 1, maxLength: 1024 };
  return { ...base, properties: props };
}

function build(method: string, template: string, version: ApiVersion): Check | null {
  const key = `${method} ${template}`;
  const op = specOperation(method, template);
  if (op) {
    const params = (op.parameters ?? [])
      .filter((p) => p.in === 'path' && p.schema && (p.schema.enum || p.schema.pattern))
      .map((p) => ({ name: p.name, validate: ajv.compile(p.schema) }));
    let schema = op.requestBody?.content?.['application/json']?.schema;
    if (schema && version !== '22.2' && (template === '/tenants' || template === '/tenants/{id}'))
      schema = tenantSchema(schema, template === '/tenants/{id}');
    return {
      source: 'openapi-22.2',
      body: schema ? ajv.compile(closeObjects(fixRequestSchema(JSON.parse(JSON.stringify(schema))))) : undefined,
      params,
    };
  }
  if (key in DOCUMENTED_223) {
    const shape = DOCUMENTED_223[key];
    return { source: 'documented-22.3', body: shape ? ajv.compile(closeObjects(shape)) : undefined, params: [] };
  }
  // GETs without parameters to check and anything else the emulator serves beyond both documents
  // (roles, license, 22.2 aliases) are not checked.
  return null;
}

function describe(e: ErrorObject): { field: string; reason: string } {
  return { field: fieldOf(e), reason: e.keyword === 'additionalProperties' ? 'is not a documented field' : reasonOf(e) };
}

/** Conformance problems of one request (empty when it conforms or nothing is documented for it). */
export function conformanceProblems(
  method: string,
  template: string,
  params: Record<string, string>,
  body: unknown,
  version: ApiVersion,
): { source: ConformanceSource; problems: { field: string; reason: string }[] } | null {
  const key = `${version} ${method} ${template}`;
  let c = cache.get(key);
  if (c === undefined) {
    c = build(method, template, version);
    cache.set(key, c);
  }
  if (!c) return null;
  const problems: { field: string; reason: string }[] = [];
  for (const p of c.params)
    if (!p.validate(params[p.name])) for (const e of p.validate.errors ?? []) problems.push({ field: p.name, reason: reasonOf(e) });
  if (method === 'POST') {
    if (c.body) {
      const obj = body === undefined ? {} : body;
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) problems.push({ field: 'body', reason: 'must be a JSON object' });
      else if (!c.body(stripNulls(obj))) for (const e of c.body.errors ?? []) problems.push(describe(e));
    } else if (body !== undefined && !(typeof body === 'object' && body && !Array.isArray(body) && Object.keys(body).length === 0)) {
      problems.push({ field: 'body', reason: 'this operation documents no request body' });
    }
  }
  return { source: c.source, problems };
}

/** Records violations and turns the first one into the 400 answer. */
export class ConformanceChecker {
  private report: ConformanceReport = { checked: 0, violations: [] };

  check(method: string, template: string, path: string, params: Record<string, string>, body: unknown, version: ApiVersion): void {
    const r = conformanceProblems(method, template, params, body, version);
    if (!r) return;
    this.report.checked++;
    const [first] = r.problems;
    if (!first) return;
    const operation = `${method} /api${template}`;
    for (const p of r.problems) this.report.violations.push({ operation, path, ...p, source: r.source });
    const doc = r.source === 'openapi-22.2' ? "PortSIP's OpenAPI schema" : 'the documented 22.3 shape (docs/emulator.md)';
    throw new HttpError(400, 'VALIDATE_FAILED', `request does not conform to ${doc} of ${operation}`, {
      field: first.field,
      reason: `not conformant: ${first.field} ${first.reason}`,
      conformance: r.problems,
    });
  }

  get(): ConformanceReport {
    return JSON.parse(JSON.stringify(this.report));
  }

  reset(): void {
    this.report = { checked: 0, violations: [] };
  }
}
