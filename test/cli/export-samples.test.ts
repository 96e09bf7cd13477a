// The generated-code samples in docs/export.md are produced here: a small PBX is made through the
// emulator's API (a reseller with one of two tenants, a trunk assignment, a transport, an IP rule,
// changed settings) and exported with `portsip export`. The emulator mints new ids on every run, so
// the ids this test creates are renumbered to fixed stand-ins before the comparison; everything else
// is the export's own output. The test fails when the docs are stale; `npm run gen:export-samples`
// (UPDATE=1) rewrites them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PortsipClient } from '../../src/client';
import { runExport } from '../../src/cli/export';
import { startEmulator, type EmulatorHandle } from '../../src/emulator';

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'export.md');
const UPDATE = process.env.UPDATE === '1';
const PASSWORD = 'Samples-admin-S3cret';
/** Shown in docs/export.md, in this order. */
const SHOWN = ['dealers.tf', 'tenants.tf', 'trunk_assignments.tf', 'ip_rules.tf', 'system_settings.tf', 'variables.tf'];

let emu: EmulatorHandle;
let api: PortsipClient;
let out: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, adminPassword: PASSWORD });
  api = new PortsipClient({ endpoint: emu.url, username: 'admin', password: PASSWORD });
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-samples-'));
});

afterAll(async () => {
  await api.close();
  await emu.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/** docs/export.md with `text` placed between the markers of `name`, as a fenced hcl block. */
function withSample(doc: string, name: string, text: string): string {
  const open = `<!-- sample: ${name} -->`;
  const close = `<!-- /sample: ${name} -->`;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) throw new Error(`docs/export.md has no ${open} ... ${close} markers`);
  return `${doc.slice(0, a)}${open}\n\`\`\`hcl\n${text}\`\`\`\n${close}${doc.slice(b + close.length)}`;
}

test('docs/export.md samples: the export of a small PBX', async () => {
  const dealer = await api.dealers.create({
    name: 'acme-reseller',
    level: 'RESELLER',
    password: 'Reseller-Pw-1',
    email: 'ops@acme.example',
    max_tenants: 20,
    max_extensions: 50000,
  });
  const dental = await api.tenants.create({
    name: 'Acme Dental',
    domain: 'dental.acme.example.com',
    timezone: 'Europe/London',
    currency: 'GBP',
    region: 'GBR',
    max_extensions: 40,
  });
  const law = await api.tenants.create({ name: 'Law Office', domain: 'law.example.com', timezone: 'UTC', currency: 'USD', region: 'USA' });
  await api.tenants.designateDealer(dental.id, dealer.id);
  const trunk = emu.seedIds.providers[0];
  await api.providers.assign(trunk, dental.id, { did_numbers: '3000;12000-12099', concurrency: 5 });
  const tls = await api.transports.create({ protocol: 'TLS', port: 5061, verification: 'OPTIONAL' } as never);
  const rule = await api.ipRules.create({ cidr: '192.0.2.0/24', target: 'ACCEPT', description: 'office' });
  await api.settings.update({ user_agent: 'Acme PBX', session_timer_duration: 1800 });

  let stderr = '';
  const io = {
    cwd: out,
    env: { PORTSIP_ENDPOINT: emu.url, PORTSIP_USERNAME: 'admin', PORTSIP_PASSWORD: PASSWORD },
    stdout: () => undefined,
    stderr: (s: string) => (stderr += s),
  };
  const summary = await runExport({ out: 'pbx', format: 'hcl' }, io);
  expect(stderr).toMatch(/portsip export: \d+ objects in \d+ files under pbx/);

  // Fixed stand-ins for the ids minted in this run (same shape: base64 of a decimal).
  const minted = [dealer.id, dental.id, law.id, tls.id, rule.id];
  const standIn = (i: number) => Buffer.from(`80000000000000000${i + 1}`).toString('base64');
  const renumber = (s: string) => minted.reduce((t, id, i) => t.split(id).join(standIn(i)), s);

  const files = Object.fromEntries(summary.files.map((f) => [f, renumber(fs.readFileSync(path.join(out, 'pbx', f), 'utf8'))]));
  for (const f of SHOWN) expect(files[f]).toBeDefined();
  expect(JSON.stringify(files)).not.toContain('Reseller-Pw-1');
  expect(files['tenants.tf']).toMatch(/dealer_id\s+= portsip_dealer\.acme_reseller\.id/);

  const doc = fs.readFileSync(DOC, 'utf8');
  const fresh = SHOWN.reduce((d, f) => withSample(d, f, files[f]!), doc);
  if (UPDATE) fs.writeFileSync(DOC, fresh);
  else if (fresh !== doc) throw new Error('the samples in docs/export.md are stale: run npm run gen:export-samples');
});
