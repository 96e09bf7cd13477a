// `portsip notification test-email` against the emulator (no terraform involved): the command is
// parsed by the real program (src/cli/main.ts), credentials come from PORTSIP_* as in CI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProgram } from '../../src/cli/main';
import { testEmailRequest } from '../../src/cli/notification';
import { PortsipClient } from '../../src/client';
import { startEmulator, type EmulatorHandle } from '../../src/emulator';
import { assertConformant } from '../acceptance/portsip';

const PASSWORD = 'Adm1n-cli-S3cret';
let emu: EmulatorHandle;
const saved = { ...process.env };
let out = '';
let writeSpy: jest.SpyInstance;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, adminPassword: PASSWORD, conformance: true });
});
afterAll(async () => {
  const report = emu.conformance();
  await emu.close();
  // Every request the CLI sent matched PortSIP's documented schema (src/emulator/conformance.ts).
  assertConformant(report);
});
beforeEach(() => {
  process.env.PORTSIP_ENDPOINT = emu.url;
  process.env.PORTSIP_USERNAME = 'admin';
  process.env.PORTSIP_PASSWORD = PASSWORD;
  out = '';
  writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
});
afterEach(() => {
  writeSpy.mockRestore();
  for (const k of ['PORTSIP_ENDPOINT', 'PORTSIP_USERNAME', 'PORTSIP_PASSWORD', 'PORTSIP_CA_CERT_FILE']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const run = (...args: string[]) =>
  buildProgram()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
    .parseAsync(['node', 'portsip', 'notification', 'test-email', ...args]);

test('without a mail server the PBX refuses, and the error says what to configure', async () => {
  await expect(run('--to', 'ops@example.com')).rejects.toThrow(
    /test email not sent: .*mail server configured\? see portsip_notification_settings/,
  );
  expect(emu.outbox().filter((m) => m.kind === 'email')).toEqual([]);
});

test('sends the test email through the configured server', async () => {
  const api = new PortsipClient({ endpoint: emu.url, username: 'admin', password: PASSWORD });
  await api.notification.update({ type: 'SMTP', server: 'smtp.example.com', port: 587, username: 'mailer', password: 'x-secret' });
  await api.close();
  await run('--to', 'ops@example.com', '--subject', 'Hello', '--content', 'From the CLI');
  expect(out).toMatch(/Test email to ops@example\.com accepted/);
  expect(emu.outbox()).toEqual(
    expect.arrayContaining([expect.objectContaining({ kind: 'email', to: 'ops@example.com', subject: 'Hello', content: 'From the CLI' })]),
  );
});

test('flags stand for the provider block; a bad address is named before anything is sent', () => {
  const req = testEmailRequest({ to: 'a@b.c', subject: 's', content: 'c', endpoint: 'https://pbx:8887', username: 'ops', insecure: true });
  expect(req.config).toMatchObject({ endpoint: 'https://pbx:8887', username: 'ops', insecure_skip_verify: true, password: null });
  expect(req.mail).toEqual({ recipient: 'a@b.c', subject: 's', content: 'c' });
  expect(() => testEmailRequest({ to: 'not-an-address', subject: 's', content: 'c' })).toThrow(/--to must be an email address/);
  expect(() => testEmailRequest({ to: 'a@b.c', subject: 's', content: 'c', caCert: 'no-such-ca.pem' })).toThrow(
    /--ca-cert no-such-ca\.pem: cannot read it \(ENOENT\)/,
  );
});

test('missing credentials name the flag or variable to set, as the provider would', async () => {
  delete process.env.PORTSIP_ENDPOINT;
  await expect(run('--to', 'ops@example.com')).rejects.toThrow(/Missing PortSIP endpoint: set --endpoint or PORTSIP_ENDPOINT/);
  process.env.PORTSIP_ENDPOINT = emu.url;
  delete process.env.PORTSIP_PASSWORD;
  await expect(run('--to', 'ops@example.com')).rejects.toThrow(/Missing PortSIP password: set PORTSIP_PASSWORD/);
});

test('over HTTPS it trusts the CA of PORTSIP_CA_CERT_FILE, like the provider', async () => {
  const tls = await startEmulator({ port: 0, adminPassword: PASSWORD, https: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notification-ca-'));
  try {
    const api = new PortsipClient({ endpoint: tls.url, username: 'admin', password: PASSWORD, caCertPem: tls.certificate });
    await api.notification.update({ type: 'SMTP', server: 'smtp.example.com', port: 587, username: 'mailer', password: 'x-secret' });
    await api.close();
    process.env.PORTSIP_ENDPOINT = tls.url;
    // Without the CA the self-signed certificate is refused...
    await expect(run('--to', 'ops@example.com')).rejects.toThrow(/test email not sent/);
    // ...with it, the email goes out.
    fs.writeFileSync(path.join(dir, 'ca.pem'), tls.certificate!);
    process.env.PORTSIP_CA_CERT_FILE = path.join(dir, 'ca.pem');
    await run('--to', 'ops@example.com');
    expect(out).toMatch(/Test email to ops@example\.com accepted/);
    expect(tls.outbox().filter((m) => m.kind === 'email')).toHaveLength(1);
  } finally {
    delete process.env.PORTSIP_CA_CERT_FILE;
    await tls.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
