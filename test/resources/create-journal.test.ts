// The create journal (src/resources/common/create-journal.ts): what it lets a later apply adopt.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateJournal, JOURNAL_FILE, journalPath, plannedHash } from '../../src/resources/common/create-journal';
import { metaOf } from '../../src/resources';
import { l4, num } from '../../src/resources/kit/keys';

const keyOf = (type: string) => metaOf(type)!.key!;
import { BigNum, UNKNOWN, type ObjectValue } from '../../src/provider/values';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const T = 'portsip_ip_rule';
const planned: ObjectValue = { id: UNKNOWN, cidr: '10.0.0.0/16', target: 'DENY', description: null, expire_at: UNKNOWN };

test('the hash covers the planned values, not the id, and is stable across key order', () => {
  const h = plannedHash(planned);
  expect(plannedHash({ expire_at: UNKNOWN, description: null, target: 'DENY', cidr: '10.0.0.0/16', id: 'X' })).toBe(h);
  expect(plannedHash({ ...planned, target: 'ACCEPT' })).not.toBe(h);
  expect(plannedHash({ n: new BigNum('1.5') })).not.toBe(plannedHash({ n: '1.5' }));
});

test('a later process adopts what an earlier one created and never saw saved; a read or destroy closes the entry', () => {
  const file = path.join(dir, JOURNAL_FILE);
  const h = plannedHash(planned);
  const first = new CreateJournal(file);
  first.intent(T, '10.0.0.0/16', h);
  first.created(T, '10.0.0.0/16', h, 'ID-1');
  // Killed here. A new process reads the file:
  const next = new CreateJournal(file);
  expect(next.adoptable(T, '10.0.0.0/16', h, ['ID-1'])).toBe('ID-1');
  expect(next.adoptable(T, '10.0.0.0/16', h, ['ID-OTHER'])).toBeUndefined(); // not the one we made
  expect(next.adoptable(T, '10.0.0.0/16', plannedHash({ ...planned, target: 'ACCEPT' }), ['ID-1'])).toBeUndefined();
  expect(next.adoptable('portsip_dealer', '10.0.0.0/16', h, ['ID-1'])).toBeUndefined();
  next.done(T, 'ID-1'); // Terraform read it from saved state
  expect(new CreateJournal(file).adoptable(T, '10.0.0.0/16', h, ['ID-1'])).toBeUndefined();
});

test('a create whose answer never came adopts only the single object with the key', () => {
  const file = path.join(dir, JOURNAL_FILE);
  const h = plannedHash(planned);
  new CreateJournal(file).intent(T, '10.0.0.0/16', h);
  fs.appendFileSync(file, '{"op":"created","type":"portsip_ip'); // torn by a kill
  const j = new CreateJournal(file);
  expect(j.adoptable(T, '10.0.0.0/16', h, ['ID-9'])).toBe('ID-9');
  expect(j.adoptable(T, '10.0.0.0/16', h, ['ID-9', 'ID-10'])).toBeUndefined();
});

test('entries older than 30 days are ignored; an unwritable journal only warns', () => {
  const file = path.join(dir, JOURNAL_FILE);
  const h = plannedHash(planned);
  let now = Date.UTC(2026, 0, 1);
  new CreateJournal(file, undefined, () => now).created(T, 'k', h, 'ID-1');
  now += 31 * 86_400_000;
  expect(new CreateJournal(file, undefined, () => now).adoptable(T, 'k', h, ['ID-1'])).toBeUndefined();

  const warnings: string[] = [];
  fs.writeFileSync(path.join(dir, 'blocker'), '');
  const bad = new CreateJournal(path.join(dir, 'blocker', JOURNAL_FILE), (m) => warnings.push(m));
  bad.intent(T, 'k', h);
  expect(warnings[0]).toMatch(/cannot write the create journal/);
});

test('the journal lives under .terraform, or TF_DATA_DIR', () => {
  expect(journalPath({}, '/w')).toBe(path.join('/w', '.terraform', JOURNAL_FILE));
  expect(journalPath({ TF_DATA_DIR: 'data' }, '/w')).toBe(path.join('/w', 'data', JOURNAL_FILE));
});

test('natural keys: one canonical text per object, whatever the spelling', () => {
  const ip = keyOf('portsip_ip_rule');
  expect(ip.of({ cidr: '10.0.0.1/8' })).toBe(ip.of({ cidr: '10.0.0.0/8' }));
  expect(ip.of({ cidr: null })).toBeUndefined();
  const tenant = keyOf('portsip_tenant');
  expect(tenant.of({ domain: 'ACME.example.com.' })).toBe('acme.example.com');
  const tr = keyOf('portsip_transport');
  expect(tr.of({ protocol: 'tls', port: new BigNum('5061') })).toBe('TLS:5061');
  expect(tr.of({ protocol: 'TLS', port: UNKNOWN })).toBeUndefined();
  // UDP port 0 is "no port": no key, so it is never looked up or adopted as another's.
  expect(tr.of({ protocol: 'UDP', port: 0 })).toBeUndefined();
  expect(tr.describe({ protocol: 'tls', port: 5061 })).toBe('protocol TLS and port 5061');
  expect(tr.display({ protocol: 'tls', port: 5061 })).toBe('TLS:5061');
  expect(l4('WSS')).toBe('tcp');
  expect(num({ text: '5061' })).toBe(5061);
  expect(keyOf('portsip_dealer').describe({ name: 'acme' })).toBe('name "acme"');
});
