// Number handling. Terraform numbers are arbitrary-precision decimals; on the msgpack wire they
// are an int (fits int64/uint64), a float64 (exact, non-integral) or a decimal string (anything
// else), and Terraform compares them by their shortest decimal text (docs/protocol.md "Numbers").
// A uint64 beyond 2^53 squeezed through a JS double comes back changed and is rejected as an
// invalid plan, so such values stay BigNum (decimal text) and are re-encoded as they came.

import { BigNum } from '../values';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** mantissa * 10^exponent, mantissa without trailing zeros (0 has exponent 0). */
export interface Decimal {
  mantissa: bigint;
  exponent: number;
}

export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  let mantissa = BigInt((m[2] ?? '0') + frac);
  if (m[1] === '-') mantissa = -mantissa;
  let exponent = Number(m[4] ?? '0') - frac.length;
  if (!Number.isFinite(exponent)) return null;
  if (mantissa === 0n) return { mantissa: 0n, exponent: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa, exponent };
}

/** The exact rational value of a finite double: m * 2^e. */
function doubleToBinary(d: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const biased = (hi >>> 20) & 0x7ff;
  let frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) {
    e = -1074; // subnormal
  } else {
    frac |= 1n << 52n;
    e = biased - 1075;
  }
  return { m: sign * frac, e };
}

/** True when the double d equals the decimal exactly. */
function doubleEqualsDecimal(d: number, dec: Decimal): boolean {
  if (d === 0) return dec.mantissa === 0n;
  const { m, e } = doubleToBinary(d);
  // Compare m * 2^e with mantissa * 10^exponent by cross-multiplying into integers.
  let lhs = dec.mantissa;
  let rhs = m;
  if (dec.exponent >= 0) lhs *= 10n ** BigInt(dec.exponent);
  else rhs *= 10n ** BigInt(-dec.exponent);
  if (e >= 0) rhs *= 2n ** BigInt(e);
  else lhs *= 2n ** BigInt(-e);
  return lhs === rhs;
}

/**
 * A number given as decimal text (msgpack string encoding, or JSON state) as our Value:
 * a JS number when the double is exact and (if integral) a safe integer, else BigNum(text).
 */
export function numberFromText(text: string): number | BigNum {
  const dec = parseDecimal(text);
  if (!dec) throw new RangeError(`not a number: ${JSON.stringify(text)}`);
  const d = Number(text.trim());
  if (!Number.isFinite(d)) return new BigNum(text);
  if (Number.isInteger(d) && !Number.isSafeInteger(d)) return new BigNum(text);
  return doubleEqualsDecimal(d, dec) ? (Object.is(d, -0) ? 0 : d) : new BigNum(text);
}

/** A 64-bit msgpack integer decoded as bigint. */
export function numberFromBigInt(b: bigint): number | BigNum {
  const n = Number(b);
  return Number.isSafeInteger(n) && BigInt(n) === b ? n : new BigNum(b.toString());
}

/**
 * msgpack wire form of a number: always its plain decimal text (no exponent), except for the
 * infinities, which only float64 can carry.
 *
 * Why text and not msgpack ints/floats (docs/protocol.md, "Numbers and exact drift"): Terraform
 * 1.11 decides whether a `plan -refresh-only` has anything to apply by comparing the refreshed
 * state with the previous run's state with Go's reflect.DeepEqual, and that comparison reaches the
 * decoded cty values, whose numbers are *big.Float. A number read from the state file is parsed from
 * text (512-bit precision); a msgpack int or float decodes to a 64- or 53-bit big.Float. Same value,
 * different structs: every refresh of an object with a number "changed" the state, and the nightly
 * drift check exited 2 with nothing changed. Text decodes exactly as the state file does.
 */
export function numberToWire(v: number | BigNum | bigint): number | string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new RangeError('NaN is not a Terraform number');
    if (!Number.isFinite(v)) return v; // cty allows infinities; msgpack float64 carries them
    return plainDecimal(Object.is(v, -0) ? '0' : String(v));
  }
  return plainDecimal(v.text);
}

/** Decimal text without exponent or redundant zeros, as Terraform writes numbers (big.Float Text('f', -1)). */
export function plainDecimal(text: string): string {
  const dec = parseDecimal(text);
  if (!dec) throw new RangeError(`not a number: ${JSON.stringify(text)}`);
  const neg = dec.mantissa < 0n;
  let digits = (neg ? -dec.mantissa : dec.mantissa).toString();
  let out: string;
  if (dec.exponent >= 0) {
    out = dec.mantissa === 0n ? '0' : digits + '0'.repeat(dec.exponent);
  } else {
    const point = digits.length + dec.exponent;
    if (point <= 0) digits = '0'.repeat(1 - point) + digits;
    const at = digits.length + dec.exponent;
    out = `${digits.slice(0, at)}.${digits.slice(at)}`;
  }
  return neg ? `-${out}` : out;
}

/** Canonical decimal key, for comparing numbers the way Terraform does (shortest decimal text). */
export function numberKey(v: number | BigNum): string {
  const text = typeof v === 'number' ? String(v) : v.text;
  if (typeof v === 'number' && !Number.isFinite(v)) return text;
  const dec = parseDecimal(text);
  if (!dec) return text;
  return `${dec.mantissa}e${dec.exponent}`;
}

export function numbersEqual(a: number | BigNum, b: number | BigNum): boolean {
  return numberKey(a) === numberKey(b);
}
