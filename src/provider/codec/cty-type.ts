// cty types as Terraform puts them on the wire: Schema.Attribute.type holds the type's JSON
// encoding as bytes, and a dynamic value carries its concrete type the same way
// (docs/protocol.md "Type JSON", "Dynamic values").
//
// CtyType is a superset of the schema model's AttrType: a dynamic value may have a concrete type
// that no schema attribute declares (tuples; objects with optional-attribute markers in type
// constraints), so decoding must accept it and encoding must be able to write it back unchanged.

import type { AttrType } from '../schema';

export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | { list: CtyType }
  | { set: CtyType }
  | { map: CtyType }
  | { object: Record<string, CtyType>; optional?: string[] }
  | { tuple: CtyType[] };

export class CtyTypeError extends Error {
  override name = 'CtyTypeError';
}

/** The JSON value (not text) of a type: "string", ["list","string"], ["object",{...}], ... */
export function ctyTypeToJsonValue(t: CtyType | AttrType): unknown {
  if (typeof t === 'string') return t;
  if ('list' in t) return ['list', ctyTypeToJsonValue(t.list)];
  if ('set' in t) return ['set', ctyTypeToJsonValue(t.set)];
  if ('map' in t) return ['map', ctyTypeToJsonValue(t.map)];
  if ('tuple' in t) return ['tuple', t.tuple.map(ctyTypeToJsonValue)];
  if ('object' in t) {
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries<CtyType | AttrType>(t.object)) attrs[k] = ctyTypeToJsonValue(v);
    const opt = (t as { optional?: string[] }).optional;
    return opt && opt.length > 0 ? ['object', attrs, [...opt]] : ['object', attrs];
  }
  throw new CtyTypeError(`not a type: ${JSON.stringify(t)}`);
}

export function encodeCtyType(t: CtyType | AttrType): string {
  return JSON.stringify(ctyTypeToJsonValue(t));
}

export function ctyTypeFromJsonValue(j: unknown): CtyType {
  if (j === 'string' || j === 'number' || j === 'bool' || j === 'dynamic') return j;
  if (Array.isArray(j) && typeof j[0] === 'string') {
    switch (j[0]) {
      case 'list':
        if (j.length === 2) return { list: ctyTypeFromJsonValue(j[1]) };
        break;
      case 'set':
        if (j.length === 2) return { set: ctyTypeFromJsonValue(j[1]) };
        break;
      case 'map':
        if (j.length === 2) return { map: ctyTypeFromJsonValue(j[1]) };
        break;
      case 'tuple':
        if (j.length === 2 && Array.isArray(j[1])) return { tuple: j[1].map(ctyTypeFromJsonValue) };
        break;
      case 'object': {
        if ((j.length === 2 || j.length === 3) && j[1] !== null && typeof j[1] === 'object' && !Array.isArray(j[1])) {
          const object: Record<string, CtyType> = {};
          for (const [k, v] of Object.entries(j[1] as Record<string, unknown>)) object[k] = ctyTypeFromJsonValue(v);
          if (j.length === 3) {
            if (!Array.isArray(j[2]) || !j[2].every((x) => typeof x === 'string')) break;
            return { object, optional: j[2] };
          }
          return { object };
        }
        break;
      }
    }
  }
  throw new CtyTypeError(`unsupported cty type JSON: ${JSON.stringify(j)}`);
}

export function decodeCtyType(text: string | Uint8Array): CtyType {
  const s = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  let j: unknown;
  try {
    j = JSON.parse(s);
  } catch {
    throw new CtyTypeError(`cty type is not JSON: ${s.slice(0, 200)}`);
  }
  return ctyTypeFromJsonValue(j);
}
