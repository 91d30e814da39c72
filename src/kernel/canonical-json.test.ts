import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from './canonical-json.js';

describe('canonicalJson (RFC 8785)', () => {
  it('serializes the sample object of RFC 8785 §3.2.2', () => {
    const input: unknown = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // The emoji (a surrogate pair, 0xD83D…) sorts before U+FB33, unlike code-point order.
    const text = canonicalJson(input);
    expect(text.indexOf('\ud83d\ude00')).toBeLessThan(text.indexOf('\ufb33'));
    expect(text).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: { y: null, x: 'ش' } })).toBe('{"a":{"x":"ش","y":null},"b":[3,{"a":2,"z":1}]}');
  });

  it.each([
    [1e30, '1e+30'],
    [4.5, '4.5'],
    [0.002, '0.002'],
    [1e-27, '1e-27'],
    [-0, '0'],
    [1e21, '1e+21'],
    [1e20, '100000000000000000000'],
    [-1.5e-7, '-1.5e-7'],
    [9007199254740993, '9007199254740992'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('serializes the number %s as %s', (n, text) => {
    expect(canonicalJson(n)).toBe(text);
  });

  it('rejects values with no exact JSON form', () => {
    expect(() => canonicalJson(NaN)).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: [Infinity] })).toThrow(/non-finite number Infinity at \$\.a\[0\]/);
    expect(() => canonicalJson(-Infinity)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined at \$\[1\]/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(new Map())).toThrow(/not plain data/);
    expect(() => canonicalJson('\ud800')).toThrow(/lone surrogate/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('omits undefined properties and writes dates as ISO text', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ at: new Date('2025-01-02T03:04:05Z') })).toBe('{"at":"2025-01-02T03:04:05.000Z"}');
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it('gives the UTF-8 bytes', () => {
    expect([...canonicalBytes({ é: '€' })]).toEqual([...new TextEncoder().encode('{"é":"€"}')]);
    expect(canonicalBytes('ش')).toEqual(new Uint8Array([0x22, 0xd8, 0xb4, 0x22]));
  });
});
