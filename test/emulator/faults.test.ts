// Fault injection, rate limit, stats and the /__emulator control endpoints.
import { Faults, parseLatency } from '../../src/emulator/faults';
import { Api, boot } from './helpers';

const ctl = (url: string, p: string, body?: unknown) =>
  fetch(
    url.replace(/\/api$/, `/__emulator${p}`),
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );

/**
 * `p`, or a failure after `ms`. Used only with wide margins (a 20 s delay against a 5 s
 * limit), so a slow machine cannot make it fail: it tells "delayed" from "not delayed", it does not time.
 */
async function settlesWithin<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

test('fixed and random latency: a request is never answered before its delay', async () => {
  const { emu, api } = await boot({ faults: { latencyMs: 120 } });
  try {
    // Lower bounds only: a loaded machine can make a request slower, never faster than the sleep.
    let t = performance.now();
    expect((await api.get('/network')).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
    emu.setFaults({ latency: '50-80ms' });
    expect(emu.faults().latencyMs).toEqual([50, 80]);
    t = performance.now();
    await api.get('/network');
    expect(performance.now() - t).toBeGreaterThanOrEqual(45);
  } finally {
    await emu.close();
  }
});

test('random latency is drawn from the range, reproducibly with a seed', () => {
  const draws = (seed: number) => {
    const f = new Faults({ latencyMs: [50, 80], seed });
    return Array.from({ length: 200 }, () => f.latency());
  };
  const a = draws(7);
  expect(a.every((ms) => ms >= 50 && ms <= 80)).toBe(true);
  expect(new Set(a.map(Math.floor)).size).toBeGreaterThan(10); // spread over the range, not one value
  expect(draws(7)).toEqual(a);
  expect(draws(8)).not.toEqual(a);
  expect(new Faults({ latencyMs: 120 }).latency()).toBe(120);
});

test('control endpoints are exempt from latency', async () => {
  const { emu } = await boot();
  emu.setFaults({ latencyMs: 20_000 });
  try {
    const r = await settlesWithin(5000, ctl(emu.url, '/stats'), 'GET /__emulator/stats under a 20 s API latency');
    expect(r.status).toBe(200);
  } finally {
    await emu.close();
  }
});

test('error rate with 503 and 500', async () => {
  const { emu, api } = await boot();
  try {
    emu.setFaults({ errorRate: 1 });
    const r = await api.get('/network');
    expect(r.status).toBe(503);
    expect(r.body.errors[0].code).toBe('UNKNOWN');
    emu.setFaults({ errorStatus: 500 });
    expect((await api.get('/network')).status).toBe(500);
    emu.setFaults({ errorRate: 0 });
    expect((await api.get('/network')).status).toBe(200);
  } finally {
    await emu.close();
  }
});

test('429 bursts carry Retry-After; periodic bursts too', async () => {
  const { emu, api } = await boot();
  try {
    emu.setFaults({ burst429: 2, retryAfterSeconds: 3 });
    const a = await api.get('/network');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('3');
    expect((await api.get('/network')).status).toBe(429);
    expect((await api.get('/network')).status).toBe(200);
    emu.setFaults({ burst429Every: 3, burst429Length: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.get('/network')).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  } finally {
    await emu.close();
  }
});

test('dropped connections: the socket is destroyed without a response', async () => {
  const { emu, api } = await boot();
  try {
    emu.setFaults({ dropRate: 1 });
    await expect(fetch(`${emu.url}/network`, { headers: { authorization: `Bearer ${api.token}` } })).rejects.toThrow();
    expect(emu.stats().byStatus.dropped).toBe(1);
    emu.setFaults({ dropRate: 0 });
    expect((await api.get('/network')).status).toBe(200);
  } finally {
    await emu.close();
  }
});

test('forced token expiry: 401, then the refresh token still works', async () => {
  const { emu, api } = await boot();
  try {
    const t = await api.as().signIn();
    emu.setFaults({ tokenExpiryRate: 1 });
    const r = await api.as(t.access_token).get('/network');
    expect(r.status).toBe(401);
    emu.setFaults({ tokenExpiryRate: 0 });
    expect((await api.as(t.access_token).get('/network')).status).toBe(401); // stays expired
    const n = await api.as().post('/auth/refresh_token', { refresh_token: t.refresh_token });
    expect((await api.as(n.body.access_token).get('/network')).status).toBe(200);
  } finally {
    await emu.close();
  }
});

test('rate limit per token: 429 with Retry-After once exceeded', async () => {
  const { emu, api } = await boot({ faults: { rateLimitPerMinute: 5 } });
  try {
    const fresh = api.as();
    await fresh.signIn(); // counted against the client address, not this token
    const st: number[] = [];
    for (let i = 0; i < 7; i++) st.push((await fresh.get('/network')).status);
    expect(st).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const r = await fresh.get('/network');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    // another token has its own budget; control endpoints are exempt
    const other = api.as();
    await other.signIn();
    expect((await other.get('/network')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await ctl(emu.url, '/stats')).status).toBe(200);
  } finally {
    await emu.close();
  }
});

test('default rate limit is 10,000/minute', async () => {
  const { emu } = await boot();
  try {
    expect(emu.faults().rateLimitPerMinute).toBe(10000);
  } finally {
    await emu.close();
  }
});

test('stats by route template and status; control endpoints drive it all', async () => {
  const { emu, api } = await boot();
  try {
    emu.resetStats();
    await api.get('/tenants');
    await api.get('/tenants/bm9wZQ==');
    await api.get('/tenants/bm9wZQ==');
    await api.get('/nowhere');
    const s = emu.stats();
    expect(s.total).toBe(4);
    expect(s.byRoute).toEqual({ 'GET /api/tenants': 1, 'GET /api/tenants/{id}': 2, 'GET (unmatched)': 1 });
    expect(s.byStatus).toEqual({ '200': 1, '404': 3 });
    const viaHttp = (await (await ctl(emu.url, '/stats')).json()) as { total: number };
    expect(viaHttp.total).toBe(4); // control calls are not counted
    expect((await ctl(emu.url, '/reset-stats', {})).status).toBe(204);
    expect(emu.stats().total).toBe(0);
    const f = await ctl(emu.url, '/faults', { errorRate: 1, errorStatus: 500 });
    expect(f.status).toBe(200);
    expect((await api.get('/network')).status).toBe(500);
    expect((await ctl(emu.url, '/faults', { errorRate: 0 })).status).toBe(200);
    expect((await ctl(emu.url, '/faults', { bogus: 1 })).status).toBe(400);
    const ex = (await (await ctl(emu.url, '/expire-tokens', {})).json()) as { expired: number };
    expect(ex.expired).toBeGreaterThanOrEqual(1);
    expect((await api.get('/network')).status).toBe(401);
    expect((await ctl(emu.url, '/health')).status).toBe(200);
  } finally {
    await emu.close();
  }
});

test('parseLatency', () => {
  expect(parseLatency('20ms')).toBe(20);
  expect(parseLatency('1.5s')).toBe(1500);
  expect(parseLatency('20')).toBe(20);
  expect(parseLatency('10-50ms')).toEqual([10, 50]);
  expect(() => parseLatency('soon')).toThrow();
});

test('unauthenticated callers are limited by address', async () => {
  const { emu } = await boot({ faults: { rateLimitPerMinute: 3 } });
  try {
    const anon = new Api(emu.url);
    const st: number[] = [];
    for (let i = 0; i < 3; i++) st.push((await anon.get('/info')).status);
    expect(st).toContain(429); // boot()'s sign-in already used one
  } finally {
    await emu.close();
  }
});

describe('the real-world faults of issue 13', () => {
  test('late create: the object exists before the answer comes; with drop the answer never comes', async () => {
    const { emu, api } = await boot({ faults: { lateCreateRate: 1, lateCreateMs: 300 } });
    try {
      const pending = api.post('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY' });
      await new Promise((r) => setTimeout(r, 100));
      // Applied already, still unanswered.
      expect(emu.state().collections.ipRules).toHaveLength(1);
      const r = await pending;
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(emu.state().collections.ipRules[0]!.id);
      emu.setFaults({ lateCreateDrop: true, lateCreateMs: 50 });
      await expect(api.post('/ip_filters', { cidr: '198.51.100.0/24', target: 'DENY' })).rejects.toThrow();
      expect(emu.state().collections.ipRules).toHaveLength(2);
      expect(emu.stats().lateCreates).toBe(2);
      // Reads are never delayed by this fault: with creates answered only after 20 s, a read still
      // answers (a delayed one could not within 5 s).
      emu.setFaults({ lateCreateDrop: false, lateCreateMs: 20_000 });
      const r2 = await settlesWithin(5000, api.get('/ip_filters'), 'GET /ip_filters with late creates on');
      expect(r2.status).toBe(200);
      expect(r2.body.count).toBe(2);
    } finally {
      await emu.close();
    }
  });

  test('two IP rules with one CIDR are accepted (PortSIP documents no such rule)', async () => {
    const { emu, api } = await boot();
    try {
      expect((await api.post('/ip_filters', { cidr: '192.0.2.0/24', target: 'DENY' })).status).toBe(200);
      expect((await api.post('/ip_filters', { cidr: '192.0.2.0/24', target: 'ACCEPT' })).status).toBe(200);
      expect((await api.get('/ip_filters')).body.count).toBe(2);
    } finally {
      await emu.close();
    }
  });

  test('--no-unique-keys accepts a second tenant with the same domain and a second dealer with the same name', async () => {
    const tenant = { name: 'A', domain: 'a.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' };
    const dealer = { name: 'acme', password: 'Dealer-Pass-1', level: 'RESELLER', max_tenants: 100, max_extensions: 50000 };
    const strict = await boot();
    try {
      expect((await strict.api.post('/tenants', tenant)).status).toBe(201);
      expect((await strict.api.post('/tenants', tenant)).status).toBe(400);
    } finally {
      await strict.emu.close();
    }
    const loose = await boot({ uniqueKeys: false });
    try {
      expect((await loose.api.post('/tenants', tenant)).status).toBe(201);
      expect((await loose.api.post('/tenants', tenant)).status).toBe(201);
      expect((await loose.api.post('/dealers', dealer)).status).toBe(201);
      expect((await loose.api.post('/dealers', dealer)).status).toBe(201);
      expect(loose.emu.state().collections.tenants).toHaveLength(2);
    } finally {
      await loose.emu.close();
    }
  });

  test('a filter on an inherited property is an error, not a match for every item', async () => {
    const { emu, api } = await boot();
    try {
      await api.post('/tenants', { name: 'A', domain: 'a.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
      for (const f of ['constructor eq null', 'prototype eq null', 'toString eq null']) {
        const r = await api.get(`/tenants?filter=${encodeURIComponent(f)}`);
        expect(r.status).toBe(400);
        expect(r.text).toMatch(/unknown field/);
      }
      expect((await api.get(`/tenants?filter=${encodeURIComponent("domain eq 'a.example.com'")}`)).body.count).toBe(1);
    } finally {
      await emu.close();
    }
  });

  test('a body declared as another content type is not parsed as JSON', async () => {
    const { emu, api } = await boot();
    try {
      const body = JSON.stringify({ cidr: '192.0.2.0/24', target: 'DENY' });
      const r = await api.post('/ip_filters', body, { 'content-type': 'text/plain' });
      expect(r.status).toBe(415);
      expect(emu.state().collections.ipRules).toHaveLength(0);
      expect((await api.post('/ip_filters', body, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    } finally {
      await emu.close();
    }
  });

  test('failed sign-ins are counted in the stats', async () => {
    const { emu, api } = await boot();
    try {
      expect(emu.stats().failedSignIns).toBe(0);
      const r = await api.as().post('/auth/sign_in', { username: 'admin', password: 'wrong' });
      expect(r.status).toBe(400);
      expect(emu.stats().failedSignIns).toBe(1);
      expect(((await (await ctl(emu.url, '/stats')).json()) as { failedSignIns: number }).failedSignIns).toBe(1);
    } finally {
      await emu.close();
    }
  });

  test('a seed makes the fault dice reproducible', async () => {
    const run = async () => {
      const { emu, api } = await boot({ faults: { errorRate: 0.5, seed: 42 } });
      try {
        const out: number[] = [];
        for (let i = 0; i < 20; i++) out.push((await api.get('/network')).status);
        return out;
      } finally {
        await emu.close();
      }
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(new Set(a)).toEqual(new Set([200, 503]));
  });
});
