// Normalisers of multi-part documents: PEM certificates and keys (certificate `crt`/`key`,
// STIR/SHAKEN cert/key: Ops 13, 43) and DID pools (trunk assignment `did_numbers`, Op 50). Both are
// parsed into parts, so that the validators can name the part that is wrong and the comparisons
// can ignore how the parts are written (wrapping, line ends, spacing, order of DID entries).

// ---------------------------------------------------------------------------------------------
// PEM documents (certificate `crt`/`key`, STIR/SHAKEN cert/key: Ops 13, 43). The PBX may re-wrap the
// base64 lines, switch CRLF/LF or trim the trailing newline; none of that changes the document.

export interface PemBlock {
  /** The label after BEGIN, e.g. "CERTIFICATE", "PRIVATE KEY", "EC PRIVATE KEY". */
  label: string;
  /** Base64 body without white space (headers such as "Proc-Type:" are kept out). */
  body: string;
  /** RFC 1421 header lines inside the block (e.g. "Proc-Type: 4,ENCRYPTED"). */
  headers: string[];
}

export type PemParse = { ok: true; blocks: PemBlock[] } | { ok: false; reason: string };

const PEM_LINE_RE = /^-----(BEGIN|END) ([A-Z0-9 ]+)-----$/;

/** Parse one or more PEM blocks (a chain). Text outside the blocks (e.g. "Bag Attributes") is ignored. */
export function parsePem(input: string): PemParse {
  const lines = input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  const blocks: PemBlock[] = [];
  let cur: { label: string; body: string[]; headers: string[]; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = PEM_LINE_RE.exec(l);
    if (m && m[1] === 'BEGIN') {
      if (cur)
        return { ok: false, reason: `"-----BEGIN ${cur.label}-----" on line ${cur.line} has no matching END line before line ${i + 1}` };
      cur = { label: m[2]!, body: [], headers: [], line: i + 1 };
    } else if (m && m[1] === 'END') {
      if (!cur) return { ok: false, reason: `line ${i + 1} "${l}" has no matching BEGIN line` };
      if (m[2] !== cur.label) return { ok: false, reason: `"-----BEGIN ${cur.label}-----" is closed by "-----END ${m[2]}-----"` };
      const body = cur.body.join('');
      if (body === '') return { ok: false, reason: `the ${cur.label} block is empty` };
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
        return { ok: false, reason: `the ${cur.label} block is not valid base64` };
      blocks.push({ label: cur.label, body, headers: cur.headers });
      cur = null;
    } else if (cur) {
      if (l === '') continue;
      if (/^[A-Za-z-]+:/.test(l) && cur.body.length === 0) cur.headers.push(l);
      else cur.body.push(l.replace(/\s+/g, ''));
    } else if (l.startsWith('-----')) {
      return { ok: false, reason: `line ${i + 1} "${l.length > 60 ? `${l.slice(0, 60)}…` : l}" is not a valid PEM armour line` };
    }
  }
  if (cur) return { ok: false, reason: `"-----BEGIN ${cur.label}-----" on line ${cur.line} has no matching END line` };
  if (blocks.length === 0) return { ok: false, reason: 'no "-----BEGIN ...-----" / "-----END ...-----" block was found' };
  return { ok: true, blocks };
}

/** Canonical text: each block re-wrapped at 64 characters, LF line ends, one trailing newline. */
export function canonicalPem(input: string): string | null {
  const p = parsePem(input);
  if (!p.ok) return null;
  return p.blocks
    .map((b) =>
      [
        `-----BEGIN ${b.label}-----`,
        ...b.headers,
        ...(b.headers.length ? [''] : []),
        ...(b.body.match(/.{1,64}/g) ?? []),
        `-----END ${b.label}-----`,
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

/** Same blocks in the same order; white space, line ends and line wrapping do not matter. */
export function pemEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalPem(a);
  const cb = canonicalPem(b);
  if (ca === null || cb === null) return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
  return ca === cb;
}

// ---------------------------------------------------------------------------------------------
// DID pools (trunk assignment `did_numbers`, Op 50: "3000;12000-18000")

export interface DidInterval {
  start: bigint;
  end: bigint;
  /** The entry as written, white space removed, e.g. "12000-18000". */
  text: string;
}

export type DidPoolParse = { ok: true; intervals: DidInterval[] } | { ok: false; reason: string };

/**
 * Parse a DID pool: single numbers and `start-end` ranges separated by ";". White space around the
 * separators is tolerated (it is removed before sending). Numbers are compared as integers
 * (docs/portsip-api.md Op 50 [I]); BigInt keeps long numbers exact.
 */
export function parseDidPool(input: string): DidPoolParse {
  const s = input.replace(/\s+/g, '');
  if (s === '') return { ok: true, intervals: [] };
  if (!/^\d+(-\d+)?(;\d+(-\d+)?)*$/.test(s)) {
    const bad = s.split(';').findIndex((e) => !/^\d+(-\d+)?$/.test(e));
    const entry = s.split(';')[bad] ?? '';
    return {
      ok: false,
      reason:
        entry === ''
          ? `entry ${bad + 1} is empty (a stray ";"?)`
          : `entry ${bad + 1} "${entry}" is neither a number nor a range "start-end" of digits`,
    };
  }
  const intervals = s.split(';').map((e) => {
    const [a, b] = e.split('-');
    return { start: BigInt(a!), end: BigInt(b ?? a!), text: e };
  });
  return { ok: true, intervals };
}

/** White space removed; order kept. */
export function canonicalDidPool(input: string): string {
  return input.replace(/\s+/g, '');
}

/** The same set of numbers, written as the same entries in any order ("1;2-3" == "2-3; 1"). */
export function didPoolsEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseDidPool(a);
  const pb = parseDidPool(b);
  if (!pa.ok || !pb.ok) return canonicalDidPool(a) === canonicalDidPool(b);
  const key = (i: DidInterval) => `${i.start}-${i.end}`;
  const sa = pa.intervals.map(key).sort();
  const sb = pb.intervals.map(key).sort();
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}
