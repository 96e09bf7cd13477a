// HPACK (RFC 7541), as much as the unary gRPC server in h2.ts needs: a full DECODER for the header
// blocks Terraform's gRPC client sends (it indexes into the dynamic table and Huffman-codes strings,
// so every block must be decoded, in order, to keep the table in step), and fixed ENCODED blocks for
// our answers, which use only the static table and literals "without indexing" (RFC 7541 §6.2.2), so
// we keep no encoder state and never touch the peer's dynamic table.

/** A decoding error; the connection must end with COMPRESSION_ERROR (RFC 7540 §4.3). */
export class HpackError extends Error {}

/** RFC 7541 Appendix A: index 1..61 → [name, value]. */
const STATIC_TABLE: ReadonlyArray<readonly [string, string]> = [
  [':authority', ''],
  [':method', 'GET'],
  [':method', 'POST'],
  [':path', '/'],
  [':path', '/index.html'],
  [':scheme', 'http'],
  [':scheme', 'https'],
  [':status', '200'],
  [':status', '204'],
  [':status', '206'],
  [':status', '304'],
  [':status', '400'],
  [':status', '404'],
  [':status', '500'],
  ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'],
  ['accept-language', ''],
  ['accept-ranges', ''],
  ['accept', ''],
  ['access-control-allow-origin', ''],
  ['age', ''],
  ['allow', ''],
  ['authorization', ''],
  ['cache-control', ''],
  ['content-disposition', ''],
  ['content-encoding', ''],
  ['content-language', ''],
  ['content-length', ''],
  ['content-location', ''],
  ['content-range', ''],
  ['content-type', ''],
  ['cookie', ''],
  ['date', ''],
  ['etag', ''],
  ['expect', ''],
  ['expires', ''],
  ['from', ''],
  ['host', ''],
  ['if-match', ''],
  ['if-modified-since', ''],
  ['if-none-match', ''],
  ['if-range', ''],
  ['if-unmodified-since', ''],
  ['last-modified', ''],
  ['link', ''],
  ['location', ''],
  ['max-forwards', ''],
  ['proxy-authenticate', ''],
  ['proxy-authorization', ''],
  ['range', ''],
  ['referer', ''],
  ['refresh', ''],
  ['retry-after', ''],
  ['server', ''],
  ['set-cookie', ''],
  ['strict-transport-security', ''],
  ['transfer-encoding', ''],
  ['user-agent', ''],
  ['vary', ''],
  ['via', ''],
  ['www-authenticate', ''],
];

/**
 * RFC 7541 Appendix B: the bit length of the Huffman code of each symbol 0..255 and EOS (256). The
 * code is canonical (codes of one length are consecutive in symbol order, shorter codes first), so
 * the lengths alone determine every code; test/provider/hpack.test.ts checks the table against codes
 * printed in the RFC and against strings node's own HTTP/2 library (nghttp2) encodes.
 */
// prettier-ignore
const HUFFMAN_LENGTHS = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
  13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
  15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
  20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
  22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
  26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
  20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
  30,
];
const EOS = 256;

/** The canonical codes from the lengths: symbol → code (as a number; the longest is 30 bits). */
export function huffmanCodes(): Array<{ symbol: number; code: number; length: number }> {
  const order = HUFFMAN_LENGTHS.map((length, symbol) => ({ symbol, length })).sort((a, b) => a.length - b.length || a.symbol - b.symbol);
  let code = 0;
  let prevLength = order[0]!.length;
  return order.map(({ symbol, length }, i) => {
    if (i > 0) code = (code + 1) * 2 ** (length - prevLength);
    prevLength = length;
    return { symbol, code, length };
  });
}

/**
 * The decoding tree as flat arrays: node 0 is the root; child[2n + bit] is the next node, or
 * -(symbol + 1) at a leaf. Built on first use (the first Huffman-coded string of a process).
 */
let tree: Int32Array | undefined;
function huffmanTree(): Int32Array {
  if (tree) return tree;
  const child = new Int32Array(2 * 512); // a complete code of 257 symbols has 256 inner nodes
  let nodes = 1;
  for (const { symbol, code, length } of huffmanCodes()) {
    let n = 0;
    for (let b = length - 1; b >= 0; b--) {
      const bit = Math.floor(code / 2 ** b) & 1;
      const slot = 2 * n + bit;
      if (b === 0) child[slot] = -(symbol + 1);
      else {
        if (child[slot] === 0) child[slot] = nodes++;
        n = child[slot]!;
      }
    }
  }
  return (tree = child);
}

/** RFC 7541 §5.2: Huffman-decode; padding must be the EOS prefix (all ones), shorter than 8 bits. */
function huffmanDecode(buf: Buffer, start: number, end: number): string {
  const child = huffmanTree();
  const out: number[] = [];
  let n = 0;
  let depth = 0; // bits consumed since the last symbol
  let allOnes = true;
  for (let i = start; i < end; i++) {
    const byte = buf[i]!;
    for (let b = 7; b >= 0; b--) {
      const bit = (byte >> b) & 1;
      allOnes &&= bit === 1;
      const next = child[2 * n + bit]!;
      depth++;
      if (next < 0) {
        const symbol = -next - 1;
        if (symbol === EOS) throw new HpackError('Huffman-coded string contains EOS');
        out.push(symbol);
        n = 0;
        depth = 0;
        allOnes = true;
      } else n = next;
    }
  }
  if (depth > 7 || !allOnes) throw new HpackError('Huffman-coded string has invalid padding');
  return Buffer.from(out).toString('latin1');
}

/** Decoded fields in order; entries may be shared with the decoding tables, so they are read-only. */
export type HeaderList = Array<readonly [string, string]>;

/** The decoding context of one connection (RFC 7541 §2.3.2): the dynamic table and its size limit. */
export class HpackDecoder {
  /** Newest first, as indexes count (62 is the newest entry). */
  private dynamic: Array<readonly [string, string]> = [];
  private size = 0;
  private maxSize: number;

  /** `protocolMax`: the SETTINGS_HEADER_TABLE_SIZE we announced (4096 by default). */
  constructor(private readonly protocolMax = 4096) {
    this.maxSize = protocolMax;
  }

  private evict(): void {
    while (this.size > this.maxSize && this.dynamic.length > 0) {
      const [name, value] = this.dynamic.pop()!;
      this.size -= name.length + value.length + 32;
    }
  }

  private add(field: readonly [string, string]): void {
    const [name, value] = field;
    this.dynamic.unshift(field);
    this.size += name.length + value.length + 32;
    this.evict(); // an entry larger than the table empties it (§4.4)
  }

  private entry(index: number): readonly [string, string] {
    if (index >= 1 && index <= STATIC_TABLE.length) return STATIC_TABLE[index - 1]!;
    const e = this.dynamic[index - STATIC_TABLE.length - 1];
    if (!e) throw new HpackError(`header index ${index} is outside the table`);
    return e;
  }

  /** One header block (HEADERS + CONTINUATION payloads joined) → its fields, in order. */
  decode(block: Buffer): HeaderList {
    const fields: HeaderList = [];
    let pos = 0;
    const int = (prefixBits: number): number => {
      if (pos >= block.length) throw new HpackError('header block ends inside an integer');
      const max = (1 << prefixBits) - 1;
      let v = block[pos++]! & max;
      if (v < max) return v;
      let shift = 0;
      for (;;) {
        if (pos >= block.length) throw new HpackError('header block ends inside an integer');
        const b = block[pos++]!;
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if ((b & 0x80) === 0) break;
        if (shift > 28) throw new HpackError('integer too large');
      }
      return v;
    };
    const str = (): string => {
      if (pos >= block.length) throw new HpackError('header block ends before a string');
      const huffman = (block[pos]! & 0x80) !== 0;
      const len = int(7);
      if (pos + len > block.length) throw new HpackError('string runs past the header block');
      const s = huffman ? huffmanDecode(block, pos, pos + len) : block.toString('latin1', pos, pos + len);
      pos += len;
      return s;
    };
    let fieldSeen = false;
    while (pos < block.length) {
      const b = block[pos]!;
      if (b & 0x80) {
        // §6.1 indexed field
        const index = int(7);
        if (index === 0) throw new HpackError('header index 0');
        fields.push(this.entry(index)); // shared with the table, not copied (per field of every request)
      } else if (b & 0x40) {
        // §6.2.1 literal with incremental indexing
        const index = int(6);
        const name = index === 0 ? str() : this.entry(index)[0];
        const field = [name, str()] as const;
        this.add(field);
        fields.push(field);
      } else if (b & 0x20) {
        // §6.3 dynamic table size update: only at the start of a block
        if (fieldSeen) throw new HpackError('table size update after a header field');
        const size = int(5);
        if (size > this.protocolMax) throw new HpackError(`table size update to ${size} over the announced ${this.protocolMax}`);
        this.maxSize = size;
        this.evict();
        continue;
      } else {
        // §6.2.2 without indexing (0000) / §6.2.3 never indexed (0001)
        const index = int(4);
        const name = index === 0 ? str() : this.entry(index)[0];
        fields.push([name, str()]);
      }
      fieldSeen = true;
    }
    return fields;
  }
}

/** A literal field without indexing, new name (§6.2.2), strings raw (no Huffman). */
function literal(name: string, value: string): Buffer {
  return Buffer.concat([Buffer.from([0]), encodeString(name), encodeString(value)]);
}

/** A literal field without indexing whose name is static-table entry `index` (§6.2.2, 4-bit prefix). */
function literalIndexedName(index: number, value: string): Buffer {
  return Buffer.concat([encodeInt(index, 4, 0), encodeString(value)]);
}

function encodeInt(v: number, prefixBits: number, firstByteFlags: number): Buffer {
  const max = (1 << prefixBits) - 1;
  if (v < max) return Buffer.from([firstByteFlags | v]);
  const out = [firstByteFlags | max];
  v -= max;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Buffer.from(out);
}

function encodeString(s: string): Buffer {
  const bytes = Buffer.from(s, 'latin1');
  return Buffer.concat([encodeInt(bytes.length, 7, 0), bytes]);
}

/** `:status 200` is static entry 8 (§6.1); content-type is entry 31. */
export const RESPONSE_HEADERS_BLOCK = Buffer.concat([Buffer.from([0x80 | 8]), literalIndexedName(31, 'application/grpc')]);
export const OK_TRAILERS_BLOCK = literal('grpc-status', '0');

/** A trailers-only answer (gRPC "Trailers-Only"): :status, content-type, grpc-status, grpc-message. */
export function errorBlock(code: number, message: string): Buffer {
  return Buffer.concat([RESPONSE_HEADERS_BLOCK, literal('grpc-status', String(code)), literal('grpc-message', message)]);
}

/** `:status` alone, for a request that is not gRPC at all (HTTP 415). */
export function statusBlock(status: number): Buffer {
  return literalIndexedName(8, String(status));
}
