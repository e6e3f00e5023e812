/**
 * A score typed digit by digit on the review screen. No key is ever held back
 * waiting for the next one: as soon as the keys typed so far spell an allowed
 * score it is stored, and a following key that makes a longer allowed score
 * (7 → 7.5, 1 → 10) amends it. Whatever the reviewer does next (a move, a
 * click, a reload) finds the score already stored.
 */
import { formatScore } from './format.ts';

export interface TypedKey {
  /** What stays on screen as "typing" (null: nothing can follow, the next key starts afresh). */
  buffer: string | null;
  /** The score to store now, if the keys so far spell one that differs from what is stored. */
  store: number | null;
}

/**
 * The effect of one key (`0`–`9` or `.`) given what was typed before on this
 * criterion (`buffer`), the allowed scores and the stored score.
 */
export function typeScoreKey(values: readonly number[], buffer: string | null, key: string, stored: number | null): TypedKey {
  const texts = values.map((v) => ({ v, s: formatScore(v) }));
  const attempt = (buf: string): TypedKey | null => {
    const matches = texts.filter((t) => t.s.startsWith(buf));
    if (matches.length === 0) return null;
    const exact = matches.find((t) => t.s === buf);
    const longer = matches.some((t) => t.s !== buf);
    return {
      buffer: longer ? buf : null,
      store: exact !== undefined && exact.v !== stored ? exact.v : null,
    };
  };
  // A key that cannot continue what was typed starts a new number: 9 then 5 on a 0–10 scale is 5, not 95.
  return (buffer !== null ? attempt(buffer + key) : null) ?? attempt(key) ?? { buffer: null, store: null };
}
