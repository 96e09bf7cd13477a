// The packaged (single executable) provider and CLI for this platform, built once per content:
// `npm run release`'s own code (scripts/release.js) with the running node as the base binary,
// into .tmp/packaged/<hash of the bundles, the release script and node>/. jest's global setup
// builds it before the workers start (test/global-setup.ts); a worker that finds it missing
// builds it too, and a race only costs time (the first finished directory wins the rename).
//
// Layout of the cached directory:
//   release/                      buildRelease output (provider + CLI zips, npm tarball, SHA256SUMS)
//   mirror/registry.terraform.io/portsip/portsip/<version>/<os_arch>/terraform-provider-portsip_v<version>
//                                 the unpacked filesystem mirror every acceptance harness shares
//                                 (terraform init links to it instead of extracting 100 MB each time)
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without type declarations
const release = require('../scripts/release.js') as {
  buildRelease(o: Record<string, unknown>): Promise<{
    outDir: string;
    version: string;
    providerZips: { platform: string; zip: string; exeName: string }[];
    cliZips: { platform: string; zip: string }[];
    npmTarball?: string;
    sums: string;
    executables: string;
  }>;
  hostPlatform(): string;
  packageVersion(): string;
};

export interface Packaged {
  dir: string;
  version: string;
  platform: string;
  /** dist/release-like folder for this platform. */
  releaseDir: string;
  providerZip: string;
  cliZip: string;
  npmTarball: string;
  /** The provider executable (also what the shared mirror holds). */
  providerExe: string;
  cliExe: string;
  /** Unpacked filesystem mirror root holding providerExe. */
  mirrorDir: string;
}

function contentKey(): string {
  const h = crypto.createHash('sha256');
  for (const f of [
    'dist/provider.js',
    'dist/provider-bundle.js',
    'dist/cli.js',
    'scripts/release.js',
    'package.json',
    'bin/portsip',
    'LICENSE',
    'docs/cli-package.md',
  ]) {
    const p = path.join(REPO_ROOT, f);
    if (!fs.existsSync(p)) throw new Error(`${f} is missing: run "npm run build" first`);
    h.update(f).update(fs.readFileSync(p));
  }
  h.update(process.version)
    .update(process.execPath)
    .update(String(fs.statSync(process.execPath).size));
  return h.digest('hex').slice(0, 16);
}

function layoutOf(dir: string): Packaged {
  const version = release.packageVersion();
  const platform = release.hostPlatform();
  const releaseDir = path.join(dir, 'release');
  const exe = platform.startsWith('windows') ? '.exe' : '';
  return {
    dir,
    version,
    platform,
    releaseDir,
    providerZip: path.join(releaseDir, `terraform-provider-portsip_${version}_${platform}.zip`),
    cliZip: path.join(releaseDir, `portsip_${version}_${platform}.zip`),
    npmTarball: path.join(releaseDir, `portsip-cli-${version}.tgz`),
    providerExe: path.join(releaseDir, 'executables', platform, `terraform-provider-portsip_v${version}${exe}`),
    cliExe: path.join(releaseDir, 'executables', platform, `portsip${exe}`),
    mirrorDir: path.join(dir, 'mirror'),
  };
}

/** The cached build for the current bundles, building it when missing (one process builds, the others wait). */
export async function ensurePackaged(log: (m: string) => void = () => undefined): Promise<Packaged> {
  const base = path.join(REPO_ROOT, '.tmp', 'packaged');
  const key = contentKey();
  const dir = path.join(base, key);
  const lock = path.join(base, `${key}.lock`);
  fs.mkdirSync(base, { recursive: true });
  for (;;) {
    if (fs.existsSync(path.join(dir, 'complete'))) return layoutOf(dir);
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      // Someone else builds; take over only if that process is gone.
      const pid = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      let alive: boolean;
      try {
        if (pid) process.kill(pid, 0);
        alive = pid > 0;
      } catch {
        alive = false;
      }
      if (!alive && pid) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (fs.existsSync(path.join(dir, 'complete'))) return layoutOf(dir);
    const t0 = Date.now();
    fs.rmSync(dir, { recursive: true, force: true });
    const r = await release.buildRelease({
      outDir: path.join(dir, 'release'),
      platforms: [release.hostPlatform()],
      nodeFrom: 'host',
      mirrors: false,
      log: () => undefined,
    });
    const p = layoutOf(dir);
    const platformDir = path.join(p.mirrorDir, 'registry.terraform.io', 'portsip', 'portsip', r.version, p.platform);
    fs.mkdirSync(platformDir, { recursive: true });
    fs.linkSync(p.providerExe, path.join(platformDir, path.basename(p.providerExe)));
    fs.writeFileSync(path.join(dir, 'complete'), `${new Date().toISOString()}\n`);
    // Older builds are dead weight (a few hundred MB each).
    for (const d of fs.readdirSync(base)) if (!d.startsWith(key)) fs.rmSync(path.join(base, d), { recursive: true, force: true });
    log(`packaged provider and CLI for ${p.platform} in ${((Date.now() - t0) / 1000).toFixed(0)} s -> ${path.relative(REPO_ROOT, dir)}`);
    return p;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** PATH without any folder that holds a `node` executable: what the packaged binaries must live with. */
export function pathWithoutNode(pathValue = process.env.PATH ?? ''): string {
  return pathValue
    .split(path.delimiter)
    .filter((d) => d && !['node', 'node.exe', 'nodejs'].some((n) => fs.existsSync(path.join(d, n))))
    .join(path.delimiter);
}

/** Absolute path of a command found on PATH (so it can still be run once PATH loses node's folder). */
export function which(cmd: string, pathValue = process.env.PATH ?? ''): string {
  for (const d of pathValue.split(path.delimiter)) {
    const p = path.join(d, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  throw new Error(`${cmd} is not on PATH`);
}
