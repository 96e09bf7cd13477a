// A self-signed TLS certificate for --https, built by hand as X.509 DER with node:crypto (no
// openssl needed): ECDSA P-256 key, SHA-256 signature, SAN localhost/127.0.0.1/::1, one year.
import { X509Certificate, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n >>= 8;
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
function int(b: Buffer): Buffer {
  return tlv(0x02, b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
}
function oid(s: string): Buffer {
  const p = s.split('.').map(Number);
  const out = [40 * p[0] + p[1]];
  for (const n of p.slice(2)) {
    const stack = [n & 0x7f];
    let v = Math.floor(n / 128);
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...stack);
  }
  return tlv(0x06, Buffer.from(out));
}
function time(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0');
  const body = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  const y = d.getUTCFullYear();
  return y < 2050 ? tlv(0x17, Buffer.from(p(y % 100) + body)) : tlv(0x18, Buffer.from(String(y) + body));
}
const name = (cn: string) => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));

function ipBytes(ip: string): Buffer {
  if (ip.includes(':')) {
    // Only the loopback forms are used here.
    const b = Buffer.alloc(16);
    if (ip === '::1') b[15] = 1;
    return b;
  }
  return Buffer.from(ip.split('.').map(Number));
}

export interface SelfSigned {
  cert: string;
  key: string;
}

export function selfSignedCert(opts: { commonName?: string; dnsNames?: string[]; ips?: string[]; days?: number } = {}): SelfSigned {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const sigAlg = seq(oid('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const now = new Date(Date.now() - 60000);
  const until = new Date(now.getTime() + (opts.days ?? 365) * 86400000);
  const dns = opts.dnsNames ?? ['localhost'];
  const ips = opts.ips ?? ['127.0.0.1', '::1'];
  const san = seq(...dns.map((d) => tlv(0x82, Buffer.from(d))), ...ips.map((ip) => tlv(0x87, ipBytes(ip))));
  const extensions = tlv(
    0xa3,
    seq(
      seq(oid('2.5.29.17'), tlv(0x04, san)), // subjectAltName
      seq(oid('2.5.29.37'), tlv(0x04, seq(oid('1.3.6.1.5.5.7.3.1')))), // extKeyUsage serverAuth
    ),
  );
  const subject = name(opts.commonName ?? 'PortSIP API emulator');
  const tbs = seq(tlv(0xa0, int(Buffer.from([2]))), int(serial), sigAlg, subject, seq(time(now), time(until)), subject, spki, extensions);
  const signature = sign('sha256', tbs, privateKey); // DER-encoded ECDSA signature
  const der = seq(tbs, sigAlg, tlv(0x03, Buffer.from([0]), signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  new X509Certificate(cert); // parse check: throws if the DER is malformed
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
