// HPACK (src/provider/hpack.ts) and the HTTP/2 connection (src/provider/h2.ts): the decoder against
// the RFC's own examples and against what node's HTTP/2 library (nghttp2, an independent encoder)
// sends; the connection against node's HTTP/2 client for what the gRPC tests do not reach.
import * as http2 from 'node:http2';
import * as net from 'node:net';
import { serveH2Connection } from '../../src/provider/h2';
import { HpackDecoder, HpackError, huffmanCodes, OK_TRAILERS_BLOCK, RESPONSE_HEADERS_BLOCK } from '../../src/provider/hpack';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('Huffman code (RFC 7541 Appendix B)', () => {
  const codes = new Map(huffmanCodes().map((c) => [c.symbol, c]));
  test('is complete: the lengths fill the code space exactly (Kraft sum 1)', () => {
    expect(codes.size).toBe(257);
    expect([...codes.values()].reduce((a, c) => a + 2 ** -c.length, 0)).toBe(1);
  });
  test.each([
    [0, 0x1ff8, 13],
    [1, 0x7fffd8, 23],
    [9, 0xffffea, 24],
    [10, 0x3ffffffc, 30],
    [32, 0x14, 6],
    [48, 0x0, 5],
    [97, 0x3, 5],
    [256, 0x3fffffff, 30],
  ])('symbol %i has the code %i of %i bits printed in the RFC', (symbol, code, length) => {
    expect(codes.get(symbol)).toEqual({ symbol, code, length });
  });
});

describe('HpackDecoder', () => {
  test('RFC 7541 C.4: three requests with Huffman coding, sharing one dynamic table', () => {
    const d = new HpackDecoder();
    expect(d.decode(hex('8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff'))).toEqual([
      [':method', 'GET'],
      [':scheme', 'http'],
      [':path', '/'],
      [':authority', 'www.example.com'],
    ]);
    expect(d.decode(hex('8286 84be 5886 a8eb 1064 9cbf'))).toEqual([
      [':method', 'GET'],
      [':scheme', 'http'],
      [':path', '/'],
      [':authority', 'www.example.com'],
      ['cache-control', 'no-cache'],
    ]);
    expect(d.decode(hex('8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf'))).toEqual([
      [':method', 'GET'],
      [':scheme', 'https'],
      [':path', '/index.html'],
      [':authority', 'www.example.com'],
      ['custom-key', 'custom-value'],
    ]);
  });

  test('refuses what a broken encoder could send, with an HpackError', () => {
    expect(() => new HpackDecoder().decode(hex('be'))).toThrow(HpackError); // index 62 with an empty dynamic table
    expect(() => new HpackDecoder().decode(hex('80'))).toThrow(/index 0/);
    expect(() => new HpackDecoder().decode(hex('4188 f1e3'))).toThrow(/past the header block/);
    // "a" (00011) padded with zeros instead of the EOS prefix
    expect(() => new HpackDecoder().decode(hex('0081 18 0161'))).toThrow(/padding/);
    expect(() => new HpackDecoder().decode(hex('3fe2 1f'))).toThrow(/table size update/); // 4097, over the 4096 announced
    expect(() => new HpackDecoder().decode(hex('82 20'))).toThrow(/after a header field/);
  });

  test('our fixed answer blocks decode to the headers gRPC expects', () => {
    const d = new HpackDecoder();
    expect(d.decode(RESPONSE_HEADERS_BLOCK)).toEqual([
      [':status', '200'],
      ['content-type', 'application/grpc'],
    ]);
    expect(d.decode(OK_TRAILERS_BLOCK)).toEqual([['grpc-status', '0']]);
  });
});

/** A plaintext server speaking h2.ts whose answer is the request's headers as JSON, a newline, then its body. */
async function echoServer(): Promise<{ port: number; close(): void }> {
  const server = net.createServer((socket) =>
    serveH2Connection(socket, {
      onRequest: (req, respond) =>
        setTimeout(
          () =>
            respond({
              headers: RESPONSE_HEADERS_BLOCK,
              data: Buffer.concat([Buffer.from(JSON.stringify(req.headers) + '\n'), req.body]),
              trailers: OK_TRAILERS_BLOCK,
            }),
          1,
        ),
      onError: () => undefined,
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

const headersOf = (answer: string) => new Map(JSON.parse(answer.slice(0, answer.indexOf('\n'))) as Array<[string, string]>);

function request(session: http2.ClientHttp2Session, headers: http2.OutgoingHttpHeaders, body = Buffer.alloc(0)): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ':method': 'POST', 'content-type': 'application/grpc', ...headers });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
    req.end(body);
  });
}

describe('serveH2Connection against node:http2 (nghttp2) as the client', () => {
  test('headers nghttp2 encodes (Huffman, dynamic table with evictions) decode to what was sent', async () => {
    const s = await echoServer();
    const session = http2.connect(`http://127.0.0.1:${s.port}`);
    try {
      // 300 requests with distinct values push the 4 KiB dynamic table through many evictions;
      // every other request repeats earlier values, which nghttp2 then sends as indexes.
      const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!$&()*+,;=:@/?%';
      for (let i = 0; i < 300; i++) {
        const n = i % 2 === 0 ? i : i - 1;
        const value = Array.from({ length: 5 + (n % 90) }, (_, k) => alphabet[(n * 7 + k * 13) % alphabet.length]).join('');
        const headers = { ':path': `/svc/M${n}`, 'x-custom': value, 'x-long': 'z'.repeat(n % 200) };
        const echoed = headersOf(await request(session, headers));
        expect(echoed.get(':path')).toBe(headers[':path']);
        expect(echoed.get('x-custom')).toBe(value);
        expect(echoed.get('x-long')).toBe(headers['x-long']);
        expect(echoed.get(':method')).toBe('POST');
      }
    } finally {
      session.close();
      s.close();
    }
  });

  test('concurrent calls, a PING, a SETTINGS change and a small client window', async () => {
    const s = await echoServer();
    // A 1 KiB stream window: our DATA must wait for the client's WINDOW_UPDATEs.
    const session = http2.connect(`http://127.0.0.1:${s.port}`, { settings: { initialWindowSize: 1024 } });
    try {
      await new Promise((r) => session.once('connect', r));
      const pong = await new Promise<unknown>((r) =>
        session.ping(Buffer.from('12345678'), (err, _ms, payload) => r(err ?? payload.toString())),
      );
      expect(pong).toBe('12345678');
      const big = Buffer.alloc(100_000, 'b');
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request(session, { ':path': `/p/${i}` }, big)));
      answers.forEach((a, i) => {
        expect(headersOf(a).get(':path')).toBe(`/p/${i}`);
        expect(a.endsWith('\n' + big.toString())).toBe(true);
      });
      session.settings({ initialWindowSize: 65_535 });
      expect(await request(session, { ':path': '/after' })).toContain('/after');
    } finally {
      session.close();
      s.close();
    }
  });
});
