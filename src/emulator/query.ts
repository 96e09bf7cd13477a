// List semantics shared by every paged collection (docs/portsip-api.md §2.6, §6.8): filter (an OData subset),
// search, orderby, then skip/top; `count` is the total after filter and search, before paging.
import { invalid } from './errors';

type Item = Record<string, unknown>;
type Value = string | number | boolean | null;

// --- filter ---------------------------------------------------------------------------------

type Node =
  | { t: 'and' | 'or'; a: Node; b: Node }
  | { t: 'not'; a: Node }
  | { t: 'cmp'; op: string; a: Operand; b: Operand }
  | { t: 'fn'; fn: string; field: Operand; arg: Operand }
  | { t: 'in'; a: Operand; list: Operand[] }
  | { t: 'truthy'; a: Operand };
type Operand = { k: 'field'; path: string[] } | { k: 'lit'; v: Value };

interface Tok {
  t: 'str' | 'num' | 'id' | '(' | ')' | ',';
  v: string;
}

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, v: c });
      i++;
      continue;
    }
    if (c === "'") {
      // OData escapes a quote inside a string literal by doubling it.
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw invalid('filter', 'unterminated string literal');
        if (s[i] === "'") {
          if (s[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += s[i++];
      }
      out.push({ t: 'str', v });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(s.slice(i));
    if (num && (c === '-' || /\d/.test(c))) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_./$]*/.exec(s.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw invalid('filter', `unexpected character '${c}' at ${i}`);
  }
  return out;
}

const CMP = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FNS = new Set(['startswith', 'endswith', 'contains']);

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  parse(): Node {
    const n = this.or();
    const rest = this.toks[this.i];
    if (rest) throw invalid('filter', `unexpected '${rest.v}'`);
    return n;
  }
  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private kw(w: string): boolean {
    const t = this.peek();
    if (t && t.t === 'id' && t.v.toLowerCase() === w) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(t: Tok['t']): Tok {
    const k = this.toks[this.i++];
    if (!k || k.t !== t) throw invalid('filter', `expected '${t}'${k ? ` but found '${k.v}'` : ' at end'}`);
    return k;
  }
  private or(): Node {
    let a = this.and();
    while (this.kw('or')) a = { t: 'or', a, b: this.and() };
    return a;
  }
  private and(): Node {
    let a = this.unary();
    while (this.kw('and')) a = { t: 'and', a, b: this.unary() };
    return a;
  }
  private unary(): Node {
    if (this.kw('not')) return { t: 'not', a: this.unary() };
    return this.primary();
  }
  private primary(): Node {
    const t = this.peek();
    if (!t) throw invalid('filter', 'unexpected end of expression');
    if (t.t === '(') {
      this.i++;
      const n = this.or();
      this.expect(')');
      return this.maybeCompareNode(n);
    }
    if (t.t === 'id' && FNS.has(t.v.toLowerCase()) && this.toks[this.i + 1]?.t === '(') {
      this.i += 2;
      const field = this.operand();
      this.expect(',');
      const arg = this.operand();
      this.expect(')');
      const n: Node = { t: 'fn', fn: t.v.toLowerCase(), field, arg };
      return this.maybeCompareNode(n);
    }
    const a = this.operand();
    const op = this.peek();
    if (op && op.t === 'id' && CMP.has(op.v.toLowerCase())) {
      this.i++;
      return { t: 'cmp', op: op.v.toLowerCase(), a, b: this.operand() };
    }
    if (op && op.t === 'id' && op.v.toLowerCase() === 'in') {
      this.i++;
      this.expect('(');
      const list: Operand[] = [this.operand()];
      while (this.peek()?.t === ',') {
        this.i++;
        list.push(this.operand());
      }
      this.expect(')');
      return { t: 'in', a, list };
    }
    if (a.k === 'field') return { t: 'truthy', a }; // `enabled` alone, as OData allows for booleans
    throw invalid('filter', 'expected a comparison operator (eq ne gt ge lt le)');
  }
  // `startswith(name,'a') eq true` is valid OData; fold it to the boolean node.
  private maybeCompareNode(n: Node): Node {
    const op = this.peek();
    if (op && op.t === 'id' && (op.v === 'eq' || op.v === 'ne')) {
      this.i++;
      const b = this.operand();
      if (b.k !== 'lit' || typeof b.v !== 'boolean')
        throw invalid('filter', 'a boolean expression can only be compared with true or false');
      return b.v === (op.v === 'eq') ? n : { t: 'not', a: n };
    }
    return n;
  }
  private operand(): Operand {
    const t = this.toks[this.i++];
    if (!t) throw invalid('filter', 'unexpected end of expression');
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'id') {
      const l = t.v.toLowerCase();
      if (l === 'true') return { k: 'lit', v: true };
      if (l === 'false') return { k: 'lit', v: false };
      if (l === 'null') return { k: 'lit', v: null };
      if (CMP.has(l) || l === 'and' || l === 'or' || l === 'not') throw invalid('filter', `unexpected '${t.v}'`);
      const path = t.v.split(/[./]/);
      // Names every JS object inherits are not fields: `constructor eq null` once matched every item.
      const bad = path.find((p) => p === 'prototype' || p === '__proto__' || p in Object.prototype);
      if (bad !== undefined) throw invalid('filter', `unknown field '${bad}'`);
      return { k: 'field', path };
    }
    throw invalid('filter', `unexpected '${t.v}'`);
  }
}

export function parseFilter(s: string): Node {
  return new Parser(tokenize(s)).parse();
}

function get(item: Item, path: string[]): unknown {
  let v: unknown = item;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return null;
    v = (v as Item)[p];
  }
  return v === undefined ? null : v;
}

function val(item: Item, o: Operand): unknown {
  return o.k === 'lit' ? o.v : get(item, o.path);
}

function compare(a: unknown, b: unknown): number | null {
  if (a === null || b === null || a === undefined || b === undefined) return null;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && !Number.isNaN(Number(b))) b = Number(b);
  if (typeof b === 'number' && typeof a === 'string' && a.trim() !== '' && !Number.isNaN(Number(a))) a = Number(a);
  if (typeof a !== typeof b) return null;
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return null;
}

function looseEq(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  const c = compare(a, b);
  return c === 0;
}

export function evalFilter(n: Node, item: Item): boolean {
  switch (n.t) {
    case 'and':
      return evalFilter(n.a, item) && evalFilter(n.b, item);
    case 'or':
      return evalFilter(n.a, item) || evalFilter(n.b, item);
    case 'not':
      return !evalFilter(n.a, item);
    case 'truthy':
      return val(item, n.a) === true;
    case 'in': {
      const a = val(item, n.a);
      return n.list.some((o) => looseEq(a, val(item, o)));
    }
    case 'fn': {
      const f = val(item, n.field);
      const arg = val(item, n.arg);
      if (typeof f !== 'string' || typeof arg !== 'string') return false;
      return n.fn === 'startswith' ? f.startsWith(arg) : n.fn === 'endswith' ? f.endsWith(arg) : f.includes(arg);
    }
    case 'cmp': {
      const a = val(item, n.a);
      const b = val(item, n.b);
      if (n.op === 'eq') return looseEq(a, b);
      if (n.op === 'ne') return !looseEq(a, b);
      const c = compare(a, b);
      if (c === null) return false; // OData: comparisons with null are false
      return n.op === 'gt' ? c > 0 : n.op === 'ge' ? c >= 0 : n.op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

// --- orderby --------------------------------------------------------------------------------

export function parseOrderBy(s: string): { path: string[]; desc: boolean }[] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([A-Za-z_][A-Za-z0-9_./]*)(?:\s+(asc|desc))?$/i.exec(p);
      if (!m?.[1]) throw invalid('orderby', `'${p}' is not 'field [asc|desc]'`);
      return { path: m[1].split(/[./]/), desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
    });
}

// --- the pipeline ---------------------------------------------------------------------------

export interface ListQuery {
  filter?: string;
  search?: string;
  orderby?: string;
  skip: number;
  top: number;
}

/** Read the list parameters, accepting `$`-prefixed OData aliases (§2.6 quirk). 400 on bad values. */
export function readListQuery(q: URLSearchParams): ListQuery {
  const p = (k: string) => q.get(k) ?? q.get(`$${k}`) ?? undefined;
  const int = (k: string, dflt: number, min: number, max: number): number => {
    const raw = p(k);
    if (raw === undefined || raw === '') return dflt;
    if (!/^-?\d+$/.test(raw)) throw invalid(k, 'must be an integer');
    const n = Number(raw);
    if (n < min || n > max) throw invalid(k, max === Infinity ? `must be at least ${min}` : `must be between ${min} and ${max}`);
    return n;
  };
  const count = p('count');
  if (count !== undefined && count !== '' && count !== 'true' && count !== 'false') throw invalid('count', 'must be true or false');
  // skip is a 0-based offset despite C5's "1-based" remark (§2.6, §8 Q8).
  return {
    filter: p('filter'),
    search: p('search'),
    orderby: p('orderby'),
    skip: int('skip', 0, 0, 2147483647),
    top: int('top', 100, 1, 100),
  };
}

export function applyList<T extends Item>(items: T[], q: ListQuery): { count: number; items: T[] } {
  let out = items;
  if (q.filter !== undefined && q.filter.trim() !== '') {
    const node = parseFilter(q.filter);
    out = out.filter((it) => evalFilter(node, it));
  }
  if (q.search !== undefined && q.search.trim() !== '') {
    // "It is up to the service to decide" (C5): any string field, case-insensitive; "a or b" matches either.
    const terms = q.search
      .split(/\s+or\s+/i)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    out = out.filter((it) => Object.values(it).some((v) => typeof v === 'string' && terms.some((t) => v.toLowerCase().includes(t))));
  }
  if (q.orderby !== undefined && q.orderby.trim() !== '') {
    const keys = parseOrderBy(q.orderby);
    out = out
      .map((it, i) => ({ it, i }))
      .sort((x, y) => {
        for (const k of keys) {
          const a = get(x.it, k.path);
          const b = get(y.it, k.path);
          let c: number;
          if (a === null && b === null) c = 0;
          else if (a === null)
            c = -1; // nulls first ascending
          else if (b === null) c = 1;
          else c = compare(a, b) ?? String(a).localeCompare(String(b));
          if (c !== 0) return k.desc ? -c : c;
        }
        return x.i - y.i;
      })
      .map((x) => x.it);
  }
  return { count: out.length, items: out.slice(q.skip, q.skip + q.top) };
}
