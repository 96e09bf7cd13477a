// The same unary gRPC server as grpc.ts, on node:http2's server instead of our own HTTP/2 layer
// (h2.ts): selected with PORTSIP_PROVIDER_HTTP2=node, as an escape hatch (docs/protocol.md
// "gRPC server"). It was the default until node:http2's per-call cost showed in the benchmark.

import * as http2 from 'node:http2';
import {
  callTracker,
  encodeGrpcMessage,
  frameMessage,
  GrpcStatus,
  listenOnLoopback,
  unframe,
  type GrpcServer,
  type GrpcServerOptions,
} from './grpc';

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
  stream.respond(RESPONSE_HEADERS, RESPOND_WITH_TRAILERS);
  stream.once('wantTrailers', () => stream.sendTrailers(OK_TRAILERS));
  stream.end(frameMessage(message));
}

export function startNodeHttp2Server(opts: GrpcServerOptions): Promise<GrpcServer> {
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
  const calls = callTracker((done) => {
    let open = sessions.size;
    if (open === 0) return done();
    for (const s of sessions) s.close(() => --open === 0 && done());
  });

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
    calls.started();
    let settled = false;
    let started = false;
    const finished = () => {
      if (settled) return;
      settled = true;
      calls.finished();
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

  return listenOnLoopback(server, logger, calls.closeWhenIdle);
}
