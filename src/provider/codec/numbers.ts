// Number handling. Terraform numbers are arbitrary-precision decimals; on the msgpack wire they
// are an int (fits int64/uint64), a float64 (exact, non-integral) or a decimal string (anything
// else), and Terraform compares them by their shortest decimal text (PROTOCOL-NOTES §4.2).
// A uint64 beyond 2^53 squeezed through a JS double comes back changed and is rejected as an
// invalid plan, so such values stay BigNum (decimal text) and are re-encoded as they came.

import { BigNum } from '../values';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

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

/** msgpack wire form of a number: small ints as number, 64-bit ints as bigint, else float64 or decimal text. */
export function numberToWire(v: number | BigNum | bigint): number | bigint | string {
  if (typeof v === 'bigint') return v >= INT64_MIN && v <= UINT64_MAX ? v : v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new RangeError('NaN is not a Terraform number');
    if (!Number.isFinite(v)) return v; // cty allows infinities; msgpack float64 carries them
    if (Number.isInteger(v)) {
      // @msgpack/msgpack (useBigInt64) would write ints beyond 32 bits as float64; keep them ints.
      if (v >= -0x80000000 && v <= 0xffffffff) return v;
      const b = BigInt(v);
      return b >= INT64_MIN && b <= UINT64_MAX ? b : b.toString();
    }
    return v;
  }
  const text = v.text.trim();
  if (/^[+-]?\d+$/.test(text)) {
    const b = BigInt(text);
    if (b >= INT64_MIN && b <= UINT64_MAX) return b;
  }
  return v.text;
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
