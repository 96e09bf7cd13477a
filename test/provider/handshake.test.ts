// The built provider process: go-plugin handshake, mTLS, gRPC, SIGINT, Shutdown (docs/protocol.md "Handshake").
// The real entry (src/provider/main.ts) is bundled exactly as `npm run build` does.
import * as grpc from '@grpc/grpc-js';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleProvider } from '../acceptance/bundle';
import { createSelfSignedCert } from '../../src/provider/cert';
import { loadProtocol } from '../../src/provider/proto/services';
import { MAGIC_COOKIE_VALUE } from '../../src/provider/server';
import { clientDefinition } from './grpc-client';

jest.setTimeout(120_000);

const services = loadProtocol();
const ProviderClient = grpc.makeGenericClientConstructor(clientDefinition(services.provider), 'Provider');
const ControllerClient = grpc.makeGenericClientConstructor(clientDefinition(services.controller), 'GRPCController');

let tmp: string;
let entry: string;
const clientCert = createSelfSignedCert('localhost');

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tfp-hs-'));
  entry = await bundleProvider(path.join(__dirname, '..', '..', 'src', 'provider', 'main.ts'), path.join(tmp, 'provider.js'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Launched {
  child: ChildProcessWithoutNullStreams;
  line: Promise<string>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string | undefined>): Launched {
  const full: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) full[k] = v;
  const child = spawn(process.execPath, [entry], { env: full, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const line = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const i = out.indexOf('\n');
      if (i >= 0) resolve(out.slice(0, i));
    });
    child.on('exit', () => reject(new Error(`exited before handshake; stderr: ${err}`)));
  });
  line.catch(() => undefined);
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, line, stdout: () => out, stderr: () => err, exited };
}

const tfEnv = (over: Record<string, string | undefined> = {}) => ({
  TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
  PLUGIN_PROTOCOL_VERSIONS: '5,6',
  PLUGIN_CLIENT_CERT: clientCert.certPem,
  PLUGIN_MIN_PORT: '10000',
  PLUGIN_MAX_PORT: '25000',
  TF_DISABLE_PLUGIN_TLS: undefined,
  ...over,
});

function derToPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}

function clients(line: string, withClientCert = true) {
  const [, , , addr, , cert] = line.split('|');
  const options = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
  const creds = cert
    ? withClientCert
      ? grpc.credentials.createSsl(
          Buffer.from(derToPem(Buffer.from(cert, 'base64'))),
          Buffer.from(clientCert.keyPem),
          Buffer.from(clientCert.certPem),
        )
      : grpc.credentials.createSsl(Buffer.from(derToPem(Buffer.from(cert, 'base64'))))
    : grpc.credentials.createInsecure();
  return { provider: new ProviderClient(addr!, creds, options), controller: new ControllerClient(addr!, creds, options) };
}

function call(client: grpc.Client, method: string, req: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    (client as any)[method](req, { deadline: Date.now() + 10_000 }, (err: Error | null, res: unknown) =>
      err ? reject(err) : resolve(res),
    );
  });
}

test('without the magic cookie: a human message on stderr, exit 1, nothing on stdout', async () => {
  const p = launch({ TF_PLUGIN_MAGIC_COOKIE: undefined });
  expect(await p.exited).toBe(1);
  expect(p.stdout()).toBe('');
  expect(p.stderr()).toMatch(/This binary is a plugin/);
});

test('refuses when protocol 6 is not offered', async () => {
  const p = launch(tfEnv({ PLUGIN_PROTOCOL_VERSIONS: '5' }));
  expect(await p.exited).toBe(1);
  expect(p.stdout()).toBe('');
  expect(p.stderr()).toMatch(/protocol 6/);
});

test('handshake line, mTLS, SIGINT ignored, 5 MB messages, Shutdown exits promptly', async () => {
  const p = launch(tfEnv());
  const line = await p.line;
  expect(line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|[A-Za-z0-9+/]+$/);
  const certB64 = line.split('|')[5]!;
  expect(certB64.endsWith('=')).toBe(false);
  const x = new crypto.X509Certificate(Buffer.from(certB64, 'base64'));
  expect(x.subjectAltName).toContain('DNS:localhost');

  const c = clients(line);
  const gps = await call(c.provider, 'GetProviderSchema', {});
  expect(gps.server_capabilities.get_provider_schema_optional).toBe(true);
  expect(gps.provider.block.attributes.map((a: any) => a.name)).toContain('endpoint');

  // Ctrl-C reaches the whole process group; the provider must survive it (docs/protocol.md "Ctrl-C and StopProvider").
  p.child.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 200));
  expect(p.child.exitCode).toBeNull();
  await call(c.provider, 'StopProvider', {});

  // > 4 MiB request (the usual gRPC default limit) is accepted (docs/protocol.md "Message sizes")
  const { encodeMsgpackObject } = await import('../../src/provider/codec');
  const { providerSchema } = await import('../../src/resources/provider');
  // username has no content rule, so a 5 MB value is valid config and only the size is tested.
  const big = encodeMsgpackObject(providerSchema.block, { username: 'x'.repeat(5 * 1024 * 1024) });
  const vpc = await call(c.provider, 'ValidateProviderConfig', { config: { msgpack: big } });
  expect(vpc.diagnostics ?? []).toEqual([]);

  // a client without a certificate is refused
  const anon = clients(line, false);
  await expect(call(anon.provider, 'GetProviderSchema', {})).rejects.toBeTruthy();
  anon.provider.close();

  // Shutdown must end the process by itself (exit 0), not leave terraform to SIGKILL it (docs/protocol.md "Shutdown").
  await call(c.controller, 'Shutdown', {});
  expect(await p.exited).toBe(0);
  c.provider.close();
  c.controller.close();
  // exactly one line on stdout in the whole life of the process
  expect(p.stdout()).toBe(line + '\n');
  // stderr log lines are JSON with six fractional digits
  for (const l of p.stderr().split('\n').filter(Boolean)) {
    const e = JSON.parse(l);
    expect(e['@timestamp']).toMatch(/\.\d{6}Z$/);
  }
});

test('plaintext when Terraform disables plugin TLS', async () => {
  const p = launch(tfEnv({ PLUGIN_CLIENT_CERT: undefined, TF_DISABLE_PLUGIN_TLS: '1' }));
  const line = await p.line;
  expect(line).toMatch(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|$/);
  const c = clients(line);
  const meta = await call(c.provider, 'GetMetadata', {});
  expect(meta.server_capabilities.get_provider_schema_optional).toBe(true);
  await call(c.controller, 'Shutdown', {});
  expect(await p.exited).toBe(0);
  c.provider.close();
  c.controller.close();
});

// Start-up time is measured by `npm run bench:startup` (bench/startup.js), not asserted here.
