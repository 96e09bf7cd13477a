// A unary-only gRPC server: all this provider serves (docs/protocol.md "gRPC server"), on our own
// HTTP/2 layer (h2.ts; node:http2's server with PORTSIP_PROVIDER_HTTP2=node, grpc-node-http2.ts).
//
// Why not grpc-js's server: measured during `plan -refresh=false` of 2,000 objects (bench/RESULTS.md
// "Per-RPC CPU"), grpc-js's per-call machinery (interceptor chain, Metadata objects, channelz,
// deadline timers, stream decoder) took about a quarter of the provider's CPU, and its 570 KiB were
// a fifth of the bundle that every launch compiles. Terraform makes only unary calls over one
// HTTP/2 connection, so what the protocol asks of a server is small:
//  - a request is an HTTP/2 POST to /<package>.<Service>/<Method> with content-type application/grpc;
//    its body is one length-prefixed message: a compressed-flag byte, a 4-byte big-endian length,
//    the protobuf bytes (Terraform never compresses: we advertise no grpc-accept-encoding);
//  - the answer is :status 200 and content-type application/grpc, one length-prefixed message, then
//    trailers with grpc-status 0;
//  - an error is a "trailers-only" answer: one HEADERS frame ending the stream with :status 200,
//    grpc-status and a percent-encoded grpc-message. Unknown methods get 12 (UNIMPLEMENTED), which is
//    what go-plugin expects for the optional services it probes (GRPCStdio, GRPCBroker).
// No message size limit: Terraform may send up to 2 GiB (docs/protocol.md "Message sizes").

import * as net from 'node:net';
import * as tls from 'node:tls';
import { serveH2Connection, type H2Request, type H2Response } from './h2';
import { errorBlock, OK_TRAILERS_BLOCK, RESPONSE_HEADERS_BLOCK, statusBlock } from './hpack';
import type { Logger } from './logger';

/** gRPC status codes used here (grpc/doc/statuscodes.md). */
export const GrpcStatus = { OK: 0, INVALID_ARGUMENT: 3, INTERNAL: 13, UNIMPLEMENTED: 12 } as const;

/** A unary method: the request message's bytes in, the response message's bytes out. A throw becomes INTERNAL. */
export type UnaryMethod = (request: Buffer) => Promise<Buffer>;

export interface GrpcServerOptions {
  /** Keyed by the HTTP/2 path, e.g. "/tfplugin6.Provider/GetMetadata". */
  methods: ReadonlyMap<string, UnaryMethod>;
  /** mTLS: our key and certificate, and the only CA a client certificate may chain to. Absent: plaintext (h2c). */
  tls?: { key: string; cert: string; clientCa: string };
  logger: Logger;
}

export interface GrpcServer {
  port: number;
  /** Stop accepting, let in-flight calls finish, then close every connection; `done` when all are closed. */
  close(done: () => void): void;
}

/** grpc-message is percent-encoded (non-ASCII, control characters, '%'); encodeURI covers that, as grpc-js uses it. */
export function encodeGrpcMessage(message: string): string {
  try {
    return encodeURI(message);
  } catch {
    return encodeURI(message.replace(/[\uD800-\uDFFF]/g, '\uFFFD')); // a lone surrogate
  }
}

/** The one message of a unary request body, or an error text. */
export function unframe(body: Buffer): Buffer | string {
  if (body.length < 5) return `request body of ${body.length} bytes holds no length-prefixed message`;
  if (body[0] !== 0) return 'compressed messages are not supported (this server advertises no grpc-accept-encoding)';
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length)
    return `a unary request holds exactly one message; got ${body.length - 5} bytes after a prefix of ${length}`;
  return body.subarray(5);
}

/**
 * The 5-byte prefix of a message of `n` bytes: flag 0 (not compressed), then the length
 * big-endian, byte by byte (writeUInt32BE's checks showed in profiles).
 */
function grpcPrefix(n: number): Buffer {
  const p = Buffer.allocUnsafe(5);
  p[0] = 0;
  p[1] = n >>> 24;
  p[2] = (n >>> 16) & 0xff;
  p[3] = (n >>> 8) & 0xff;
  p[4] = n & 0xff;
  return p;
}

/** The length-prefixed form of one message: one buffer, so an answer is one DATA payload. */
export function frameMessage(message: Buffer): Buffer {
  return Buffer.concat([grpcPrefix(message.length), message], 5 + message.length);
}

const errorResponse = (code: number, message: string): H2Response => ({ headers: errorBlock(code, encodeGrpcMessage(message)) });

/**
 * Our HTTP/2 layer (h2.ts) unless PORTSIP_PROVIDER_HTTP2=node asks for node:http2's server
 * (grpc-node-http2.ts): the same gRPC behaviour, kept as an escape hatch should a Terraform
 * release ever send something h2.ts mishandles (docs/protocol.md "gRPC server").
 */
export function startGrpcServer(opts: GrpcServerOptions, env: NodeJS.ProcessEnv = process.env): Promise<GrpcServer> {
  if (env.PORTSIP_PROVIDER_HTTP2 === 'node') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when asked for
    return (require('./grpc-node-http2') as typeof import('./grpc-node-http2')).startNodeHttp2Server(opts);
  }
  return startOwnServer(opts);
}

/**
 * Calls in flight, so that close() waits for them: `closeWhenIdle(done)` runs `closeConnections(done)`
 * once none is left (at once if none is), and that ends every connection and calls `done`.
 */
export function callTracker(closeConnections: (done: () => void) => void): {
  started: () => void;
  finished: () => void;
  closeWhenIdle: (done: () => void) => void;
} {
  let inFlight = 0;
  let closing: (() => void) | undefined;
  const check = () => {
    if (!closing || inFlight > 0) return;
    const done = closing;
    closing = undefined;
    closeConnections(done);
  };
  return {
    started: () => void inFlight++,
    finished: () => {
      inFlight--;
      check();
    },
    closeWhenIdle: (done) => {
      closing = done;
      check();
    },
  };
}

/** gRPC on h2.ts: TLS (or TCP) sockets, one HTTP/2 connection each, calls counted for close(). */
function startOwnServer(opts: GrpcServerOptions): Promise<GrpcServer> {
  const { methods, logger } = opts;
  const connections = new Map<net.Socket, ReturnType<typeof serveH2Connection>>();
  const calls = callTracker((done) => {
    if (connections.size === 0) return done();
    let open = connections.size;
    for (const [socket, connection] of connections) {
      socket.once('close', () => --open === 0 && done());
      connection.close();
    }
  });
  const onRequest = (req: H2Request, respond: (res: H2Response) => void) => {
    const contentType = req.header('content-type');
    if (contentType === undefined || !contentType.startsWith('application/grpc')) return respond({ headers: statusBlock(415) });
    const path = req.header(':path') ?? '';
    const method = req.header(':method') === 'POST' ? methods.get(path) : undefined;
    if (!method) return respond(errorResponse(GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`));
    const message = unframe(req.body);
    if (typeof message === 'string') return respond(errorResponse(GrpcStatus.INVALID_ARGUMENT, message));
    calls.started();
    method(message).then(
      (response) => {
        respond({ headers: RESPONSE_HEADERS_BLOCK, data: [grpcPrefix(response.length), response], trailers: OK_TRAILERS_BLOCK });
        calls.finished();
      },
      (e: unknown) => {
        respond(errorResponse(GrpcStatus.INTERNAL, e instanceof Error ? e.message : String(e)));
        calls.finished();
      },
    );
  };
  const onConnection = (socket: net.Socket) => {
    // Answers are written whole, once per turn of the event loop: Nagle's delay would only add latency.
    socket.setNoDelay(true);
    connections.set(
      socket,
      serveH2Connection(socket, { onRequest, onError: (message) => logger.debug('gRPC connection error', { error: message }) }),
    );
    socket.once('close', () => connections.delete(socket));
  };
  const server = opts.tls
    ? tls.createServer(
        {
          key: opts.tls.key,
          cert: opts.tls.cert,
          ca: opts.tls.clientCa,
          // Terraform's client certificate is required and must chain to PLUGIN_CLIENT_CERT (docs/protocol.md "TLS certificate").
          requestCert: true,
          rejectUnauthorized: true,
          // gRPC clients require HTTP/2 to be negotiated by ALPN (grpc-go refuses a TLS server without it).
          ALPNProtocols: ['h2'],
        },
        onConnection,
      )
    : net.createServer(onConnection);
  server.on('tlsClientError', (e: Error) => logger.warn('TLS handshake with a client failed', { error: e.message }));
  return listenOnLoopback(server, logger, calls.closeWhenIdle);
}

/**
 * Listens on 127.0.0.1 at a port the kernel picks; close() stops accepting, then hands `done` to
 * `closeWhenIdle`, which calls it once the calls in flight are answered and the connections closed.
 */
export function listenOnLoopback(server: net.Server, logger: Logger, closeWhenIdle: (done: () => void) => void): Promise<GrpcServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      server.on('error', (e: Error) => logger.error('gRPC server error', { error: e.message }));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        close(done) {
          server.close();
          closeWhenIdle(done);
        },
      });
    });
  });
}
