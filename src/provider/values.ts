// Terraform values as the provider code sees them, after msgpack decoding (src/provider/codec).
//   null                      -> null
//   unknown (msgpack ext)     -> UNKNOWN (refinements are dropped; Terraform accepts a plain unknown back)
//   string / bool             -> string / boolean
//   number                    -> number when the JS double is exact, otherwise a BigNum keeping the
//                                decimal text (Terraform compares numbers by their shortest decimal)
//   list / set / tuple        -> Value[]
//   map / object / block      -> { [name]: Value }  (objects always carry every schema key)

export const UNKNOWN: unique symbol = Symbol.for('terraform-provider-portsip.unknown');
export type Unknown = typeof UNKNOWN;

/** A number that a JS double cannot hold exactly (e.g. 2^63, 0.1 sent as the string "0.1"). */
export class BigNum {
  constructor(public readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Value = null | Unknown | string | number | boolean | BigNum | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

/** True when v or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v !== null && typeof v === 'object' && !(v instanceof BigNum)) return Object.values(v).some(containsUnknown);
  return false;
}

/** One step of an attribute path: an attribute name, a list/set index, or a map key. */
export type PathStep = string | number | { key: string };
export type AttributePath = PathStep[];

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  path?: AttributePath;
}
