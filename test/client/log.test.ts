import { MockAgent } from 'undici';
import { PortsipClient, REDACTED, redact } from '../../src/client';
import { ORIGIN, PASSWORD, harness, json, parseReq, type Req } from './helpers';

const DEALER_PASSWORD = 'Dealer-Pa55-Secret';
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-SECRET\n-----END PRIVATE KEY-----';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE-CERT\n-----END CERTIFICATE-----';
const ACCESS_1 = 'ACC-ONE-0123456789ABCDEF';
const REFRESH_1 = 'REF-ONE-0123456789ABCDEF';
const ACCESS_2 = 'ACC-TWO-0123456789ABCDEF';
const REFRESH_2 = 'REF-TWO-0123456789ABCDEF';
const SBC_TOKEN = 'SBC-TOKEN-FEDCBA9876543210';
const SECRETS = [
  PASSWORD,
  DEALER_PASSWORD,
  PRIVATE_KEY,
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-SECRET',
  ACCESS_1,
  REFRESH_1,
  ACCESS_2,
  REFRESH_2,
  SBC_TOKEN,
  'Old-Pass-1',
  'New-Pass-2',
];

function handler(r: Req) {
  if (r.path === '/auth/sign_in')
    return json(200, { token_type: 'Bearer', access_token: ACCESS_1, refresh_token: REFRESH_1, expires_in: 100 });
  if (r.path === '/auth/refresh_token')
    return json(200, { token_type: 'Bearer', access_token: ACCESS_2, refresh_token: REFRESH_2, expires_in: 100 });
  if (r.path === '/dealers' && r.method === 'POST') return json(201, { id: 'D1' });
  if (r.path === '/key' && r.method === 'GET') return json(200, { crt: CERT, key: PRIVATE_KEY });
  if (r.path === '/sbc/token') return json(200, { token: SBC_TOKEN });
  if (r.path === '/dealers/D1/password')
    return json(400, { errors: [{ code: 'VALIDATE_FAILED', message: 'password too short', detail: { field: 'password' } }] });
  return json(r.method === 'POST' ? 200 : 200, r.method === 'GET' ? {} : undefined);
}

describe('debug log', () => {
  test('no secret reaches the logger over sign-in, dealer create, certificate update, refresh, tokens, errors', async () => {
    const h = harness(handler, { retry: { maxAttempts: 1 } });
    await h.client.signIn();
    await h.client.dealers.create({ name: 'acme', password: DEALER_PASSWORD, level: 'RESELLER', max_tenants: 1, max_extensions: 1 });
    await h.client.certificate.update({ crt: CERT, key: PRIVATE_KEY });
    await h.client.certificate.get();
    h.clock.t += 90_000; // past 80 % of 100 s
    await h.client.sbc.regenerateToken();
    await h.client.adminProfile.changePassword('Old-Pass-1', 'New-Pass-2');
    await h.client.dealers.resetPassword('D1', DEALER_PASSWORD).catch(() => undefined);
    await h.client.signOut();

    expect(h.requests.some((r) => r.path === '/auth/refresh_token')).toBe(true);
    const text = h.logs.map((l) => `${l.message} ${JSON.stringify(l.fields)}`).join('\n');
    for (const s of SECRETS) expect(text).not.toContain(s);
    // ...and the log is still useful: methods, paths, statuses, durations, redaction markers.
    const responses = h.logs.filter((l) => l.message === 'http.response');
    expect(responses.length).toBeGreaterThanOrEqual(8);
    for (const r of responses)
      expect(r.fields).toEqual(
        expect.objectContaining({
          method: expect.any(String),
          path: expect.any(String),
          status: expect.any(Number),
          durationMs: expect.any(Number),
        }),
      );
    expect(text).toContain(REDACTED);
    const create = h.logs.find((l) => l.message === 'http.request' && l.fields.path === '/dealers' && l.fields.body !== undefined)!;
    expect(create.fields.body).toEqual({ name: 'acme', password: REDACTED, level: 'RESELLER', max_tenants: 1, max_extensions: 1 });
  });

  test('PORTSIP_LOG=debug writes JSON lines to stderr and nothing to stdout', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get(ORIGIN)
      .intercept({ path: () => true, method: () => true })
      .reply((o) => {
        const r = parseReq(o);
        return r.path === '/auth/sign_in'
          ? {
              statusCode: 200,
              data: JSON.stringify({ access_token: ACCESS_1, refresh_token: REFRESH_1, expires_in: 3600 }),
              responseOptions: { headers: { 'content-type': 'application/json' } },
            }
          : { statusCode: 201, data: JSON.stringify({ id: 'D1' }), responseOptions: { headers: { 'content-type': 'application/json' } } };
      })
      .persist();
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const prev = process.env.PORTSIP_LOG;
    process.env.PORTSIP_LOG = 'debug';
    try {
      const client = new PortsipClient({ endpoint: ORIGIN, username: 'admin', password: PASSWORD, dispatcher: agent });
      await client.dealers.create({ name: 'acme', password: DEALER_PASSWORD, level: 'RESELLER', max_tenants: 1, max_extensions: 1 });
      expect(out).not.toHaveBeenCalled();
      const lines = err.mock.calls.map((c) => String(c[0]));
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) {
        const rec = JSON.parse(line);
        expect(rec).toMatchObject({ level: 'debug', component: 'portsip-client' });
        for (const s of SECRETS) expect(line).not.toContain(s);
      }
    } finally {
      if (prev === undefined) delete process.env.PORTSIP_LOG;
      else process.env.PORTSIP_LOG = prev;
      out.mockRestore();
      err.mockRestore();
    }
  });

  test('redact() covers nested secrets, arrays and the documented key pattern', () => {
    const input = {
      name: 'acme',
      cdr_event: { url: 'https://hooks', password: 'p', token: 't', username: 'u' },
      stir_shaken_key: 'k',
      stir_shaken_cert: 'c',
      crt: 'x',
      items: [{ access_token: 'a', Authorization: 'Bearer z' }],
      otp: '123456',
      code: '654321',
      client_secret: 's',
      refresh_token: null,
    };
    expect(redact(input)).toEqual({
      name: 'acme',
      cdr_event: { url: 'https://hooks', password: REDACTED, token: REDACTED, username: 'u' },
      stir_shaken_key: REDACTED,
      stir_shaken_cert: 'c',
      crt: REDACTED,
      items: [{ access_token: REDACTED, Authorization: REDACTED }],
      otp: REDACTED,
      code: REDACTED,
      client_secret: REDACTED,
      refresh_token: null,
    });
  });

  test('a throwing logger never breaks a call', async () => {
    const h = harness(handler, {
      logger: {
        debug: () => {
          throw new Error('logger down');
        },
      },
    });
    await expect(h.client.network.get()).resolves.toEqual({});
  });
});
