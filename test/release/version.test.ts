// One version (package.json) drives the provider, the CLI, the release files and the constructs
// package; the licence is the complete MPL-2.0 text; the changelog has an entry for the version.
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VERSION } from '../../src/common/version';

const root = path.join(__dirname, '..', '..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };

test('the version comes from package.json everywhere', () => {
  expect(VERSION).toBe(pkg.version);
  expect(VERSION).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  expect(JSON.parse(read('src/cdktf/jsii/package.json')).version).toBe(pkg.version);
  // The bundles carry it without a package.json beside them (the single executables have none).
  const bundle = read('dist/cli.js');
  expect(bundle).not.toContain('__PORTSIP_VERSION__');
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'portsip'), '--version'], { encoding: 'utf8' });
  expect(r.stdout).toBe(`${pkg.version}\n`);
  // scripts/release.js names every file after the same version.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without type declarations
  expect(require('../../scripts/release.js').packageVersion()).toBe(pkg.version);
});

test('LICENSE is the complete, unmodified MPL-2.0 text', () => {
  expect(pkg.license).toBe('MPL-2.0');
  const text = read('LICENSE');
  // SHA-256 of the plain-text MPL-2.0 (373 lines) as shipped in npm packages under that licence; it
  // matches the SPDX licence list's text word for word except Exhibit A's http:// link (SPDX: https://).
  expect(crypto.createHash('sha256').update(text).digest('hex')).toBe('fab3dd6bdab226f1c08630b1dd917e11fcb4ec5e1e020e2c16f83a0a13863e85');
  expect(text.startsWith('Mozilla Public License Version 2.0\n')).toBe(true);
  expect(text).toContain('Exhibit B - "Incompatible With Secondary Licenses" Notice');
});

test('CHANGELOG.md follows Keep a Changelog and has an entry for this version', () => {
  const log = read('CHANGELOG.md');
  expect(log).toMatch(/^# Changelog\n/);
  expect(log).toContain('https://keepachangelog.com/en/1.1.0/');
  expect(log).toMatch(/^## \[Unreleased\]$/m);
  expect(log).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
});
