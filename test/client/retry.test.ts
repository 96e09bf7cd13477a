import { MockAgent, errors as undiciErrors } from 'undici';
import {
  AbortedError,
  AlreadyExistsError,
  ConflictError,
  DuplicateCreatedError,
  NetworkError,
  PortsipClient,
  RateLimitedError,
  ServerError,
} from '../../src/client';
import { ORIGIN, apiError, harness, json, netError, withAuth, type Res } from './helpers';

const dealer = { name: 'acme', password: 'Dealer-Secret-123', level: 'RESELLER' as const, max_tenants: 10, max_extensions: 100 };

describe('retries and backoff', () => {
  test('429 with Retry-After seconds is honoured, then the call succeeds', async () => {
    let n = 0;
    const h = harness(
      withAuth(() => (++n === 1 ? json(429, undefined, { 'retry-after': '3' }) : json(200, { id: 'X', protocol: 'UDP', port: 5060 }))),
    );
    const t = await h.client.transports.get('X');
    expect(t.port).toBe(5060);
    // Retry-After plus jitter (random() = 0.5 of half the wait), so a burst's victims do not return together.
    expect(h.sleeps).toEqual([3750]);
    expect(h.apiRequests()).toHaveLength(2);
    expect(h.logs.some((l) => l.message === 'http.retry' && l.fields.reason === 'status:429' && l.fields.delayMs === 3750)).toBe(true);
  });

  test('429 with an HTTP-date Retry-After waits until that instant', async () => {
    let n = 0;
    const h = harness(
      withAuth(() => (++n === 1 ? json(429, undefined, { 'retry-after': new Date(h.clock.t + 5000).toUTCString() }) : json(200, {}))),
    );
    // toUTCString has 1 s resolution; the clock starts on a whole second.
    await h.client.network.get();
    expect(h.sleeps).toEqual([6250]);
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
    expect(h.sleeps).toEqual([2500]);
  });

  test('500 is retried like 502-504 (PortSIP answers 500 for transient faults)', async () => {
    let n = 0;
    const h = harness(withAuth(() => (++n <= 2 ? json(500, { errors: [{ code: 'UNKNOWN', message: 'boom' }] }) : json(200, {}))));
    await h.client.status.get();
    expect(h.apiRequests()).toHaveLength(3);
  });

  test('retries stop when the next wait would end after the operation budget', async () => {
    const h = harness(
      withAuth(() => json(503)),
      { retry: { maxAttempts: 100, budgetMs: 10_000, baseDelayMs: 1000, maxDelayMs: 8000 } },
    );
    const t0 = h.clock.t;
    await expect(h.client.status.get()).rejects.toBeInstanceOf(ServerError);
    // random()=0.5: waits 500, 1000, 2000, 4000 (7.5 s); the next (4000) would end at 11.5 s > 10 s.
    expect(h.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(h.clock.t - t0).toBeLessThanOrEqual(10_000);
    expect(h.logs.some((l) => l.message === 'http.budget_exhausted')).toBe(true);
  });

  test('a refused connection is retried only briefly; an unknown host not at all', async () => {
    const h = harness(
      withAuth(() => {
        throw netError('ECONNREFUSED');
      }),
      { retry: { maxAttempts: 100, notSentBudgetMs: 3000 } },
    );
    await expect(h.client.status.get()).rejects.toMatchObject({ kind: 'refused' });
    expect(h.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(3000 + 10_000);
    expect(h.apiRequests().length).toBeLessThan(10);

    const h2 = harness(
      withAuth(() => {
        throw netError('ENOTFOUND');
      }),
    );
    await expect(h2.client.status.get()).rejects.toMatchObject({ kind: 'dns', temporary: false });
    expect(h2.apiRequests()).toHaveLength(1);
  });

  test('the stop signal ends a backoff sleep at once with AbortedError', async () => {
    const stop = new AbortController();
    const h = harness(
      withAuth(() => json(503)),
      {
        signal: stop.signal,
        sleep: (ms, signal) =>
          new Promise((resolve, reject) => {
            const t = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => {
              clearTimeout(t);
              reject(signal.reason);
            });
          }),
        retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      },
    );
    const started = Date.now();
    const p = h.client.status.get().catch((x: unknown) => x);
    setTimeout(() => stop.abort(new Error('stop')), 50);
    const e = await p;
    expect(e).toBeInstanceOf(AbortedError);
    expect(Date.now() - started).toBeLessThan(5000);
    // Nothing more is sent once stopped.
    await expect(h.client.status.get()).rejects.toBeInstanceOf(AbortedError);
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

/**
 * A fake collection for create recovery: `items` is what the PBX holds; a POST runs `onPost`, which
 * may add the object (it landed) and then fail the answer (timeout, reset, 5xx) or answer normally.
 */
function pbx(path: string, onPost: (n: number, items: Array<Record<string, unknown>>) => Res) {
  const items: Array<Record<string, unknown>> = [];
  let posts = 0;
  const handler = withAuth((r) => {
    if (r.method === 'POST' && r.path === path) return onPost(++posts, items);
    if (r.method === 'GET' && r.path === path) return json(200, { count: items.length, items: [...items] });
    return json(404);
  });
  return { items, handler, posts: () => posts };
}
const timeout = (): never => {
  throw new undiciErrors.HeadersTimeoutError(); // the server got it, we never saw the answer
};

describe('creates neither duplicate nor adopt', () => {
  test('our late object: a timed-out create that landed is found by its key and returned, with ONE POST', async () => {
    const p = pbx('/dealers', (_n, items) => {
      items.push({ id: 'D-OURS', name: 'acme', level: 'RESELLER' });
      return timeout();
    });
    const h = harness(p.handler, { requestTimeoutMs: 5000 });
    await expect(h.client.dealers.create(dealer)).resolves.toEqual({ id: 'D-OURS' });
    expect(p.posts()).toBe(1);
    // The look-up before the create found nothing; the one after found ours.
    expect(h.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /dealers', 'POST /dealers', 'GET /dealers']);
  });

  test("someone else's existing object: the create is refused before sending, never adopted", async () => {
    const p = pbx('/dealers', () => json(201, { id: 'D-NEW' }));
    p.items.push({ id: 'D-THEIRS', name: 'acme', level: 'RESELLER' });
    const h = harness(p.handler);
    const e = (await h.client.dealers.create(dealer).catch((x: unknown) => x)) as AlreadyExistsError;
    expect(e).toBeInstanceOf(AlreadyExistsError);
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.existingIds).toEqual(['D-THEIRS']);
    expect(p.posts()).toBe(0);
  });

  test('a timed-out create that did not land is looked for longer than the request timeout, then sent again', async () => {
    const p = pbx('/transports', (n, items) => {
      if (n === 1) return timeout();
      items.push({ id: 'TR-NEW', protocol: 'TLS', port: 5061 });
      return json(201, { id: 'TR-NEW' });
    });
    const h = harness(p.handler, { requestTimeoutMs: 5000, retry: { settleMarginMs: 2000 } });
    const t0 = h.clock.t;
    await expect(h.client.transports.create({ protocol: 'TLS', port: 5061 })).resolves.toEqual({ id: 'TR-NEW' });
    expect(p.posts()).toBe(2);
    // Waits of 1, 2, 4 s then the rest: at least request timeout + margin before the second POST.
    expect(h.sleeps).toEqual([1000, 2000, 4000]);
    expect(h.clock.t - t0).toBeGreaterThanOrEqual(7000);
    // After the re-send, one more look-up checks for a late duplicate: none.
    const gets = h.apiRequests().filter((r) => r.method === 'GET');
    expect(gets.length).toBe(1 + 4 + 1);
  });

  test('a late duplicate after a re-send is reported with the ids of both objects', async () => {
    const p = pbx('/ip_filters', (n, items) => {
      if (n === 1) return timeout(); // did not land in time for the look-ups...
      items.push({ id: 'IP-2', cidr: '192.0.2.0/24', target: 'DENY' });
      items.push({ id: 'IP-1', cidr: '192.0.2.0/24', target: 'DENY' }); // ...but the first one lands now
      return json(200, { id: 'IP-2' });
    });
    const h = harness(p.handler, { requestTimeoutMs: 1000 });
    const e = (await h.client.ipRules.create({ cidr: '192.0.2.0/24', target: 'DENY' }).catch((x: unknown) => x)) as DuplicateCreatedError;
    expect(e).toBeInstanceOf(DuplicateCreatedError);
    expect(e.id).toBe('IP-2');
    expect(e.extraIds).toEqual(['IP-1']);
    expect(e.message).toContain('IP-1');
  });

  test('a create answered 500 that landed: one look-up at once, no re-send', async () => {
    const p = pbx('/ip_filters', (_n, items) => {
      items.push({ id: 'IP-1', cidr: '192.0.2.0/24', target: 'DENY' });
      return json(500);
    });
    const h = harness(p.handler);
    await expect(h.client.ipRules.create({ cidr: '192.0.2.0/24', target: 'DENY' })).resolves.toEqual({ id: 'IP-1' });
    expect(p.posts()).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  test('a create answered 503 that did not land is sent again after one look-up', async () => {
    const p = pbx('/ip_filters', (n, items) => {
      if (n === 1) return json(503);
      items.push({ id: 'IP-1', cidr: '192.0.2.0/24', target: 'DENY' });
      return json(200, { id: 'IP-1' });
    });
    const h = harness(p.handler);
    await expect(h.client.ipRules.create({ cidr: '192.0.2.0/24', target: 'DENY' })).resolves.toEqual({ id: 'IP-1' });
    expect(p.posts()).toBe(2);
  });

  test('reset create, filter unsupported: the look-up falls back to listing all and matching client-side', async () => {
    let posts = 0;
    let landed = false;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/tenants') {
          posts++;
          landed = true;
          throw netError('ECONNRESET', 'other side closed');
        }
        if (r.method === 'GET' && r.path === '/tenants') {
          if (r.query.filter) return json(400, { errors: [{ code: 'VALIDATE_FAILED', message: 'bad filter' }] });
          const all = Array.from({ length: landed ? 150 : 149 }, (_, i) => ({ id: `T${i}`, domain: `t${i}.example.com` }));
          const skip = Number(r.query.skip);
          return json(200, { count: all.length, items: all.slice(skip, skip + 100) });
        }
        return json(404);
      }),
    );
    const res = await h.client.tenants.create({ name: 'x', domain: 'T149.Example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
    expect(res).toEqual({ id: 'T149' });
    expect(posts).toBe(1);
  });

  test('a create whose connection was refused is sent again without a look-up', async () => {
    let posts = 0;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && ++posts === 1) throw netError('ECONNREFUSED');
        if (r.method === 'GET') return json(200, { count: 0, items: [] });
        return json(201, { id: 'TR9' });
      }),
    );
    await expect(h.client.transports.create({ protocol: 'TCP', port: 5063 })).resolves.toEqual({ id: 'TR9' });
    expect(posts).toBe(2);
    expect(h.apiRequests().filter((r) => r.method === 'GET')).toHaveLength(1); // only the look-up before
  });

  test('429 on create is retried without a look-up (the server refused it)', async () => {
    let posts = 0;
    const h = harness(
      withAuth((r) =>
        r.method === 'POST'
          ? ++posts === 1
            ? json(429, undefined, { 'retry-after': '1' })
            : json(201, { id: 'D1' })
          : json(200, { count: 0, items: [] }),
      ),
    );
    await expect(h.client.dealers.create(dealer, { before: [] })).resolves.toEqual({ id: 'D1' });
    expect(posts).toBe(2);
    expect(h.apiRequests().filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  test('a conflict on the re-send after a timeout resolves to the object the first attempt made', async () => {
    let posts = 0;
    let lookups = 0;
    const h = harness(
      withAuth((r) => {
        if (r.method === 'POST' && r.path === '/admin/users') {
          if (++posts === 1) throw new undiciErrors.HeadersTimeoutError();
          return apiError(400, 'ALREADY_EXISTS', 'name exists');
        }
        if (r.method === 'GET' && r.path === '/admin/users') {
          // The look-ups race the slow server: nothing until after the re-send.
          return ++lookups <= 5 ? json(200, { count: 0, items: [] }) : json(200, { count: 1, items: [{ id: 'U1', name: 'ops' }] });
        }
        return json(404);
      }),
      { requestTimeoutMs: 5000 },
    );
    await expect(h.client.adminUsers.create({ name: 'ops', password: 'Ops-Secret-1', role: 'OperationsAdmin' })).resolves.toEqual({
      id: 'U1',
    });
    expect(posts).toBe(2);
  });

  test('a conflict on a first attempt is not hidden', async () => {
    const h = harness(
      withAuth((r) => (r.method === 'GET' ? json(200, { count: 0, items: [] }) : apiError(409, 'ALREADY_EXISTS', 'exists'))),
    );
    await expect(h.client.dealers.create(dealer)).rejects.toBeInstanceOf(ConflictError);
    expect(h.apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
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
