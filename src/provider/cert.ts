// A self-signed X.509 certificate for the plugin's TLS server, DER-encoded by hand and signed
// with node:crypto. Why by hand: the `selfsigned` package costs ~125 ms per launch just to load
// its dependencies, against ~5 ms here, and Terraform starts the provider 2-5 times per command
// (PROTOCOL-NOTES §1.8, §10 item 2). What the certificate must have: a DNS SAN `localhost`
// (Terraform checks the server name `localhost` and rejects CN-only certificates, §1.2/§1.3).
// We also mark it CA + serverAuth/clientAuth like go-plugin's own certificates (DESIGN §5).

import * as crypto from 'node:crypto';

// --- minimal DER ---
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n >>>= 8;
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const octets = (b: Buffer) => tlv(0x04, b);
const bitString = (b: Buffer, unusedBits = 0) => tlv(0x03, Buffer.from([unusedBits]), b);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * (parts[0] as number) + (parts[1] as number)];
  for (const p of parts.slice(2)) {
    const stack = [p & 0x7f];
    let v = Math.floor(p / 128);
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
}
function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && ((b[i + 1] as number) & 0x80) === 0) i++;
  b = b.subarray(i);
  return tlv(0x02, (b[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}
function utcTime(d: Date): Buffer {
  // UTCTime (YYMMDDHHMMSSZ) is mandatory for dates before 2050 (RFC 5280 §4.1.2.5).
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(s, 'ascii'));
}
const explicit = (n: number, c: Buffer) => tlv(0xa0 | n, c);
function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

export interface SelfSignedCert {
  /** DER bytes: base64 (padding stripped) goes into the handshake line. */
  der: Buffer;
  certPem: string;
  keyPem: string;
}

export function createSelfSignedCert(hostname = 'localhost', now: Date = new Date()): SelfSignedCert {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), utf8(hostname))), set(seq(oid('2.5.4.10'), utf8('terraform-provider-portsip'))));
  const serial = crypto.randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f; // positive, non-zero length
  serial[0] = (serial[0] as number) | 0x01;
  // A minute of slack for clock skew; a year is far beyond one provider process's life (§1.3).
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  const san = seq(tlv(0x82, Buffer.from(hostname, 'ascii')), tlv(0x87, Buffer.from([127, 0, 0, 1])));
  const extensions = seq(
    extension('2.5.29.17', false, san),
    // keyUsage: digitalSignature | keyEncipherment | keyCertSign = bits 0, 2, 5 -> 0xa4, 2 unused bits.
    extension('2.5.29.15', true, bitString(Buffer.from([0xa4]), 2)),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.19', true, seq(bool(true))),
  );
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ecdsaWithSha256,
    name,
    seq(utcTime(notBefore), utcTime(notAfter)),
    name,
    spki,
    explicit(3, extensions),
  );
  const signature = crypto.sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value
  const der = seq(tbs, ecdsaWithSha256, bitString(signature));
  const b64 = der.toString('base64');
  const certPem = `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { der, certPem, keyPem };
}
