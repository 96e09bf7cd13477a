#!/usr/bin/env node
// Regenerates the Registry documentation (one command: `npm run gen:docs`):
//   docs/index.md, docs/resources/<name>.md, docs/data-sources/<name>.md
// from the provider definition (src/resources/provider.ts and the resource/data source registries)
// and the examples under examples/provider, examples/resources, examples/data-sources. The page
// layout follows tfplugindocs; the code that renders it is in scripts/gen-docs/*.ts.
//
//   node scripts/gen-docs.js            write the docs
//   node scripts/gen-docs.js --check    exit 1 when the committed docs differ from a fresh generation
//
// The generator owns docs/index.md and everything in docs/resources and docs/data-sources; the
// hand-written pages next to them (docs/client.md, docs/emulator.md, ...) are never read or written.
// Like gen-cdktf.js, the TypeScript definitions are loaded through a throwaway esbuild bundle.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** Loads the generator with the provider definition. */
async function loadGenerator() {
  const esbuild = require('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-docs-'));
  try {
    const contents = [
      "export { generateDocs, OWNED } from './scripts/gen-docs/generate';",
      "export { portsipProvider } from './src/resources/provider';",
    ].join('\n');
    const out = path.join(dir, 'gen-docs-entry.js');
    await esbuild.build({
      stdin: { contents, resolveDir: root, loader: 'ts' },
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      loader: { '.proto': 'text' },
    });
    return require(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The docs as they should be: { files: Map<relative path, content>, warnings: string[] }. The
 * definitions always come from this checkout; `dir` is where the examples are read (tests use a copy).
 */
async function render(dir = root) {
  const m = await loadGenerator();
  return m.generateDocs({ root: dir, provider: m.portsipProvider });
}

/** Generated files currently on disk under `dir` (only the ones the generator owns). */
function ownedOnDisk(dir = root) {
  const out = [];
  if (fs.existsSync(path.join(dir, 'docs', 'index.md'))) out.push('docs/index.md');
  for (const d of ['docs/resources', 'docs/data-sources']) {
    const abs = path.join(dir, d);
    if (!fs.existsSync(abs)) continue;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) if (e.isFile()) out.push(`${d}/${e.name}`);
    out.sort();
  }
  return out;
}

/** Whether the generator owns `rel`: docs/index.md and pages directly in docs/resources, docs/data-sources. */
function isOwned(rel) {
  return rel === 'docs/index.md' || /^docs\/(resources|data-sources)\/[^/]+\.md$/.test(rel);
}

/** [path, why] for every owned file that differs from `files`. */
function staleFiles(files, dir = root) {
  const diffs = [];
  for (const [rel, text] of files) {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs)) diffs.push([rel, 'missing']);
    else if (fs.readFileSync(abs, 'utf8') !== text) diffs.push([rel, 'differs']);
  }
  for (const rel of ownedOnDisk(dir)) if (!files.has(rel)) diffs.push([rel, 'not generated from the current schema']);
  return diffs;
}

function write(files, dir = root) {
  // Stale pages (a removed resource) go; nothing outside the owned paths is touched.
  for (const rel of ownedOnDisk(dir)) if (!files.has(rel)) fs.rmSync(path.join(dir, rel));
  for (const [rel, text] of files) {
    if (!isOwned(rel)) throw new Error(`gen:docs: refusing to write ${rel}: not a generated page`);
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (!fs.existsSync(abs) || fs.readFileSync(abs, 'utf8') !== text) fs.writeFileSync(abs, text);
  }
}

async function main() {
  const { files, warnings } = await render();
  for (const w of warnings) process.stderr.write(`gen:docs: warning: ${w}\n`);
  if (process.argv.includes('--check')) {
    const diffs = staleFiles(files);
    if (diffs.length) {
      process.stderr.write(
        `gen:docs: the committed docs are out of date (${diffs.length} file(s)):\n` +
          diffs.map(([f, why]) => `  ${f}: ${why}`).join('\n') +
          '\nRun `npm run gen:docs` and commit the result.\n',
      );
      process.exit(1);
    }
    process.stderr.write(`gen:docs: docs match the provider schema and examples (${files.size} files)\n`);
    return;
  }
  write(files);
  process.stderr.write(`gen:docs: wrote ${files.size} files (docs/index.md, docs/resources, docs/data-sources)\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exit(1);
  });
}

module.exports = { render, staleFiles, ownedOnDisk, write, isOwned };
