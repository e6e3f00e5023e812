/** Damage for tests: XORs `mask` into the byte at `at` (which must be inside `bytes`). */
export function flipBits(bytes: Uint8Array, at: number, mask: number): void {
  const byte = bytes[at];
  if (byte === undefined) throw new RangeError(`byte ${at} is outside the ${bytes.length} bytes`);
  bytes[at] = byte ^ mask;
}
