// msgpack DynamicValue codec against our schema model (docs/protocol.md "Value encoding", "Nested blocks").
// Decoding: any msgpack extension is UNKNOWN (ext 0 plain, ext 12 refined: refinements dropped,
// which Terraform accepts back); 64-bit ints become BigNum beyond 2^53; decimal strings become
// number or BigNum. Encoding: objects carry exactly every schema attribute and block key (one
// missing or extra fails with "an object with N attributes is required"); UNKNOWN is `d4 00 00`;
// dynamic values are [type JSON as bin, value].

import { Decoder, Encoder, ExtData } from '@msgpack/msgpack';
import type { Block, NestedBlock } from '../schema';
import { BigNum, UNKNOWN, type ObjectValue, type Value } from '../values';
import { decodeCtyType, encodeCtyType, type CtyType } from './cty-type';
import { inferCtyType, withCtyType } from './dynamic';
import { numberFromBigInt, numberFromText, numberToWire } from './numbers';

export class CodecError extends Error {
  override name = 'CodecError';
  constructor(
    message: string,
    public readonly path: (string | number)[] = [],
  ) {
    super(path.length ? `${message} (at ${formatPath(path)})` : message);
  }
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

// Decoder/encoder instances are reusable and cheap; useBigInt64 keeps uint64/int64 exact.
let decoder: Decoder | undefined;
let encoder: Encoder | undefined;
function getDecoder(): Decoder {
  return (decoder ??= new Decoder({ useBigInt64: true }));
}
function getEncoder(): Encoder {
  return (encoder ??= new Encoder({ useBigInt64: true, ignoreUndefined: false }));
}

const UNKNOWN_EXT = new ExtData(0, new Uint8Array([0]));

/**
 * msgpack maps are built as prototype-less objects: @msgpack/msgpack encodes any object by
 * Object.keys (a JS Map would silently become an empty map), and without a prototype a map key
 * such as "__proto__" is an ordinary key.
 */
function newWireMap(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

type Raw = unknown;

function isPlainMap(raw: Raw): raw is Record<string, Raw> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && !(raw instanceof Uint8Array) && !(raw instanceof ExtData);
}

// ---------------------------------------------------------------------------------------------
// decode

export function decodeTyped(type: CtyType, raw: Raw, path: (string | number)[] = []): Value {
  if (raw instanceof ExtData) return UNKNOWN;
  if (raw === null || raw === undefined) return null;
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        if (typeof raw === 'string') return raw;
        break;
      case 'bool':
        if (typeof raw === 'boolean') return raw;
        break;
      case 'number':
        if (typeof raw === 'number') return Object.is(raw, -0) ? 0 : raw;
        if (typeof raw === 'bigint') return numberFromBigInt(raw);
        if (typeof raw === 'string') {
          try {
            return numberFromText(raw);
          } catch {
            break;
          }
        }
        break;
      case 'dynamic': {
        if (Array.isArray(raw) && raw.length === 2 && raw[0] instanceof Uint8Array) {
          const concrete = decodeCtyType(raw[0]);
          const v = decodeTyped(concrete, raw[1], path);
          return concrete === 'dynamic' ? v : withCtyType(v, concrete);
        }
        break;
      }
    }
    throw new CodecError(`expected ${type}, got ${describe(raw)}`, path);
  }
  if ('list' in type || 'set' in type) {
    const elem = 'list' in type ? type.list : type.set;
    if (!Array.isArray(raw)) throw new CodecError(`expected an array, got ${describe(raw)}`, path);
    return raw.map((r, i) => decodeTyped(elem, r, [...path, i]));
  }
  if ('tuple' in type) {
    if (!Array.isArray(raw) || raw.length !== type.tuple.length) throw new CodecError(`expected a tuple of ${type.tuple.length}`, path);
    return raw.map((r, i) => decodeTyped(type.tuple[i] as CtyType, r, [...path, i]));
  }
  if ('map' in type) {
    if (!isPlainMap(raw)) throw new CodecError(`expected a map, got ${describe(raw)}`, path);
    const out: ObjectValue = {};
    for (const [k, r] of Object.entries(raw)) out[k] = decodeTyped(type.map, r, [...path, k]);
    return out;
  }
  if ('object' in type) {
    if (!isPlainMap(raw)) throw new CodecError(`expected an object, got ${describe(raw)}`, path);
    const out: ObjectValue = {};
    for (const [k, t] of Object.entries(type.object)) out[k] = decodeTyped(t, raw[k], [...path, k]);
    return out;
  }
  throw new CodecError(`unsupported type ${JSON.stringify(type)}`, path);
}

function describe(raw: Raw): string {
  if (raw instanceof Uint8Array) return 'bytes';
  if (Array.isArray(raw)) return 'array';
  return typeof raw;
}

function emptyNested(nb: NestedBlock): Value {
  switch (nb.nesting) {
    case 'single':
      return null;
    case 'group':
      return defaultGroupObject(nb.block);
    case 'list':
    case 'set':
      return [];
    case 'map':
      return {};
  }
}

/** GROUP blocks are never null (docs/protocol.md "Nested blocks"): absent means an object whose attributes are all null. */
export function defaultGroupObject(block: Block): ObjectValue {
  const out: ObjectValue = {};
  for (const name of Object.keys(block.attributes)) out[name] = null;
  for (const [name, nb] of Object.entries(block.blocks ?? {})) out[name] = emptyNested(nb);
  return out;
}

export function decodeBlockRaw(block: Block, raw: Raw, path: (string | number)[] = []): ObjectValue | null {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof ExtData) throw new CodecError('whole object is unknown', path);
  if (!isPlainMap(raw)) throw new CodecError(`expected an object, got ${describe(raw)}`, path);
  const out: ObjectValue = {};
  for (const [name, attr] of Object.entries(block.attributes)) out[name] = decodeTyped(attr.type, raw[name], [...path, name]);
  for (const [name, nb] of Object.entries(block.blocks ?? {})) out[name] = decodeNested(nb, raw[name], [...path, name]);
  return out;
}

function decodeNested(nb: NestedBlock, raw: Raw, path: (string | number)[]): Value {
  if (raw instanceof ExtData) return UNKNOWN; // e.g. a dynamic block whose for_each is unknown
  if (raw === null || raw === undefined) return emptyNested(nb);
  switch (nb.nesting) {
    case 'single':
    case 'group':
      return decodeBlockRaw(nb.block, raw, path);
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CodecError(`expected an array of blocks, got ${describe(raw)}`, path);
      return raw.map((r, i) => (r instanceof ExtData ? UNKNOWN : decodeBlockRaw(nb.block, r, [...path, i])));
    case 'map': {
      if (!isPlainMap(raw)) throw new CodecError(`expected a map of blocks, got ${describe(raw)}`, path);
      const out: ObjectValue = {};
      for (const [k, r] of Object.entries(raw)) out[k] = r instanceof ExtData ? UNKNOWN : decodeBlockRaw(nb.block, r, [...path, k]);
      return out;
    }
  }
}

function bytesOf(buf: Uint8Array | null | undefined): Uint8Array | null {
  return buf && buf.length > 0 ? buf : null;
}

/** Decode a msgpack DynamicValue holding an object of `block` (nil or empty -> null). */
export function decodeMsgpackObject(block: Block, bytes: Uint8Array | null | undefined): ObjectValue | null {
  const b = bytesOf(bytes);
  if (!b) return null;
  return decodeBlockRaw(block, getDecoder().decode(b));
}

/** Decode a msgpack value of a given type (for tests and dynamic helpers). */
export function decodeMsgpackValue(type: CtyType, bytes: Uint8Array): Value {
  return decodeTyped(type, getDecoder().decode(bytes));
}

// ---------------------------------------------------------------------------------------------
// encode

function toWire(type: CtyType, v: Value | undefined, path: (string | number)[]): unknown {
  if (v === UNKNOWN) return UNKNOWN_EXT;
  if (v === null || v === undefined) return null;
  if (typeof type === 'string') {
    switch (type) {
      case 'string':
        if (typeof v === 'string') return v;
        break;
      case 'bool':
        if (typeof v === 'boolean') return v;
        break;
      case 'number':
        if (typeof v === 'number' || v instanceof BigNum || typeof v === 'bigint') {
          try {
            return numberToWire(v);
          } catch (e) {
            throw new CodecError((e as Error).message, path);
          }
        }
        break;
      case 'dynamic': {
        const concrete = inferCtyType(v);
        return [Buffer.from(encodeCtyType(concrete), 'utf8'), toWire(concrete, v, path)];
      }
    }
    throw new CodecError(`expected ${type}, got ${typeof v === 'object' ? (Array.isArray(v) ? 'array' : 'object') : typeof v}`, path);
  }
  if ('list' in type || 'set' in type) {
    const elem = 'list' in type ? type.list : type.set;
    if (!Array.isArray(v)) throw new CodecError('expected an array', path);
    return v.map((x, i) => toWire(elem, x, [...path, i]));
  }
  if ('tuple' in type) {
    if (!Array.isArray(v) || v.length !== type.tuple.length) throw new CodecError(`expected a tuple of ${type.tuple.length}`, path);
    return v.map((x, i) => toWire(type.tuple[i] as CtyType, x, [...path, i]));
  }
  if ('map' in type) {
    if (!isObjectValue(v)) throw new CodecError('expected a map', path);
    const m = newWireMap();
    for (const [k, x] of Object.entries(v)) m[k] = toWire(type.map, x, [...path, k]);
    return m;
  }
  if ('object' in type) {
    if (!isObjectValue(v)) throw new CodecError('expected an object', path);
    const m = newWireMap();
    for (const [k, t] of Object.entries(type.object)) m[k] = toWire(t, v[k], [...path, k]);
    return m;
  }
  throw new CodecError(`unsupported type ${JSON.stringify(type)}`, path);
}

function isObjectValue(v: Value): v is ObjectValue {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof BigNum);
}

function blockToWire(block: Block, v: Value | undefined, path: (string | number)[]): unknown {
  if (v === UNKNOWN) return UNKNOWN_EXT;
  if (v === null || v === undefined) return null;
  if (!isObjectValue(v)) throw new CodecError('expected an object', path);
  // Exactly the schema's keys, in schema order; a missing key is written as its empty value.
  const m = newWireMap();
  for (const [name, attr] of Object.entries(block.attributes)) m[name] = toWire(attr.type, v[name], [...path, name]);
  for (const [name, nb] of Object.entries(block.blocks ?? {})) m[name] = nestedToWire(nb, v[name], [...path, name]);
  return m;
}

function nestedToWire(nb: NestedBlock, v: Value | undefined, path: (string | number)[]): unknown {
  if (v === UNKNOWN) return UNKNOWN_EXT;
  if (v === null || v === undefined) v = emptyNested(nb);
  switch (nb.nesting) {
    case 'single':
    case 'group':
      return blockToWire(nb.block, v, path);
    case 'list':
    case 'set':
      if (!Array.isArray(v)) throw new CodecError('expected an array of blocks', path);
      return v.map((x, i) => blockToWire(nb.block, x, [...path, i]));
    case 'map': {
      if (!isObjectValue(v)) throw new CodecError('expected a map of blocks', path);
      const m = newWireMap();
      for (const [k, x] of Object.entries(v)) m[k] = blockToWire(nb.block, x, [...path, k]);
      return m;
    }
  }
}

/** Encode an object of `block` (null -> msgpack nil, as Terraform sends whole-object nulls). */
export function encodeMsgpackObject(block: Block, v: ObjectValue | null | undefined): Buffer {
  const u8 = getEncoder().encode(blockToWire(block, v ?? null, []));
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

export function encodeMsgpackValue(type: CtyType, v: Value): Buffer {
  const u8 = getEncoder().encode(toWire(type, v, []));
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}
