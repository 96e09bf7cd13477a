// --https with a hand-built self-signed certificate, or a given one.
import * as https from 'node:https';
import { X509Certificate } from 'node:crypto';
import { startEmulator } from '../../src/emulator';
import { selfSignedCert } from '../../src/emulator/tls';

function post(url: string, ca: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: data }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

test('generated certificate: valid X.509 with SANs, verified by a TLS client', async () => {
  const emu = await startEmulator({ https: true });
  try {
    expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api$/);
    const x = new X509Certificate(emu.certificate!);
    expect(x.subjectAltName).toContain('DNS:localhost');
    expect(x.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x.verify(x.publicKey)).toBe(true); // self-signed
    const r = await post(`${emu.url}/auth/sign_in`, emu.certificate!, { username: 'admin', password: 'admin123' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).access_token).toBeTruthy();
    // an untrusting client refuses it
    await expect(post(`${emu.url}/auth/sign_in`, '', {})).rejects.toThrow();
  } finally {
    await emu.close();
  }
});

test('a given certificate and key are served', async () => {
  const given = selfSignedCert({ commonName: 'given' });
  const emu = await startEmulator({ https: true, cert: given.cert, key: given.key });
  try {
    expect(emu.certificate).toBe(given.cert);
    const r = await post(`${emu.url}/auth/sign_in`, given.cert, { username: 'admin', password: 'admin123' });
    expect(r.status).toBe(200);
  } finally {
    await emu.close();
  }
});
