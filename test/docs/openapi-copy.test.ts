// gen:api works from PortSIP's OpenAPI document kept in the repository (spec/portsip/). These tests
// pin that copy to the origin its README states (checksum, version, size) and prove the committed
// subset that the client types and the emulator are built from was cut from it unchanged.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const copyPath = path.join(root, 'spec', 'portsip', 'openapi-22.2.json');
const readme = fs.readFileSync(path.join(root, 'spec', 'portsip', 'README.md'), 'utf8');

type Doc = { openapi: string; info: { version: string }; paths: Record<string, Record<string, unknown>> };
const copy = JSON.parse(fs.readFileSync(copyPath, 'utf8')) as Doc;
const subset = JSON.parse(fs.readFileSync(path.join(root, 'src', 'spec', 'openapi-admin-22.2.gen.json'), 'utf8')) as Doc;
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

test('the copy is the document spec/portsip/README.md names (SHA-256, version, 567 operations)', () => {
  const stated = /SHA-256 `([0-9a-f]{64})`/.exec(readme);
  expect(stated).not.toBeNull();
  const actual = crypto.createHash('sha256').update(fs.readFileSync(copyPath)).digest('hex');
  expect(actual).toBe(stated![1]);
  expect(copy.openapi).toBe('3.1.0');
  expect(copy.info.version).toBe('22.0'); // the README explains why a 22.2 document says 22.0
  const operations = Object.values(copy.paths).flatMap((item) => Object.keys(item).filter((m) => METHODS.has(m)));
  expect(operations).toHaveLength(567);
});

test('scripts/gen-api.js reads the in-repository copy unless $PORTSIP_OPENAPI is set', () => {
  const script = fs.readFileSync(path.join(root, 'scripts', 'gen-api.js'), 'utf8');
  expect(script).toContain("process.env.PORTSIP_OPENAPI || path.join(root, 'spec', 'portsip', 'openapi-22.2.json')");
});

test('every path of the committed subset is taken unchanged from the copy', () => {
  const paths = Object.keys(subset.paths);
  expect(paths.length).toBeGreaterThan(50);
  const differing = paths.filter((p) => JSON.stringify(subset.paths[p]) !== JSON.stringify(copy.paths[p]));
  expect(differing).toEqual([]);
});
