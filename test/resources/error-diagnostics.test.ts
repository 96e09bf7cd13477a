// API errors as diagnostics: the server's message, field and reason; other detail keys without
// secrets; remedies with setting names as users write them; objects named by natural key; and the
// dealer-delete advice that names the tenants still designated to the dealer.
import { errorFromResponse, NetworkError, NotFoundError, ValidationError } from '../../src/client';
import { metaOf } from '../../src/resources';
import { objectName as nameByMeta } from '../../src/resources/kit/define';
import { apiErrorDiagnostic, an } from '../../src/resources/kit/diagnostics';

const objectName = (type: string, values: Record<string, unknown>, fallback?: string) => nameByMeta(metaOf(type)!, values, fallback);
import { dealerDeleteAdvice, tenantsOfDealer } from '../../src/resources/dealer/tenants';
import { dealerSchema } from '../../src/resources/dealer/schema';

const answer = (status: number, body: unknown, method = 'POST', path = '/dealers/D1/destroy') =>
  errorFromResponse({ status, method, path, bodyText: JSON.stringify(body) });

test("the diagnostic carries the server's message, field and reason, and points at the attribute", () => {
  const e = answer(400, {
    errors: [
      { code: 'VALIDATE_FAILED', message: 'field validation failed', detail: { field: 'max_tenants', reason: 'must be at most 1000' } },
    ],
  });
  const d = apiErrorDiagnostic(e, 'Cannot create dealer "acme"', dealerSchema);
  expect(d).toMatchObject({ severity: 'error', summary: 'Cannot create dealer "acme"', path: ['max_tenants'] });
  expect(d.detail).toBe(
    'POST /dealers/D1/destroy: HTTP 400 VALIDATE_FAILED: field validation failed (field: max_tenants): must be at most 1000.',
  );
});

test('a reason missing from the message is added; other detail keys are shown, never secret ones', () => {
  const e = new ValidationError({
    status: 400,
    code: 'VALIDATE_FAILED',
    message: 'POST /x: HTTP 400 VALIDATE_FAILED: field validation failed',
    detail: { field: 'password', reason: 'too short', value: 'hunter22', limit: 6, token: 'abc' },
    method: 'POST',
    path: '/x',
  });
  const d = apiErrorDiagnostic(e, 'Cannot create dealer "acme"', dealerSchema, 'Do this next.');
  expect(d.detail).toBe(
    'POST /x: HTTP 400 VALIDATE_FAILED: field validation failed. Reason: too short. Server detail: {"limit":6}. Do this next.',
  );
  expect(d.detail).not.toContain('hunter22');
  expect(d.detail).not.toContain('abc');
});

test('remedies name settings as users write them; a 404 on the sign-in URL points at endpoint', () => {
  const notFound = new NotFoundError({
    status: 404,
    code: 'NOT_FOUND',
    message: 'POST /login/oauth/token: HTTP 404',
    method: 'POST',
    path: '/login/oauth/token',
  });
  expect(apiErrorDiagnostic(notFound, 'Cannot read tenant "a.example.com"', dealerSchema).detail).toMatch(
    /The sign-in URL does not exist under "endpoint": it must be the PBX API base, e\.g\. "https:\/\/pbx\.example\.com:8887"/,
  );
  const notFoundElsewhere = new NotFoundError({
    status: 404,
    code: 'NOT_FOUND',
    message: 'GET /tenants/x: HTTP 404',
    method: 'GET',
    path: '/tenants/x',
  });
  expect(apiErrorDiagnostic(notFoundElsewhere, 's', dealerSchema).detail).not.toMatch(/endpoint/);
  const refused = new NetworkError({
    message: 'GET /x: connect ECONNREFUSED',
    method: 'GET',
    path: '/x',
    kind: 'refused',
    mayHaveReachedServer: false,
  });
  expect(apiErrorDiagnostic(refused, 's', dealerSchema).detail).toMatch(/"endpoint" \(or PORTSIP_ENDPOINT\)/);
  for (const text of Object.values(apiErrorDiagnostic(refused, 's', dealerSchema)))
    expect(String(text)).not.toMatch(/caCertPem|insecureSkipVerify/);
});

test('objects are named by their natural key, with the right article', () => {
  expect(objectName('portsip_dealer', { name: 'acme-telecom' })).toBe('dealer "acme-telecom"');
  expect(objectName('portsip_transport', { protocol: 'TLS', port: 5061 })).toBe('transport "TLS:5061"');
  expect(objectName('portsip_ip_rule', { cidr: '10.0.0.0/8' })).toBe('IP rule "10.0.0.0/8"');
  expect(objectName('portsip_tenant', { domain: null }, 'T1')).toBe('tenant "T1"');
  expect(objectName('portsip_system_settings', {})).toBe('system settings');
  expect(`${an('IP rule', true)} IP rule`).toBe('An IP rule');
  expect(`${an('tenant', true)} tenant`).toBe('A tenant');
});

describe('dealer delete advice', () => {
  const tenants = [
    { id: 'T1', domain: 'zeta.example.com' },
    { id: 'T2', domain: 'alpha.example.com' },
    { id: 'T3', domain: 'other.example.com' },
  ];
  const owners: Record<string, string> = { T1: 'D1', T2: 'D1', T3: 'D2' };
  const calls: string[] = [];
  const client = {
    tenants: {
      listAll: () => Promise.resolve(tenants),
      getDealers: (id: string) => (calls.push(id), Promise.resolve({ items: [{ id: owners[id] }] })),
    },
  } as never;
  const refused = answer(400, {
    errors: [
      { code: 'VALIDATE_FAILED', message: 'field validation failed', detail: { field: 'id', reason: 'the dealer still has tenants' } },
    ],
  });

  test("names the dealer's tenants by domain, sorted, and says to move, remove or delete them", async () => {
    expect(await tenantsOfDealer(client, 'D1')).toEqual({ domains: ['alpha.example.com', 'zeta.example.com'], checked: true });
    expect(await dealerDeleteAdvice(client, 'D1', 'acme', refused)).toBe(
      '2 tenants are still designated to dealer "acme": "alpha.example.com", "zeta.example.com". Remove them from the dealer first ' +
        '(set dealer_id of those portsip_tenant resources to another dealer or remove it), or delete the tenants, and apply again.',
    );
    expect(await dealerDeleteAdvice(client, 'D2', 'other', refused)).toMatch(
      /^One tenant is still designated to dealer "other": "other\.example\.com"\. Remove it/,
    );
  });

  test('nothing to add for other failures or a dealer without tenants; too many tenants are not read one by one', async () => {
    expect(await dealerDeleteAdvice(client, 'D1', 'acme', answer(500, {}))).toBeUndefined();
    expect(await dealerDeleteAdvice(client, 'D9', 'none', refused)).toBeUndefined();
    calls.length = 0;
    expect(await tenantsOfDealer(client, 'D1', 2)).toEqual({ domains: [], checked: false });
    expect(calls).toEqual([]);
  });
});
