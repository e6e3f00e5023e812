/**
 * The review screen's digit-by-digit score entry (renderer/lib/typed-score.ts):
 * every key that completes an allowed score stores it at once; a following
 * key amends it; nothing waits for a pause.
 */
import { describe, expect, it } from 'vitest';
import { typeScoreKey } from '../../renderer/lib/typed-score.ts';

const range = (min: number, max: number, step: number): number[] => {
  const out: number[] = [];
  for (let v = min; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
};
const GATE = [0, 1];
const WHOLE10 = range(0, 10, 1);
const HALF5 = range(0, 5, 0.5);
const HALF10 = range(0, 10, 0.5);

/** Types `keys` from nothing with `stored` in place; returns each key's result and the stored score at the end. */
function typeAll(values: number[], keys: string, stored: number | null = null) {
  let buffer: string | null = null;
  const steps = [...keys].map((k) => {
    const r = typeScoreKey(values, buffer, k, stored);
    buffer = r.buffer;
    if (r.store !== null) stored = r.store;
    return r;
  });
  return { steps, stored, buffer };
}

describe('typeScoreKey', () => {
  it('stores a complete score at the first key, even when it could grow', () => {
    expect(typeScoreKey(HALF10, null, '7', null)).toEqual({ buffer: '7', store: 7 });
    expect(typeScoreKey(HALF5, null, '3', null)).toEqual({ buffer: '3', store: 3 });
    expect(typeScoreKey(WHOLE10, null, '1', null)).toEqual({ buffer: '1', store: 1 });
    // Nothing can follow: done.
    expect(typeScoreKey(WHOLE10, null, '7', null)).toEqual({ buffer: null, store: 7 });
    expect(typeScoreKey(GATE, null, '1', null)).toEqual({ buffer: null, store: 1 });
    expect(typeScoreKey(GATE, null, '0', null)).toEqual({ buffer: null, store: 0 });
  });

  it('amends with the following keys: 7 . 5 → 7.5, 1 0 → 10', () => {
    const a = typeAll(HALF10, '7.5');
    expect(a.steps.map((s) => s.store)).toEqual([7, null, 7.5]);
    expect(a.stored).toBe(7.5);
    expect(a.buffer).toBeNull();
    const b = typeAll(WHOLE10, '10');
    expect(b.steps.map((s) => s.store)).toEqual([1, 10]);
    expect(typeAll(HALF10, '10').stored).toBe(10);
    expect(typeAll(HALF5, '4.5').stored).toBe(4.5);
  });

  it('a key that cannot continue starts a new number; one that fits nowhere changes nothing', () => {
    expect(typeAll(HALF10, '95').stored).toBe(5);
    expect(typeAll(HALF5, '6').stored).toBeNull();
    expect(typeAll(HALF5, '6').buffer).toBeNull();
    expect(typeAll(HALF5, '36').stored).toBe(3); // 3 stays, 6 is out of range
    expect(typeAll(GATE, '7').stored).toBeNull();
    expect(typeAll(WHOLE10, '7.').stored).toBe(7); // no halves: the dot fits nowhere
  });

  it('does not store the score already stored again', () => {
    expect(typeScoreKey(HALF10, null, '7', 7)).toEqual({ buffer: '7', store: null });
    expect(typeScoreKey(GATE, null, '1', 1)).toEqual({ buffer: null, store: null });
  });

  it('a leading dot waits for nothing and stores nothing it cannot mean', () => {
    expect(typeScoreKey(HALF10, null, '.', null)).toEqual({ buffer: null, store: null });
    expect(typeAll(HALF10, '0.5').steps.map((s) => s.store)).toEqual([0, null, 0.5]);
  });
});
