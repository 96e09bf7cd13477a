// `portsip provider install --from` puts the packaged provider into a filesystem mirror so the
// lock file does not depend on where the checkout or the mirror lives: two "clones" in different
// folders get byte-identical .terraform.lock.hcl files, and a lock file made in one inits in
// another. The installs are made by the two forms the CLI travels in: its single executable
// (with no node on PATH) and its npm package (through npx).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectProviderZip, installPackaged } from '../../src/cli/provider-install';
import { ensurePackaged, pathWithoutNode, which, type Packaged } from '../packaged';

jest.setTimeout(300_000);

const TERRAFORM = which('terraform');
let tmp: string;
let packaged: Packaged;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const full: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', ...env }))
      if (v !== undefined) full[k] = v;
    delete full.TF_PLUGIN_CACHE_DIR;
    const child = spawn(cmd, args, { cwd, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A user's repository: only a main.tf pinning the provider, nothing of this checkout. */
function repo(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    `terraform {\n  required_providers {\n    portsip = {\n      source  = "portsip/portsip"\n      version = "${packaged.version}"\n    }\n  }\n}\n`,
  );
  return dir;
}

const init = (dir: string) =>
  run(TERRAFORM, ['init', '-no-color', '-input=false'], dir, {
    TF_CLI_CONFIG_FILE: path.join(dir, '.portsip', 'terraform.rc'),
    PATH: pathWithoutNode(),
  });

beforeAll(async () => {
  packaged = await ensurePackaged();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-install-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('two clones in different folders: byte-identical lock files; a copied lock file inits cleanly', async () => {
  // Clone A installs with the CLI's single executable, no node on PATH, from the zip.
  const a = repo(path.join(tmp, 'a'));
  const ia = await run(packaged.cliExe, ['provider', 'install', '--from', packaged.providerZip], a, { PATH: pathWithoutNode() });
  expect(ia.stderr).toBe('');
  expect(ia.code).toBe(0);
  expect(ia.stdout).toContain(`Installed portsip/portsip ${packaged.version} (${packaged.platform})`);
  expect(
    fs.existsSync(path.join(a, '.portsip', 'mirror', 'registry.terraform.io', 'portsip', 'portsip', path.basename(packaged.providerZip))),
  ).toBe(true);

  // Clone B, deeper and elsewhere, installs with the npm package through npx, from the release folder.
  const b = repo(path.join(tmp, 'somewhere', 'else', 'entirely', 'b'));
  const npmCache = path.join(tmp, 'npm-cache');
  const ib = await run(
    which('npx'),
    ['--yes', '--package', packaged.npmTarball, 'portsip', 'provider', 'install', '--from', packaged.releaseDir, '--dir', '.portsip'],
    b,
    { npm_config_cache: npmCache, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' },
  );
  expect(ib.code).toBe(0);
  expect(ib.stdout).toContain(`Installed portsip/portsip ${packaged.version}`);

  const ra = await init(a);
  expect(ra.code).toBe(0);
  const rb = await init(b);
  expect(rb.code).toBe(0);
  const lockA = fs.readFileSync(path.join(a, '.terraform.lock.hcl'), 'utf8');
  const lockB = fs.readFileSync(path.join(b, '.terraform.lock.hcl'), 'utf8');
  expect(lockA).toMatch(/"h1:[A-Za-z0-9+/=]+"/);
  expect(lockB).toBe(lockA);
  // The installed provider is the packaged executable itself, not a script that needs node.
  const installed = path.join(
    a,
    '.terraform',
    'providers',
    'registry.terraform.io',
    'portsip',
    'portsip',
    packaged.version,
    packaged.platform,
  );
  const exe = fs.readFileSync(path.join(installed, `terraform-provider-portsip_v${packaged.version}`));
  expect(exe.equals(fs.readFileSync(packaged.providerExe))).toBe(true);

  // Clone C gets A's committed lock file: init must accept it as it is.
  const c = repo(path.join(tmp, 'c', 'nested'));
  fs.copyFileSync(path.join(a, '.terraform.lock.hcl'), path.join(c, '.terraform.lock.hcl'));
  installPackaged({ dir: path.join(c, '.portsip'), from: packaged.providerZip, layout: 'unpacked' });
  const rc = await init(c);
  expect(rc.stdout + rc.stderr).not.toMatch(/checksums|doesn't match/i);
  expect(rc.code).toBe(0);
  expect(fs.readFileSync(path.join(c, '.terraform.lock.hcl'), 'utf8')).toBe(lockA);

  // `terraform providers lock -fs-mirror` over clone A's mirror writes the same hashes.
  const d = repo(path.join(tmp, 'd'));
  const lock = await run(
    TERRAFORM,
    ['providers', 'lock', '-no-color', `-fs-mirror=${path.join(a, '.portsip', 'mirror')}`, `-platform=${packaged.platform}`],
    d,
    { TF_CLI_CONFIG_FILE: path.join(d, 'none.rc'), PATH: pathWithoutNode() },
  );
  expect(lock.code).toBe(0);
  expect(fs.readFileSync(path.join(d, '.terraform.lock.hcl'), 'utf8')).toBe(lockA);
});

test('install refuses what is not a provider release zip, naming what it expects', () => {
  const bad = path.join(tmp, 'provider.zip');
  fs.copyFileSync(packaged.providerZip, bad);
  expect(() => installPackaged({ dir: path.join(tmp, 'x'), from: bad })).toThrow(/terraform-provider-portsip_<version>_<os>_<arch>\.zip/);
  const wrongContent = path.join(tmp, `terraform-provider-portsip_9.9.9_${packaged.platform}.zip`);
  fs.copyFileSync(packaged.providerZip, wrongContent);
  expect(() => inspectProviderZip(wrongContent)).toThrow(
    `must hold exactly one file, terraform-provider-portsip_v9.9.9; it holds terraform-provider-portsip_v${packaged.version}`,
  );
  const empty = path.join(tmp, 'empty');
  fs.mkdirSync(empty);
  expect(() => installPackaged({ dir: path.join(tmp, 'y'), from: empty })).toThrow(/holds no terraform-provider-portsip_/);
  expect(() => installPackaged({ dir: path.join(tmp, 'z'), from: path.join(tmp, 'missing.zip') })).toThrow(/no such file or folder/);
});
