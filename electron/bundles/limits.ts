import type { ZipLimits } from '../formats/zip.ts';

export const MAX_BUNDLE_FILE = 1024 ** 3;
/**
 * bundle.json is the one entry inflated before its signature is checked, so its cap bounds the work an
 * unsigned score file can cause. Ten times the largest real one: 400 applications on the largest rubric
 * (mic-selection-enterprise: 7 gates and 17 criteria), every one of the 24 items with a long comment (200
 * Chinese characters; the demo's are ~30) and two quotes (evidence with a page), and a 1,000-character opinion
 * for each application, as RFC 8785 canonical JSON, is 9,485,618 bytes (built with the Bundle shape and
 * canonicalJson), so the cap is 96 MiB. (With 300-character comments and 1,500-character opinions it is 13 MB,
 * more than panels write; held to 96 MiB, a bomb's bundle.json keeps the CLI refusing it under 300 MB, of which
 * the process itself takes ~170.)
 */
export const MAX_BUNDLE_JSON = 96 << 20;
export const BUNDLE_LIMITS: ZipLimits = { maxEntries: 2_000, maxFileSize: 256 << 20, maxTotalSize: 1024 ** 3, maxRatio: 200 };
