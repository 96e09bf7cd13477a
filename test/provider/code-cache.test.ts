// The loader dist/provider.js (src/provider/code-cache.ts): runs the bundle next to it as a CommonJS
// module, compiled with a V8 code cache it keeps between launches (docs/protocol.md "Start-up cost").
// A stand-in bundle prints what its module wrapper got, so the loader is tested without the provider.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleProvider } from '../acceptance/bundle';

let dir: string;
let loader: string;
const bundle = () => path.join(dir, 'provider-bundle.js');
const cacheFiles = (cache: string) =>
  fs.existsSync(cache)
    ? fs
        .readdirSync(cache)
        .filter((f) => f.endsWith('.v8cache'))
        .sort()
    : [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tfp-cc-'));
  loader = await bundleProvider(path.join(__dirname, '..', '..', 'src', 'provider', 'code-cache.ts'), path.join(dir, 'provider.js'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeBundle(extra = ''): void {
  // Work enough to compile a few functions; then report the CommonJS wrapper's arguments.
  fs.writeFileSync(
    bundle(),
    `'use strict';\nconst sum = (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s; };\n` +
      `process.stdout.write(JSON.stringify({ file: path(__filename), dir: __dirname === require('node:path').dirname(__filename), ` +
      `exportsIsModuleExports: exports === module.exports, sum: sum(1000), sep: require('node:path').sep }) + '\\n');\n` +
      `function path(f) { return require('node:path').basename(f); }\n${extra}`,
  );
}

function launch(cache: string): { out: Record<string, unknown>; log: string[] } {
  const r = spawnSync(process.execPath, [loader], {
    env: { ...process.env, PORTSIP_PROVIDER_CODE_CACHE: cache, PORTSIP_PROVIDER_CODE_CACHE_DEBUG: '1' },
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  return { out: JSON.parse(r.stdout) as Record<string, unknown>, log: r.stderr.split('\n').filter((l) => l.startsWith('code cache:')) };
}

test('runs the bundle as its module; the first launch writes a cache, the next one uses it and leaves it', () => {
  writeBundle();
  const cache = path.join(dir, 'cache-a');
  const first = launch(cache);
  expect(first.out).toEqual({ file: 'provider-bundle.js', dir: true, exportsIsModuleExports: true, sum: 499500, sep: '/' });
  expect(first.log[0]).toBe('code cache: none');
  expect(first.log[1]).toMatch(/^code cache: wrote provider-bundle-\d+-\d+-\d+-node[\d.]+\.v8cache$/);
  expect(cacheFiles(cache)).toHaveLength(1);
  expect(fs.statSync(cache).mode & 0o777).toBe(0o700);
  const written = fs.statSync(path.join(cache, cacheFiles(cache)[0]!)).mtimeMs;
  const second = launch(cache);
  expect(second.out).toEqual(first.out);
  expect(second.log).toEqual(['code cache: accepted']);
  expect(fs.statSync(path.join(cache, cacheFiles(cache)[0]!)).mtimeMs).toBe(written);
});

test('a rebuilt bundle gets a cache of its own; the folder keeps the 4 newest', () => {
  const cache = path.join(dir, 'cache-b');
  for (let i = 0; i < 6; i++) {
    writeBundle(`// build ${i}${' '.repeat(i)}\n`);
    const { log } = launch(cache);
    expect(log[0]).toBe('code cache: none');
  }
  expect(cacheFiles(cache)).toHaveLength(4);
});

test('a cache V8 refuses is replaced; off turns the cache off', () => {
  writeBundle();
  const cache = path.join(dir, 'cache-c');
  launch(cache);
  const [name] = cacheFiles(cache);
  const file = path.join(cache, name!);
  const data = fs.readFileSync(file);
  data.fill(7, 8); // keep the header, break V8's data
  fs.writeFileSync(file, data);
  const broken = launch(cache);
  expect(broken.log[0]).toBe('code cache: rejected');
  expect(broken.log[1]).toMatch(/^code cache: wrote /);
  expect(launch(cache).log).toEqual(['code cache: accepted']);
  expect(launch('off').log).toEqual(['code cache: none']); // and nothing written
  expect(fs.existsSync('off')).toBe(false);
});
