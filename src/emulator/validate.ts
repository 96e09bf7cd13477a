// Request validation: PortSIP's own OpenAPI document (the 22.2 Administration subset,
// src/spec/openapi-admin-22.2.gen.json) through ajv wherever the operation exists there, plus
// hand-written schemas for the 22.3-only operations and the 22.3 field rules of docs/portsip-api.md §2.9 and
// §6.6 that a JSON schema cannot express (reserved names, DID pools, CIDR, size strings, ...).
// Every failure becomes 400 VALIDATE_FAILED with detail.field naming the offending field.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isIP } from 'node:net';
import { invalid } from './errors';

// require() rather than import: the type checker would otherwise infer a type for 400 KB of JSON.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see the line above
const spec: OpenApiDoc = require('../spec/openapi-admin-22.2.gen.json');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
interface OpenApiOp {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
  parameters?: { name: string; in: string; schema?: Json }[];
}
interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOp>>;
}

export function specOperation(method: string, template: string): OpenApiOp | undefined {
  const item = spec.paths[template];
  return item ? item[method.toLowerCase()] : undefined;
}

/** All [method, template, operationId] of the 22.2 subset (used by the response-schema test). */
export function specOperations(): { method: string; path: string; operationId: string }[] {
  const out: { method: string; path: string; operationId: string }[] = [];
  for (const [p, item] of Object.entries(spec.paths))
    for (const [m, op] of Object.entries(item))
      if (op && typeof op === 'object' && op.responses) out.push({ method: m.toUpperCase(), path: p, operationId: op.operationId ?? '' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// formats: the spec spells RFC 3339 "date_time" (docs/portsip-api.md §2.4) and uses OpenAPI number formats.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
export function isRfc3339(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [mo, d, h, mi, se] = m.slice(2, 7).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
  return !Number.isNaN(Date.parse(s.replace(/^(.{10})[t ]/, '$1T')));
}
/** RFC 3339 in, UTC with a literal Z and no fraction out (PortSIP's output form, §2.4). */
export function normalizeTime(s: string): string {
  return new Date(Date.parse(s)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function makeAjv(allErrors = false): Ajv {
  const ajv = new Ajv({ allErrors, strict: false, validateFormats: true, coerceTypes: false });
  ajv.addFormat('date_time', { type: 'string', validate: isRfc3339 });
  ajv.addFormat('date-time', { type: 'string', validate: isRfc3339 });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 });
  ajv.addFormat('uint32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= 4294967295 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('binary', true);
  return ajv;
}
const ajv = makeAjv();

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

/**
 * Request-schema fixes for documented doc bugs: the webhook `url` carries the `[a-z0-9]{6,64}`
 * pattern copied from username/password (docs/portsip-api.md §4 Op 35 "Doc bug"), so it is not enforced.
 */
export function fixRequestSchema(s: Json): Json {
  if (Array.isArray(s)) return s.map(fixRequestSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' && v && typeof v === 'object') {
      const props: Json = {};
      for (const [pk, pv] of Object.entries(v as Json)) {
        const fixed = fixRequestSchema(pv);
        if (pk === 'url' && fixed && typeof fixed === 'object') delete fixed.pattern;
        props[pk] = fixed;
      }
      out[k] = props;
    } else out[k] = fixRequestSchema(v);
  }
  return out;
}

/**
 * Response schemas as the API really answers: C5 says blank fields are sent as explicit nulls, so
 * every typed value may also be null; and the sign_in `oneOf` has two branches without required
 * keys (any object matches both), so it is checked as `anyOf`.
 */
export function nullableSchema(s: Json): Json {
  if (Array.isArray(s)) return s.map(nullableSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'oneOf') out.anyOf = nullableSchema(v);
    else out[k] = nullableSchema(v);
  }
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}

const reqCache = new Map<string, ValidateFunction | null>();
function requestValidatorFromSpec(method: string, template: string): ValidateFunction | null {
  const key = `${method} ${template}`;
  let v = reqCache.get(key);
  if (v === undefined) {
    const schema = specOperation(method, template)?.requestBody?.content?.['application/json']?.schema;
    v = schema ? ajv.compile(fixRequestSchema(clone(schema))) : null;
    reqCache.set(key, v);
  }
  return v;
}

export function requestSchemaProperties(method: string, template: string): string[] | undefined {
  const s = specOperation(method, template)?.requestBody?.content?.['application/json']?.schema;
  return s?.properties ? Object.keys(s.properties) : undefined;
}

const resCache = new Map<string, ValidateFunction | null>();
/** ajv validator of the documented response body (nullable, see nullableSchema), or null. */
export function responseValidator(method: string, template: string, status: number): ValidateFunction | null {
  const key = `${method} ${template} ${status}`;
  let v = resCache.get(key);
  if (v === undefined) {
    const schema = specOperation(method, template)?.responses?.[String(status)]?.content?.['application/json']?.schema;
    v = schema ? ajv.compile(nullableSchema(clone(schema))) : null;
    resCache.set(key, v);
  }
  return v;
}

/** Top-level keys of a documented response object (every one is emitted, null when unset). */
export function responseKeys(method: string, template: string, status = 200, listItems = false): string[] {
  let s = specOperation(method, template)?.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (listItems) s = s?.properties?.items?.items;
  if (!s?.properties) throw new Error(`no documented response object for ${method} ${template}`);
  return Object.keys(s.properties);
}

// ---------------------------------------------------------------------------------------------

export function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') parts.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String((e.params as { additionalProperty: string }).additionalProperty));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || 'body';
}

export function reasonOf(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'enum')
    return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.filter((x) => x !== null).join(', ')}`;
  return e.message ?? e.keyword;
}

/** Copy without null-valued object keys: nulls mean "blank" (C5) and are applied as such after validation. */
export function stripNulls(x: Json): Json {
  if (Array.isArray(x)) return x.map(stripNulls);
  if (!x || typeof x !== 'object') return x;
  const out: Json = {};
  for (const [k, v] of Object.entries(x)) if (v !== null) out[k] = stripNulls(v);
  return out;
}

export function runAjv(v: ValidateFunction, body: unknown): void {
  if (!v(stripNulls(body))) {
    const e = v.errors?.[0];
    if (!e) throw invalid('body', 'is invalid');
    throw invalid(fieldOf(e), reasonOf(e));
  }
}

/**
 * What happens to body keys PortSIP does not document for the operation (docs/emulator.md):
 * `ignore` (default: dropped before the route sees them, as a typed JSON decoder does), `reject`
 * (400 naming the key) or `store` (kept and echoed back by GET, for experiments with fields newer
 * than the documents).
 */
export type UnknownFields = 'ignore' | 'reject' | 'store';

export interface BodyCheckOptions {
  unknownFields?: UnknownFields;
  /** keys allowed beyond the schema's own properties (e.g. documented 22.3 additions). */
  extraKeys?: readonly string[];
}

/** The request body must be a JSON object for every write in this area. */
export function requireObject(body: unknown): Record<string, Json> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'must be a JSON object');
  return body as Record<string, Json>;
}

/** Validate against the 22.2 schema of this operation (if it has one) or the given 22.3 schema. */
export function validateBody(
  method: string,
  template: string,
  body: unknown,
  opts: BodyCheckOptions & { schema?: ValidateFunction } = {},
): Record<string, Json> {
  const obj = requireObject(body);
  const v = opts.schema ?? requestValidatorFromSpec(method, template);
  if (v) runAjv(v, obj);
  const mode = opts.unknownFields ?? 'store';
  if (mode === 'store') return obj;
  const known = new Set([
    ...(opts.schema ? Object.keys((opts.schema.schema as Json)?.properties ?? {}) : (requestSchemaProperties(method, template) ?? [])),
    ...(opts.extraKeys ?? []),
  ]);
  const out: Record<string, Json> = {};
  for (const [k, val] of Object.entries(obj)) {
    if (known.has(k)) out[k] = val;
    else if (mode === 'reject') throw invalid(k, 'is not a documented field of this operation (unknown fields are refused)');
  }
  return out;
}

export function compile(schema: Json): ValidateFunction {
  return ajv.compile(schema);
}

// ---------------------------------------------------------------------------------------------
// 22.3 field rules (docs/portsip-api.md §2.9, §6.6)

const USERNAME = /^(?!\.)[A-Za-z0-9_'.-]{1,64}(?<!\.)$/;
export const RESERVED_NAMES = ['admin', 'system', 'administrator', 'root'];

export function checkUsername(field: string, v: unknown, allowReserved: boolean): string {
  if (typeof v !== 'string' || v.length === 0) throw invalid(field, 'is required');
  if (v.length > 64) throw invalid(field, 'must be 1-64 characters');
  if (!USERNAME.test(v)) throw invalid(field, "only letters, digits and _ - ' . are allowed, and it must not start or end with '.'");
  if (!allowReserved && RESERVED_NAMES.includes(v.toLowerCase())) throw invalid(field, `'${v}' is reserved for the system admin`);
  return v;
}

/** Minimum 6 since 22.0 (C7); no other system-user policy before 22.6 (§2.9). */
export function checkPassword(field: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) throw invalid(field, 'is required');
  if (v.length < 6) throw invalid(field, 'must be at least 6 characters');
  if (v.length > 128) throw invalid(field, 'must be at most 128 characters');
  return v;
}

/** Size strings: a positive number and KB/MB/GB/PB, or "" for unlimited (§2.9; TB optional, §8 Q13). */
export function checkSize(field: string, v: unknown, allowTB: boolean): void {
  if (v === undefined || v === null) return;
  const re = allowTB ? /^$|^[1-9][0-9]*(KB|MB|GB|TB|PB)$/ : /^$|^[1-9][0-9]*(KB|MB|GB|PB)$/;
  if (typeof v !== 'string' || !re.test(v))
    throw invalid(field, `must be a positive number followed by KB, MB, GB${allowTB ? ', TB' : ''} or PB (e.g. 100MB), or empty`);
}

/** CIDR per RFC 4632 / RFC 4291 (§2.9). A bare address is accepted as a host route [I]. */
export function checkCidr(field: string, v: unknown): void {
  if (typeof v !== 'string') throw invalid(field, 'is required');
  // No leading zeros in the prefix: "1.2.3.4/08" is not CIDR notation (RFC 4632 writes /8).
  const m = /^([^/]+)(?:\/(0|[1-9]\d{0,2}))?$/.exec(v);
  const fam = m?.[1] ? isIP(m[1]) : 0;
  if (!m || fam === 0) throw invalid(field, 'must be an IPv4 or IPv6 CIDR such as 192.0.2.0/24 or 2001:db8::/32');
  if (m[2] !== undefined && +m[2] > (fam === 4 ? 32 : 128)) throw invalid(field, `prefix length must be at most ${fam === 4 ? 32 : 128}`);
}

export function checkTime(field: string, v: unknown): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string' || !isRfc3339(v)) throw invalid(field, 'must be an RFC 3339 time such as 2017-07-21T17:32:28Z');
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+$/;
/** Comma-separated list of at most 15 addresses (§2.9). */
export function checkEmailList(field: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  if (typeof v !== 'string') throw invalid(field, 'must be a comma-separated list of e-mail addresses');
  const list = v.split(',').map((s) => s.trim());
  if (list.length > 15) throw invalid(field, 'at most 15 e-mail addresses are allowed');
  for (const a of list) if (!EMAIL.test(a)) throw invalid(field, `'${a}' is not an e-mail address`);
}

export function checkEmail(field: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  if (typeof v !== 'string' || !EMAIL.test(v) || v.length > 128)
    throw invalid(field, 'must be an e-mail address of at most 128 characters');
}

/** A JSON document serialised as a string ("... serialized as json string", seed Ops 13, 35); "" is blank. */
export function checkJsonText(field: string, v: unknown): void {
  if (typeof v !== 'string' || v.trim() === '') return;
  try {
    JSON.parse(v);
  } catch {
    throw invalid(field, 'must be a JSON document serialised as a string');
  }
}

export type Interval = [bigint, bigint];
/** DID pool "3000;12000-18000" into intervals; rejects bad syntax, a>b and self-overlap (§4 Op 50). */
export function parseDidPool(field: string, v: unknown): Interval[] {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v !== 'string' || !/^\d+(-\d+)?(;\d+(-\d+)?)*$/.test(v))
    throw invalid(field, 'must be a semicolon-separated list of numbers or ranges, e.g. 3000;12000-18000');
  const out: Interval[] = v.split(';').map((part) => {
    const [a = '', b] = part.split('-');
    const lo = BigInt(a);
    const hi = b === undefined ? lo : BigInt(b);
    if (lo > hi) throw invalid(field, `range ${part} has start greater than end`);
    return [lo, hi];
  });
  const sorted = [...out].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const [cur, prev] = [sorted[i], sorted[i - 1]];
    if (cur && prev && cur[0] <= prev[1]) throw invalid(field, 'ranges in the pool overlap each other');
  }
  return out;
}

export function poolsOverlap(a: Interval[], b: Interval[]): boolean {
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return true;
  return false;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** office_hours: HH:MM on a 24-hour clock, from earlier than to (§4 Op 35 nested objects). */
export function checkOfficeHours(v: unknown): void {
  if (v === undefined || v === null) return;
  for (const [day, spec] of Object.entries(v as Record<string, Json>)) {
    const ranges = spec?.ranges;
    if (!Array.isArray(ranges)) continue;
    ranges.forEach((r: Json, i: number) => {
      const f = `office_hours.${day}.ranges[${i}]`;
      if (!HHMM.test(r?.from ?? '')) throw invalid(`${f}.from`, 'must be HH:MM (24-hour clock)');
      if (!HHMM.test(r?.to ?? '')) throw invalid(`${f}.to`, 'must be HH:MM (24-hour clock)');
      if (r.from >= r.to) throw invalid(`${f}.from`, 'must be earlier than to');
    });
  }
}

export function checkPem(field: string, v: unknown, kind: 'CERTIFICATE' | 'PRIVATE KEY'): void {
  const re =
    kind === 'CERTIFICATE'
      ? /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/
      : /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END ([A-Z]+ )?PRIVATE KEY-----/;
  if (typeof v !== 'string' || !re.test(v)) throw invalid(field, `must be PEM (-----BEGIN ${kind}-----)`);
}

export function checkMaxLen(field: string, v: unknown, max: number): void {
  if (typeof v === 'string' && v.length > max) throw invalid(field, `must be at most ${max} characters`);
}
