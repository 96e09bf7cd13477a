// The report samples in docs/drift-samples are produced here, from plan JSON captured from real
// terraform runs against the emulator (test/fixtures/drift, test/fixtures/guard). The test fails
// when a sample is stale; `npm run gen:drift-samples` (UPDATE=1) rewrites them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDrift } from '../../src/cli/drift';
import { runGuard } from '../../src/cli/guard';
import { GUARD_DEFAULTS } from '../../src/cli/report/guard';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'docs', 'drift-samples');
const DRIFT_FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'drift');
const GUARD_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'guard', 'plan-delete-31.json');
const UPDATE = process.env.UPDATE === '1';

let out: string;
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-samples-'));
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const io = (cwd: string) => ({ cwd, env: {}, stdout: () => undefined, stderr: () => undefined });

const DOC = path.join(ROOT, 'docs', 'drift.md');
const LANG: Record<string, string> = { txt: 'text', md: 'markdown', xml: 'xml' };
/** Shown inline in docs/drift.md; the JSON and SARIF samples are only linked (too long). */
const EMBEDDED = ['drift.txt', 'drift.md', 'drift.xml', 'guard.txt', 'guard.md'];

/** docs/drift.md with the sample `name` placed between its markers, as a fenced block. */
function withSample(doc: string, name: string, text: string): string {
  const open = `<!-- sample: ${name} -->`;
  const close = `<!-- /sample: ${name} -->`;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) throw new Error(`docs/drift.md has no ${open} ... ${close} markers`);
  const fence = text.includes('```') ? '````' : '```';
  const block = `${open}\n${fence}${LANG[name.split('.').pop()!]}\n${text.endsWith('\n') ? text : text + '\n'}${fence}\n${close}`;
  return doc.slice(0, a) + block + doc.slice(b + close.length);
}

function compare(name: string): void {
  const fresh = fs.readFileSync(path.join(out, name), 'utf8');
  // The captured configuration's webhook password (write-only) must never reach a sample.
  expect(fresh).not.toContain('hooksecret4242');
  const sample = path.join(SAMPLES, name);
  const doc = fs.readFileSync(DOC, 'utf8');
  const docFresh = EMBEDDED.includes(name) ? withSample(doc, name, fresh) : doc;
  if (UPDATE) {
    fs.mkdirSync(SAMPLES, { recursive: true });
    fs.writeFileSync(sample, fresh);
    fs.writeFileSync(DOC, docFresh);
    return;
  }
  if (doc !== docFresh) throw new Error(`the ${name} sample in docs/drift.md is stale: run npm run gen:drift-samples`);
  if (!fs.existsSync(sample)) throw new Error(`docs/drift-samples/${name} is missing: run npm run gen:drift-samples`);
  if (fs.readFileSync(sample, 'utf8') !== fresh) throw new Error(`docs/drift-samples/${name} is stale: run npm run gen:drift-samples`);
}

test('drift samples: text, markdown, json, sarif, junit from the captured refresh-only plan', async () => {
  // Run from the fixture directory, as a pipeline runs from its checkout: SARIF paths are relative to it.
  const code = await runDrift(
    {
      planJson: 'plan-drift.json',
      format: ['text,markdown,json,sarif,junit'],
      out: ['text', 'markdown', 'json', 'sarif', 'junit'].map((f) =>
        path.join(out, `drift.${{ text: 'txt', markdown: 'md', json: 'json', sarif: 'sarif', junit: 'xml' }[f]}`),
      ),
      terraform: 'terraform',
    },
    io(DRIFT_FIXTURE_DIR),
  );
  expect(code).toBe(2);
  for (const f of ['drift.txt', 'drift.md', 'drift.json', 'drift.sarif', 'drift.xml']) compare(f);
});

test('guard samples: text and markdown from the captured plan that deletes 31 of 100 IP rules', async () => {
  const code = await runGuard(
    {
      planJson: GUARD_FIXTURE,
      format: ['text,markdown'],
      out: [path.join(out, 'guard.txt'), path.join(out, 'guard.md')],
      terraform: 'terraform',
      ...GUARD_DEFAULTS,
    },
    io(ROOT),
  );
  expect(code).toBe(3);
  for (const f of ['guard.txt', 'guard.md']) compare(f);
});
