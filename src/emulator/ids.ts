// PortSIP ids are opaque strings; the documented sample `NzAwNTUxOTA5NzczMTQ4MTYw` is standard
// base64 of the decimal snowflake "700551909773148160" (docs/portsip-api.md §2.5, tag I for the snowflake
// reading). We mint ids the same way so clients that wrongly assume a format get caught elsewhere
// but clients that treat ids as opaque strings see realistic values.
import { randomBytes } from 'node:crypto';

// 2020-01-01: keeps the decimal at 18 digits (like the sample, no base64 padding) until ~2027.
const EPOCH = 1577836800000n;
let lastMs = 0n;
let seq = 0n;
const worker = BigInt(randomBytes(1).readUInt8(0) & 0x3ff);

/** A new decimal snowflake: 41 bits of ms since EPOCH, 10 worker bits, 12 sequence bits. */
export function snowflake(): string {
  let ms = BigInt(Date.now()) - EPOCH;
  if (ms <= lastMs) {
    // Same millisecond (or clock went back): bump the sequence, borrowing the next ms on overflow.
    seq = (seq + 1n) & 0xfffn;
    if (seq === 0n) lastMs += 1n;
    ms = lastMs;
  } else {
    seq = 0n;
    lastMs = ms;
  }
  return ((ms << 22n) | (worker << 12n) | seq).toString();
}

export function encodeId(decimal: string): string {
  return Buffer.from(decimal, 'utf8').toString('base64');
}

export function newId(): string {
  return encodeId(snowflake());
}

/**
 * True when `id` has PortSIP's shape (base64 of a decimal). Used where the docs distinguish a
 * malformed id (400 "Invalid ... supplied") from an unknown one (404), e.g. tenant destroy (§4 Op 42).
 */
export function isWellFormedId(id: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return false;
  const dec = Buffer.from(id, 'base64').toString('utf8');
  return /^\d{1,20}$/.test(dec) && encodeId(dec) === id;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Opaque bearer token: 48 upper-case base64-ish characters like the docs' examples (§6.7). */
export function newToken(len = 48): string {
  const b = randomBytes(len);
  let s = '';
  for (const byte of b) s += TOKEN_ALPHABET.charAt(byte % TOKEN_ALPHABET.length);
  return s;
}
