import { Decoder, Encoder, ExtData } from '@msgpack/msgpack';
import {
  decodeCtyType,
  decodeJsonObject,
  decodeMsgpackObject,
  decodeMsgpackValue,
  encodeCtyType,
  encodeMsgpackObject,
  encodeMsgpackValue,
  inferCtyType,
  numberFromText,
  numbersEqual,
  parseJsonExact,
  JsonNumber,
  taggedCtyType,
  withCtyType,
  type CtyType,
} from '../../src/provider/codec';
import type { Block } from '../../src/provider/schema';
import { BigNum, UNKNOWN, type ObjectValue } from '../../src/provider/values';

const raw = (b: Uint8Array) => new Decoder({ useBigInt64: true }).decode(b);
const enc = (v: unknown) => Buffer.from(new Encoder({ useBigInt64: true }).encode(v));

describe('cty type JSON', () => {
  const cases: [CtyType, string][] = [
    ['string', '"string"'],
    ['number', '"number"'],
    ['bool', '"bool"'],
    ['dynamic', '"dynamic"'],
    [{ list: 'string' }, '["list","string"]'],
    [{ set: 'number' }, '["set","number"]'],
    [{ map: { list: 'bool' } }, '["map",["list","bool"]]'],
    [{ object: { a: 'string', b: 'number' } }, '["object",{"a":"string","b":"number"}]'],
    [{ tuple: ['string', 'number'] }, '["tuple",["string","number"]]'],
    [{ object: { a: 'string' }, optional: ['a'] }, '["object",{"a":"string"},["a"]]'],
  ];
  test.each(cases)('%j <-> %s', (type, json) => {
    expect(encodeCtyType(type)).toBe(json);
    expect(decodeCtyType(json)).toEqual(type);
    expect(decodeCtyType(Buffer.from(json))).toEqual(type);
  });
  test('rejects garbage', () => {
    expect(() => decodeCtyType('["list"]')).toThrow(/unsupported/);
    expect(() => decodeCtyType('"float"')).toThrow();
    expect(() => decodeCtyType('not json')).toThrow(/not JSON/);
  });
});

describe('numbers', () => {
  test('exact doubles stay numbers, the rest BigNum with the original text', () => {
    expect(numberFromText('1.5')).toBe(1.5);
    expect(numberFromText('42')).toBe(42);
    expect(numberFromText('-0')).toBe(0);
    expect(numberFromText('9007199254740991')).toBe(9007199254740991);
    expect(numberFromText('0.1')).toEqual(new BigNum('0.1'));
    expect(numberFromText('9007199254740993')).toEqual(new BigNum('9007199254740993'));
    expect(numberFromText('100000000000000000000')).toEqual(new BigNum('100000000000000000000'));
    expect(numberFromText('1e400')).toEqual(new BigNum('1e400'));
    expect(numberFromText('1e-400')).toEqual(new BigNum('1e-400'));
    expect(numberFromText('0.5')).toBe(0.5);
    expect(numberFromText('2.5e-1')).toBe(0.25);
    expect(() => numberFromText('abc')).toThrow();
  });
  test('equality by decimal value', () => {
    expect(numbersEqual(0.1, new BigNum('0.1'))).toBe(true);
    expect(numbersEqual(new BigNum('1.50'), 1.5)).toBe(true);
    expect(numbersEqual(new BigNum('1e2'), 100)).toBe(true);
    expect(numbersEqual(new BigNum('9007199254740993'), 9007199254740992)).toBe(false);
  });
});

describe('msgpack values', () => {
  test('unknown is ext 0 (d4 00 00); any extension decodes as UNKNOWN', () => {
    expect(encodeMsgpackValue('string', UNKNOWN).toString('hex')).toBe('d40000');
    expect(decodeMsgpackValue('string', Buffer.from('d40000', 'hex'))).toBe(UNKNOWN);
    // refined unknown: ext 12 with a map body {1: false, 2: "n-"}
    const refined = enc(
      new ExtData(
        12,
        enc(
          new Map<number, unknown>([
            [1, false],
            [2, 'n-'],
          ]),
        ),
      ),
    );
    expect(decodeMsgpackValue('string', refined)).toBe(UNKNOWN);
    expect(decodeMsgpackValue({ list: 'string' }, enc(['a', new ExtData(12, new Uint8Array([0x80]))]))).toEqual(['a', UNKNOWN]);
  });

  test('numbers go to Terraform as plain decimal text, the form its state file parses (exact refresh-only drift)', () => {
    expect(raw(encodeMsgpackValue('number', 7))).toBe('7');
    expect(raw(encodeMsgpackValue('number', 1.5))).toBe('1.5');
    expect(raw(encodeMsgpackValue('number', 2 ** 32))).toBe('4294967296');
    expect(raw(encodeMsgpackValue('number', -(2 ** 40)))).toBe('-1099511627776');
    expect(raw(encodeMsgpackValue('number', 1e21))).toBe('1000000000000000000000');
    expect(raw(encodeMsgpackValue('number', 1e-7))).toBe('0.0000001');
    expect(raw(encodeMsgpackValue('number', -0))).toBe('0');
    expect(raw(encodeMsgpackValue('number', 0.1))).toBe('0.1');
    expect(raw(encodeMsgpackValue('number', new BigNum('9007199254740993')))).toBe('9007199254740993');
    expect(raw(encodeMsgpackValue('number', new BigNum('1.50e2')))).toBe('150');
    expect(raw(encodeMsgpackValue('number', new BigNum('-0.00120')))).toBe('-0.0012');
    expect(raw(encodeMsgpackValue('number', new BigNum('123456789012345678901234567890')))).toBe('123456789012345678901234567890');
    expect(raw(encodeMsgpackValue('number', new BigNum((2n ** 70n).toString())))).toBe('1180591620717411303424');
    // Infinities have no decimal text: float64 carries them.
    expect(encodeMsgpackValue('number', Infinity).toString('hex')).toBe('cb7ff0000000000000');
  });

  test('numbers decode exactly from every wire form and come back with the same value', () => {
    expect(decodeMsgpackValue('number', Buffer.from('cf0020000000000001', 'hex'))).toEqual(new BigNum('9007199254740993'));
    expect(decodeMsgpackValue('number', Buffer.from('cf0000000100000000', 'hex'))).toBe(2 ** 32);
    expect(decodeMsgpackValue('number', enc(-(2n ** 63n)))).toEqual(new BigNum('-9223372036854775808'));
    expect(decodeMsgpackValue('number', enc('0.1'))).toEqual(new BigNum('0.1'));
    expect(decodeMsgpackValue('number', enc('100000000000000000000'))).toEqual(new BigNum('100000000000000000000'));
    expect(decodeMsgpackValue('number', enc(0.5))).toBe(0.5);
    const cases: [string, string][] = [
      ['cf0020000000000001', '9007199254740993'],
      ['d38000000000000000', '-9223372036854775808'],
      ['cb3fb999999999999a', '0.1'],
      ['07', '7'],
      ['cf0000000100000000', '4294967296'],
    ];
    for (const [hex, text] of cases) {
      const v = decodeMsgpackValue('number', Buffer.from(hex, 'hex'));
      expect(raw(encodeMsgpackValue('number', v))).toBe(text);
    }
    const s = enc('123456789012345678901234567890.5');
    expect(encodeMsgpackValue('number', decodeMsgpackValue('number', s))).toEqual(s);
  });

  test('collections and objects', () => {
    const t: CtyType = { object: { l: { list: 'string' }, s: { set: 'number' }, m: { map: 'bool' }, t: { tuple: ['string', 'number'] } } };
    const v = { l: ['a', 'b'], s: [1, 2], m: { x: true }, t: ['z', 3] };
    const back = decodeMsgpackValue(t, encodeMsgpackValue(t, v));
    expect(back).toEqual(v);
    // a map key "__proto__" is an ordinary key on the wire
    const weird = JSON.parse('{"__proto__": true, "ok": false}');
    const b = encodeMsgpackValue({ map: 'bool' }, weird);
    expect(b.toString('hex')).toBe('82a95f5f70726f746f5f5fc3a26f6bc2');
    expect(() => encodeMsgpackValue('string', 3)).toThrow(/expected string/);
    expect(() => encodeMsgpackValue({ list: 'string' }, 'x')).toThrow(/expected an array/);
  });

  test('dynamic values keep their concrete type: [type JSON as bin, value]', () => {
    const list = enc([Buffer.from('["list","string"]'), ['a', 'b']]);
    const v = decodeMsgpackValue('dynamic', list);
    expect(v).toEqual(['a', 'b']);
    expect(taggedCtyType(v)).toEqual({ list: 'string' });
    expect(encodeMsgpackValue('dynamic', v)).toEqual(list);
    // the bin stays bin (c4), not a string
    expect(encodeMsgpackValue('dynamic', v)[1]).toBe(0xc4);

    const obj = enc([Buffer.from('["object",{"n":["tuple",["number","string"]]}]'), { n: [1, 'two'] }]);
    const o = decodeMsgpackValue('dynamic', obj);
    expect(o).toEqual({ n: [1, 'two'] });
    // the number inside comes back as decimal text, like every number the provider sends
    expect(encodeMsgpackValue('dynamic', o)).toEqual(
      enc([Buffer.from('["object",{"n":["tuple",["number","string"]]}]'), { n: ['1', 'two'] }]),
    );

    // untagged values are inferred as HCL literals are typed
    expect(inferCtyType({ a: [1, 'x'], b: true })).toEqual({ object: { a: { tuple: ['number', 'string'] }, b: 'bool' } });
    expect(raw(encodeMsgpackValue('dynamic', 'hi'))).toEqual([new Uint8Array(Buffer.from('"string"')), 'hi']);
    expect(encodeMsgpackValue('dynamic', null).toString('hex')).toBe('c0');
    expect(encodeMsgpackValue('dynamic', UNKNOWN).toString('hex')).toBe('d40000');
    // a dynamic inside a collection is wrapped per element
    const ld = decodeMsgpackValue({ list: 'dynamic' }, enc([[Buffer.from('"number"'), 5]]));
    expect(ld).toEqual([5]);
    expect(withCtyType([1], { list: 'number' })).toEqual([1]);
  });
});

const block: Block = {
  attributes: {
    id: { type: 'string', computed: true, description: '' },
    n: { type: 'number', optional: true, description: '' },
    any: { type: 'dynamic', optional: true, description: '' },
  },
  blocks: {
    one: { nesting: 'single', block: { attributes: { a: { type: 'string', optional: true, description: '' } } } },
    grp: {
      nesting: 'group',
      block: {
        attributes: { g: { type: 'string', optional: true, description: '' } },
        blocks: { deep: { nesting: 'list', block: { attributes: { d: { type: 'bool', optional: true, description: '' } } } } },
      },
    },
    lst: { nesting: 'list', block: { attributes: { x: { type: 'string', required: true, description: '' } } } },
    st: { nesting: 'set', block: { attributes: { y: { type: 'number', required: true, description: '' } } } },
    mp: { nesting: 'map', block: { attributes: { z: { type: 'bool', optional: true, description: '' } } } },
  },
};

describe('msgpack objects against a schema block', () => {
  test('round trip of every nesting mode with unknowns', () => {
    const v: ObjectValue = {
      id: UNKNOWN,
      n: new BigNum('18446744073709551615'),
      any: withCtyType({ k: 'v' }, { map: 'string' }),
      one: { a: 'x' },
      grp: { g: null, deep: [{ d: true }, { d: UNKNOWN }] },
      lst: [{ x: 'a' }, { x: 'b' }],
      st: [{ y: 1 }, { y: 0.5 }],
      mp: { k1: { z: false } },
    };
    const bytes = encodeMsgpackObject(block, v);
    const back = decodeMsgpackObject(block, bytes)!;
    expect(back).toEqual(v);
    expect(taggedCtyType(back.any!)).toEqual({ map: 'string' });
    expect(encodeMsgpackObject(block, back)).toEqual(bytes);
  });

  test('exactly every key: missing keys are written empty, extra keys dropped', () => {
    const bytes = encodeMsgpackObject(block, { n: 1, bogus: 'x' });
    const r = raw(bytes) as Record<string, unknown>;
    expect(Object.keys(r).sort()).toEqual(['any', 'grp', 'id', 'lst', 'mp', 'n', 'one', 'st']);
    expect(r).toMatchObject({ id: null, one: null, lst: [], st: [], mp: {}, grp: { g: null, deep: [] } });
  });

  test('whole-object null is msgpack nil, and nil/empty decode to null', () => {
    expect(encodeMsgpackObject(block, null).toString('hex')).toBe('c0');
    expect(decodeMsgpackObject(block, Buffer.from('c0', 'hex'))).toBeNull();
    expect(decodeMsgpackObject(block, Buffer.alloc(0))).toBeNull();
  });

  test('absent blocks as Terraform sends them (docs/protocol.md "Nested blocks")', () => {
    const bytes = enc({ id: null, n: null, any: null, one: null, grp: { g: null, deep: [] }, lst: [], st: [], mp: {} });
    expect(decodeMsgpackObject(block, bytes)).toEqual({
      id: null,
      n: null,
      any: null,
      one: null,
      grp: { g: null, deep: [] },
      lst: [],
      st: [],
      mp: {},
    });
    // a dynamic block with unknown for_each
    const unk = enc({ id: null, n: null, any: null, one: null, grp: null, lst: new ExtData(0, new Uint8Array([0])), st: [], mp: {} });
    const d = decodeMsgpackObject(block, unk)!;
    expect(d.lst).toBe(UNKNOWN);
    expect(d.grp).toEqual({ g: null, deep: [] });
  });

  test('type errors name the path', () => {
    expect(() => decodeMsgpackObject(block, enc({ lst: [{ x: 5 }] }))).toThrow(/lst\[0\]\.x/);
  });
});

describe('state JSON (URS raw_state)', () => {
  test('parser keeps number text', () => {
    const j = parseJsonExact('{"a": 9007199254740993, "b": [0.1, -1e5, true, null, "s\\"q"], "c": {}}');
    expect(j).toEqual({
      a: new JsonNumber('9007199254740993'),
      b: [new JsonNumber('0.1'), new JsonNumber('-1e5'), true, null, 's"q'],
      c: {},
    });
    expect(() => parseJsonExact('{"a": }')).toThrow(SyntaxError);
    expect(() => parseJsonExact('[1] x')).toThrow(/trailing/);
  });

  test('decodes leniently against the schema with exact numbers and dynamic values', () => {
    const json = JSON.stringify({
      id: 'x',
      extra_attr: 1,
      any: { value: ['a'], type: ['list', 'string'] },
      lst: [{ x: 'a' }],
      grp: null,
    }).replace('"extra_attr":1', '"extra_attr":1,"n":18446744073709551615');
    const v = decodeJsonObject(block, Buffer.from(json))!;
    expect(v).toEqual({
      id: 'x',
      n: new BigNum('18446744073709551615'),
      any: ['a'],
      one: null,
      grp: { g: null, deep: [] },
      lst: [{ x: 'a' }],
      st: [],
      mp: {},
    });
    expect(taggedCtyType(v.any!)).toEqual({ list: 'string' });
    expect(decodeJsonObject(block, '')).toBeNull();
    expect(decodeJsonObject(block, 'null')).toBeNull();
  });
});
