/**
 * Small statistics for panel aggregation. Pure functions over plain arrays;
 * an empty input gives null rather than a number that could be mistaken for a score.
 */
import { nth } from '../checked.ts';

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  return sum(xs) / xs.length;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? nth(s, m) : (nth(s, m - 1) + nth(s, m)) / 2;
}

/**
 * Mean after dropping the `k` highest and `k` lowest values, or null when
 * fewer than `minRemaining` values would be left (the caller decides what to do).
 */
export function trimmedMean(xs: readonly number[], k: number, minRemaining: number): number | null {
  if (xs.length - 2 * k < Math.max(1, minRemaining)) return null;
  const s = [...xs].sort((a, b) => a - b);
  return mean(s.slice(k, s.length - k));
}

/** Sample standard deviation (n − 1); null below two values. */
export function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = sum(xs) / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/** Population standard deviation (n); null for no values. */
export function populationSd(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const m = sum(xs) / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / xs.length);
}

export function range(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  return Math.max(...xs) - Math.min(...xs);
}

/** Ranks, 1 = highest value, ties sharing the average rank (fractional ranking). */
export function averageRanksDescending(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    const v = nth(order, i).v;
    while (j + 1 < order.length && Math.abs(nth(order, j + 1).v - v) < 1e-9) j++;
    const r = (i + 1 + (j + 1)) / 2;
    for (const { i: at } of order.slice(i, j + 1)) ranks[at] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Kendall's coefficient of concordance W for m raters each scoring the same n
 * items (`scores[rater][item]`), with the correction for tied ranks:
 * W = 12·S / (m²(n³ − n) − m·ΣT), T = Σ(t³ − t) over each rater's tie groups.
 * Null when m < 2, n < 2, or every rater ties every item.
 */
export function kendallW(scores: readonly (readonly number[])[]): number | null {
  const m = scores.length;
  const n = scores[0]?.length ?? 0;
  if (m < 2 || n < 2) return null;
  const sums = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (const row of scores) {
    const r = averageRanksDescending(row);
    r.forEach((v, i) => (sums[i] = nth(sums, i) + v));
    const groups = new Map<number, number>();
    for (const v of r) groups.set(v, (groups.get(v) ?? 0) + 1);
    for (const t of groups.values()) tieSum += t ** 3 - t;
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (const x of sums) s += (x - meanSum) ** 2;
  const denom = m * m * (n ** 3 - n) - m * tieSum;
  return denom > 0 ? (12 * s) / denom : null;
}

/**
 * ICC(1) — one-way random effects, single rater (Shrout & Fleiss ICC(1,1)) —
 * from a one-way ANOVA of targets that may each have a different number of
 * ratings (`groups[target]` = that target's ratings). With unequal group
 * sizes the average group size is k₀ = (N − Σnᵢ²/N)/(a − 1):
 * ICC(1) = (MSB − MSW) / (MSB + (k₀ − 1)·MSW).
 * Targets with no rating are left out; null when fewer than two targets
 * remain or no target has two ratings (MSW undefined).
 */
export function icc1(
  groups: readonly (readonly number[])[],
): { icc: number; msb: number; msw: number; k0: number; targets: number; ratings: number } | null {
  const g = groups.filter((x) => x.length > 0);
  const a = g.length;
  const N = g.reduce((s, x) => s + x.length, 0);
  if (a < 2 || N <= a) return null;
  const grand = g.reduce((s, x) => s + x.reduce((t, v) => t + v, 0), 0) / N;
  let ssb = 0;
  let ssw = 0;
  for (const x of g) {
    const m = sum(x) / x.length;
    ssb += x.length * (m - grand) ** 2;
    for (const v of x) ssw += (v - m) ** 2;
  }
  const msb = ssb / (a - 1);
  const msw = ssw / (N - a);
  const k0 = (N - g.reduce((s, x) => s + x.length ** 2, 0) / N) / (a - 1);
  const denom = msb + (k0 - 1) * msw;
  if (!(denom > 0)) return null;
  return { icc: (msb - msw) / denom, msb, msw, k0, targets: a, ratings: N };
}
