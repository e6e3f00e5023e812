/**
 * The site-visit photos the merge screen shows, read from the kept score files (electron/merge/visit-photos.ts:
 * the file must be the one merged, each photo is checked against its signed SHA-256). Opening a score file
 * decrypts all of it, so a thumbnail that is not cached yet costs one open for every photo of that visit: the
 * screen asks for them together. At most one file is open at a time (each holds about its size in memory).
 * Thumbnails and recently viewed photos are kept by their SHA-256 — bytes that were checked against it — up to
 * a byte budget, the least recently used going first.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import type { ReviewVisitPhoto } from '../../shared/merge/model.ts';
import { THUMB_SIZE } from '../visits/photo.ts';
import { openAcceptedPhotos, thumbnailJpeg, type AcceptedFile } from './visit-photos.ts';

export type CachedPhoto = Pick<ReviewVisitPhoto, 'path' | 'size' | 'sha256' | 'rotation'>;

/** Entries by key up to `limit` bytes in all; a get makes an entry the most recent. */
class ByteLru {
  private readonly map = new Map<string, Buffer>();
  private bytes = 0;
  constructor(readonly limit: number) {}
  get(key: string): Buffer | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: Buffer): void {
    if (value.length > this.limit) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.limit) break;
      this.map.delete(k);
      this.bytes -= v.length;
    }
  }
  get size(): number {
    return this.bytes;
  }
}

const thumbKey = (p: CachedPhoto): string => `${p.sha256}:${p.rotation ?? 0}`;

export interface PhotoCacheLimits {
  /** Bytes of thumbnails kept (one is ~20–40 KB). */
  thumbnails: number;
  /** Bytes of whole photos kept (one may be up to 40 MB). */
  full: number;
}

export class VisitPhotoCache {
  private readonly thumbs: ByteLru;
  private readonly full: ByteLru;
  private readonly pending = new Map<string, Promise<Map<string, Buffer | null>>>();
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times a score file was opened (for the tests). */
  opens = 0;

  constructor(limits: PhotoCacheLimits = { thumbnails: 32 << 20, full: 96 << 20 }) {
    this.thumbs = new ByteLru(limits.thumbnails);
    this.full = new ByteLru(limits.full);
  }

  /** One file open at a time, whatever the caller. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async open(file: AcceptedFile, ageIdentity: string): ReturnType<typeof openAcceptedPhotos> {
    this.opens++;
    return openAcceptedPhotos(file, ageIdentity);
  }

  /**
   * A thumbnail of `photo` (JPEG, at most {@link THUMB_SIZE} px a side, upright and turned as the expert set it).
   * On a miss the file is opened once for every photo of `batch` (the rest of the same visit) not yet cached.
   * Refused with E_PHOTO_CORRUPT when the photo does not decode, and as openAcceptedPhotos refuses a file.
   */
  async thumbnail(file: AcceptedFile, photo: CachedPhoto, batch: readonly CachedPhoto[], ageIdentity: string): Promise<Buffer> {
    const key = thumbKey(photo);
    const hit = this.thumbs.get(key);
    if (hit) return hit;
    const wanted = [photo, ...batch.filter((b) => thumbKey(b) !== key && !this.thumbs.get(thumbKey(b)))];
    const batchKey = `${file.fileSha256}:${wanted.map(thumbKey).join(',')}`;
    let made = this.pending.get(batchKey);
    if (!made) {
      made = this.serial(async () => {
        const out = new Map<string, Buffer | null>();
        const photos = await this.open(file, ageIdentity);
        for (const p of wanted) {
          const thumb = await thumbnailJpeg(await photos.photo(p), p.rotation ?? 0, THUMB_SIZE, 72);
          out.set(thumbKey(p), thumb);
          if (thumb) this.thumbs.set(thumbKey(p), thumb);
        }
        return out;
      }).finally(() => this.pending.delete(batchKey));
      this.pending.set(batchKey, made);
    }
    const thumb = (await made).get(key);
    if (!thumb) throw new ReviewDeskError('E_PHOTO_CORRUPT', { name: photo.path, reason: 'the image does not decode' });
    return thumb;
  }

  /** The photo's bytes as the score file holds them, checked against its signed size and SHA-256. */
  async photo(file: AcceptedFile, photo: CachedPhoto, ageIdentity: string): Promise<Buffer> {
    const hit = this.full.get(photo.sha256);
    if (hit) return hit;
    const bytes = await this.serial(async () => (await this.open(file, ageIdentity)).photo(photo));
    // One photo may take at most a quarter of the budget: a few large ones never push out every other.
    if (bytes.length <= this.full.limit / 4) this.full.set(photo.sha256, bytes);
    return bytes;
  }
}
