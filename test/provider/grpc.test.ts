// The provider's own unary gRPC server (src/provider/grpc.ts), spoken to by grpc-js's client (an
// independent implementation) and, for what a well-behaved client never sends, by raw HTTP/2; on
// both HTTP/2 layers it can run on: ours (h2.ts, the default) and node:http2's (PORTSIP_PROVIDER_HTTP2=node).
import * as grpc from '@grpc/grpc-js';
import * as http2 from 'node:http2';
import { GrpcStatus, startGrpcServer, type GrpcServer, type UnaryMethod } from '../../src/provider/grpc';
import { SILENT_LOGGER } from '../../src/provider/logger';
import { loadProtocol } from '../../src/provider/proto/services';
import { clientDefinition } from './grpc-client';

const services = loadProtocol();
const p = services.provider;
const Client = grpc.makeGenericClientConstructor(clientDefinition(p), 'Provider');

describe.each([
  ['h2.ts (default)', {}],
  ['node:http2', { PORTSIP_PROVIDER_HTTP2: 'node' }],
])('gRPC server on %s', (_name, env: NodeJS.ProcessEnv) => {
  let server: GrpcServer;
  let client: grpc.Client;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    const methods = new Map<string, UnaryMethod>([
      // Echoes the config bytes back as the diagnostic's detail length, so big requests are checked whole.
      [
        p.ValidateProviderConfig!.path,
        async (bytes) => {
          const req = p.ValidateProviderConfig!.decodeRequest(bytes) as { config: { msgpack: Uint8Array } | null };
          const n = req.config?.msgpack.length ?? -1;
          const last = n > 0 ? req.config!.msgpack[n - 1] : -1;
          return p.ValidateProviderConfig!.encodeResponse({
            diagnostics: [{ severity: 2, summary: `${n}:${last}`, detail: 'x'.repeat(n) }],
          });
        },
      ],
      [
        p.GetMetadata!.path,
        async () => {
          throw new Error('broken: 100% ünïcode\nsecond line');
        },
      ],
      [
        p.StopProvider!.path,
        async () => {
          await new Promise<void>((r) => (release = r));
          return p.StopProvider!.encodeResponse({ Error: 'late' });
        },
      ],
    ]);
    server = await startGrpcServer({ methods, logger: SILENT_LOGGER }, env);
    client = new Client(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': -1,
      'grpc.max_send_message_length': -1,
    });
  });

  afterAll(() => client.close());

  function call(method: string, req: object): Promise<any> {
    return new Promise((resolve, reject) => {
      (client as any)[method](req, { deadline: Date.now() + 20_000 }, (err: grpc.ServiceError | null, res: unknown) =>
        err ? reject(err) : resolve(res),
      );
    });
  }

  test('a unary call and a 6 MB request and response, split across many HTTP/2 frames', async () => {
    const small = await call('ValidateProviderConfig', { config: { msgpack: Buffer.from([1, 2, 3]) } });
    expect(small.diagnostics).toEqual([{ severity: 2, summary: '3:3', detail: 'xxx' }]);
    const big = Buffer.alloc(6 * 1024 * 1024, 7);
    big[big.length - 1] = 9;
    const r = await call('ValidateProviderConfig', { config: { msgpack: big } });
    expect(r.diagnostics[0].summary).toBe(`${big.length}:9`);
    expect(r.diagnostics[0].detail).toHaveLength(big.length);
  });

  test('a handler that throws is INTERNAL with its message, percent-encoded on the wire and intact after decoding', async () => {
    await expect(call('GetMetadata', {})).rejects.toMatchObject({
      code: GrpcStatus.INTERNAL,
      details: 'broken: 100% ünïcode\nsecond line',
    });
  });

  test('an unknown method is UNIMPLEMENTED (go-plugin probes optional services this way)', async () => {
    await expect(call('GetFunctions', {})).rejects.toMatchObject({ code: GrpcStatus.UNIMPLEMENTED });
  });

  function raw(
    headers: http2.OutgoingHttpHeaders,
    body: Buffer,
  ): Promise<{ headers: http2.IncomingHttpHeaders; trailers: http2.IncomingHttpHeaders }> {
    return new Promise((resolve, reject) => {
      const session = http2.connect(`http://127.0.0.1:${server.port}`);
      session.on('error', reject);
      const req = session.request({ ':method': 'POST', ...headers });
      let head: http2.IncomingHttpHeaders = {};
      let trailers: http2.IncomingHttpHeaders = {};
      req.on('response', (h) => (head = h));
      req.on('trailers', (t) => (trailers = t));
      req.on('data', () => undefined);
      req.on('end', () => {
        session.close();
        resolve({ headers: head, trailers });
      });
      req.end(body);
    });
  }

  test('what grpc-js never sends: a compressed message, a truncated one, and a request that is not gRPC', async () => {
    const path = p.ValidateProviderConfig!.path;
    const compressed = await raw({ ':path': path, 'content-type': 'application/grpc' }, Buffer.from([1, 0, 0, 0, 1, 0]));
    expect(compressed.headers['grpc-status']).toBe(String(GrpcStatus.INVALID_ARGUMENT));
    expect(decodeURI(String(compressed.headers['grpc-message']))).toMatch(/compressed messages are not supported/);
    const truncated = await raw({ ':path': path, 'content-type': 'application/grpc' }, Buffer.from([0, 0, 0, 0, 9, 1]));
    expect(truncated.headers['grpc-status']).toBe(String(GrpcStatus.INVALID_ARGUMENT));
    const notGrpc = await raw({ ':path': path, 'content-type': 'application/json' }, Buffer.from('{}'));
    expect(notGrpc.headers[':status']).toBe(415);
  });

  test('close() lets the call in flight finish, then closes the connection and reports done', async () => {
    const pending = call('StopProvider', {});
    await new Promise((r) => setTimeout(r, 100));
    let done = false;
    server.close(() => (done = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(done).toBe(false);
    release();
    expect(await pending).toEqual({ Error: 'late' });
    for (let i = 0; i < 50 && !done; i++) await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(true);
  });

  test('a call cancelled before its request is complete does not hold close() up', async () => {
    const own = await startGrpcServer(
      {
        methods: new Map([[p.GetMetadata!.path, async () => p.GetMetadata!.encodeResponse({})]]),
        logger: SILENT_LOGGER,
      },
      env,
    );
    const session = http2.connect(`http://127.0.0.1:${own.port}`);
    const req = session.request({ ':method': 'POST', ':path': p.GetMetadata!.path, 'content-type': 'application/grpc' });
    req.on('error', () => undefined);
    req.write(Buffer.from([0, 0, 0, 0, 10])); // a prefix promising 10 bytes that never come
    await new Promise((r) => setTimeout(r, 100));
    req.close(http2.constants.NGHTTP2_CANCEL);
    // and a second call whose client goes away without a word (a killed process)
    const gone = http2.connect(`http://127.0.0.1:${own.port}`);
    gone.on('error', () => undefined);
    const req2 = gone.request({ ':method': 'POST', ':path': p.GetMetadata!.path, 'content-type': 'application/grpc' });
    req2.on('error', () => undefined);
    req2.write(Buffer.from([0, 0, 0, 0, 10]));
    await new Promise((r) => setTimeout(r, 100));
    gone.destroy();
    await new Promise((r) => setTimeout(r, 100));
    let done = false;
    own.close(() => (done = true));
    for (let i = 0; i < 50 && !done; i++) await new Promise((r) => setTimeout(r, 20));
    session.destroy();
    expect(done).toBe(true);
  });
});
