// A self-signed TLS certificate for --https (src/common/x509.ts builds it; no openssl needed):
// ECDSA P-256, SHA-256, SAN localhost/127.0.0.1/::1, one year by default.
import { X509Certificate } from 'node:crypto';
import { createCertificate } from '../common/x509';

export interface SelfSigned {
  cert: string;
  key: string;
}

export function selfSignedCert(opts: { commonName?: string; dnsNames?: string[]; ips?: string[]; days?: number } = {}): SelfSigned {
  const { certPem, keyPem } = createCertificate({
    commonName: opts.commonName ?? 'PortSIP API emulator',
    dnsNames: opts.dnsNames ?? ['localhost'],
    ips: opts.ips ?? ['127.0.0.1', '::1'],
    days: opts.days ?? 365,
  });
  new X509Certificate(certPem); // parse check: throws if the DER is malformed
  return { cert: certPem, key: keyPem };
}
