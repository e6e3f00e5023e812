import type { ZipLimits } from '../formats/zip.ts';

export const MAX_BUNDLE_FILE = 1024 ** 3;
/**
 * bundle.json is the one entry inflated before its signature is checked, so its cap bounds the work an
 * unsigned score file can cause. Ten times the largest real one: 400 applications on the largest rubric
 * (mic-selection-enterprise: 7 gates and 17 criteria), every score with a long comment (300 Chinese
 * characters) and two quotes (evidence with a page), and a 1,500-character opinion for each application, as
 * RFC 8785 canonical JSON, is 12,965,618 bytes (the demo's comments are ~30 characters; with 1,000-character
 * comments on all 24 items of all 400 applications it would be 37 MB, more than any panel writes), so the cap
 * is 128 MiB.
 */
export const MAX_BUNDLE_JSON = 128 << 20;
export const BUNDLE_LIMITS: ZipLimits = { maxEntries: 2_000, maxFileSize: 256 << 20, maxTotalSize: 1024 ** 3, maxRatio: 200 };
