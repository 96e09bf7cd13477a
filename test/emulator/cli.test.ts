// `portsip emulator`: flag mapping, and the bundled CLI run in the foreground, answering sign-in
// and GET /api/tenants, then closing cleanly on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import { emulatorOptionsFromFlags, registerEmulatorCommand } from '../../src/cli/emulator';
import { buildProgram } from '../../src/cli/main';

test('flags map to startEmulator options', () => {
  const o = emulatorOptionsFromFlags({
    port: 0,
    host: '127.0.0.1',
    apiVersion: '22.2',
    tokenLifetime: 60,
    dealerDelete: 'detach',
    rateLimit: 0,
    latency: 20,
    errorRate: 0.5,
    errorStatus: '500',
    burst429: 3,
    dropRate: 0.1,
    tokenExpiryRate: 0.2,
  });
  expect(o).toMatchObject({ port: 0, apiVersion: '22.2', tokenLifetimeSeconds: 60, dealerDelete: 'detach', https: false });
  expect(o.faults).toEqual({
    rateLimitPerMinute: 0,
    latencyMs: 20,
    errorRate: 0.5,
    errorStatus: 500,
    burst429: 3,
    dropRate: 0.1,
    tokenExpiryRate: 0.2,
  });
});

test('the program has an emulator command that validates its flags', async () => {
  expect(buildProgram().commands.map((c) => c.name())).toContain('emulator');
  const p = new Command('portsip').exitOverride().configureOutput({ writeErr: () => undefined });
  registerEmulatorCommand(p).exitOverride();
  await expect(p.parseAsync(['node', 'portsip', 'emulator', '--port', 'abc'])).rejects.toThrow(/whole number/);
  await expect(p.parseAsync(['node', 'portsip', 'emulator', '--api-version', '21.0'])).rejects.toThrow(/22\.2/);
});

describe('bundled CLI', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-cli-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for this suite's one-off bundle
    const esbuild = require('esbuild');
    await esbuild.build({
      entryPoints: [path.resolve(__dirname, '../../src/cli/main.ts')],
      outfile: path.join(dir, 'cli.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
    });
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('runs in the foreground, answers curl-style calls, stops on SIGTERM', async () => {
    const state = path.join(dir, 'state.json');
    child = spawn(process.execPath, [path.join(dir, 'cli.js'), 'emulator', '--port', '0', '--data', state], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (c) => {
        out += c;
        const m = /listening on (\S+)/.exec(out);
        if (m?.[1] && out.includes('Control:')) resolve(m[1]);
      });
      child!.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain('"username":"admin","password":"admin123"');
    const s = await fetch(`${url}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin123' }),
    });
    const tok = (await s.json()) as { access_token: string };
    const t = await fetch(`${url}/tenants`, { headers: { authorization: `Bearer ${tok.access_token}` } });
    expect(t.status).toBe(200);
    expect(await t.json()).toEqual({ count: 0, items: [] });
    const code = await new Promise<number | null>((resolve) => {
      child!.on('exit', (c) => resolve(c));
      child!.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(JSON.parse(fs.readFileSync(state, 'utf8')).format).toBe('portsip-emulator-state');
  });
});
