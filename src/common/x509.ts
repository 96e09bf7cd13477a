// Self-signed X.509 certificates, DER-encoded by hand and signed with node:crypto (EC P-256,
// SHA-256). Used by the provider's plugin TLS server (src/provider/cert.ts) and the emulator's
// --https (src/emulator/tls.ts). Why by hand: the `selfsigned` package costs ~125 ms per launch
// just to load its dependencies, against ~5 ms here, and Terraform starts the provider 2-5 times
// per command (docs/protocol.md "Start-up cost", "TLS certificate" item 2); and no `openssl` binary is needed.

import * as crypto from 'node:crypto';
import * as ipaddr from 'ipaddr.js';

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
const explicit = (n: number, c: Buffer) => tlv(0xa0 | n, c);
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
function time(d: Date): Buffer {
  // UTCTime (YYMMDDHHMMSSZ) before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5).
  const p = (n: number) => String(n).padStart(2, '0');
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const y = d.getUTCFullYear();
  return y < 2050 ? tlv(0x17, Buffer.from(p(y % 100) + rest, 'ascii')) : tlv(0x18, Buffer.from(String(y) + rest, 'ascii'));
}
function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}
function ipBytes(ip: string): Buffer {
  return Buffer.from(ipaddr.parse(ip).toByteArray());
}

export interface CertificateOptions {
  commonName: string;
  organization?: string;
  /** subjectAltName DNS names. */
  dnsNames: string[];
  /** subjectAltName IP addresses (IPv4 or IPv6). */
  ips?: string[];
  /** Validity from a minute before `now` (clock skew) to `days` after it. */
  days?: number;
  now?: Date;
  /**
   * Also a CA with keyUsage and serverAuth+clientAuth, like go-plugin's own certificates
   * (docs/design.md "Provider process"); otherwise a plain serverAuth certificate.
   */
  ca?: boolean;
}

export interface SelfSignedCertificate {
  der: Buffer;
  certPem: string;
  keyPem: string;
}

export function createCertificate(opts: CertificateOptions): SelfSignedCertificate {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const rdns = [set(seq(oid('2.5.4.3'), utf8(opts.commonName)))];
  if (opts.organization) rdns.push(set(seq(oid('2.5.4.10'), utf8(opts.organization))));
  const name = seq(...rdns);
  const serial = crypto.randomBytes(16);
  serial[0] = ((serial[0] as number) & 0x7f) | 0x01; // positive, non-zero leading byte
  const now = opts.now ?? new Date();
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + (opts.days ?? 365) * 86_400_000);
  const san = seq(...opts.dnsNames.map((d) => tlv(0x82, Buffer.from(d, 'ascii'))), ...(opts.ips ?? []).map((ip) => tlv(0x87, ipBytes(ip))));
  const serverAuth = oid('1.3.6.1.5.5.7.3.1');
  const exts = opts.ca
    ? [
        extension('2.5.29.17', false, san),
        // keyUsage: digitalSignature | keyEncipherment | keyCertSign = bits 0, 2, 5 -> 0xa4, 2 unused bits.
        extension('2.5.29.15', true, bitString(Buffer.from([0xa4]), 2)),
        extension('2.5.29.37', false, seq(serverAuth, oid('1.3.6.1.5.5.7.3.2'))),
        extension('2.5.29.19', true, seq(bool(true))),
      ]
    : [extension('2.5.29.17', false, san), extension('2.5.29.37', false, seq(serverAuth))];
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ecdsaWithSha256,
    name,
    seq(time(notBefore), time(notAfter)),
    name,
    spki,
    explicit(3, seq(...exts)),
  );
  const signature = crypto.sign('sha256', tbs, privateKey); // DER ECDSA-Sig-Value
  const der = seq(tbs, ecdsaWithSha256, bitString(signature));
  const certPem = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return { der, certPem, keyPem };
}
