#!/usr/bin/env node
// `npm run bench [-- options]`: bundles bench/run.ts (with the emulator and the provider's stats
// types) into .bench/run.js with esbuild, then runs it with this node. See bench/README.md.
// `npm run bench -- --quick`: the floor comparison alone (bench/floor.ts), a few minutes.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const outfile = path.join(root, '.bench', quick ? 'floor.js' : 'run.js');
esbuild.buildSync({
  entryPoints: [path.join(__dirname, quick ? 'floor-main.ts' : 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  loader: { '.proto': 'text' },
  // The version the bundles carry (src/common/version.ts), as scripts/build.js sets it.
  define: { __PORTSIP_VERSION__: JSON.stringify(require('../package.json').version) },
});
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2).filter((a) => a !== '--quick')], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 1);
