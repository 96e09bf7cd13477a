// A unary-only gRPC server on node:http2: all this provider serves (docs/protocol.md "gRPC server").
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

import * as http2 from 'node:http2';
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
function encodeGrpcMessage(message: string): string {
  try {
    return encodeURI(message);
  } catch {
    return encodeURI(message.replace(/[\uD800-\uDFFF]/g, '\uFFFD')); // a lone surrogate
  }
}

const RESPONSE_HEADERS = { ':status': 200, 'content-type': 'application/grpc' };
const OK_TRAILERS = { 'grpc-status': '0' };
// No Date header: gRPC does not use it, and node would add and encode one per call. Node's
// respond() reads `sendDate` (its compatibility layer passes it) though @types/node does not declare it.
type RespondOptions = http2.ServerStreamResponseOptions & { sendDate: boolean };
const RESPOND_WITH_TRAILERS: RespondOptions = { waitForTrailers: true, sendDate: false };
const RESPOND_AND_END: RespondOptions = { endStream: true, sendDate: false };

function sendError(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed || stream.headersSent) return;
  stream.respond({ ...RESPONSE_HEADERS, 'grpc-status': String(code), 'grpc-message': encodeGrpcMessage(message) }, RESPOND_AND_END);
}

function sendMessage(stream: http2.ServerHttp2Stream, message: Buffer): void {
  // The client may have cancelled (RST_STREAM) while the handler ran: nothing to answer then.
  if (stream.destroyed || stream.closed) return;
  // One buffer, one write: copying a message is cheaper than a second write on the stream.
  const n = message.length;
  const framed = Buffer.allocUnsafe(5 + n);
  // Flag 0 (not compressed), then the length big-endian, byte by byte (writeUInt32BE's checks showed in profiles).
  framed[0] = 0;
  framed[1] = n >>> 24;
  framed[2] = (n >>> 16) & 0xff;
  framed[3] = (n >>> 8) & 0xff;
  framed[4] = n & 0xff;
  framed.set(message, 5);
  stream.respond(RESPONSE_HEADERS, RESPOND_WITH_TRAILERS);
  stream.once('wantTrailers', () => stream.sendTrailers(OK_TRAILERS));
  stream.end(framed);
}

/** The one message of a unary request body, or an error text. */
function unframe(body: Buffer): Buffer | string {
  if (body.length < 5) return `request body of ${body.length} bytes holds no length-prefixed message`;
  if (body[0] !== 0) return 'compressed messages are not supported (this server advertises no grpc-accept-encoding)';
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length)
    return `a unary request holds exactly one message; got ${body.length - 5} bytes after a prefix of ${length}`;
  return body.subarray(5);
}

export function startGrpcServer(opts: GrpcServerOptions): Promise<GrpcServer> {
  const { methods, logger } = opts;
  // Large limits as grpc-js sets them: node's default session memory (10 MB) would refuse streams
  // while a big schema or state is in flight.
  const common: http2.ServerOptions = { maxSessionMemory: Number.MAX_SAFE_INTEGER, maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER };
  const server = opts.tls
    ? http2.createSecureServer({
        ...common,
        key: opts.tls.key,
        cert: opts.tls.cert,
        ca: opts.tls.clientCa,
        // Terraform's client certificate is required and must chain to PLUGIN_CLIENT_CERT (docs/protocol.md "TLS certificate").
        requestCert: true,
        rejectUnauthorized: true,
        allowHTTP1: false,
      })
    : http2.createServer(common);

  const sessions = new Set<http2.ServerHttp2Session>();
  let inFlight = 0;
  let closing: (() => void) | undefined;
  const maybeClosed = () => {
    if (!closing || inFlight > 0) return;
    const done = closing;
    closing = undefined;
    let open = sessions.size;
    if (open === 0) return done();
    for (const s of sessions) s.close(() => --open === 0 && done());
  };

  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', (e: Error) => logger.debug('gRPC connection error', { error: e.message }));
  });
  // A TLS handshake refused (e.g. no client certificate) is the client's problem, not a crash.
  server.on('tlsClientError', (e: Error) => logger.warn('TLS handshake with a client failed', { error: e.message }));
  server.on('sessionError', (e) => logger.debug('gRPC session error', { error: e.message }));

  server.on('stream', (stream, headers) => {
    stream.on('error', (e) => logger.debug('gRPC stream error', { path: headers[':path'], error: e.message }));
    const contentType = headers['content-type'];
    if (typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
      // Not gRPC at all: the spec's answer is HTTP 415.
      stream.respond({ ':status': 415 }, { endStream: true });
      return;
    }
    const path = headers[':path'] ?? '';
    const method = headers[':method'] === 'POST' ? methods.get(path) : undefined;
    if (!method) {
      sendError(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`);
      stream.resume(); // drain any body
      return;
    }
    inFlight++;
    let settled = false;
    let started = false;
    const finished = () => {
      if (settled) return;
      settled = true;
      inFlight--;
      maybeClosed();
    };
    // A call is over when its handler settles, or when its stream closes before the handler started
    // (cancelled by the client; node 20 still emits 'end' then, but the count must not depend on it).
    stream.on('close', () => {
      if (!started) finished();
    });
    const chunks: Buffer[] = [];
    let length = 0;
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
    });
    stream.on('end', () => {
      started = true;
      const message = unframe(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
      if (typeof message === 'string') {
        sendError(stream, GrpcStatus.INVALID_ARGUMENT, message);
        return finished();
      }
      method(message).then(
        (response) => {
          sendMessage(stream, response);
          finished();
        },
        (e: unknown) => {
          sendError(stream, GrpcStatus.INTERNAL, e instanceof Error ? e.message : String(e));
          finished();
        },
      );
    });
  });

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
          closing = done;
          maybeClosed();
        },
      });
    });
  });
}
