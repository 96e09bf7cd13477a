// The committed CDK Terrain bindings (src/cdktn/gen) must be exactly what @cdktn/provider-generator
// 0.24.0 produces from the provider's current schema (like src/cdktf/gen, test/cdktf/bindings.test.ts),
// and every write-only attribute of the schema must be a write-only property in them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { providersSchemaJson, PROVIDER_ADDRESS } from '../../src/cdktf/schema-json';
import { portsipProvider } from '../../src/resources/provider';

const root = path.resolve(__dirname, '..', '..');
const genDir = path.join(root, 'src', 'cdktn', 'gen');

jest.setTimeout(60_000);

function check(...extra: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-cdktn.js'), '--check', ...extra], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
  });
}

test('src/cdktn/gen/schema.json is the schema the definitions give', () => {
  const committed = JSON.parse(fs.readFileSync(path.join(genDir, 'schema.json'), 'utf8'));
  expect(committed).toEqual(providersSchemaJson(portsipProvider));
});

test('`gen-cdktn --check` passes: committed bindings equal a fresh generation', () => {
  const r = check();
  expect(r.stderr).toMatch(/src\/cdktn\/gen matches the provider schema \(\d+ files\)/);
  expect(r.status).toBe(0);
});

test('`gen-cdktn --check` fails on a stale copy, naming the changed and missing files', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-gen-test-'));
  try {
    const copy = path.join(tmp, 'gen');
    fs.cpSync(genDir, copy, { recursive: true });
    fs.appendFileSync(path.join(copy, 'dealer', 'index.ts'), '// hand edit\n');
    fs.rmSync(path.join(copy, 'transport'), { recursive: true });
    const r = check('--dir', copy);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/out of date with the provider schema \(3 file\(s\)\)/);
    expect(r.stderr).toContain('dealer/index.ts: differs');
    expect(r.stderr).toContain('transport/index.ts: missing from the checked tree');
    expect(r.stderr).toContain('npm run gen:cdktn');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

interface WriteOnly {
  resource: string;
  /** attribute path in the schema: `password_wo`, `cdr_event.token_wo` */
  path: string;
}

function writeOnlyAttributes(): WriteOnly[] {
  const schema = providersSchemaJson(portsipProvider) as any;
  const out: WriteOnly[] = [];
  const walk = (resource: string, block: any, prefix: string) => {
    for (const [name, a] of Object.entries<any>(block.attributes ?? {})) if (a.write_only) out.push({ resource, path: prefix + name });
    for (const [name, bt] of Object.entries<any>(block.block_types ?? {})) walk(resource, bt.block, `${prefix}${name}.`);
  };
  for (const [type, s] of Object.entries<any>(schema.provider_schemas[PROVIDER_ADDRESS].resource_schemas)) walk(type, s.block, '');
  return out;
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const fileOf = (dir: string, resource: string) => path.join(dir, resource.replace(/^portsip_/, '').replace(/_/g, '-'), 'index.ts');
const DEPRECATED = '@deprecated Write-only: the provider never returns this value';

describe('write-only attributes are write-only properties', () => {
  const wo = writeOnlyAttributes();

  test('the schema has write-only attributes, top-level and nested', () => {
    expect(wo.filter((w) => !w.path.includes('.')).length).toBeGreaterThanOrEqual(5);
    expect(wo).toContainEqual({ resource: 'portsip_dealer', path: 'password_wo' });
    expect(wo).toContainEqual({ resource: 'portsip_tenant', path: 'cdr_event.token_wo' });
  });

  test('each top-level one is registered with markWriteOnlyAttribute when synthesized (JSON and HCL)', () => {
    for (const w of wo.filter((x) => !x.path.includes('.'))) {
      const text = fs.readFileSync(fileOf(genDir, w.resource), 'utf8');
      const prop = camel(w.path);
      expect(`${w.resource}.${w.path}: ${text.includes(`${w.path}: this.markWriteOnlyAttribute(cdktn.`)}`).toBe(
        `${w.resource}.${w.path}: true`,
      );
      expect(text).toMatch(new RegExp(`${w.path}: \\{\\n\\s+value: this\\.markWriteOnlyAttribute\\(cdktn\\.\\w+\\(this\\._${prop}\\)\\)`));
      // ... and the cdktf 0.21 bindings, whose generator predates write_only, do not know it.
      expect(fs.readFileSync(fileOf(path.join(root, 'src', 'cdktf', 'gen'), w.resource), 'utf8')).not.toContain('markWriteOnlyAttribute');
    }
  });

  test('every write-only getter (state read, always null) is deprecated, and no other getter is', () => {
    let deprecated = 0;
    for (const file of new Set(wo.map((w) => fileOf(genDir, w.resource)))) {
      const text = fs.readFileSync(file, 'utf8');
      deprecated += text.split(DEPRECATED).length - 1;
    }
    let total = 0;
    for (const e of fs.readdirSync(genDir, { withFileTypes: true })) {
      if (e.isDirectory()) total += fs.readFileSync(path.join(genDir, e.name, 'index.ts'), 'utf8').split(DEPRECATED).length - 1;
    }
    expect(deprecated).toBe(wo.length);
    expect(total).toBe(wo.length);
    for (const w of wo) {
      const getter = `public get ${camel(w.path.split('.').pop()!)}()`;
      const text = fs.readFileSync(fileOf(genDir, w.resource), 'utf8');
      const at = text.indexOf(getter);
      expect(at).toBeGreaterThan(0);
      expect(text.slice(Math.max(0, at - 300), at)).toContain(DEPRECATED);
    }
  });
});
