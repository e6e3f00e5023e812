import type { ZipLimits } from '../formats/zip.ts';

/** Largest `.rpkg` we open. */
export const MAX_PACKAGE_FILE = 4 * 1024 ** 3;

/** Limits on a package's contents. */
export const PACKAGE_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxFileSize: 1024 ** 3,
  maxTotalSize: 4 * 1024 ** 3,
  maxRatio: 200,
  // open.ts checks every entry's SHA-256 against the signed manifest.
  skipStoredCrc: true,
};

export const MAX_MANIFEST_BYTES = 8 << 20;
export const MAX_RUBRIC_BYTES = 2 << 20;
