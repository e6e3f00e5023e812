/**
 * Look-ups that either find what the code knows is there or say clearly that
 * it is not. Under `noUncheckedIndexedAccess` a `Map.get` or an index gives
 * `T | undefined`; these narrow it with a real check instead of a `!`
 * assertion, so a broken invariant fails at the look-up with a message that
 * names the missing key, not later as "cannot read properties of undefined".
 * Only for internal invariants: a value that comes from input is checked by
 * its caller and refused with a ReviewDeskError code.
 */

/** `map.get(key)`, throwing when the key is absent. `what` names the map's contents in the message. */
export function getOrThrow<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined && !map.has(key)) throw new Error(`internal: no ${what} for ${String(key)}`);
  return v as V;
}

/** `xs[i]`, throwing when `i` is outside the array (an array holds no holes here). */
export function nth<T>(xs: ArrayLike<T>, i: number, what = 'element'): T {
  const v = xs[i];
  if (v === undefined && !(i >= 0 && i < xs.length)) throw new Error(`internal: no ${what} at index ${i} of ${xs.length}`);
  return v as T;
}

/** `xs.find(pred)`, throwing when nothing matches. `what` describes what was looked for. */
export function findOrThrow<T>(xs: readonly T[], pred: (x: T) => boolean, what: string): T {
  for (const x of xs) if (pred(x)) return x;
  throw new Error(`internal: no ${what}`);
}

/** `xs[i % xs.length]`: round-robin over a list that must not be empty. */
export function cyclic<T>(xs: readonly T[], i: number, what = 'element'): T {
  return nth(xs, i % xs.length, what);
}
