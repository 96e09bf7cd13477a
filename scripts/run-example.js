#!/usr/bin/env node
// Runs a TypeScript entry point (a cdktf app such as examples/service-provider/main.ts, or the
// demo) without ts-node: esbuild bundles the entry and this repository's sources into one CommonJS
// file under .tmp/run-example/, leaving node_modules packages external, and node runs it in this
// process. cdktf.json's "app" uses it, so `cdktf synth` works too for anyone who has cdktf-cli.
//
//   node scripts/run-example.js examples/service-provider/main.ts [args...]
'use strict';
const path = require('node:path');
const { createHash } = require('node:crypto');

const root = path.resolve(__dirname, '..');

/** Bundles `entry` and returns the path of the JavaScript file. */
async function bundle(entry) {
  const esbuild = require('esbuild');
  const abs = path.resolve(entry);
  const name = `${path.basename(path.dirname(abs))}-${path.basename(abs, path.extname(abs))}-${createHash('sha1').update(abs).digest('hex').slice(0, 8)}.js`;
  const outfile = path.join(root, '.tmp', 'run-example', name);
  await esbuild.build({
    entryPoints: [abs],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    // cdktf, constructs, undici, ... load from node_modules as usual (and stay single instances).
    packages: 'external',
    logLevel: 'warning',
    loader: { '.proto': 'text' },
  });
  return outfile;
}

async function main() {
  const [entry, ...rest] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: node scripts/run-example.js <entry.ts> [args...]\n');
    process.exit(2);
  }
  const file = await bundle(entry);
  process.argv = [process.argv[0], file, ...rest];
  require(file);
}

if (require.main === module) {
  process.env.CHECKPOINT_DISABLE = process.env.CHECKPOINT_DISABLE || '1';
  process.env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION = process.env.JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION || '20';
  main().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exit(1);
  });
}

module.exports = { bundle };
