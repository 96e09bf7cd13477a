import {
  ConflictError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PortsipError,
  RateLimitedError,
  ServerError,
  TwoFactorRequiredError,
  UnauthorizedError,
  ValidationError,
  errorFromResponse,
  reasonOf,
} from '../../src/client';
import { apiError, harness, json, netError, withAuth, type Res } from './helpers';

async function failWith(res: Res | (() => never), call = (c: ReturnType<typeof harness>['client']) => c.transports.get('X1')) {
  const h = harness(
    withAuth(() => (typeof res === 'function' ? res() : res)),
    { retry: { maxAttempts: 1 } },
  );
  try {
    await call(h.client);
  } catch (e) {
    return e as PortsipError;
  }
  throw new Error('expected the call to fail');
}

describe('error mapping (docs/portsip-api.md §2.7)', () => {
  test('400 VALIDATE_FAILED -> ValidationError with field from detail', async () => {
    const e = await failWith(apiError(400, 'VALIDATE_FAILED', 'field validation failed', { field: 'port' }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({
      status: 400,
      code: 'VALIDATE_FAILED',
      rawCode: 'VALIDATE_FAILED',
      method: 'GET',
      path: '/transports/X1',
      detail: { field: 'port' },
    });
    expect((e as ValidationError).field).toBe('port');
    expect(e.message).toBe('GET /transports/X1: HTTP 400 VALIDATE_FAILED: field validation failed (field: port)');
  });

  test("the server's reason, a text detail and further entries are in the message; other detail keys are not", async () => {
    const reason = 'the dealer still has 2 tenant(s) and 0 sub-dealer(s); remove them first';
    const e = await failWith(apiError(400, 'VALIDATE_FAILED', 'field validation failed', { field: 'id', reason, value: 'p@ss-secret' }));
    expect(e.message).toBe(`GET /transports/X1: HTTP 400 VALIDATE_FAILED: field validation failed (field: id): ${reason}`);
    expect(e.message).not.toContain('p@ss-secret');
    expect(reasonOf(e.detail)).toBe(reason);
    const text = errorFromResponse({
      status: 409,
      method: 'POST',
      path: '/tenants',
      bodyText: JSON.stringify({
        errors: [
          { code: 'ALREADY_EXISTS', message: 'duplicate', detail: 'domain acme.example.com is taken' },
          { code: 'VALIDATE_FAILED', message: 'field validation failed', detail: { field: 'name', reason: 'too long' } },
        ],
      }),
    });
    expect(text.message).toBe(
      'POST /tenants: HTTP 409 ALREADY_EXISTS: duplicate (domain acme.example.com is taken); VALIDATE_FAILED: field validation failed (field: name): too long',
    );
  });

  test('404 -> NotFoundError', async () => {
    const e = await failWith(apiError(404, 'NOT_FOUND', 'Not Found'));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.code).toBe('NOT_FOUND');
  });

  test('404 with an empty body -> NotFoundError, code UNKNOWN', async () => {
    const e = await failWith(json(404));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.code).toBe('UNKNOWN');
    expect(e.rawCode).toBeUndefined();
  });

  test('401 twice -> UnauthorizedError (after the single re-login)', async () => {
    const e = await failWith(apiError(401, 'UNAUTHORIZED', 'token expired'));
    expect(e).toBeInstanceOf(UnauthorizedError);
  });

  test('400 UNAUTHORIZED (legacy login failure, C8) -> UnauthorizedError', async () => {
    const h = harness(() => apiError(400, 'UNAUTHORIZED', 'Login failed, authentication error'));
    await expect(h.client.signIn()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  test('403 -> ForbiddenError', async () => {
    expect(await failWith(apiError(403, 'FORBIDDEN', 'permission denied'))).toBeInstanceOf(ForbiddenError);
  });

  test('409 and ALREADY_EXISTS -> ConflictError', async () => {
    expect(await failWith(apiError(409, 'CONFLICT', 'duplicate'))).toBeInstanceOf(ConflictError);
    const e = await failWith(apiError(400, 'ALREADY_EXISTS', 'domain exists'));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.code).toBe('ALREADY_EXISTS');
  });

  test('429 -> RateLimitedError with retryAfterMs', async () => {
    const e = await failWith(json(429, undefined, { 'retry-after': '7' }));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAfterMs).toBe(7000);
  });

  test('500 -> ServerError; non-JSON body becomes a short snippet', async () => {
    const e = await failWith({
      status: 502,
      body: '<html><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>',
      headers: { 'content-type': 'text/html' },
    });
    expect(e).toBeInstanceOf(ServerError);
    expect(e.message).toBe('GET /transports/X1: HTTP 502: 502 Bad Gateway nginx');
    expect(e.detail).toEqual({ body: '502 Bad Gateway nginx' });
  });

  test('unknown code -> code UNKNOWN, rawCode kept', async () => {
    const e = await failWith(apiError(418, 'TEAPOT_OVERHEATED', 'too hot'));
    expect(e.constructor).toBe(PortsipError);
    expect(e.code).toBe('UNKNOWN');
    expect(e.rawCode).toBe('TEAPOT_OVERHEATED');
  });

  test('connection refused -> NetworkError that did not reach the server', async () => {
    const e = await failWith(() => {
      throw netError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:8887');
    });
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).toMatchObject({ kind: 'refused', mayHaveReachedServer: false, status: 0 });
  });

  test('connection reset -> NetworkError that may have reached the server', async () => {
    const e = await failWith(() => {
      throw netError('ECONNRESET', 'read ECONNRESET');
    });
    expect(e).toMatchObject({ kind: 'reset', mayHaveReachedServer: true });
  });

  test('TLS verification failure is reported with a remedy and not retried', async () => {
    const h = harness(() => {
      throw netError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate');
    });
    const e = (await h.client.signIn().catch((x: unknown) => x)) as NetworkError;
    expect(e).toMatchObject({ kind: 'tls', mayHaveReachedServer: false });
    expect(e.message).toMatch(/ca_cert_pem/);
    expect(h.requests).toHaveLength(1);
  });

  test('two-factor account -> TwoFactorRequiredError without the session token in the message', async () => {
    const h = harness(() => json(200, { two_factor_enabled: true, token: '2FA-SESSION-SECRET' }));
    const e = (await h.client.tenants.list().catch((x: unknown) => x)) as TwoFactorRequiredError;
    expect(e).toBeInstanceOf(TwoFactorRequiredError);
    expect(e.sessionToken).toBe('2FA-SESSION-SECRET');
    expect(e.message).not.toContain('2FA-SESSION-SECRET');
    expect(JSON.stringify(e)).not.toContain('2FA-SESSION-SECRET');
  });

  test('error messages never echo the request body (passwords)', async () => {
    const h = harness(
      withAuth(() => apiError(400, 'VALIDATE_FAILED', 'field validation failed', { field: 'name' })),
      { retry: { maxAttempts: 1 } },
    );
    const e = (await h.client.dealers
      .create({ name: 'acme', password: 'Dealer-Secret-123', level: 'RESELLER', max_tenants: 10, max_extensions: 100 })
      .catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).not.toContain('Dealer-Secret-123');
    expect(String(e.stack)).not.toContain('Dealer-Secret-123');
  });
});

describe('empty bodies (docs/portsip-api.md §2.3)', () => {
  test('200 and 204 with no body resolve to undefined', async () => {
    const h = harness(
      withAuth((r) => {
        if (r.path === '/network') return json(200);
        if (r.path === '/key') return json(204);
        if (r.path === '/brand') return { status: 200, body: '', headers: { 'content-type': 'application/json' } };
        return json(404);
      }),
    );
    await expect(h.client.network.update({ web_domain: 'pbx.example.com' })).resolves.toBeUndefined();
    await expect(h.client.certificate.update({ crt: 'C', key: 'K' })).resolves.toBeUndefined();
    await expect(h.client.brand.update({ title: 'x' })).resolves.toBeUndefined();
  });

  test('getAssignment returns null on 404 instead of throwing', async () => {
    const h = harness(withAuth(() => apiError(404, 'NOT_FOUND', 'Not Found')));
    await expect(h.client.providers.getAssignment('P1', 'T1')).resolves.toBeNull();
  });

  test('ip_filters/export returns the raw bytes', async () => {
    const h = harness(
      withAuth(() => ({ status: 200, body: Buffer.from('10.0.0.0/8,ACCEPT\n'), headers: { 'content-type': 'application/octet-stream' } })),
    );
    const buf = await h.client.ipRules.export();
    expect(Buffer.isBuffer(buf)).toBe(true);
    expect(buf.toString()).toBe('10.0.0.0/8,ACCEPT\n');
  });
});
