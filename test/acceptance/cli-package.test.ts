// The `portsip` CLI outside this repository: its single executable with no node on PATH, and its
// npm package run by npx in an empty folder.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VERSION } from '../../src/common/version';
import { ensurePackaged, pathWithoutNode, which, type Packaged } from '../packaged';

jest.setTimeout(180_000);

let tmp: string;
let packaged: Packaged;
const noNodeEnv = () => ({ ...process.env, PATH: pathWithoutNode() });

beforeAll(async () => {
  packaged = await ensurePackaged();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the PATH the packaged binaries are tested with has no node', () => {
  const env = noNodeEnv();
  expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env }).status).not.toBe(0);
  // …while the same check finds node with the usual PATH, so the check itself works.
  expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: process.env }).status).toBe(0);
});

test('single executable: --version prints package.json version, with no node on PATH', () => {
  expect(VERSION).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
  const r = spawnSync(packaged.cliExe, ['--version'], { env: noNodeEnv(), cwd: tmp, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(`${VERSION}\n`);
});

test('single executable: `portsip emulator` serves the API, with no node on PATH', async () => {
  const child = spawn(packaged.cliExe, ['emulator', '--port', '0', '--admin-password', 'Cli-Test-Pass1'], {
    env: noNodeEnv(),
    cwd: tmp,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (b) => {
        out += b;
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (b) => (err += b));
      child.on('exit', (code) => reject(new Error(`emulator exited ${code}: ${err}`)));
    });
    // url ends in /api
    const login = await fetch(`${url}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Cli-Test-Pass1' }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()) as object).toHaveProperty('access_token');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('exit', r)));
  }
});

test('npm package: npx from the tarball works in an empty folder', () => {
  const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
  const r = spawnSync(which('npx'), ['--yes', '--package', packaged.npmTarball, 'portsip', '--version'], {
    cwd: empty,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_update_notifier: 'false' },
  });
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe(VERSION);
  // Nothing was installed into the folder: npx keeps the package in its cache.
  expect(fs.readdirSync(empty)).toEqual([]);
  // The tarball has no dependencies to fetch: everything is in its one bundle.
  const listing = spawnSync('tar', ['-tzf', packaged.npmTarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  expect(listing).toEqual(['package/LICENSE', 'package/README.md', 'package/bin/portsip', 'package/dist/cli.js', 'package/package.json']);
  const pkg = JSON.parse(spawnSync('tar', ['-xzOf', packaged.npmTarball, 'package/package.json'], { encoding: 'utf8' }).stdout);
  expect(pkg).toMatchObject({ name: 'portsip-cli', version: VERSION, bin: { portsip: 'bin/portsip' } });
  expect(pkg.dependencies).toBeUndefined();
});
