// The benchmark's HTTP state backend (bench/state-server.ts): the protocol Terraform's http backend
// client speaks (GET/POST state with Content-MD5, LOCK/UNLOCK with lock info), and the figures the
// runner reads from it. bench/ is not part of a normal run; this keeps its server honest in CI.
import { createHash } from 'node:crypto';
import { request } from 'undici';
import { startStateServer, type StateServer } from '../../bench/state-server';
import { boundCheck } from '../../bench/report-data';
import type { ScenarioResult } from '../../bench/types';

let srv: StateServer;
beforeAll(async () => {
  srv = await startStateServer();
});
afterAll(() => srv.close());

const md5 = (s: string) => createHash('md5').update(s).digest('base64');
async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const r = await request(`${srv.url}${path}`, { method: method as 'GET', body, headers });
  return { status: r.statusCode, headers: r.headers, text: await r.body.text() };
}

test('state: 404 before the first upload, then the body back with its Content-MD5; a wrong MD5 is refused', async () => {
  expect((await call('GET', '/state/a')).status).toBe(404);
  const state = JSON.stringify({ version: 4, serial: 1, resources: [] });
  expect((await call('POST', '/state/a', state, { 'content-md5': md5(state) })).status).toBe(200);
  const got = await call('GET', '/state/a');
  expect(got).toMatchObject({ status: 200, text: state });
  expect(got.headers['content-md5']).toBe(md5(state));
  expect((await call('POST', '/state/a', '{"serial":2}', { 'content-md5': md5('other') })).status).toBe(400);
  expect(srv.get('a')).toBe(state);
  srv.reset('a');
  expect((await call('GET', '/state/a')).status).toBe(404);
});

test('locks: a second holder gets 423 with the holder info; uploads need the holder ID; force-unlock releases', async () => {
  const a = JSON.stringify({ ID: 'lock-a', Who: 'ci@a' });
  const b = JSON.stringify({ ID: 'lock-b', Who: 'ci@b' });
  expect((await call('LOCK', '/lock/s', a)).status).toBe(200);
  const busy = await call('LOCK', '/lock/s', b);
  expect(busy.status).toBe(423);
  expect(JSON.parse(busy.text)).toMatchObject({ ID: 'lock-a', Who: 'ci@a' });
  expect((await call('POST', '/state/s', '{"serial":1}')).status).toBe(423);
  expect((await call('POST', '/state/s?ID=lock-a', '{"serial":1}')).status).toBe(200);
  expect((await call('UNLOCK', '/lock/s', b)).status).toBe(423);
  expect((await call('UNLOCK', '/lock/s', a)).status).toBe(200);
  expect((await call('LOCK', '/lock/s', b)).status).toBe(200);
  expect((await call('UNLOCK', '/lock/s')).status).toBe(200); // force-unlock sends no body
  expect((await call('LOCK', '/lock/s', a)).status).toBe(200);
  await call('UNLOCK', '/lock/s', a);
});

test('stats count uploads and bytes; names outside [A-Za-z0-9._-] are not served', async () => {
  srv.resetStats();
  await call('POST', '/state/c', '{"serial":1}');
  await call('POST', '/state/c', '{"serial":22}');
  expect(srv.stats()).toMatchObject({ uploads: 2, uploadBytes: 25, lastUploadBytes: 13, requests: { POST: 2 } });
  expect((await call('GET', '/state/..%2Fetc')).status).toBe(404);
  expect(srv.backendConfigArgs('S')).toEqual([
    `-backend-config=address=${srv.url}/state/S`,
    `-backend-config=lock_address=${srv.url}/lock/S`,
    `-backend-config=unlock_address=${srv.url}/lock/S`,
  ]);
});

test("the report's request bound: ceil(rules/100) + ceil(dealers/100) + tenants + C", () => {
  const sr = {
    counts: { portsip_ip_rule: 2000, portsip_dealer: 300, portsip_tenant: 300, portsip_transport: 20 },
    singletons: new Array(9).fill('x'),
  } as unknown as ScenarioResult;
  const at = (n: number) => boundCheck(sr, { 'GET /api/tenants/{id}/dealers': 100 }, n);
  expect(at(335)).toMatchObject({ scaling: 323, constant: 12, bound: 335, ok: true });
  expect(at(336).ok).toBe(false);
  expect(at(433).excessNote).toMatch(/over by 98; .*accounts for 100/);
});
