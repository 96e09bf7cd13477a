// dist/provider.js: runs the provider bundle (dist/provider-bundle.js) compiled with a V8 code cache,
// so a launch skips most of parsing and compiling it (docs/protocol.md "Start-up cost").
//
// Terraform starts the provider two to five times per command, one after another, and each start
// sits on the command's critical path. Without a cache, every launch parses the 1.9 MB bundle and
// compiles each function it runs the first time: about 25 ms per launch in `plan -refresh=false`
// (bench/RESULTS.md "Floor"). The cache is what Node 22 does with module.enableCompileCache, done
// here by hand because the provider runs on Node 20:
//  - one file per bundle and Node version, under $PORTSIP_PROVIDER_CODE_CACHE, else
//    $XDG_CACHE_HOME/terraform-provider-portsip, else ~/.cache/terraform-provider-portsip
//    (created 0700); PORTSIP_PROVIDER_CODE_CACHE=off turns it off;
//  - the file name carries the bundle's size, mtime and inode, because V8 checks only the source's
//    length before using a cache: a rebuilt bundle gets a new file, never an old cache;
//  - a process writes the cache when it exits (atomically: a temporary file, then a rename) if it
//    found none, or if it did clearly more work than the process that wrote the one it used (CPU
//    time, recorded in the file's 8-byte header). V8 serialises the functions compiled so far, so the
//    cache converges on a plan or apply launch, which ran the handlers, rather than the first
//    GetProviderSchema-only launch;
//  - the folder keeps the KEEP newest cache files (a rebuilt bundle, or another provider version
//    used by another configuration, adds one), older ones are deleted when a cache is written;
//  - V8 refuses a cache of another V8 version or with other flags (then this compiles as usual and
//    writes a fresh one); any error reading or writing is ignored: the cache only ever saves time;
//  - PORTSIP_PROVIDER_CODE_CACHE_DEBUG=1 says on stderr what happened (the tests read it).
// The packaged single executable (docs/release.md) runs this loader as its main script too, with the
// bundle as an SEA asset: its cache file is named by the executable's size, mtime and inode.

import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const BUNDLE = path.join(__dirname, 'provider-bundle.js');
const HEADER = 8; // uint32 format (1), uint32 CPU ms of the process that wrote it
const FORMAT = 1;
/** Rewrite only when this process used this many times the writer's CPU (stops every launch rewriting). */
const MORE_WORK = 1.5;
/** Cache files kept per folder: a few provider versions or rebuilds side by side, not one per build forever. */
const KEEP = 4;

/** Deletes all but the KEEP newest cache files in `dir`. */
function prune(dir: string): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('provider-') && f.endsWith('.v8cache'))
    .map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP)) fs.rmSync(path.join(dir, f), { force: true });
}

function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.PORTSIP_PROVIDER_CODE_CACHE;
  if (setting === 'off' || setting === '0' || setting === 'false') return undefined;
  if (setting) return setting;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'terraform-provider-portsip');
}

interface BundleSource {
  code: string;
  /** The bundle's file name, for stack traces and its module's require. */
  filename: string;
  /** The file whose size, mtime and inode name the cache: the bundle, or the executable holding it. */
  keyFile: string;
  prefix: string;
}

/** The bundle next to this file, or the asset of the single executable this runs in. */
function bundleSource(): BundleSource {
  let sea: { isSea(): boolean; getAsset(key: string, encoding: string): string } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:sea is missing before Node 20.12
    sea = require('node:sea') as typeof sea;
  } catch {
    sea = undefined;
  }
  if (sea?.isSea()) {
    return {
      code: sea.getAsset('provider-bundle.js', 'utf8'),
      filename: path.join(path.dirname(process.execPath), 'provider-bundle.js'),
      keyFile: process.execPath,
      prefix: 'provider-sea-',
    };
  }
  return { code: fs.readFileSync(BUNDLE, 'utf8'), filename: BUNDLE, keyFile: BUNDLE, prefix: 'provider-bundle-' };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
};

function run(): void {
  const { code, filename, keyFile, prefix } = bundleSource();
  let file: string | undefined;
  let cached: Buffer | undefined;
  let writerMs = 0;
  try {
    const dir = cacheDir(process.env);
    if (dir) {
      const st = fs.statSync(keyFile);
      file = path.join(dir, `${prefix}${st.size}-${Math.round(st.mtimeMs)}-${st.ino}-node${process.versions.node}.v8cache`);
      const data = fs.readFileSync(file);
      if (data.length > HEADER && data.readUInt32LE(0) === FORMAT) {
        writerMs = data.readUInt32LE(4);
        cached = data.subarray(HEADER);
      }
    }
  } catch {
    // no cache yet, or none possible: compile as usual
  }
  const script = new vm.Script(Module.wrap(code), { filename, cachedData: cached });
  const accepted = cached !== undefined && !script.cachedDataRejected;
  const debug = process.env.PORTSIP_PROVIDER_CODE_CACHE_DEBUG === '1';
  if (debug) process.stderr.write(`code cache: ${cached === undefined ? 'none' : accepted ? 'accepted' : 'rejected'}\n`);
  if (file) {
    const target = file;
    process.once('exit', () => {
      const used = cpuMs();
      if (accepted && used < writerMs * MORE_WORK) return;
      try {
        const data = script.createCachedData();
        const header = Buffer.alloc(HEADER);
        header.writeUInt32LE(FORMAT, 0);
        header.writeUInt32LE(used, 4);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        const tmp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([header, data]), { mode: 0o600 });
        fs.renameSync(tmp, target);
        prune(path.dirname(target));
        if (debug) process.stderr.write(`code cache: wrote ${path.basename(target)}\n`);
      } catch {
        // a read-only home, a full disk: the next launch compiles as usual
      }
    });
  }
  // The bundle runs as the CommonJS module it was built as: its own module object, require and paths.
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, path.dirname(filename));
}

run();
