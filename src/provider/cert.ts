// The plugin's TLS server certificate (src/common/x509.ts builds it). What it must have: a DNS SAN
// `localhost` (Terraform checks the server name `localhost` and rejects CN-only certificates,
// docs/protocol.md "Handshake", "TLS certificate"). It is also a CA with serverAuth/clientAuth like go-plugin's own
// (docs/design.md "Provider process"). A year of validity is far beyond one provider process's life ("TLS certificate").
import { createCertificate, type SelfSignedCertificate } from '../common/x509';

/** `der`: base64 of it (padding stripped) goes into the handshake line. */
export type SelfSignedCert = SelfSignedCertificate;

export function createSelfSignedCert(hostname = 'localhost', now: Date = new Date()): SelfSignedCert {
  return createCertificate({
    commonName: hostname,
    organization: 'terraform-provider-portsip',
    dnsNames: [hostname],
    ips: ['127.0.0.1'],
    now,
    ca: true,
  });
}
