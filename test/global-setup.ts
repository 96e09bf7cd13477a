// Builds the packaged provider and CLI for this platform once, before the workers start (they
// share it: test/packaged.ts). Nothing to do without bundles (npm test builds them first) or
// when PORTSIP_ACC_PROVIDER=bundle asks the acceptance tests for the plain bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensurePackaged } from './packaged';

export default async function globalSetup(): Promise<void> {
  if (process.env.PORTSIP_ACC_PROVIDER === 'bundle') return;
  if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'provider.js'))) return;
  await ensurePackaged((m) => process.stderr.write(`\n${m}\n`));
}
