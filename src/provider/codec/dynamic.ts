// Dynamic ("any type") values carry their concrete cty type on the wire: msgpack
// [type JSON as bin, value], state JSON {"value":…,"type":…} (docs/protocol.md "Dynamic values").
// Our Value model has no slot for a type, so the decoder attaches the concrete type to arrays and
// objects under a non-enumerable symbol, and the encoder writes it back unchanged: a list echoed as
// a tuple (or an object as a map) would not equal the config value and Terraform would reject the
// plan. Primitives need no tag (their type follows from the JS type); an untagged array/object (e.g.
// built by a resource, or copied with a spread) falls back to inference: tuple / object, which is
// what an HCL literal `[…]` / `{…}` is.

import { BigNum, UNKNOWN, type Value } from '../values';
import type { CtyType } from './cty-type';

export const CTY_TYPE: unique symbol = Symbol.for('terraform-provider-portsip.cty-type');

type Tagged = { [CTY_TYPE]?: CtyType };

/** Attach a concrete cty type to an array/object value held by a dynamic attribute. */
export function withCtyType<T extends Value>(value: T, type: CtyType): T {
  if (value !== null && typeof value === 'object' && !(value instanceof BigNum)) {
    Object.defineProperty(value, CTY_TYPE, { value: type, enumerable: false, configurable: true, writable: true });
  }
  return value;
}

export function taggedCtyType(value: Value): CtyType | undefined {
  if (value !== null && typeof value === 'object' && !(value instanceof BigNum)) return (value as Tagged)[CTY_TYPE];
  return undefined;
}

/** The concrete type of a known, non-null value of a dynamic attribute. */
export function inferCtyType(value: Value): CtyType {
  const tagged = taggedCtyType(value);
  if (tagged) return tagged;
  if (value === null || value === UNKNOWN) return 'dynamic';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || value instanceof BigNum) return 'number';
  if (Array.isArray(value)) return { tuple: value.map(inferCtyType) };
  const object: Record<string, CtyType> = {};
  for (const [k, v] of Object.entries(value)) object[k] = inferCtyType(v);
  return { object };
}
