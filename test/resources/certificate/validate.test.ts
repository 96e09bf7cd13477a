// Validation of the certificate: invalid configurations (path, attribute name, bad value and what is allowed
// in every diagnostic), valid configurations and unknown values.

import { certificateSchema } from '../../../src/resources/certificate/schema';
import { validate as vCert } from '../../../src/resources/certificate/validate';
import { configBuilder, everyUnknown, type InvalidCase, NO_WO, testInvalidCases } from '../invalid-cases';
import { CERT_PEM, CHAIN_PEM, ENCRYPTED_KEY_PEM, KEY_PEM, RSA_KEY_PEM } from '../fixtures';

const cert = configBuilder(certificateSchema, { crt: CHAIN_PEM, key_wo: KEY_PEM, key_wo_version: 1 });

const cases: InvalidCase[] = [
  {
    name: 'certificate is not PEM',
    run: () => vCert(cert({ crt: 'MIIBszCCAVmgAwIBAgIU' })),
    expect: [{ path: ['crt'], contains: ['"crt"', '"MIIBszCCAVmgAwIBAgIU"', 'PEM-encoded X.509 certificate', 'no "-----BEGIN ...-----"'] }],
  },
  {
    name: 'certificate closed by the wrong END',
    run: () => vCert(cert({ crt: CERT_PEM.replace('END CERTIFICATE', 'END CERT') })),
    expect: [{ path: ['crt'], contains: ['"crt"', 'closed by "-----END CERT-----"'] }],
  },
  {
    name: 'certificate with a broken base64 body',
    run: () => vCert(cert({ crt: CERT_PEM.replace(/\n([A-Za-z0-9+/]{10})/, '\n$1!!') })),
    expect: [{ path: ['crt'], contains: ['"crt"', 'not valid base64'] }],
  },
  {
    name: 'encrypted private key',
    run: () => vCert(cert({ key_wo: ENCRYPTED_KEY_PEM })),
    expect: [{ path: ['key_wo'], contains: ['"key_wo"', 'unencrypted private key', 'encrypted with a passphrase', 'not shown'] }],
  },
  {
    name: 'key and certificate swapped',
    run: () => vCert(cert({ crt: KEY_PEM, key_wo: CERT_PEM })),
    expect: [
      { path: ['crt'], contains: ['"crt"', 'contains a private key'] },
      { path: ['key_wo'], contains: ['"key_wo"', 'are the certificate and key swapped'] },
    ],
  },
  {
    name: 'certificate key version without a key',
    run: () => vCert(cert({ key_wo: null, key_wo_version: 2 })),
    expect: [{ path: ['key_wo_version'], contains: ['"key_wo_version" requires "key_wo"'] }],
  },
  {
    name: 'two keys in the key attribute',
    run: () => vCert(cert({ key_wo: `${KEY_PEM}${RSA_KEY_PEM}` })),
    expect: [
      {
        path: ['key_wo'],
        contains: ['"key_wo"', 'has 2 PEM blocks', 'private key only'],
        notContains: [KEY_PEM.split('\n')[1]!.slice(0, 20)],
      },
    ],
  },
  {
    name: 'certificate write-only key before Terraform 1.11',
    run: () => vCert(cert(), NO_WO),
    expect: [{ path: ['key_wo'], contains: ['"key_wo" is write-only', 'Upgrade Terraform'] }],
  },
];

testInvalidCases(cases);

describe('valid configurations produce no errors', () => {
  test('certificate: chain with write-only key, RSA key, no key (imported, unchanged), CRLF line ends', () => {
    expect(vCert(cert())).toEqual([]);
    expect(vCert(cert({ key_wo: RSA_KEY_PEM }))).toEqual([]);
    expect(vCert(cert({ key_wo: null, key_wo_version: null }))).toEqual([]);
    expect(vCert(cert({ crt: CHAIN_PEM.replace(/\n/g, '\r\n'), key_wo_version: null }))).toEqual([]);
  });
});

describe('unknown values are skipped', () => {
  test('certificate with every argument unknown', () => {
    expect(vCert(everyUnknown(certificateSchema))).toEqual([]);
  });
});
