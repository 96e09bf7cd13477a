import { MockAgent, errors as undiciErrors } from 'undici';
import { ConflictError, NetworkError, PortsipClient, RateLimitedError, ServerError } from '../../src/client';
import { ORIGIN, apiError, harness, json, netError, withAuth, type Req } from './helpers';

const dealer = { name: 'acme', password: 'Dealer-Secret-123', level: 'RESELLER' as const, max_tenants: 10, max_extensions: 100 };

describe('retries and backoff', () => {
  test('429 with Retry-After seconds is honoured, then the call succeeds', async () => {
    let n = 0;
    const h = harness(
      withAuth(() => (++n === 1 ? json(429, undefined, { 'retry-after': '3' }) : json(200, { id: 'X', protocol: 'UDP', port: 5060 }))),
    );
    const t = await h.client.transports.get('X');
    expect(t.port).toBe(5060);
    expect(h.sleeps).toEqual([3000]);
    expect(h.apiRequests()).toHaveLength(2);
    expect(h.logs.some((l) => l.message === 'http.retry' && l.fields.reason === 'status:429' && l.fields.delayMs === 3000)).toBe(true);
  });

  test('429 with an HTTP-date Retry-After waits until that instant', async () => {
    let n = 0;
    const h = harness(
      withAuth(() => (++n === 1 ? json(429, undefined, { 'retry-after': new Date(h.clock.t + 5000).toUTCString() }) : json(200, {}))),
    );
    // toUTCString has 1 s resolution; the clock starts on a whole second.
    await h.client.network.get();
    expect(h.sleeps).toEqual([5000]);
  });

  test('429 without Retry-After uses full-jitter backoff; a Retry-After over the cap fails at once', async () => {
    let n = 0;
    const h = harness(withAuth(() => (++n <= 2 ? json(429) : json(200, {}))));
    await h.client.settings.get();
    // random()=0.5: 0.5*min(10000, 250*2^0)=125, then 0.5*500=250
    expect(h.sleeps).toEqual([125, 250]);

    const h2 = harness(withAuth(() => json(429, undefined, { 'retry-after': '3600' })));
    await expect(h2.client.settings.get()).rejects.toBeInstanceOf(RateLimitedError);
    expect(h2.sleeps).toEqual([]);
  });

  test('502/503/504 and resets are retried for GETs up to maxAttempts', async () => {
    const seq = [
      () => json(502),
      () => json(503),
      () => {
        throw netError('ECONNRESET');
      },
      () => json(200, { version: '22.3.0' }),
    ];
    let n = 0;
    const h = harness(withAuth(() => seq[n++]!()));
    expect((await h.client.status.get()).version).toBe('22.3.0');
    expect(h.apiRequests()).toHaveLength(4);

    let m = 0;
    const h2 = harness(
      withAuth(() => (m++, json(503))),
      { retry: { maxAttempts: 3 } },
    );
    await expect(h2.client.status.get()).rejects.toBeInstanceOf(ServerError);
    expect(m).toBe(3);
  });

  test('503 with Retry-After waits as asked', async () => {
    let n = 0;
    const h = harness(withAuth(() => (++n === 1 ? json(503, undefined, { 'retry-after': '2' }) : json(200, {}))));
    await h.client.sbc.get();
    expect(h.sleeps).toEqual([2000]);
  });

  test('500 is not retried', async () => {
    const h = harness(withAuth(() => json(500, { errors: [{ code: 'UNKNOWN', message: 'boom' }] })));
    await expect(h.client.status.get()).rejects.toBeInstanceOf(ServerError);
    expect(h.apiRequests()).toHaveLength(1);
  });

  test('an unsafe POST (test email) is not repeated after a reset, but is after a refused connection', async () => {
    const h = harness(
      withAuth(() => {
        throw netError('ECONNRESET');
      }),
    );
    await expect(h.client.notification.testEmail({ recipient: 'a@example.com', subject: 's', content: 'c' })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(h.apiRequests()).toHaveLength(1);

    let n = 0;
    const h2 = harness(
      withAuth(() => {
        if (++n === 1) throw netError('ECONNREFUSED');
        return json(200);
      }),
    );
    await h2.client.notification.testEmail({ recipient: 'a@example.com', subject: 's', content: 'c' });
    expect(h2.apiRequests()).toHaveLength(2);
  });

  test('updates (POST to the item URL) are retried after a timeout', async () => {
    let n = 0;
    const h = harness(
      withAuth(() => {
        if (++n === 1) throw new undiciErrors.HeadersTimeoutError();
        return json(200);
      }),
    );
    await h.client.tenants.update('T1', { enabled: false });
    expect(h.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /tenants/T1', 'POST /tenants/T1']);
  });

  test('a real per-attempt timeout (requestTimeoutMs) fires and is classified as ambiguous', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/api/auth/sign_in', method: 'POST' }).reply(200, { access_token: 'A', expires_in: 3600 });
    // The reply hangs longer than the timeout.
    pool.intercept({ path: '/api/admin/status', method: 'GET' }).reply(200, '{}').delay(300);
    const client = new PortsipClient({
      endpoint: ORIGIN,
      username: 'u',
      password: 'p',
      dispatcher: agent,
      requestTimeoutMs: 30,
      retry: { maxAttempts: 1 },
    });
    const started = Date.now();
    const e = (await client.status.get().catch((x: unknown) => x)) as NetworkError;
    expect(Date.now() - started).toBeLessThan(250);
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).toMatchObject({ kind: 'timeout', mayHaveReachedServer: true });
  });
});

describe('create recovery (never blindly repeated)', () => {
  test('timed-out create whose object exists: one POST, id found by natural key', async () => {
    const posts: Req[] = [];
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/dealers') {
          posts.push(r);
          throw new undiciErrors.HeadersTimeoutError(); // the server got it, we never saw the answer
        }
        if (r.method === 'GET' && r.path === '/dealers') {
          expect(r.query.filter).toBe("name eq 'acme'");
          return json(200, { count: 1, items: [{ id: 'D-EXISTING', name: 'acme', level: 'RESELLER' }] });
        }
        return json(404);
      }),
    );
    await expect(h.client.dealers.create(dealer)).resolves.toEqual({ id: 'D-EXISTING' });
    expect(posts).toHaveLength(1);
    expect(h.logs.find((l) => l.message === 'create.lookup_result')?.fields.found).toBe(true);
  });

  test('reset create, filter unsupported: falls back to listing all and matching client-side', async () => {
    let posts = 0;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/tenants') {
          posts++;
          throw netError('ECONNRESET', 'other side closed');
        }
        if (r.method === 'GET' && r.path === '/tenants') {
          if (r.query.filter) return json(400, { errors: [{ code: 'VALIDATE_FAILED', message: 'bad filter' }] });
          const all = Array.from({ length: 150 }, (_, i) => ({ id: `T${i}`, domain: `t${i}.example.com` }));
          const skip = Number(r.query.skip);
          return json(200, { count: all.length, items: all.slice(skip, skip + 100) });
        }
        return json(404);
      }),
    );
    const res = await h.client.tenants.create({ name: 'x', domain: 'T120.Example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    expect(res).toEqual({ id: 'T120' });
    expect(posts).toBe(1);
  });

  test('timed-out create whose object does not exist: looked up, then sent again', async () => {
    let posts = 0;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/transports') {
          if (++posts === 1) throw new undiciErrors.HeadersTimeoutError();
          return json(201, { id: 'TR-NEW' });
        }
        if (r.method === 'GET' && r.path === '/transports')
          return json(200, { count: 1, items: [{ id: 'TR-1', protocol: 'UDP', port: 5060 }] });
        return json(404);
      }),
    );
    await expect(h.client.transports.create({ protocol: 'TLS', port: 5061 })).resolves.toEqual({ id: 'TR-NEW' });
    expect(posts).toBe(2);
  });

  test('create answered 503 is looked up before any retry', async () => {
    let posts = 0;
    let created = false;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/ip_filters') {
          posts++;
          created = true;
          return json(503);
        }
        if (r.method === 'GET' && r.path === '/ip_filters')
          return json(200, { count: created ? 1 : 0, items: created ? [{ id: 'IP-1', cidr: '192.0.2.0/24', target: 'DENY' }] : [] });
        return json(404);
      }),
    );
    await expect(h.client.ipRules.create({ cidr: '192.0.2.0/24', target: 'DENY' })).resolves.toEqual({ id: 'IP-1' });
    expect(posts).toBe(1);
  });

  test('a create whose connection was refused is sent again without a lookup', async () => {
    let posts = 0;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && ++posts === 1) throw netError('ECONNREFUSED');
        return json(201, { id: 'TR9' });
      }),
    );
    await expect(h.client.transports.create({ protocol: 'TCP', port: 5063 })).resolves.toEqual({ id: 'TR9' });
    expect(posts).toBe(2);
    expect(h.apiRequests().filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  test('429 on create is retried without a lookup (the server refused it)', async () => {
    let posts = 0;
    const h = harness(
      withAuth((r) =>
        r.method === 'POST' ? (++posts === 1 ? json(429, undefined, { 'retry-after': '1' }) : json(201, { id: 'D1' })) : json(500),
      ),
    );
    await expect(h.client.dealers.create(dealer)).resolves.toEqual({ id: 'D1' });
    expect(posts).toBe(2);
    expect(h.apiRequests().filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  test('create retried after a timeout that then reports a duplicate resolves to the existing object', async () => {
    let posts = 0;
    let lookups = 0;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/admin/users') {
          if (++posts === 1) throw new undiciErrors.HeadersTimeoutError();
          return apiError(400, 'ALREADY_EXISTS', 'name exists');
        }
        if (r.method === 'GET' && r.path === '/admin/users') {
          // The first lookup races the slow server: nothing yet. The second finds it.
          return ++lookups <= 2 ? json(200, { count: 0, items: [] }) : json(200, { count: 1, items: [{ id: 'U1', name: 'ops' }] });
        }
        return json(404);
      }),
    );
    await expect(h.client.adminUsers.create({ name: 'ops', password: 'Ops-Secret-1', role: 'OperationsAdmin' })).resolves.toEqual({
      id: 'U1',
    });
    expect(posts).toBe(2);
  });

  test('a conflict on a first attempt is not hidden', async () => {
    const h = harness(withAuth(() => apiError(409, 'ALREADY_EXISTS', 'exists')));
    await expect(h.client.dealers.create(dealer)).rejects.toBeInstanceOf(ConflictError);
    expect(h.apiRequests()).toHaveLength(1);
  });
});

describe('destroy after an ambiguous attempt', () => {
  test('404 on the retry after a timeout counts as success', async () => {
    let n = 0;
    const h = harness(
      withAuth(() => {
        if (++n === 1) throw new undiciErrors.HeadersTimeoutError();
        return apiError(404, 'NOT_FOUND', 'Tenant not found');
      }),
    );
    await expect(h.client.tenants.delete('T1')).resolves.toBeUndefined();
    expect(h.apiRequests().map((r) => r.path)).toEqual(['/tenants/T1/destroy', '/tenants/T1/destroy']);
  });

  test('ip rule destroy: 400 "Invalid rule ID" on the retry also counts as gone (C1)', async () => {
    let n = 0;
    const h = harness(withAuth(() => (++n === 1 ? json(504) : apiError(400, 'VALIDATE_FAILED', 'Invalid rule ID supplied.'))));
    await expect(h.client.ipRules.delete('IP1')).resolves.toBeUndefined();
  });

  test('404 on a first attempt is still an error', async () => {
    const h = harness(withAuth(() => apiError(404, 'NOT_FOUND', 'Tenant not found')));
    await expect(h.client.tenants.delete('T1')).rejects.toMatchObject({ status: 404 });
  });
});
