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

/**
 * manifest.json is the one entry inflated before its signature is checked, so its cap bounds the work an
 * unsigned package can cause. Ten times the largest real one: a manifest for 400 applications (the largest
 * panel an expert is given) of 25 dossier files each, every file name 60 Chinese characters, application names,
 * organisations and fields at their longest real length in both languages, pretty-printed as pack writes it,
 * is 6,288,443 bytes (built with the Manifest shape and JSON.stringify(m, null, 2); the demo's is ~4 KB), so
 * the cap is 64 MiB.
 */
export const MAX_MANIFEST_BYTES = 64 << 20;
export const MAX_RUBRIC_BYTES = 2 << 20;
