// What a partial run (--apply-only, --export-only) needs before it starts: the built provider
// installed as a dev launcher, the results of a full run it adds to, the singletons registered, and the
// emulator's TLS certificate.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { installDevLauncher } from '../src/cli/provider-install';
import { createSelfSignedCert } from '../src/provider/cert';
import { portsipResources } from '../src/resources';
import { BENCH_DIR, PROVIDER_VERSION, REPO_ROOT } from './runner';
import { singletonsPresent } from './scenarios';
import type { BenchResults, Options } from './types';

export function partialRunSetup(opts: Options, flag: string) {
  const entry = path.join(REPO_ROOT, 'dist', 'provider.js');
  if (!fs.existsSync(entry)) throw new Error('dist/provider.js is missing: run "npm run build" (npm run bench does it first)');
  const resultsFile = path.join(opts.outDir, 'results.json');
  if (!fs.existsSync(resultsFile)) throw new Error(`${resultsFile} is missing: ${flag} adds to the results of a full run`);
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as BenchResults;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const install = installDevLauncher({ dir: path.join(BENCH_DIR, 'provider'), version: PROVIDER_VERSION, providerEntry: entry });
  const singletons = singletonsPresent(Object.keys(portsipResources));
  const tls = createSelfSignedCert('pbx.bench.example.com');
  return { resultsFile, results, install, singletons, tls };
}
