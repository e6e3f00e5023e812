import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { isCanonicalJson } from '../../electron/formats/json.ts';

/** The reference: the canonicalize library's RFC 8785 text, or its refusal. */
function reference(text: string): boolean | 'throws' {
  try {
    return canonicalize(JSON.parse(text)) === text;
  } catch {
    return 'throws';
  }
}

function fast(text: string): boolean | 'throws' {
  try {
    return isCanonicalJson(text, JSON.parse(text));
  } catch {
    return 'throws';
  }
}

describe('canonical JSON check', () => {
  const cases = [
    '{}',
    '[]',
    '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
    '{"b":1,"a":2}',
    '{"a":1, "b":2}',
    '{"a":1.0}',
    '{"a":1e21}',
    '{"a":1e+21}',
    '{"a":0.000001}',
    '{"a":1e-7}',
    '{"a":-0}',
    '{"a":1e999}',
    '{"1":1,"10":2,"9":3}',
    '{"10":1,"9":2}',
    '{"9":1,"10":2}',
    '{"a":"\\u00e9"}',
    '{"a":"é"}',
    '{"a":"\\u001f"}',
    '{"a":"\\n"}',
    '{"a":"\\/"}',
    '{"a":"\\ud83d\\ude00"}',
    '{"a":"😀"}',
    '{"a":"\\ud800"}',
    '{"a":"\\udc00x"}',
    '{"a":1,"a":2}',
    '{"a":2}',
    '{"__proto__":1,"a":2}',
    '{"toJSON":1}',
    '{"é":1,"z":2}',
    '{"z":1,"é":2}',
    '{"\\u20ac":1,"\\ud83d\\ude00":2}',
    '{"€":1,"😀":2}',
    '{"😀":1,"€":2}',
    '{"ﬀ":1,"😀":2}',
    '{"😀":1,"ﬀ":2}',
    '[{"b":1,"a":2}]',
    '"text"',
    '12',
    'null',
  ];
  for (const text of cases) {
    it(`agrees with the canonicalize library on ${text}`, () => expect(fast(text)).toEqual(reference(text)));
  }
  it('agrees on random nested values', () => {
    const keys = ['a', 'b', 'Z', '1', '10', '2', 'é', '😀', 'ﬀ', '', ' '];
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
    const value = (depth: number): unknown => {
      const r = Math.random();
      if (depth > 3 || r < 0.3) return pick([0, -1.5, 1e21, 3.14159, 'x', '\u2028', '\ud800', true, null]);
      if (r < 0.5) return Array.from({ length: Math.floor(Math.random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(Math.random() * 5) }, () => [pick(keys), value(depth + 1)]));
    };
    for (let i = 0; i < 2000; i++) {
      const v = value(0);
      const compact = JSON.stringify(v);
      expect(fast(compact)).toEqual(reference(compact));
      let c: string | undefined;
      try {
        c = canonicalize(v);
      } catch {
        c = undefined;
      }
      if (c !== undefined) expect(fast(c)).toEqual(reference(c));
    }
  });
});
