import * as crypto from 'node:crypto';
import { createSelfSignedCert } from '../../src/provider/cert';

test('hand-built certificate parses, is self-signed, and has DNS SAN localhost', () => {
  const now = new Date();
  const c = createSelfSignedCert('localhost', now);
  const x = new crypto.X509Certificate(c.der);
  expect(x.subjectAltName).toContain('DNS:localhost');
  expect(x.subject).toContain('CN=localhost');
  expect(x.verify(x.publicKey)).toBe(true);
  expect(x.checkIssued(x)).toBe(true);
  expect(x.ca).toBe(true);
  expect(x.publicKey.asymmetricKeyType).toBe('ec');
  expect(x.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  expect(x.checkHost('localhost')).toBe('localhost');
  expect(new Date(x.validFrom).getTime()).toBeLessThan(now.getTime());
  expect(new Date(x.validTo).getTime()).toBeGreaterThan(now.getTime() + 300 * 24 * 3600_000);
  // PEM forms load too (the TLS server gets the PEM)
  expect(new crypto.X509Certificate(c.certPem).fingerprint256).toBe(x.fingerprint256);
  const key = crypto.createPrivateKey(c.keyPem);
  expect(x.checkPrivateKey(key)).toBe(true);
  // fresh key and serial every time
  expect(createSelfSignedCert().der.equals(c.der)).toBe(false);
});
