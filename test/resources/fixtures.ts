// Fixtures for the resource unit tests: PEM documents (a real EC key; a certificate-shaped block whose
// body is arbitrary DER-like bytes: only the armour is checked) and config builders.

import { generateKeyPairSync } from 'node:crypto';

const wrap = (b64: string) => (b64.match(/.{1,64}/g) ?? []).join('\n');

export const KEY_PEM = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
export const RSA_KEY_PEM = KEY_PEM.replace(/PRIVATE KEY/g, 'RSA PRIVATE KEY');
export const ENCRYPTED_KEY_PEM = KEY_PEM.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY');

function fakeCert(seed: number): string {
  const bytes = Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 31 + seed * 7) & 0xff));
  return `-----BEGIN CERTIFICATE-----\n${wrap(bytes.toString('base64'))}\n-----END CERTIFICATE-----\n`;
}

export const CERT_PEM = fakeCert(1);
export const CHAIN_PEM = `${fakeCert(1)}${fakeCert(2)}`;
export const OTHER_CERT_PEM = fakeCert(3);

/** The same certificate re-wrapped at 76 columns with CRLF line ends and no trailing newline. */
export function rewrapped(pem: string): string {
  return pem
    .trim()
    .split('\n')
    .reduce<string[]>((acc, l) => {
      if (l.startsWith('-----')) acc.push(l);
      else if (acc.length && !acc[acc.length - 1]!.startsWith('-----')) acc[acc.length - 1] += l;
      else acc.push(l);
      return acc;
    }, [])
    .flatMap((l) => (l.startsWith('-----') ? [l] : (l.match(/.{1,76}/g) ?? [])))
    .join('\r\n');
}
