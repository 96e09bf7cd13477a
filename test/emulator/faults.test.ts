// Fault injection, rate limit, stats and the /__emulator control endpoints.
import { parseLatency } from '../../src/emulator/faults';
import { Api, boot } from './helpers';

const ctl = (url: string, p: string, body?: unknown) =>
  fetch(
    url.replace(/\/api$/, `/__emulator${p}`),
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );

test('fixed and random latency', async () => {
  const { emu, api } = await boot({ faults: { latencyMs: 120 } });
  try {
    let t = Date.now();
    expect((await api.get('/network')).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(110);
    emu.setFaults({ latency: '50-80ms' });
    expect(emu.faults().latencyMs).toEqual([50, 80]);
    t = Date.now();
    await api.get('/network');
    expect(Date.now() - t).toBeGreaterThanOrEqual(45);
    // control endpoints are exempt from latency
    t = Date.now();
    await ctl(emu.url, '/stats');
    expect(Date.now() - t).toBeLessThan(45);
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
