import { ConfigurationError, PortsipClient, clientOptionsFromEnv, normaliseEndpoint } from '../../src/client';
import { Semaphore, SlidingWindowLimiter } from '../../src/client/limits';
import { harness, json, withAuth } from './helpers';

describe('endpoint and options', () => {
  test.each([
    ['https://pbx.example.com:8887/api', 'https://pbx.example.com:8887', '/api'],
    ['https://pbx.example.com:8887/api/', 'https://pbx.example.com:8887', '/api'],
    ['https://pbx.example.com:8887', 'https://pbx.example.com:8887', '/api'],
    ['https://pbx.example.com:8887/', 'https://pbx.example.com:8887', '/api'],
    ['pbx.example.com:8887', 'https://pbx.example.com:8887', '/api'],
    ['http://127.0.0.1:8887/portsip/api', 'http://127.0.0.1:8887', '/portsip/api'],
    ['https://proxy.example.com/pbx', 'https://proxy.example.com', '/pbx/api'],
  ])('%s', (input, origin, basePath) => {
    expect(normaliseEndpoint(input)).toEqual({ origin, basePath });
  });

  test.each(['', 'ftp://pbx/api', 'https://user:pw@pbx/api', 'https://pbx/api?x=1'])('rejects %j', (input) => {
    expect(() => normaliseEndpoint(input)).toThrow(ConfigurationError);
  });

  test('clientOptionsFromEnv reads the three variables; the constructor never reads them', () => {
    const env = { PORTSIP_ENDPOINT: 'https://pbx:8887/api', PORTSIP_USERNAME: 'admin', PORTSIP_PASSWORD: 'pw', OTHER: 'x' };
    expect(clientOptionsFromEnv(env)).toEqual({ endpoint: 'https://pbx:8887/api', username: 'admin', password: 'pw' });
    expect(clientOptionsFromEnv({})).toEqual({});
    const prev = process.env.PORTSIP_ENDPOINT;
    process.env.PORTSIP_ENDPOINT = 'https://from-env:8887/api';
    try {
      expect(() => new PortsipClient({ endpoint: '' })).toThrow(ConfigurationError);
    } finally {
      if (prev === undefined) delete process.env.PORTSIP_ENDPOINT;
      else process.env.PORTSIP_ENDPOINT = prev;
    }
  });

  test('TLS options: caCertPem must be PEM; insecureSkipVerify is opt-in', async () => {
    expect(() => new PortsipClient({ endpoint: 'https://pbx', caCertPem: 'not a pem' })).toThrow(/PEM/);
    const c = new PortsipClient({
      endpoint: 'https://pbx',
      caCertPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      insecureSkipVerify: true,
    });
    await c.close();
  });

  test('numeric options must be positive', () => {
    expect(() => new PortsipClient({ endpoint: 'https://pbx', maxConcurrency: 0 })).toThrow(ConfigurationError);
    expect(() => new PortsipClient({ endpoint: 'https://pbx', requestTimeoutMs: -1 })).toThrow(ConfigurationError);
  });

  test('dataflowPath is configurable', async () => {
    const h = harness(
      withAuth(() => json(200, { public_ipv4: '203.0.113.5' })),
      { dataflowPath: '/api/data_flow/' },
    );
    await h.client.dataflow.get();
    await h.client.dataflow.update({ public_ipv4: '203.0.113.6' });
    expect(h.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /data_flow', 'POST /data_flow']);
  });

  test('ids are path-encoded (opaque base64 may contain / + =)', async () => {
    const h = harness(withAuth(() => json(200, {})));
    await h.client.tenants.get('ab/c+d=');
    expect(h.apiRequests()[0]!.rawPath).toBe('/api/tenants/ab%2Fc%2Bd%3D');
  });

  test('user agent is configurable', async () => {
    const h = harness(
      withAuth(() => json(200, {})),
      { userAgent: 'my-tool/1.0' },
    );
    await h.client.network.get();
    expect(h.apiRequests()[0]!.headers['user-agent']).toBe('my-tool/1.0');
  });
});

describe('client-side limits', () => {
  test('maxRequestsPerMinute: the 4th request in a minute waits for the window (61 s) to slide', async () => {
    const h = harness(
      withAuth(() => json(200, {})),
      { maxRequestsPerMinute: 3 },
    );
    await h.client.signIn(); // 1
    await h.client.network.get(); // 2
    h.clock.t += 10_000;
    await h.client.network.get(); // 3
    expect(h.sleeps).toEqual([]);
    await h.client.network.get(); // 4: waits until the first falls out of the window
    expect(h.sleeps).toEqual([51_000]); // a minute plus the 1 s margin (RATE_WINDOW_MS) after the first
    expect(h.requests).toHaveLength(4);
  });

  test('SlidingWindowLimiter never allows more than N per window', async () => {
    let t = 0;
    const sent: number[] = [];
    const lim = new SlidingWindowLimiter(
      5,
      1000,
      () => t,
      async (ms) => {
        t += ms;
      },
    );
    for (let i = 0; i < 23; i++) {
      await lim.acquire();
      sent.push(t);
      t += 37;
    }
    for (const s of sent) expect(sent.filter((x) => x > s - 1000 && x <= s).length).toBeLessThanOrEqual(5);
  });

  test('Semaphore caps concurrency', async () => {
    const sem = new Semaphore(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        sem.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(sem.inUse).toBe(0);
  });

  test('maxConcurrency caps in-flight HTTP requests', async () => {
    const { MockAgent } = await import('undici');
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://pbx.test:8887');
    pool.intercept({ path: '/api/auth/sign_in', method: 'POST' }).reply(200, { access_token: 'A', expires_in: 3600 });
    pool.intercept({ path: '/api/network', method: 'GET' }).reply(200, {}).delay(20).persist();
    const client = new PortsipClient({
      endpoint: 'https://pbx.test:8887',
      username: 'u',
      password: 'p',
      dispatcher: agent,
      maxConcurrency: 2,
    });
    await client.signIn();
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, client.http['semaphore'].inUse)), 1);
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => client.network.get()));
    clearInterval(timer);
    expect(peak).toBeLessThanOrEqual(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55); // 3 waves of 20 ms
  });
});
