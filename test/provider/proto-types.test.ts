// src/provider/gen/tfplugin6.ts (the TypeScript types of the tfplugin6 messages, `npm run gen:proto`)
// must be exactly what scripts/gen-proto.js makes of src/provider/proto/tfplugin6.proto, and its
// method list must be the service the gRPC server registers (src/provider/proto/services.ts).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROVIDER_METHODS } from '../../src/provider/gen/tfplugin6';
import { buildServices } from '../../src/provider/proto/services';

const root = path.resolve(__dirname, '..', '..');
const protoDir = path.join(root, 'src', 'provider', 'proto');
const target = path.join(root, 'src', 'provider', 'gen', 'tfplugin6.ts');

function check(...extra: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-proto.js'), '--check', ...extra], { cwd: root, encoding: 'utf8' });
}

test('the committed types equal a fresh generation from the .proto', () => {
  const r = check();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('`gen-proto --check` fails on a stale copy and says how to fix it', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-proto-test-'));
  try {
    const stale = path.join(tmp, 'tfplugin6.ts');
    // A field the .proto no longer has, as a hand edit or an old generation would leave it.
    fs.writeFileSync(
      stale,
      fs.readFileSync(target, 'utf8').replace('  json?: Uint8Array;\n', '  json?: Uint8Array;\n  yaml?: Uint8Array;\n'),
    );
    expect(fs.readFileSync(stale, 'utf8')).not.toBe(fs.readFileSync(target, 'utf8'));
    const r = check(stale);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not what src\/provider\/proto\/tfplugin6\.proto gives: run npm run gen:proto/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('the generated method list is the Provider service the server registers', () => {
  const services = buildServices([
    fs.readFileSync(path.join(protoDir, 'tfplugin6.proto'), 'utf8'),
    fs.readFileSync(path.join(protoDir, 'plugin.proto'), 'utf8'),
  ]);
  expect([...PROVIDER_METHODS]).toEqual(Object.keys(services.provider));
  expect(PROVIDER_METHODS).toContain('PlanResourceChange');
});
