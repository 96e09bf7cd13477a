// The one version of this project (package.json "version"). esbuild writes it into the bundles
// (scripts/build.js and the tests' bundler define __PORTSIP_VERSION__), so a single executable,
// which has no package.json beside it, still knows it; running from source (jest) reads
// package.json two folders up.
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const __PORTSIP_VERSION__: string | undefined;

function fromPackageJson(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (pkg.name === 'terraform-provider-portsip' && pkg.version) return pkg.version;
  } catch {
    // bundled without the define, away from the checkout
  }
  // Never fail a start-up over a version string.
  return '0.0.0-unknown';
}

export const VERSION: string = typeof __PORTSIP_VERSION__ === 'string' ? __PORTSIP_VERSION__ : fromPackageJson();
