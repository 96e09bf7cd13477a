// Acceptance harness: runs the REAL terraform binary against a provider build, offline.
//
// The provider under test is the packaged single executable, as released (test/packaged.ts
// builds it once per bundle content), and terraform runs with a PATH that holds no `node`, so
// the provider cannot lean on an installed Node. PORTSIP_ACC_PROVIDER=bundle switches to a
// launcher that runs this node on dist/provider.js (quicker when iterating on the provider);
// `providerEntry` does the same for a test's own bundle (e.g. a fake provider).
//
// Each harness gets a temp dir with
//   terraform.rc  (filesystem_mirror for portsip/portsip + direct { exclude }): the shared
//                 unpacked mirror of the packaged executable, or this harness's own mirror/
//                 with the launcher,
//   work/         (the terraform working directory),
// and runs terraform with TF_CLI_CONFIG_FILE, CHECKPOINT_DISABLE=1 and TF_IN_AUTOMATION=1
// (docs/protocol.md "CLI configuration and cdktf": this machine pre-sets TF_CLI_CONFIG_FILE to a missing file, and the
// registry is unreachable, so init must come from the mirror).
//
//   const h = await TerraformHarness.create({ env: { PORTSIP_ENDPOINT: url } });
//   h.writeConfig(`resource "portsip_tenant" "a" { ... }`);   // provider block added for you
//   await h.init(); await h.apply(); expect(await h.planExitCode()).toBe(0);
//   h.resource('portsip_tenant.a').attributes.id; await h.destroy(); h.cleanup();

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installDevLauncher, writeCliConfig } from '../../src/cli/provider-install';
import { VERSION } from '../../src/common/version';
import { ensurePackaged, pathWithoutNode, which } from '../packaged';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** terraform's absolute path, found before PATH loses node's folder. */
const TERRAFORM = which('terraform');
export const DEFAULT_PROVIDER_ENTRY = path.join(REPO_ROOT, 'dist', 'provider.js');
export const PROVIDER_SOURCE = 'portsip/portsip';

export interface TfResult {
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface HarnessOptions {
  /** JS file a launcher runs with node, instead of the packaged executable. */
  providerEntry?: string;
  /** Version in the mirror path (launcher only). Default: package.json's. */
  version?: string;
  /** Extra environment for terraform (and so the provider), e.g. PORTSIP_ENDPOINT, TF_LOG. */
  env?: Record<string, string | undefined>;
  /** Keep the temp dir after cleanup() (or set TF_HARNESS_KEEP=1) for debugging. */
  keep?: boolean;
  /** Per-command timeout in ms (default 120000). */
  timeoutMs?: number;
}

export interface StateResource {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  instances: {
    attributes: Record<string, unknown>;
    private?: string;
    sensitive_attributes?: unknown[];
    schema_version?: number;
    index_key?: unknown;
  }[];
}

export class TerraformError extends Error {
  constructor(
    public readonly args: string[],
    public readonly result: TfResult,
  ) {
    super(`terraform ${args.join(' ')} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
}

export class TerraformHarness {
  readonly env: Record<string, string>;

  private constructor(
    readonly root: string,
    readonly workDir: string,
    readonly mirrorDir: string,
    readonly cliConfigFile: string,
    /** The provider executable terraform installs (the packaged binary, or a launcher script). */
    readonly launcher: string,
    readonly version: string,
    /** true: the packaged single executable; false: a launcher running node on a bundle. */
    readonly packaged: boolean,
    env: Record<string, string>,
    private readonly opts: HarnessOptions,
  ) {
    this.env = env;
  }

  static async create(opts: HarnessOptions = {}): Promise<TerraformHarness> {
    const packaged = !opts.providerEntry && process.env.PORTSIP_ACC_PROVIDER !== 'bundle';
    const version = opts.version ?? VERSION;
    if (packaged && version !== VERSION) throw new Error(`the packaged provider is version ${VERSION}, not ${version}`);
    const entry = path.resolve(opts.providerEntry ?? DEFAULT_PROVIDER_ENTRY);
    if (!packaged && !fs.existsSync(entry)) throw new Error(`provider entry ${entry} does not exist (run npm run build?)`);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-acc-'));
    let mirrorDir: string;
    let launcher: string;
    let cliConfigFile: string;
    if (packaged) {
      // One unpacked mirror for every harness: terraform init links to it rather than
      // extracting the 100 MB executable per working directory.
      const p = await ensurePackaged();
      mirrorDir = p.mirrorDir;
      launcher = p.providerExe;
      cliConfigFile = writeCliConfig(root, mirrorDir);
    } else {
      ({ mirrorDir, executable: launcher, cliConfigFile } = installDevLauncher({ dir: root, version, providerEntry: entry }));
    }
    const workDir = path.join(root, 'work');
    fs.mkdirSync(workDir);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    // No node on the PATH terraform (and so the provider) gets: the packaged provider must not need one.
    Object.assign(env, {
      TF_CLI_CONFIG_FILE: cliConfigFile,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      PATH: pathWithoutNode(env.PATH),
      // The dev launcher's V8 code cache (src/provider/code-cache.ts) in the checkout, not the user's ~/.cache.
      PORTSIP_PROVIDER_CODE_CACHE: path.join(REPO_ROOT, '.tmp', 'code-cache'),
    });
    delete env.TF_PLUGIN_CACHE_DIR;
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    return new TerraformHarness(root, workDir, mirrorDir, cliConfigFile, launcher, version, packaged, env, opts);
  }

  /** The terraform block pinning portsip/portsip to the mirror version. */
  get requiredProviders(): string {
    return `terraform {\n  required_providers {\n    portsip = {\n      source  = "${PROVIDER_SOURCE}"\n      version = "${this.version}"\n    }\n  }\n}\n`;
  }

  /**
   * Write a .tf file into the working directory. Unless the HCL has its own `terraform {` block,
   * the required_providers block is prepended (and an empty `provider "portsip" {}` if none).
   */
  writeConfig(hcl: string, file = 'main.tf'): void {
    let text = hcl;
    if (!/^\s*terraform\s*\{/m.test(hcl)) {
      text = this.requiredProviders + (/^\s*provider\s+"portsip"/m.test(hcl) ? '' : 'provider "portsip" {}\n') + '\n' + hcl;
    }
    this.writeFile(file, text);
  }

  writeFile(rel: string, content: string): void {
    const p = path.join(this.workDir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }

  removeFile(rel: string): void {
    fs.rmSync(path.join(this.workDir, rel), { force: true });
  }

  /** Run terraform with args (no shell). Never throws for a non-zero exit. */
  tf(...args: string[]): Promise<TfResult> {
    return this.run(args, {});
  }

  /** Like tf(), with extra env for this one command. */
  tfWithEnv(env: Record<string, string>, ...args: string[]): Promise<TfResult> {
    return this.run(args, env);
  }

  /**
   * Simulate Ctrl-C in a terminal: once stdout matches `after`, wait `delayMs`, then send SIGINT
   * to terraform's whole process group (providers included), as a terminal does (docs/protocol.md "Ctrl-C and StopProvider").
   */
  tfInterrupted(args: string[], opts: { after: RegExp; delayMs?: number; env?: Record<string, string> }): Promise<TfResult> {
    return this.run(args, opts.env ?? {}, opts);
  }

  private run(args: string[], extraEnv: Record<string, string>, interrupt?: { after: RegExp; delayMs?: number }): Promise<TfResult> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const child = spawn(TERRAFORM, args, {
        cwd: this.workDir,
        env: { ...this.env, ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
        // its own process group, so an interrupt can reach terraform and its providers together
        detached: !!interrupt,
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let interrupted = false;
      child.stdout.on('data', (b: Buffer) => {
        out.push(b);
        if (interrupt && !interrupted && interrupt.after.test(Buffer.concat(out).toString('utf8'))) {
          interrupted = true;
          setTimeout(() => {
            try {
              if (child.pid) process.kill(-child.pid, 'SIGINT');
            } catch {
              // already gone
            }
          }, interrupt.delayMs ?? 500);
        }
      });
      child.stderr.on('data', (b: Buffer) => err.push(b));
      const timer = setTimeout(() => child.kill('SIGKILL'), this.opts.timeoutMs ?? 120_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({
          code: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          durationMs: Math.round(performance.now() - t0),
        });
      });
    });
  }

  /** Run and throw TerraformError unless the exit code is one of `ok` (default [0]). */
  async tfOk(args: string[], ok: number[] = [0]): Promise<TfResult> {
    const r = await this.tf(...args);
    if (!ok.includes(r.code)) throw new TerraformError(args, r);
    return r;
  }

  init(...extra: string[]): Promise<TfResult> {
    return this.tfOk(['init', '-input=false', '-no-color', ...extra]);
  }

  /** `plan` (no throw). */
  plan(...extra: string[]): Promise<TfResult> {
    return this.tf('plan', '-input=false', '-no-color', ...extra);
  }

  /** `plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error (docs/protocol.md "Exit codes and drift"). */
  async planExitCode(...extra: string[]): Promise<number> {
    return (await this.plan('-detailed-exitcode', ...extra)).code;
  }

  /** `plan -detailed-exitcode` result, throwing on 1 (error). */
  async planDetailed(...extra: string[]): Promise<TfResult> {
    return this.tfOk(['plan', '-input=false', '-no-color', '-detailed-exitcode', ...extra], [0, 2]);
  }

  apply(...extra: string[]): Promise<TfResult> {
    return this.tfOk(['apply', '-input=false', '-no-color', '-auto-approve', ...extra]);
  }

  destroy(...extra: string[]): Promise<TfResult> {
    return this.tfOk(['destroy', '-input=false', '-no-color', '-auto-approve', ...extra]);
  }

  /** Parsed `terraform show -json` (values include sensitive ones, masks in sensitive_values). */
  async showJson(): Promise<any> {
    return JSON.parse((await this.tfOk(['show', '-json', '-no-color'])).stdout);
  }

  /** Parsed `terraform providers schema -json`. */
  async providersSchema(): Promise<any> {
    return JSON.parse((await this.tfOk(['providers', 'schema', '-json'])).stdout);
  }

  /** The raw terraform.tfstate text ('' when none), e.g. to assert a secret never reached it. */
  stateText(): string {
    const p = path.join(this.workDir, 'terraform.tfstate');
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
  }

  /** Parsed terraform.tfstate (local backend), or null. */
  state(): { resources: StateResource[]; [k: string]: unknown } | null {
    const t = this.stateText();
    return t ? JSON.parse(t) : null;
  }

  /** A resource from the state by address ("portsip_x.a", "data.portsip_y.b", "module.m.portsip_x.a" not supported); first instance. */
  resource(address: string): StateResource['instances'][number] | undefined {
    const st = this.state();
    if (!st) return undefined;
    const parts = address.split('.');
    const mode = parts[0] === 'data' ? 'data' : 'managed';
    const [type, name] = mode === 'data' ? [parts[1], parts[2]] : [parts[0], parts[1]];
    const r = st.resources.find((x) => x.mode === mode && x.type === type && x.name === name && !('module' in x));
    return r?.instances[0];
  }

  /** Resource addresses in state. */
  addresses(): string[] {
    return (this.state()?.resources ?? []).map((r) => `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`);
  }

  cleanup(): void {
    if (this.opts.keep || process.env.TF_HARNESS_KEEP === '1') return;
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
