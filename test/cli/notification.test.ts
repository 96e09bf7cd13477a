// `portsip notification test-email` against the emulator (no terraform involved): the command is
// parsed by the real program (src/cli/main.ts), credentials come from PORTSIP_* as in CI.
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
  for (const k of ['PORTSIP_ENDPOINT', 'PORTSIP_USERNAME', 'PORTSIP_PASSWORD']) {
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

test('flags override the environment; missing credentials and bad addresses are named', () => {
  expect(
    testEmailRequest(
      { to: 'a@b.c', subject: 's', content: 'c', endpoint: 'https://pbx:8887', username: 'ops' },
      { PORTSIP_PASSWORD: 'p', PORTSIP_ENDPOINT: 'x', PORTSIP_USERNAME: 'y' },
    ),
  ).toMatchObject({
    endpoint: 'https://pbx:8887',
    username: 'ops',
    password: 'p',
    mail: { recipient: 'a@b.c', subject: 's', content: 'c' },
  });
  expect(() => testEmailRequest({ to: 'a@b.c', subject: 's', content: 'c' }, {})).toThrow(
    /--endpoint or PORTSIP_ENDPOINT, --username or PORTSIP_USERNAME, PORTSIP_PASSWORD/,
  );
  expect(() =>
    testEmailRequest(
      { to: 'not-an-address', subject: 's', content: 'c' },
      { PORTSIP_PASSWORD: 'p', PORTSIP_ENDPOINT: 'x', PORTSIP_USERNAME: 'y' },
    ),
  ).toThrow(/--to must be an email address/);
});
