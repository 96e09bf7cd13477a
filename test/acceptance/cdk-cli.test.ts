// The packed constructs with the command line their users run (docs/cdktf.md "Packages"):
// `cdktf synth`, `cdktf diff`, `cdktf deploy` and `cdktf destroy` of cdktf-cli 0.21.0 on the fresh
// cdktf app, and the same with the `cdktn` CLI of cdktn-cli 0.24.0 on the fresh cdktn app, against
// the emulator with the packaged provider from the harness's filesystem mirror.
//
// Opt-in (PORTSIP_CLI_TESTS=1), never in CI: the CLIs are not dependencies of this repository and
// are installed from the npm registry into .tmp/cli-tools/ (kept for the next run); cdktn-cli needs
// Node >= 22.19, so on an older Node the test also installs node-linux-<arch>@22 from the registry
// and runs the cdktn CLI with it. Skipped (reported as such) otherwise.
//
//   PORTSIP_CLI_TESTS=1 npx jest test/acceptance/cdk-cli.test.ts
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TENANTS } from '../../examples/service-provider/customers';
import { createFreshApp, REPO_ROOT, STACK, TARGET_VERSIONS, type Flavour } from '../cdktf/fresh-app';
import { startAcceptance } from './portsip';

jest.setTimeout(900_000);

const ENABLED = process.env.PORTSIP_CLI_TESTS === '1';
const TOOLS = path.join(REPO_ROOT, '.tmp', 'cli-tools');
const CLI: Record<Flavour, { pkg: string; bin: string }> = {
  cdktf: { pkg: 'cdktf-cli@0.21.0', bin: 'cdktf' },
  cdktn: { pkg: 'cdktn-cli@0.24.0', bin: 'cdktn' },
};
// cdktn-cli 0.24.0: engines.node ">=22.19.0". The Node 22 the npm registry publishes as a package.
const NODE22 = `node-linux-${process.arch}@22.23.5`;

/** npm install of `pkgs` into .tmp/cli-tools/<name> unless already there; returns the folder. */
function installTool(name: string, pkgs: string[]): string {
  const dir = path.join(TOOLS, name);
  const stamp = path.join(dir, '.installed');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === pkgs.join(' ')) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', dir, ...pkgs], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`npm install ${pkgs.join(' ')} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  fs.writeFileSync(stamp, pkgs.join(' '));
  return dir;
}

function nodeMajorMinor(v: string): [number, number] {
  const [a = 0, b = 0] = v.replace(/^v/, '').split('.').map(Number);
  return [a, b];
}

/** The node executable to run the CLI with: this one, or Node 22 from the registry for cdktn. */
function nodeFor(flavour: Flavour): string {
  if (flavour === 'cdktf') return process.execPath;
  const [major, minor] = nodeMajorMinor(process.version);
  if (major > 22 || (major === 22 && minor >= 19)) return process.execPath;
  const dir = installTool('node22', [NODE22]);
  return path.join(dir, 'node_modules', NODE22.replace(/@[^@]*$/, ''), 'bin', 'node');
}

interface Run {
  code: number;
  out: string;
}

/** Async (the emulator runs in this process and must keep answering while the CLI works). */
function cli(node: string, bin: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code: code ?? 1,
        out: Buffer.concat(chunks)
          .toString('utf8')
          .replace(/\x1b\[[0-9;]*m/g, ''), // eslint-disable-line no-control-regex -- ESC starts the colour codes removed here
      });
    });
  });
}

function expectOk(r: Run, what: string): string {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n${r.out}`);
  return r.out;
}

const DEALER_PASSWORD = 'Dealer-cli-S3cret';
const SMTP_PASSWORD = 'Smtp-cli-S3cret';

(ENABLED ? describe : describe.skip).each<Flavour>(['cdktf', 'cdktn'])(
  '%s CLI on the packed constructs (PORTSIP_CLI_TESTS=1)',
  (flavour) => {
    test(`${CLI[flavour].bin} synth → diff → deploy → diff (no changes) → destroy against the emulator`, async () => {
      const tool = installTool(CLI[flavour].bin, [CLI[flavour].pkg]);
      const pkgDir = path.join(tool, 'node_modules', CLI[flavour].pkg.replace(/@[^@]+$/, ''));
      const bins = (JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
      const binRel = bins[CLI[flavour].bin];
      if (binRel === undefined) throw new Error(`${CLI[flavour].pkg} has no "${CLI[flavour].bin}" bin`);
      const bin = path.join(pkgDir, binRel);
      const node = nodeFor(flavour);
      if (flavour === 'cdktn') {
        const [major, minor] = nodeMajorMinor(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim());
        expect(major > 22 || (major === 22 && minor >= 19)).toBe(true);
      }
      const app = createFreshApp(flavour);
      const acc = await startAcceptance({ env: { TF_VAR_dealer_initial_password: DEALER_PASSWORD, TF_VAR_smtp_password: SMTP_PASSWORD } });
      try {
        // The harness's environment (PORTSIP_*, TF_CLI_CONFIG_FILE -> the mirror with the packaged
        // provider, no node on PATH) plus the node the CLI and the app run with, first on PATH.
        const env: Record<string, string> = {
          ...acc.h.env,
          PATH: `${path.dirname(node)}${path.delimiter}${acc.h.env.PATH}`,
          CI: '1',
          CHECKPOINT_DISABLE: '1',
          FORCE_COLOR: '0',
        };
        delete env.NODE_PATH;
        delete env.CDKTF_CONTEXT_JSON;
        if (flavour === 'cdktn')
          expect(JSON.parse(fs.readFileSync(path.join(app.dir, 'cdktf.json'), 'utf8')).targetVersions).toEqual(TARGET_VERSIONS);
        const version = expectOk(await cli(node, bin, ['--version'], app.dir, env), `${CLI[flavour].bin} --version`);
        expect(version).toContain(CLI[flavour].pkg.split('@')[1]);

        const synth = expectOk(await cli(node, bin, ['synth'], app.dir, env), `${CLI[flavour].bin} synth`);
        const json = fs.readFileSync(path.join(app.dir, 'cdktf.out', 'stacks', STACK, 'cdk.tf.json'), 'utf8');
        expect(Object.keys(JSON.parse(json).resource.portsip_tenant).length).toBe(TENANTS.length);
        expect(synth).not.toContain(DEALER_PASSWORD);

        const diff = expectOk(await cli(node, bin, ['diff', STACK, '--skip-provider-lock'], app.dir, env), `${CLI[flavour].bin} diff`);
        expect(diff).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/);
        expect(diff).not.toContain(DEALER_PASSWORD);

        const deploy = expectOk(
          await cli(node, bin, ['deploy', STACK, '--auto-approve', '--skip-provider-lock'], app.dir, env),
          `${CLI[flavour].bin} deploy`,
        );
        expect(deploy).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);
        expect((await acc.api.tenants.listAll()).map((t) => t.domain).sort()).toEqual(TENANTS.map((t) => t.domain).sort());
        const state = fs.readFileSync(path.join(app.dir, 'cdktf.out', 'stacks', STACK, 'terraform.tfstate'), 'utf8');
        expect(state).not.toContain(DEALER_PASSWORD);
        expect(state).not.toContain(SMTP_PASSWORD);

        const again = expectOk(
          await cli(node, bin, ['diff', STACK, '--skip-provider-lock'], app.dir, env),
          `${CLI[flavour].bin} diff after deploy`,
        );
        expect(again).toMatch(/No changes/);

        const destroy = expectOk(
          await cli(node, bin, ['destroy', STACK, '--auto-approve', '--skip-provider-lock'], app.dir, env),
          `${CLI[flavour].bin} destroy`,
        );
        expect(destroy).toMatch(/Destroy complete! Resources: \d+ destroyed/);
        expect(await acc.api.tenants.listAll()).toEqual([]);
      } finally {
        await acc.close();
        app.cleanup();
      }
    });
  },
);

if (!ENABLED) {
  test.skip('cdktf-cli / cdktn CLI tests: set PORTSIP_CLI_TESTS=1 (they install the CLIs from the npm registry)', () => undefined);
}
