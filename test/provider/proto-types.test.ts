// src/provider/gen/ (`npm run gen:proto`): the TypeScript types of the tfplugin6 messages and the
// static protobuf codec must be exactly what scripts/gen-proto.js makes of the .proto files; the
// codec must read and write the same bytes as protobufjs's own reflection of those files; and the
// generated method list must be the service the gRPC server registers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as protobuf from 'protobufjs';
import { PROVIDER_METHODS } from '../../src/provider/gen/tfplugin6';
import { loadProtocol } from '../../src/provider/proto/services';

const root = path.resolve(__dirname, '..', '..');
const protoDir = path.join(root, 'src', 'provider', 'proto');
const genDir = path.join(root, 'src', 'provider', 'gen');

function check(...extra: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-proto.js'), '--check', ...extra], { cwd: root, encoding: 'utf8' });
}

test('the committed types and codec equal a fresh generation from the .proto files', () => {
  const r = check();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('`gen-proto --check` fails on stale copies, naming each, and says how to fix it', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-proto-test-'));
  try {
    fs.cpSync(genDir, tmp, { recursive: true });
    // A field the .proto no longer has, as a hand edit or an old generation would leave it.
    const types = path.join(tmp, 'tfplugin6.ts');
    fs.writeFileSync(
      types,
      fs.readFileSync(types, 'utf8').replace('  json?: Uint8Array;\n', '  json?: Uint8Array;\n  yaml?: Uint8Array;\n'),
    );
    const codec = path.join(tmp, 'protocol-codec.js');
    fs.writeFileSync(codec, fs.readFileSync(codec, 'utf8').replace('m.msgpack=r.bytes()', 'm.msgpack=r.string()'));
    const r = check(tmp);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/tfplugin6\.ts is not what the \.proto files give: run npm run gen:proto/);
    expect(r.stderr).toMatch(/protocol-codec\.js is not what the \.proto files give/);
    expect(r.stderr).not.toMatch(/protocol-codec\.d\.ts/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('the generated method list is the Provider service the server registers', () => {
  const services = loadProtocol();
  expect([...PROVIDER_METHODS]).toEqual(Object.keys(services.provider));
  expect(services.provider.PlanResourceChange!.path).toBe('/tfplugin6.Provider/PlanResourceChange');
  expect(Object.keys(services.controller)).toEqual(['Shutdown']);
});

describe('the static codec and protobufjs reflection agree, byte for byte', () => {
  const reflection = new protobuf.Root();
  for (const f of ['tfplugin6.proto', 'plugin.proto'])
    protobuf.parse(fs.readFileSync(path.join(protoDir, f), 'utf8'), reflection, { keepCase: true });
  reflection.resolveAll();
  const services = loadProtocol();
  const type = (name: string) => reflection.lookupType(name);

  test('a request Terraform sends decodes to the same fields (nested messages, bytes, int64, maps)', () => {
    const req = type('tfplugin6.UpgradeResourceState.Request');
    const bytes = req
      .encode(
        req.fromObject({
          type_name: 'portsip_ip_rule',
          version: 7,
          raw_state: { json: Buffer.from('{"a":1}'), flatmap: { k: 'v', __proto__: 'x' } },
        }),
      )
      .finish();
    const m = services.provider.UpgradeResourceState!.decodeRequest(bytes) as any;
    expect(m.type_name).toBe('portsip_ip_rule');
    expect(m.version).toBe(7);
    expect(Buffer.from(m.raw_state.json).toString()).toBe('{"a":1}');
    expect(m.raw_state.flatmap.k).toBe('v');
    expect(Object.getPrototypeOf(m.raw_state.flatmap)).toBe(Object.prototype); // "__proto__" did not become the prototype
    // absent fields read as proto3 defaults
    const empty = services.provider.PlanResourceChange!.decodeRequest(new Uint8Array(0)) as any;
    expect([empty.type_name, empty.prior_state, empty.prior_private.length, empty.client_capabilities]).toEqual(['', null, 0, null]);
  });

  test('responses encode to the bytes reflection produces, for every field kind used', () => {
    const cases: Array<[string, string, Record<string, unknown>]> = [
      [
        'PlanResourceChange',
        'tfplugin6.PlanResourceChange.Response',
        {
          planned_state: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0x01]) },
          requires_replace: [{ steps: [{ attribute_name: 'a' }, { element_key_int: 3 }, { element_key_string: 'k' }] }],
          planned_private: Buffer.from('p'),
          diagnostics: [{ severity: 1, summary: 's', detail: 'd', attribute: { steps: [{ attribute_name: 'x' }] } }],
        },
      ],
      [
        'GetProviderSchema',
        'tfplugin6.GetProviderSchema.Response',
        {
          provider: {
            version: 0,
            block: { version: 0, attributes: [{ name: 'a', type: Buffer.from('"string"'), optional: true, description_kind: 1 }] },
          },
          resource_schemas: {
            portsip_x: { version: 2, block: { block_types: [{ type_name: 'b', nesting: 2, min_items: 1, block: { deprecated: true } }] } },
          },
          data_source_schemas: {},
          server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
          diagnostics: [],
        },
      ],
      ['StopProvider', 'tfplugin6.StopProvider.Response', { Error: 'e' }],
    ];
    for (const [method, typeName, value] of cases) {
      const t = type(typeName);
      const expected = Buffer.from(t.encode(t.fromObject(value)).finish());
      expect(services.provider[method]!.encodeResponse(value)).toEqual(expected);
    }
  });
});
