// Temporary folders for tests, removed when the test file ends: a run leaves nothing in the OS
// temporary directory (cdktf's Testing.app() and new App() without an outdir each make one and
// never remove it, about 65 per run before this helper).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

// Registered when a test file imports this module (hooks cannot be added from inside a test); jest
// loads modules afresh for every test file, so each file removes its own folders.
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** mkdtemp under the OS temporary directory; removed in the importing test file's afterAll. */
export function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}
