// DynamicValue.json / RawState.json decoding (docs/protocol.md "JSON state and UpgradeResourceState"). Terraform hands us the
// state's JSON object in UpgradeResourceState. JSON.parse would round 64-bit integers and
// decimals like 0.1 through a double; our parser keeps every number's source text (JsonNumber),
// so numbers round-trip exactly. Decoding against a schema is lenient, as Terraform's is:
// missing attributes become null, unknown attributes are dropped.

import type { Block, NestedBlock } from '../schema';
import type { ObjectValue, Value } from '../values';
import { ctyTypeFromJsonValue, type CtyType } from './cty-type';
import { withCtyType } from './dynamic';
import { CodecError, defaultGroupObject } from './msgpack';
import { numberFromText } from './numbers';

/** A JSON number with its exact source text. */
export class JsonNumber {
  constructor(public readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/** JSON.parse, except numbers are JsonNumber (source text kept). Objects have no prototype keys. */
export function parseJsonExact(text: string): JsonValue {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON at offset ${i}: ${what}`);
  };
  const value = (): JsonValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out = Object.create(null) as { [key: string]: JsonValue };
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = str();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        out[k] = value();
        ws();
        const d = text[i++];
        if (d === '}') return out;
        if (d !== ',') fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const out: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        const d = text[i++];
        if (d === ']') return out;
        if (d !== ',') fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 4096));
    if (!m) return fail('unexpected character');
    i += m[0].length;
    return new JsonNumber(m[0]);
  };
  const str = (): string => {
    // Find the closing quote, then let JSON.parse handle escapes exactly.
    const start = i;
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '"') break;
      else i++;
    }
    if (i >= n) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const v = value();
  ws();
  if (i !== n) fail('trailing characters');
  return v;
}

function isJsonObject(j: JsonValue | undefined): j is { [key: string]: JsonValue } {
  return j !== null && j !== undefined && typeof j === 'object' && !Array.isArray(j) && !(j instanceof JsonNumber);
}

export function decodeJsonTyped(type: CtyType, j: JsonValue | undefined, path: (string | number)[] = []): Value {
  if (j === null || j === undefined) return null;
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        if (typeof j === 'string') return j;
        // Terraform's JSON decoder converts primitives leniently (a number or bool where a string is declared).
        if (j instanceof JsonNumber) return j.text;
        if (typeof j === 'boolean') return String(j);
        break;
      case 'bool':
        if (typeof j === 'boolean') return j;
        if (j === 'true' || j === 'false') return j === 'true';
        break;
      case 'number':
        if (j instanceof JsonNumber) return numberFromText(j.text);
        if (typeof j === 'string') {
          try {
            return numberFromText(j);
          } catch {
            break;
          }
        }
        break;
      case 'dynamic': {
        // State JSON writes a dynamic value as {"value": ..., "type": ...}.
        if (isJsonObject(j) && 'type' in j) {
          const concrete = ctyTypeFromJsonValue(toPlainJson(j['type'] ?? null));
          const v = decodeJsonTyped(concrete, j['value'], path);
          return concrete === 'dynamic' ? v : withCtyType(v, concrete);
        }
        break;
      }
    }
    throw new CodecError(`expected ${type} in JSON state`, path);
  }
  if ('list' in type || 'set' in type) {
    const elem = 'list' in type ? type.list : type.set;
    if (!Array.isArray(j)) throw new CodecError('expected a JSON array', path);
    return j.map((x, i) => decodeJsonTyped(elem, x, [...path, i]));
  }
  if ('tuple' in type) {
    if (!Array.isArray(j)) throw new CodecError('expected a JSON array', path);
    return type.tuple.map((t, i) => decodeJsonTyped(t, j[i], [...path, i]));
  }
  if ('map' in type) {
    if (!isJsonObject(j)) throw new CodecError('expected a JSON object', path);
    const out: ObjectValue = {};
    for (const [k, x] of Object.entries(j)) out[k] = decodeJsonTyped(type.map, x, [...path, k]);
    return out;
  }
  if ('object' in type) {
    if (!isJsonObject(j)) throw new CodecError('expected a JSON object', path);
    const out: ObjectValue = {};
    for (const [k, t] of Object.entries(type.object)) out[k] = decodeJsonTyped(t, j[k], [...path, k]);
    return out;
  }
  throw new CodecError(`unsupported type ${JSON.stringify(type)}`, path);
}

/** JsonValue -> plain JS (numbers as JS numbers); for cty type JSON, which holds no numbers. */
export function toPlainJson(j: JsonValue): unknown {
  if (j instanceof JsonNumber) return Number(j.text);
  if (Array.isArray(j)) return j.map(toPlainJson);
  if (isJsonObject(j)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(j)) out[k] = toPlainJson(v);
    return out;
  }
  return j;
}

export function decodeJsonBlock(block: Block, j: JsonValue | undefined, path: (string | number)[] = []): ObjectValue | null {
  if (j === null || j === undefined) return null;
  if (!isJsonObject(j)) throw new CodecError('expected a JSON object', path);
  const out: ObjectValue = {};
  for (const [name, attr] of Object.entries(block.attributes)) out[name] = decodeJsonTyped(attr.type, j[name], [...path, name]);
  for (const [name, nb] of Object.entries(block.blocks ?? {})) out[name] = decodeJsonNested(nb, j[name], [...path, name]);
  return out;
}

function decodeJsonNested(nb: NestedBlock, j: JsonValue | undefined, path: (string | number)[]): Value {
  switch (nb.nesting) {
    case 'single':
      return decodeJsonBlock(nb.block, j, path);
    case 'group':
      return decodeJsonBlock(nb.block, j, path) ?? defaultGroupObject(nb.block);
    case 'list':
    case 'set':
      if (j === null || j === undefined) return [];
      if (!Array.isArray(j)) throw new CodecError('expected a JSON array of blocks', path);
      return j.map((x, i) => decodeJsonBlock(nb.block, x, [...path, i]));
    case 'map': {
      if (j === null || j === undefined) return {};
      if (!isJsonObject(j)) throw new CodecError('expected a JSON object of blocks', path);
      const out: ObjectValue = {};
      for (const [k, x] of Object.entries(j)) out[k] = decodeJsonBlock(nb.block, x, [...path, k]);
      return out;
    }
  }
}

/** Decode DynamicValue.json / RawState.json bytes against a block (lenient, numbers exact). */
export function decodeJsonObject(block: Block, bytes: Uint8Array | string | null | undefined): ObjectValue | null {
  if (bytes === null || bytes === undefined || bytes.length === 0) return null;
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return decodeJsonBlock(block, parseJsonExact(text));
}
