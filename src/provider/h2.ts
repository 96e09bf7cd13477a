// The server side of HTTP/2 (RFC 9113) for unary gRPC calls, on a TLS or TCP socket: what the
// provider needs and nothing more (docs/protocol.md "gRPC server").
//
// Why not node:http2: in `plan -refresh=false` of 2,000 objects each RPC cost the provider about
// 150 µs of CPU, of which its handler took 25 µs; node's http2 layer (a Duplex stream per call,
// header objects built and checked, nghttp2 callbacks into JS, several writes per answer) and the
// JIT work on that code were most of the rest (bench/RESULTS.md "Per-RPC CPU"). Terraform's side is
// fixed: one connection, unary calls only, each request a HEADERS frame and one or more DATA frames.
// So a connection here is a frame loop over the socket:
//  - requests: HEADERS (+ CONTINUATION) decoded by hpack.ts, DATA gathered until END_STREAM, then
//    handed over as (path, content-type, body);
//  - answers: three frames (HEADERS from a fixed block, DATA, trailers HEADERS from a fixed block),
//    queued and written with every other answer ready in the same turn of the event loop: one
//    write, one TLS record set, one syscall for many calls;
//  - flow control: we announce the largest windows, so the client never waits on us, and give the
//    connection window back as we consume it; our DATA respects the client's windows and
//    SETTINGS_MAX_FRAME_SIZE, waiting for WINDOW_UPDATE when they run out (a schema is larger than
//    the initial 64 KiB window);
//  - PING is answered, SETTINGS acknowledged, RST_STREAM drops the call's answer, GOAWAY ends the
//    connection once its calls are answered; a protocol error closes the connection with GOAWAY.
// The client library and Terraform itself test this end to end (test/provider/grpc*.test.ts and every
// acceptance test); hpack.ts's decoder is checked against node's own HTTP/2 library.

import type { Socket } from 'node:net';
import { HpackDecoder, type HeaderList } from './hpack';

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** RFC 9113 §6 frame types. */
const FrameType = {
  DATA: 0,
  HEADERS: 1,
  PRIORITY: 2,
  RST_STREAM: 3,
  SETTINGS: 4,
  PUSH_PROMISE: 5,
  PING: 6,
  GOAWAY: 7,
  WINDOW_UPDATE: 8,
  CONTINUATION: 9,
} as const;
const END_STREAM = 0x1;
const ACK = 0x1;
const END_HEADERS = 0x4;
const PADDED = 0x8;
const PRIORITY_FLAG = 0x20;

/** RFC 9113 §7 error codes used here. */
const H2Error = {
  NO_ERROR: 0,
  PROTOCOL_ERROR: 1,
  INTERNAL_ERROR: 2,
  FLOW_CONTROL_ERROR: 3,
  FRAME_SIZE_ERROR: 6,
  REFUSED_STREAM: 7,
  COMPRESSION_ERROR: 9,
};

const MAX_WINDOW = 2 ** 31 - 1;
const DEFAULT_WINDOW = 65_535;
/** The largest frame we accept (SETTINGS_MAX_FRAME_SIZE, the protocol's maximum): fewer frames for big requests. */
const OUR_MAX_FRAME = 2 ** 24 - 1;
/** Our connection window is topped up when this much of it has been used. */
const WINDOW_REFILL = 2 ** 30;

/** One request, whole: its decoded headers and body. */
export interface H2Request {
  headers: HeaderList;
  /** The first value of a header, or undefined. */
  header(name: string): string | undefined;
  body: Buffer;
}

/** The answer a handler gives through `respond`: blocks from hpack.ts, and the body for DATA. */
export interface H2Response {
  headers: Buffer;
  /**
   * DATA payload, whole or as parts sent back to back (a gRPC length prefix, then the message, so
   * the message is not copied twice), or undefined for a headers-only answer (then `headers` ends
   * the stream).
   */
  data?: Buffer | readonly Buffer[];
  /** Trailers block; required when `data` is given. */
  trailers?: Buffer;
}

export interface H2Handlers {
  /** A request is complete; call `respond` once, any time later (an answer to a cancelled call is dropped). */
  onRequest(req: H2Request, respond: (res: H2Response) => void): void;
  onError(message: string): void;
}

interface Stream {
  id: number;
  headers: HeaderList;
  chunks: Buffer[];
  length: number;
  /** The request is complete (END_STREAM seen) and handed over. */
  dispatched: boolean;
  /** Our send window for this stream (the client's SETTINGS_INITIAL_WINDOW_SIZE, then its WINDOW_UPDATEs). */
  sendWindow: number;
  /** DATA not yet sent for lack of window, then the trailers. */
  pendingData?: Buffer;
  pendingTrailers?: Buffer;
}

/** Writes a 9-byte frame header into `buf` at `at`; returns the offset after it. */
function writeFrameHeader(buf: Buffer, at: number, length: number, type: number, flags: number, streamId: number): number {
  buf[at] = (length >>> 16) & 0xff;
  buf[at + 1] = (length >>> 8) & 0xff;
  buf[at + 2] = length & 0xff;
  buf[at + 3] = type;
  buf[at + 4] = flags;
  buf.writeUInt32BE(streamId, at + 5);
  return at + 9;
}

/** A 4-byte big-endian payload (WINDOW_UPDATE increment, RST_STREAM error code). */
function uint32(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(n, 0);
  return b;
}

function frameHeader(length: number, type: number, flags: number, streamId: number): Buffer {
  const h = Buffer.allocUnsafe(9);
  writeFrameHeader(h, 0, length, type, flags, streamId);
  return h;
}

/** Serves one HTTP/2 connection on `socket` (already through TLS, if any). Returns a handle to end it gracefully. */
export function serveH2Connection(socket: Socket, handlers: H2Handlers): { close(): void } {
  const decoder = new HpackDecoder();
  const streams = new Map<number, Stream>();
  let lastStreamId = 0;
  let prefaceSeen = false;
  let buf: Buffer = Buffer.alloc(0);
  let closed = false;
  let goingAway = false;
  /** Frames to write, flushed once per turn of the event loop. */
  let out: Buffer[] = [];
  let flushScheduled = false;
  // Flow control, RFC 9113 §6.9.
  let peerInitialWindow = DEFAULT_WINDOW;
  let peerMaxFrame = 16_384;
  let connSendWindow = DEFAULT_WINDOW;
  let connReceived = 0;
  /** A header block in progress (HEADERS without END_HEADERS, then CONTINUATION). */
  let continuation: { streamId: number; endStream: boolean; parts: Buffer[] } | undefined;

  const flush = () => {
    flushScheduled = false;
    if (closed || out.length === 0) return;
    const chunk = out.length === 1 ? out[0]! : Buffer.concat(out);
    out = [];
    socket.write(chunk);
  };
  const send = (frame: Buffer) => {
    out.push(frame);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  const sendFrame = (type: number, flags: number, streamId: number, payload: Buffer) => {
    send(frameHeader(payload.length, type, flags, streamId));
    if (payload.length > 0) send(payload);
  };

  const end = (code: number, message?: string) => {
    if (closed) return;
    if (message) handlers.onError(message);
    const payload = Buffer.alloc(8);
    payload.writeUInt32BE(lastStreamId, 0);
    payload.writeUInt32BE(code, 4);
    sendFrame(FrameType.GOAWAY, 0, 0, payload);
    flush();
    closed = true;
    socket.end();
  };
  /** After GOAWAY (ours or the peer's): close once every dispatched call has been answered. */
  const maybeFinish = () => {
    if (!goingAway || closed) return;
    for (const s of streams.values()) if (s.dispatched) return;
    end(H2Error.NO_ERROR);
  };

  /** Sends as much of the stream's pending DATA as the windows allow, then its trailers. */
  const pump = (s: Stream) => {
    while (s.pendingData && s.pendingData.length > 0) {
      const n = Math.min(s.pendingData.length, s.sendWindow, connSendWindow, peerMaxFrame);
      if (n <= 0) return; // wait for WINDOW_UPDATE
      sendFrame(FrameType.DATA, 0, s.id, s.pendingData.subarray(0, n));
      s.pendingData = s.pendingData.subarray(n);
      s.sendWindow -= n;
      connSendWindow -= n;
    }
    s.pendingData = undefined;
    if (s.pendingTrailers) {
      sendFrame(FrameType.HEADERS, END_HEADERS | END_STREAM, s.id, s.pendingTrailers);
      s.pendingTrailers = undefined;
      streams.delete(s.id);
      maybeFinish();
    }
  };

  const respondTo = (s: Stream) => (res: H2Response) => {
    // Not in `streams` any more: answered already, or cancelled by the client (RST_STREAM).
    if (closed || !streams.has(s.id)) return;
    if (res.data === undefined) {
      sendFrame(FrameType.HEADERS, END_HEADERS | END_STREAM, s.id, res.headers);
      streams.delete(s.id);
      maybeFinish();
      return;
    }
    const parts = Buffer.isBuffer(res.data) ? [res.data] : res.data;
    const trailers = res.trailers ?? Buffer.alloc(0);
    let length = 0;
    for (const p of parts) length += p.length;
    if (length <= Math.min(s.sendWindow, connSendWindow, peerMaxFrame)) {
      // The usual answer: HEADERS, one DATA frame and the trailers, built in one buffer.
      const out = Buffer.allocUnsafe(27 + res.headers.length + length + trailers.length);
      let at = writeFrameHeader(out, 0, res.headers.length, FrameType.HEADERS, END_HEADERS, s.id);
      at += res.headers.copy(out, at);
      at = writeFrameHeader(out, at, length, FrameType.DATA, 0, s.id);
      for (const p of parts) at += p.copy(out, at);
      at = writeFrameHeader(out, at, trailers.length, FrameType.HEADERS, END_HEADERS | END_STREAM, s.id);
      trailers.copy(out, at);
      s.sendWindow -= length;
      connSendWindow -= length;
      send(out);
      streams.delete(s.id);
      maybeFinish();
      return;
    }
    sendFrame(FrameType.HEADERS, END_HEADERS, s.id, res.headers);
    s.pendingData = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    s.pendingTrailers = trailers;
    pump(s);
  };

  const dispatch = (s: Stream) => {
    s.dispatched = true;
    const headers = s.headers;
    const body = s.chunks.length === 1 ? s.chunks[0]! : Buffer.concat(s.chunks, s.length);
    s.chunks = [];
    const header = (name: string) => {
      for (const [n, v] of headers) if (n === name) return v;
      return undefined;
    };
    handlers.onRequest({ headers, header, body }, respondTo(s));
  };

  const onHeaderBlock = (streamId: number, block: Buffer, endStream: boolean) => {
    let fields: HeaderList;
    try {
      fields = decoder.decode(block);
    } catch (e) {
      return end(H2Error.COMPRESSION_ERROR, `HTTP/2 header block: ${(e as Error).message}`);
    }
    const existing = streams.get(streamId);
    if (existing) {
      // Trailers from the client (gRPC clients send none in unary calls): they must end the stream.
      if (!endStream) return end(H2Error.PROTOCOL_ERROR, `HTTP/2: second header block on stream ${streamId} without END_STREAM`);
      if (!existing.dispatched) dispatch(existing);
      return;
    }
    if (streamId <= lastStreamId || streamId % 2 === 0)
      return end(H2Error.PROTOCOL_ERROR, `HTTP/2: client opened stream ${streamId} after ${lastStreamId}`);
    lastStreamId = streamId;
    if (goingAway) {
      // Closing: a new call is refused, and the client may retry it elsewhere (REFUSED_STREAM, §8.7).
      return sendFrame(FrameType.RST_STREAM, 0, streamId, uint32(H2Error.REFUSED_STREAM));
    }
    const s: Stream = {
      id: streamId,
      headers: fields,
      chunks: [],
      length: 0,
      dispatched: false,
      sendWindow: peerInitialWindow,
    };
    streams.set(streamId, s);
    if (endStream) dispatch(s);
  };

  const onFrame = (type: number, flags: number, streamId: number, payload: Buffer) => {
    if (continuation && type !== FrameType.CONTINUATION) return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: expected CONTINUATION');
    switch (type) {
      case FrameType.DATA: {
        connReceived += payload.length;
        if (connReceived >= WINDOW_REFILL) {
          sendFrame(FrameType.WINDOW_UPDATE, 0, 0, uint32(connReceived));
          connReceived = 0;
        }
        const s = streams.get(streamId);
        if (!s || s.dispatched) return; // a cancelled or unknown stream: its data is dropped
        let data = payload;
        if (flags & PADDED) {
          const pad = payload[0] ?? 0;
          if (pad >= payload.length) return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: DATA padding too long');
          data = payload.subarray(1, payload.length - pad);
        }
        if (data.length > 0) {
          s.chunks.push(data);
          s.length += data.length;
        }
        if (flags & END_STREAM) dispatch(s);
        return;
      }
      case FrameType.HEADERS: {
        if (streamId === 0) return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: HEADERS on stream 0');
        let start = 0;
        let stop = payload.length;
        if (flags & PADDED) {
          const pad = payload[0] ?? 0;
          start = 1;
          stop -= pad;
        }
        if (flags & PRIORITY_FLAG) start += 5;
        if (start > stop) return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: HEADERS padding too long');
        const block = payload.subarray(start, stop);
        if (flags & END_HEADERS) return onHeaderBlock(streamId, block, (flags & END_STREAM) !== 0);
        continuation = { streamId, endStream: (flags & END_STREAM) !== 0, parts: [block] };
        return;
      }
      case FrameType.CONTINUATION: {
        if (!continuation || continuation.streamId !== streamId) return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: unexpected CONTINUATION');
        continuation.parts.push(payload);
        if (flags & END_HEADERS) {
          const c = continuation;
          continuation = undefined;
          onHeaderBlock(c.streamId, Buffer.concat(c.parts), c.endStream);
        }
        return;
      }
      case FrameType.RST_STREAM: {
        if (streams.delete(streamId)) maybeFinish();
        return;
      }
      case FrameType.SETTINGS: {
        if (flags & ACK) return;
        if (payload.length % 6 !== 0) return end(H2Error.FRAME_SIZE_ERROR, 'HTTP/2: SETTINGS length');
        for (let i = 0; i < payload.length; i += 6) {
          const id = payload.readUInt16BE(i);
          const value = payload.readUInt32BE(i + 2);
          if (id === 0x4) {
            // SETTINGS_INITIAL_WINDOW_SIZE: applies to every open stream as a delta (§6.9.2)
            if (value > MAX_WINDOW) return end(H2Error.FLOW_CONTROL_ERROR, 'HTTP/2: initial window too large');
            const delta = value - peerInitialWindow;
            peerInitialWindow = value;
            for (const s of streams.values()) s.sendWindow += delta;
          } else if (id === 0x5) {
            if (value < 16_384 || value > OUR_MAX_FRAME) return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: bad SETTINGS_MAX_FRAME_SIZE');
            peerMaxFrame = value;
          }
          // HEADER_TABLE_SIZE: our blocks use no dynamic table. ENABLE_PUSH, MAX_CONCURRENT_STREAMS,
          // MAX_HEADER_LIST_SIZE: nothing we send depends on them.
        }
        sendFrame(FrameType.SETTINGS, ACK, 0, Buffer.alloc(0));
        for (const s of streams.values()) pump(s);
        return;
      }
      case FrameType.PING: {
        if (payload.length !== 8) return end(H2Error.FRAME_SIZE_ERROR, 'HTTP/2: PING length');
        if (!(flags & ACK)) sendFrame(FrameType.PING, ACK, 0, Buffer.from(payload));
        return;
      }
      case FrameType.GOAWAY: {
        goingAway = true;
        maybeFinish();
        return;
      }
      case FrameType.WINDOW_UPDATE: {
        if (payload.length !== 4) return end(H2Error.FRAME_SIZE_ERROR, 'HTTP/2: WINDOW_UPDATE length');
        const inc = payload.readUInt32BE(0) & 0x7fffffff;
        if (streamId === 0) {
          connSendWindow += inc;
          for (const s of streams.values()) if (s.pendingData || s.pendingTrailers) pump(s);
        } else {
          const s = streams.get(streamId);
          if (s) {
            s.sendWindow += inc;
            pump(s);
          }
        }
        return;
      }
      case FrameType.PUSH_PROMISE:
        return end(H2Error.PROTOCOL_ERROR, 'HTTP/2: PUSH_PROMISE from a client');
      default:
        return; // PRIORITY and unknown types are ignored (§5.5)
    }
  };

  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    let pos = 0;
    if (!prefaceSeen) {
      if (buf.length < PREFACE.length) return;
      if (!buf.subarray(0, PREFACE.length).equals(PREFACE)) return end(H2Error.PROTOCOL_ERROR, 'not an HTTP/2 connection preface');
      prefaceSeen = true;
      pos = PREFACE.length;
    }
    while (!closed && buf.length - pos >= 9) {
      const length = (buf[pos]! << 16) | (buf[pos + 1]! << 8) | buf[pos + 2]!;
      if (length > OUR_MAX_FRAME) return end(H2Error.FRAME_SIZE_ERROR, `HTTP/2: frame of ${length} bytes`);
      if (buf.length - pos < 9 + length) break;
      const type = buf[pos + 3]!;
      const flags = buf[pos + 4]!;
      const streamId = buf.readUInt32BE(pos + 5) & 0x7fffffff;
      const payload = buf.subarray(pos + 9, pos + 9 + length);
      pos += 9 + length;
      onFrame(type, flags, streamId, payload);
    }
    buf = pos === buf.length ? Buffer.alloc(0) : buf.subarray(pos);
  });
  socket.on('error', (e) => handlers.onError(`HTTP/2 connection: ${e.message}`));
  socket.on('close', () => {
    closed = true;
    streams.clear();
  });

  // Our connection preface: SETTINGS (largest stream window, largest frames), then the connection
  // window opened to the maximum, so the client never waits for us to read.
  const settings = Buffer.alloc(12);
  settings.writeUInt16BE(0x4, 0);
  settings.writeUInt32BE(MAX_WINDOW, 2);
  settings.writeUInt16BE(0x5, 6);
  settings.writeUInt32BE(OUR_MAX_FRAME, 8);
  sendFrame(FrameType.SETTINGS, 0, 0, settings);
  sendFrame(FrameType.WINDOW_UPDATE, 0, 0, uint32(MAX_WINDOW - DEFAULT_WINDOW));
  flush();

  return {
    close() {
      goingAway = true;
      maybeFinish();
    },
  };
}
