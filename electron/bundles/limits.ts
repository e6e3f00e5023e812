import type { ZipLimits } from '../formats/zip.ts';

export const MAX_BUNDLE_FILE = 1024 ** 3;
export const MAX_BUNDLE_JSON = 64 << 20;
export const BUNDLE_LIMITS: ZipLimits = { maxEntries: 2_000, maxFileSize: 256 << 20, maxTotalSize: 1024 ** 3, maxRatio: 200 };
