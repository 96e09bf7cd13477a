// Bundles a TypeScript provider entry (e.g. a test-only fake ProviderDefinition) into one
// CommonJS file with esbuild, like scripts/build.js does for dist/provider.js (same .proto loader).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VERSION } from '../../src/common/version';

export async function bundleProvider(entry: string, outFile?: string): Promise<string> {
  // Loaded lazily: only tests that bundle pay for esbuild.
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  const out =
    outFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tfp-bundle-')), `${path.basename(entry, path.extname(entry))}.js`);
  await esbuild.build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    loader: { '.proto': 'text' },
    define: { __PORTSIP_VERSION__: JSON.stringify(VERSION) },
  });
  return out;
}
