// The conformance catalogue is complete (every public client method, all 52 operations of
// docs/portsip-api.md §4), and the checker itself rejects what it should, so the area suites can fail.

import { ALL_CASES } from './cases';
import { API_NOTES_52, checkRequest, respond } from './checker';
import { harness } from '../helpers';

describe('conformance with openapi-22.2 and docs/portsip-api.md §4', () => {
  const h = harness(respond);

  test('every public client method is in the conformance catalogue', () => {
    const names = new Set(ALL_CASES.map((c) => c.name));
    const missing: string[] = [];
    for (const [prop, api] of Object.entries(h.client)) {
      if (prop === 'http' || api === null || typeof api !== 'object') continue;
      for (let proto = Object.getPrototypeOf(api); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto))
        for (const m of Object.getOwnPropertyNames(proto))
          if (
            m !== 'constructor' &&
            m !== 'findOne' &&
            m !== 'findAll' &&
            typeof (api as Record<string, unknown>)[m] === 'function' &&
            !names.has(`${prop}.${m}`)
          )
            missing.push(`${prop}.${m}`);
    }
    for (const m of ['signIn', 'signOut', 'whoami']) if (!names.has(m)) missing.push(m);
    expect([...new Set(missing)]).toEqual([]);
  });

  test('all 52 operations of docs/portsip-api.md §4 are exercised', () => {
    const covered = new Set(ALL_CASES.map((c) => c.expect));
    expect(API_NOTES_52).toHaveLength(52);
    expect(API_NOTES_52.filter((k) => !covered.has(k))).toEqual([]);
  });

  test('the checker itself rejects what it should (so this suite can fail)', () => {
    const base = { query: {}, headers: { 'content-type': 'application/json' }, rawBody: undefined, body: undefined };
    // misspelt path
    expect(checkRequest({ ...base, method: 'POST', path: '/ip_filter' }, 'POST /ip_filters').problems[0]).toMatch(/no such operation/);
    // right path, wrong operation expected
    expect(
      checkRequest({ ...base, method: 'GET', path: '/tenants/x/dealer' }, 'GET /tenants/{id}/dealers').problems.length,
    ).toBeGreaterThan(0);
    // invalid body: wrong type and enum
    const bad = { cidr: 42, target: 'MAYBE' };
    expect(
      checkRequest(
        { ...base, method: 'POST', path: '/ip_filters', body: bad, rawBody: JSON.stringify(bad) },
        'POST /ip_filters',
      ).problems.join('\n'),
    ).toMatch(/body invalid/);
    // required field missing, misspelt key, non-standard date format
    const bad2 = { protocol: 'UDP', prot: 5060 };
    const p2 = checkRequest(
      { ...base, method: 'POST', path: '/transports', body: bad2, rawBody: JSON.stringify(bad2) },
      'POST /transports',
    ).problems.join('\n');
    expect(p2).toMatch(/must have required property 'port'/);
    expect(p2).toMatch(/body key "prot"/);
    const bad3 = { cidr: '10.0.0.0/8', target: 'DENY', expire_at: 'tomorrow' };
    expect(
      checkRequest(
        { ...base, method: 'POST', path: '/ip_filters', body: bad3, rawBody: JSON.stringify(bad3) },
        'POST /ip_filters',
      ).problems.join('\n'),
    ).toMatch(/date_time/);
    // undeclared query parameter
    expect(checkRequest({ ...base, method: 'GET', path: '/transports', query: { limit: '5' } }, 'GET /transports').problems[0]).toMatch(
      /query parameter "limit"/,
    );
    // 22.3 body against docs/portsip-api.md
    const bad4 = { password: 'x' };
    expect(
      checkRequest(
        { ...base, method: 'POST', path: '/admin/users/abc/password', body: bad4, rawBody: JSON.stringify(bad4) },
        'POST /admin/users/{id}/password',
      ).problems.join('\n'),
    ).toMatch(/new_password/);
  });
});
