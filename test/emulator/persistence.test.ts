// --data persistence: atomic writes, reload on start, close() flushes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../src/emulator';
import { Api, created, tenantBody } from './helpers';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-emu-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('state survives a restart; the admin password comes from the file', async () => {
  const file = path.join(dir, 'state.json');
  const e1 = await startEmulator({ dataFile: file, adminPassword: 'first-pw', unknownFields: 'store' });
  expect(fs.existsSync(file)).toBe(true); // seeded state is written at once
  const a1 = new Api(e1.url);
  await a1.signIn('admin', 'first-pw');
  const t = await created(a1.post('/tenants', tenantBody('p', { x_custom: 'kept' })));
  const rule = (await a1.post('/ip_filters', { cidr: '203.0.113.0/24', target: 'DENY' })).body.id;
  await a1.post('/network', { web_domain: 'persist.example.com' });
  await a1.post(`/providers/${e1.seedIds.providers[1]}/assignees/${t}`, { did_numbers: '500-599', concurrency: 3 });
  await a1.post('/admin/notification', { type: 'SMTP', username: 'm', password: 'hidden-secret' });
  await e1.close(); // flushes the pending coalesced write

  const saved = fs.readFileSync(file, 'utf8');
  expect(saved).not.toContain('first-pw'); // passwords are hashed
  expect(fs.readdirSync(dir)).toEqual(['state.json']); // no temp files left behind

  const e2 = await startEmulator({ dataFile: file, adminPassword: 'ignored-now', unknownFields: 'store' });
  try {
    const a2 = new Api(e2.url);
    await a2.signIn('admin', 'first-pw');
    expect((await a2.get(`/tenants/${t}`)).body).toMatchObject({ id: t, domain: 'tp.pbx.example.com', x_custom: 'kept' });
    expect((await a2.get(`/ip_filters/${rule}`)).body.cidr).toBe('203.0.113.0/24');
    expect((await a2.get('/network')).body.web_domain).toBe('persist.example.com');
    expect((await a2.get(`/providers/${e2.seedIds.providers[1]}/assignees/${t}`)).body).toEqual({ did_numbers: '500-599', concurrency: 3 });
    expect('password' in (await a2.get('/admin/notification')).body).toBe(false);
  } finally {
    await e2.close();
  }
});

test('writes are coalesced and land without close()', async () => {
  const file = path.join(dir, 'state.json');
  const e = await startEmulator({ dataFile: file });
  try {
    const a = new Api(e.url);
    await a.signIn();
    await Promise.all(Array.from({ length: 20 }, (_, i) => a.post('/tenants', tenantBody(`c${i}`))));
    await new Promise((r) => setTimeout(r, 200));
    const st = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(st.collections.tenants).toHaveLength(20);
  } finally {
    await e.close();
  }
});

test('a file that is not emulator state is refused', async () => {
  const file = path.join(dir, 'other.json');
  fs.writeFileSync(file, '{"hello":1}');
  await expect(startEmulator({ dataFile: file })).rejects.toThrow(/not a portsip emulator state file/);
});

test('without --data nothing touches the disk and state() is a deep copy', async () => {
  const e = await startEmulator();
  try {
    const s = e.state();
    s.collections.tenants.push({ id: 'x' });
    expect(e.state().collections.tenants).toHaveLength(0);
    expect(e.store.c.transports.size).toBe(1);
  } finally {
    await e.close();
  }
});
