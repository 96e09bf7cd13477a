#!/usr/bin/env node
// Bundles each executable entry point into one CommonJS file under dist/ with esbuild.
// One file per entry starts faster than a tree of modules (the provider is launched 2-5 times
// per terraform command; see docs/protocol.md "Launches per command").
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
// The one version (package.json) goes into the bundles: src/common/version.ts.
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
// provider-bundle.js is the provider; provider.js is the small loader that runs it with a V8 code
// cache (src/provider/code-cache.ts). The packaged single executable embeds provider-bundle.js.
const entries = {
  'provider-bundle': 'src/provider/main.ts',
  provider: 'src/provider/code-cache.ts',
  cli: 'src/cli/main.ts',
};

async function main() {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const present = Object.entries(entries).filter(([, src]) => fs.existsSync(path.join(root, src)));
  await Promise.all(
    present.map(([name, src]) =>
      esbuild.build({
        entryPoints: [path.join(root, src)],
        outfile: path.join(root, 'dist', `${name}.js`),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: 'linked',
        logLevel: 'warning',
        // JSON assets (the OpenAPI subset, proto descriptors) are bundled in.
        loader: { '.proto': 'text' },
        define: { __PORTSIP_VERSION__: JSON.stringify(version) },
      }),
    ),
  );
  process.stderr.write(`build: ${present.map(([n]) => `dist/${n}.js`).join(', ') || 'nothing to build yet'}\n`);
}
main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
