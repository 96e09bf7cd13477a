#!/usr/bin/env node
// Compiles the generated cdktf bindings with jsii, like every prebuilt cdktf provider package
// (`npm run build:jsii`; part of `npm test`).
//
// The jsii package is src/cdktf/jsii/package.json (name, peer dependencies, jsii settings) with the
// bindings of src/cdktf/gen as its src/. jsii writes its tsconfig.json, .jsii assembly and lib/
// into the package folder, so the package is assembled and compiled under .tmp/jsii/ (git-ignored)
// instead of in the source tree; cdktf and constructs resolve from this repository's node_modules.
// Only the generated code goes in: the validation aspect imports the provider's TypeScript, which is
// not jsii-compatible and is not needed by other languages (they would validate at plan time).
//
//   node scripts/build-jsii.js               compile; prints the assembly summary
//   node scripts/build-jsii.js --pacmak python
//                                            also run jsii-pacmak --code-only for that target
//   node scripts/build-jsii.js --package cdktn
//                                            the CDK Terrain package instead (src/cdktn, .tmp/jsii-cdktn)
//   node scripts/build-jsii.js --pack DIR    also `npm pack` the compiled package into DIR and print
//                                            the tarball's path on stdout (the installable package)
//   node scripts/build-jsii.js --workdir DIR assemble and compile in DIR instead of .tmp/jsii[-cdktn]
//                                            (tests building in parallel use their own folders)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// cdktf: the bindings of src/cdktf/gen against cdktf 0.21 and constructs 10.8 (this repository's).
// cdktn: those of src/cdktn/gen against cdktn 0.24, which asks for constructs < 10.8.0; the cdktn and
// constructs that @cdktn/provider-generator (a devDependency) brings are used. Either way the two are
// linked into the build folder's node_modules, so jsii resolves exactly those wherever the folder is.
const flavour = argValue('--package') || 'cdktf';
const gen = path.join(root, 'src', flavour, 'gen');
const manifest = path.join(root, 'src', flavour, 'jsii', 'package.json');
const work = path.resolve(argValue('--workdir') || path.join(root, '.tmp', flavour === 'cdktf' ? 'jsii' : 'jsii-cdktn'));

/** Where a package's peer dependencies (cdktf or cdktn, and constructs) are taken from. */
function peerDirs(flavour) {
  const from = flavour === 'cdktf' ? root : path.dirname(require.resolve('@cdktn/provider-generator/package.json'));
  return Object.fromEntries(
    [flavour, 'constructs'].map((dep) => [dep, path.dirname(require.resolve(`${dep}/package.json`, { paths: [from] }))]),
  );
}

function linkPeers() {
  const nm = path.join(work, 'node_modules');
  fs.mkdirSync(nm, { recursive: true });
  for (const [dep, dir] of Object.entries(peerDirs(flavour))) fs.symlinkSync(dir, path.join(nm, dep), 'dir');
  // The generated lazy-index.ts uses require/exports: Node's types, found by walking up from the
  // package folder, which outside this repository (--workdir) would find none.
  fs.mkdirSync(path.join(nm, '@types'));
  fs.symlinkSync(path.dirname(require.resolve('@types/node/package.json', { paths: [root] })), path.join(nm, '@types', 'node'), 'dir');
}

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyTree(a, b);
    else if (e.name.endsWith('.ts') || e.name.endsWith('.md')) fs.copyFileSync(a, b);
  }
}

function run(cmd, args) {
  const env = { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20', CHECKPOINT_DISABLE: '1' };
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd: work, env, encoding: 'utf8' });
  return { code: r.status ?? 1, out: `${r.stdout || ''}${r.stderr || ''}` };
}

function main() {
  if (flavour !== 'cdktf' && flavour !== 'cdktn') throw new Error(`--package must be "cdktf" or "cdktn"; got "${flavour}"`);
  if (!fs.existsSync(path.join(gen, 'index.ts'))) throw new Error(`src/${flavour}/gen is empty: run \`npm run gen:${flavour}\``);
  const t0 = Date.now();
  fs.rmSync(work, { recursive: true, force: true });
  copyTree(gen, path.join(work, 'src'));
  // One version for everything (package.json): the constructs package is released with the provider.
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  pkg.version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.copyFileSync(path.join(gen, 'README.md'), path.join(work, 'README.md'));
  linkPeers();
  // Python keywords (`from`, ...) are attribute names the API chose; they only matter for a Python
  // target, which renames them anyway (prebuilt providers silence the same warning).
  const jsii = run(require.resolve('jsii/bin/jsii'), ['--silence-warnings=reserved-word']);
  if (jsii.code !== 0) {
    process.stderr.write(jsii.out);
    throw new Error(`jsii failed (exit ${jsii.code}); the package is in ${work}`);
  }
  const assembly = JSON.parse(fs.readFileSync(path.join(work, '.jsii'), 'utf8'));
  const types = Object.keys(assembly.types || {});
  const constructs = types.filter(
    (t) =>
      assembly.types[t].kind === 'class' && /TerraformResource|TerraformDataSource|TerraformProvider/.test(assembly.types[t].base || ''),
  );
  process.stderr.write(
    `build:jsii: ${assembly.name}@${assembly.version}: ${types.length} types (${constructs.length} resource/data source/provider classes) in ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${path.join(work, '.jsii')}\n`,
  );
  const i = process.argv.indexOf('--pacmak');
  if (i >= 0) {
    const target = process.argv[i + 1] || 'python';
    const p = run(require.resolve('jsii-pacmak/bin/jsii-pacmak'), ['--code-only', '--target', target, '--outdir', 'dist']);
    if (p.code !== 0) {
      process.stderr.write(p.out);
      throw new Error(`jsii-pacmak --code-only --target ${target} failed`);
    }
    process.stderr.write(`build:jsii: ${target} sources in ${path.relative(root, path.join(work, 'dist', target))}\n`);
  }
  const packDir = argValue('--pack');
  if (packDir) process.stdout.write(pack(path.resolve(packDir)) + '\n');
}

/**
 * `npm pack` of the compiled package: lib/ (.js, .d.ts), .jsii and README.md ("files" of the
 * manifest). npm writes every entry with a fixed mtime, so the same sources give the same bytes.
 * --ignore-scripts: the manifest has none, and no lifecycle script of a caller's npm config may run.
 */
function pack(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  if (r.status !== 0) throw new Error(`npm pack failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  const [info] = JSON.parse(r.stdout);
  const file = path.join(dir, info.filename);
  process.stderr.write(`build:jsii: packed ${info.entryCount} files, ${(info.size / 1024).toFixed(0)} KiB -> ${file}\n`);
  return file;
}

module.exports = { peerDirs };

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`${e && e.message ? e.message : e}\n`);
    process.exit(1);
  }
}
