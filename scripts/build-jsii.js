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
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const gen = path.join(root, 'src', 'cdktf', 'gen');
const manifest = path.join(root, 'src', 'cdktf', 'jsii', 'package.json');
const work = path.join(root, '.tmp', 'jsii');

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
  if (!fs.existsSync(path.join(gen, 'index.ts'))) throw new Error('src/cdktf/gen is empty: run `npm run gen:cdktf`');
  const t0 = Date.now();
  fs.rmSync(work, { recursive: true, force: true });
  copyTree(gen, path.join(work, 'src'));
  // One version for everything (package.json): the constructs package is released with the provider.
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  pkg.version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.copyFileSync(path.join(gen, 'README.md'), path.join(work, 'README.md'));
  // Python keywords (`from`, ...) are attribute names the API chose; they only matter for a Python
  // target, which renames them anyway (prebuilt providers silence the same warning).
  const jsii = run(require.resolve('jsii/bin/jsii'), ['--silence-warnings=reserved-word']);
  if (jsii.code !== 0) {
    process.stderr.write(jsii.out);
    throw new Error(`jsii failed (exit ${jsii.code}); the package is in ${path.relative(root, work)}`);
  }
  const assembly = JSON.parse(fs.readFileSync(path.join(work, '.jsii'), 'utf8'));
  const types = Object.keys(assembly.types || {});
  const constructs = types.filter(
    (t) =>
      assembly.types[t].kind === 'class' && /TerraformResource|TerraformDataSource|TerraformProvider/.test(assembly.types[t].base || ''),
  );
  process.stderr.write(
    `build:jsii: ${assembly.name}@${assembly.version}: ${types.length} types (${constructs.length} resource/data source/provider classes) in ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${path.relative(root, work)}/.jsii\n`,
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
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exit(1);
}
