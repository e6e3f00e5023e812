/**
 * The checked look-ups that replace non-null assertions: each returns what is
 * there (including a stored `undefined`) and names the missing key when not.
 */
import { describe, expect, it } from 'vitest';
import { cyclic, findOrThrow, getOrThrow, nth } from '../../shared/checked.ts';

describe('checked look-ups', () => {
  it('getOrThrow returns the value, a stored undefined included, and names a missing key', () => {
    const m = new Map<string, number | undefined>([
      ['a', 1],
      ['u', undefined],
    ]);
    expect(getOrThrow(m, 'a', 'score')).toBe(1);
    expect(getOrThrow(m, 'u', 'score')).toBeUndefined();
    expect(() => getOrThrow(m, 'b', 'score of expert')).toThrow('internal: no score of expert for b');
  });

  it('nth bounds-checks, on arrays and typed arrays', () => {
    expect(nth([10, 20], 1)).toBe(20);
    expect(nth(Float64Array.of(1.5), 0)).toBe(1.5);
    expect(() => nth([10, 20], 2, 'verdict')).toThrow('internal: no verdict at index 2 of 2');
    expect(() => nth([10], -1)).toThrow('index -1 of 1');
  });

  it('findOrThrow and cyclic', () => {
    expect(findOrThrow([1, 2, 3], (x) => x > 1, 'big')).toBe(2);
    expect(() => findOrThrow([1], (x) => x > 1, 'package for E01')).toThrow('internal: no package for E01');
    expect([0, 1, 2, 3, 4].map((i) => cyclic(['a', 'b'], i))).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(() => cyclic([], 0, 'colour')).toThrow('no colour');
  });
});
