import { ConfigurationError, OAUTH_CLIENT_ID, UnauthorizedError } from '../../src/client';
import { PASSWORD, USERNAME, apiError, harness, json, tokenPair, withAuth, type Req } from './helpers';

const isAuth = (r: Req, p: string) => r.method === 'POST' && r.path === p;

describe('authentication (docs/portsip-api.md §3)', () => {
  test('sign-in is lazy and shared by concurrent first calls', async () => {
    const h = harness(withAuth(() => json(200, { version: '22.3.1' })));
    expect(h.requests).toHaveLength(0); // constructing does nothing
    await Promise.all(Array.from({ length: 5 }, () => h.client.status.get()));
    const signIns = h.requests.filter((r) => isAuth(r, '/auth/sign_in'));
    expect(signIns).toHaveLength(1);
    expect(signIns[0]!.body).toEqual({ username: USERNAME, password: PASSWORD });
    expect(signIns[0]!.headers.authorization).toBeUndefined();
    for (const r of h.apiRequests()) expect(r.headers.authorization).toMatch(/^Bearer ACCESS-TOKEN-\d+-XYZ$/);
  });

  test('domain is sent for tenant accounts', async () => {
    const h = harness(
      withAuth(() => json(200, {})),
      { domain: 'acme.example.com' },
    );
    await h.client.signIn();
    expect(h.requests[0]!.body).toEqual({ username: USERNAME, password: PASSWORD, domain: 'acme.example.com' });
  });

  test('token expiry in the middle of 10 concurrent calls -> exactly one refresh', async () => {
    const h = harness(withAuth(() => json(200, { count: 0, items: [] }), 3600));
    await h.client.tenants.list();
    const firstToken = h.apiRequests()[0]!.headers.authorization;
    h.clock.t += 2900 * 1000; // past 80 % of 3600 s
    await Promise.all(Array.from({ length: 10 }, (_, i) => h.client.tenants.list({ skip: i })));
    const refreshes = h.requests.filter((r) => isAuth(r, '/auth/refresh_token'));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body).toEqual({ refresh_token: expect.stringMatching(/^REFRESH-TOKEN-/) });
    expect(h.requests.filter((r) => isAuth(r, '/auth/sign_in'))).toHaveLength(1);
    const later = h.apiRequests().slice(1);
    expect(later).toHaveLength(10);
    const tokens = new Set(later.map((r) => r.headers.authorization));
    expect(tokens.size).toBe(1);
    expect(tokens.has(firstToken)).toBe(false);
  });

  test('401 on an API call -> exactly one re-login, then the call succeeds', async () => {
    let rejectToken: string | undefined;
    const h = harness(
      withAuth((r) => {
        if (rejectToken === undefined) rejectToken = r.headers.authorization; // server "restarts": first token dies
        return r.headers.authorization === rejectToken
          ? apiError(401, 'UNAUTHORIZED', 'invalid token')
          : json(200, { id: 'D1', name: 'acme' });
      }),
    );
    await expect(h.client.dealers.get('D1')).resolves.toMatchObject({ name: 'acme' });
    expect(h.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /auth/sign_in',
      'GET /dealers/D1',
      'POST /auth/sign_in',
      'GET /dealers/D1',
    ]);
  });

  test('8 concurrent 401s with the same stale token share one re-login', async () => {
    // Read by the fake server from the first request on, set once the first token is known.
    let stale: string | undefined = undefined;
    const h = harness(withAuth((r) => (r.headers.authorization === stale ? json(401) : json(200, {}))));
    await h.client.network.get();
    stale = h.apiRequests()[0]!.headers.authorization;
    await Promise.all(Array.from({ length: 8 }, () => h.client.network.get()));
    expect(h.requests.filter((r) => isAuth(r, '/auth/sign_in'))).toHaveLength(2);
  });

  test('a second 401 after the re-login is thrown, not looped', async () => {
    const h = harness(withAuth(() => json(401)));
    await expect(h.client.network.get()).rejects.toBeInstanceOf(UnauthorizedError);
    // Five tokens, each fetched after the previous rejection, were rejected in turn: the account itself is refused.
    expect(h.requests.filter((r) => isAuth(r, '/auth/sign_in'))).toHaveLength(5);
    expect(h.apiRequests()).toHaveLength(5);
  });

  test('a rejected refresh token falls back to a fresh sign-in', async () => {
    const h = harness((r) => {
      if (isAuth(r, '/auth/sign_in')) return tokenPair(100);
      if (isAuth(r, '/auth/refresh_token')) return apiError(400, 'UNAUTHORIZED', 'refresh token expired');
      return json(200, {});
    });
    await h.client.network.get();
    h.clock.t += 90_000;
    await h.client.network.get();
    expect(h.requests.map((r) => r.path)).toEqual(['/auth/sign_in', '/network', '/auth/refresh_token', '/auth/sign_in', '/network']);
  });

  test('missing credentials -> ConfigurationError before any request', async () => {
    const h = harness(() => json(200), { username: undefined, password: undefined });
    await expect(h.client.network.get()).rejects.toBeInstanceOf(ConfigurationError);
    expect(h.requests).toHaveLength(0);
  });

  test("authMethod 'oauth' uses the form-encoded password grant and refresh grant", async () => {
    const h = harness(
      (r) => {
        if (isAuth(r, '/login/oauth/token'))
          return json(200, { access_token: 'OAUTH-ACCESS', refresh_token: 'OAUTH-REFRESH', expires_in: 1800, token_type: 'Bearer' });
        return json(200, {});
      },
      { authMethod: 'oauth' },
    );
    await h.client.network.get();
    h.clock.t += 1500 * 1000;
    await h.client.network.get();
    const grants = h.requests.filter((r) => isAuth(r, '/login/oauth/token'));
    expect(grants[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(grants[0]!.body).toEqual({
      grant_type: 'password',
      username: USERNAME,
      password: PASSWORD,
      scope: 'all',
      client_id: OAUTH_CLIENT_ID,
    });
    expect(grants[1]!.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'OAUTH-REFRESH', client_id: OAUTH_CLIENT_ID });
    expect(h.apiRequests()[0]!.headers.authorization).toBe('Bearer OAUTH-ACCESS');
  });

  test('falls back to OAuth when /auth/sign_in does not exist (PBX before 22.2.11)', async () => {
    const h = harness((r) => {
      if (isAuth(r, '/auth/sign_in')) return json(404);
      if (isAuth(r, '/login/oauth/token')) return json(200, { access_token: 'OAUTH-ACCESS', expires_in: 1800 });
      return json(200, {});
    });
    await h.client.network.get();
    expect(h.requests.map((r) => r.path)).toEqual(['/auth/sign_in', '/login/oauth/token', '/network']);
    expect(h.client.http.auth.activeMethod).toBe('oauth');
  });

  test('signOut posts /auth/sign_out with the bearer token; the next call signs in again', async () => {
    const h = harness(withAuth(() => json(200, { role: 'SystemAdmin', password_verified: true, password_force_reset: false })));
    expect((await h.client.whoami()).role).toBe('SystemAdmin');
    const token = h.requests.find((r) => r.path === '/auth/user')!.headers.authorization;
    expect(token).toMatch(/^Bearer /);
    await h.client.signOut();
    const out = h.requests.find((r) => r.path === '/auth/sign_out')!;
    expect(out.method).toBe('POST');
    expect(out.headers.authorization).toBe(token);
    await h.client.whoami();
    expect(h.requests.filter((r) => isAuth(r, '/auth/sign_in'))).toHaveLength(2);
  });

  test('signOut without a session does nothing', async () => {
    const h = harness(() => json(200));
    await h.client.signOut();
    expect(h.requests).toHaveLength(0);
  });

  test('/info is called without auth', async () => {
    const h = harness(() => json(200, { web_domain: 'pbx.example.com', enable_ipv6: true }));
    await h.client.info.get('acme.example.com');
    expect(h.requests).toHaveLength(1);
    expect(h.requests[0]!.query).toEqual({ domain: 'acme.example.com' });
    expect(h.requests[0]!.headers.authorization).toBeUndefined();
  });
});
