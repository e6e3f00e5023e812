/** The fast RFC 8785 serialiser against the reference `canonicalize` package. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonReference, decodeUtf8 } from '../../electron/formats/json.ts';
import { isCanonicalJsonText } from '../../electron/formats/jcs-text.ts';

const cases: unknown[] = [
  { b: 1, a: [3, { d: null, c: true }], é: 'x', A: 1e21, z: -0, y: 1.5e-7, x: 123456789012345680000 },
  { '10': 1, '9': 2, a: 3, '': 4 }, // array-index keys, which engines order numerically
  JSON.parse('{"__proto__":{"x":1},"a":"\\u0000\\u001f\\"\\\\/\\b\\f\\n\\r\\t"}'),
  { emoji: '😀 评审 \u2028\u2029', nested: { z: [[], {}, [{}]], a: 'x' } },
  [undefined, () => 1, Symbol('s'), { u: undefined, f: () => 1 }],
  { date: new Date('2026-01-01T00:00:00Z'), toJSON_: { toJSON: () => ({ b: 1, a: 2 }) } },
  'text',
  42,
  null,
];

describe('canonicalJson', () => {
  it('matches the reference on varied values', () => {
    for (const v of cases) {
      const ref = canonicalJsonReference(v);
      // The reference writes functions inside objects as `undefined` (not JSON); both drop them elsewhere.
      if (ref?.includes('undefined')) continue;
      expect(canonicalJson(v)).toBe(ref);
    }
    expect(canonicalJson({ u: undefined, f: () => 1, s: Symbol('s'), k: 1 })).toBe('{"k":1}');
  });

  it('matches the reference on generated values', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const gen = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.3)
        return [rand() * 1e6 - 5e5, Math.floor(rand() * 100), 'k' + String.fromCharCode(32 + Math.floor(rand() * 20000)), true, null][
          Math.floor(rand() * 5)
        ];
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => gen(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 5) }, () => [
          String.fromCharCode(48 + Math.floor(rand() * 80)) + String(Math.floor(rand() * 20)),
          gen(depth + 1),
        ]),
      );
    };
    for (let i = 0; i < 500; i++) {
      const v = gen(0);
      expect(canonicalJson(v)).toBe(canonicalJsonReference(v));
    }
  });

  it('refuses what the reference refuses', () => {
    for (const bad of [{ a: NaN }, [Infinity], { s: '\ud800' }, { ['\udc00']: 1 }, 10n]) {
      expect(() => canonicalJsonReference(bad)).toThrow();
      expect(() => canonicalJson(bad)).toThrow();
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
    // An escaped backslash before "ud800" is text, not a surrogate.
    expect(canonicalJson({ s: '\\ud800' })).toBe(canonicalJsonReference({ s: '\\ud800' }));
  });
});

describe('isCanonicalJsonText', () => {
  /** The property: the fast check may be unsure, but when it says canonical the reference agrees. */
  const agrees = (text: string): void => {
    if (!isCanonicalJsonText(text)) return;
    let ref: string | undefined;
    try {
      ref = canonicalJsonReference(JSON.parse(text));
    } catch {
      ref = undefined;
    }
    expect(ref, text).toBe(text);
  };
  /** Lone surrogates, which text decoded from valid UTF-8 never holds. */
  const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  /**
   * On JSON that parses and holds no lone surrogate (what parseStrict passes), the quick string ends that
   * `wellFormedJson` allows give exactly the answer of the full scan; elsewhere the promise does not hold.
   */
  const sameWhenWellFormed = (text: string): void => {
    try {
      JSON.parse(text);
    } catch {
      return;
    }
    if (LONE.test(text)) return;
    expect(isCanonicalJsonText(text, true), text).toBe(isCanonicalJsonText(text));
  };

  it('says yes to canonical text, including escapes, surrogate pairs and exponents', () => {
    for (const v of [
      { a: 'x\u0001\n"\\', b: [1e21, 1.5e-7, -3, 0], '10': 1, '9': { c: '😀' } },
      [0, -1, 10, 123456789012345, -999999999999999, 1234567890123456, 2 ** 53, 0.5, -0.25, 1e-7],
      [],
      {},
      'é',
      12,
    ]) {
      const text = canonicalJson(v);
      expect(isCanonicalJsonText(text), text).toBe(true);
      expect(isCanonicalJsonText(text, true), text).toBe(true);
      agrees(text);
    }
  });

  it('never says yes to text the reference calls non-canonical', () => {
    const bad = [
      '{"b":1,"a":2}',
      '{"a":1,"a":1}',
      '{ "a":1}',
      '[1, 2]',
      '{"a":1.0}',
      '{"a":1E2}',
      '{"a":-0}',
      '{"a":"\\/"}',
      '{"a":"\\u0041"}',
      '{"a":"\\u000A"}',
      '{"a":"\\ud800"}',
      '{"a":"\\t\\u0009"}',
      '{"a":01}',
      '{"a":-01}',
      '{"a":00}',
      '{"a":1.50}',
      '{"a":123456789012345678}',
      '{"a":1e+2}',
      '{"a":-}',
      '{"a":1-}',
      '{"a":1}x',
      '{"a":tru}',
      '"\\"',
    ];
    for (const text of bad) {
      expect(isCanonicalJsonText(text), text).toBe(false);
      sameWhenWellFormed(text);
      agrees(text);
    }
  });

  it('agrees with the reference on mutated canonical texts', () => {
    let seed = 11;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = canonicalJson({ b: [1, 'x', { d: null, c: true }], a: 'q\n', e: 1e-7, f: { g: [], h: {} } });
    const pieces = [' ', '\n', ',', ':', '"', '\\', '0', '1', '.', 'e', '-', '{', '}', '[', ']', 'a', 'u'];
    for (let k = 0; k < 3000; k++) {
      let t = base;
      for (let m = 0; m < 1 + Math.floor(rand() * 3); m++) {
        const at = Math.floor(rand() * t.length);
        const r = rand();
        if (r < 0.4) t = t.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + t.slice(at);
        else if (r < 0.7) t = t.slice(0, at) + t.slice(at + 1);
        else t = t.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + t.slice(at + 1);
      }
      agrees(t);
      sameWhenWellFormed(t);
    }
  });

  it('finds string ends by quote only on well-formed JSON, and still checks escapes and raw text there', () => {
    const cases: [string, boolean][] = [
      ['{"a":"评审 😀","b":"x"}', true],
      ['{"a":"x\\ny","b":"\\\\","c":"评"}', true],
      ['{"a":"\\/"}', false],
      ['{"a":"\\u0041","b":"y"}', false],
      ['{"b":"评","a":"审"}', false],
      ['{"a":"x" ,"b":1}', false],
    ];
    for (const [text, canonical] of cases) {
      expect(isCanonicalJsonText(text, true), text).toBe(canonical);
      expect(isCanonicalJsonText(text), text).toBe(canonical);
    }
  });
});

describe('decodeUtf8', () => {
  it('gives exactly what toString does, ASCII or not, with characters of every length cut across pieces', () => {
    const alphabet = ['a', '{', '"', 'é', '评', '审', '€', '😀', '𠀀', '\u0000', '\u007f', '\u0080', '\uffff', '\ufeff'];
    let seed = 7;
    const rand = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: rand(60) }, () => alphabet[rand(alphabet.length)]!).join('');
      const bytes = Buffer.from(text, 'utf8');
      for (const piece of [1, 2, 3, 5, 1 << 20]) expect(decodeUtf8(bytes, piece)).toBe(text);
    }
    expect(decodeUtf8(Buffer.from('plain ascii'))).toBe('plain ascii');
    expect(decodeUtf8(Buffer.alloc(0))).toBe('');
  });
});
