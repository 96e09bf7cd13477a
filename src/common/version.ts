// The one version of this project (package.json "version"). esbuild writes it into the bundles
// (scripts/build.js defines __PORTSIP_VERSION__), so a single executable, which has no
// package.json beside it, still knows it; running from source (jest) reads package.json.
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const __PORTSIP_VERSION__: string | undefined;

function fromPackageJson(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export const VERSION: string = typeof __PORTSIP_VERSION__ === 'string' ? __PORTSIP_VERSION__ : fromPackageJson();
