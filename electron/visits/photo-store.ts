/**
 * Where a site-visit photo's bytes live: one age file per photo in the workspace's `photos/` folder, encrypted
 * to the workspace identity's own recipient (so nothing of a photo is ever in plaintext on disk, and
 * `age -d -i` with the expert's key opens one), named by a random id the photo's database row records. The
 * database keeps the record, the thumbnail and the SHA-256; a photo is read back by decrypting its file (the
 * age payload authenticates every chunk) and checking that hash. Kept out of SQLite because a database page
 * cipher runs at a fraction of the speed of age's ChaCha20-Poly1305 on photos of many megabytes.
 */
import { randomUUID } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import { decryptBytes, encryptStream, openAgeFile } from '../crypto/age/index.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { writeAtomic } from '../fs/durable.ts';
import { requireUnlocked, type Context } from '../workspace/context.ts';
import { PHOTOS_DIR } from '../workspace/layout.ts';

const NAME = /^[0-9a-f-]{36}\.age$/;

function pathOf(ctx: Context, file: string): string {
  if (!NAME.test(file)) throw new ReviewDeskError('E_IO', { path: file, reason: 'not a photo file name' });
  return join(ctx.dataDir, PHOTOS_DIR, file);
}

/** Encrypts and writes a photo durably (fsynced, then renamed into place); returns its file name. */
export async function writePhotoFile(ctx: Context, data: Uint8Array | readonly Uint8Array[]): Promise<string> {
  const identity = requireUnlocked(ctx);
  const file = `${randomUUID()}.age`;
  await writeAtomic(
    pathOf(ctx, file),
    encryptStream(data instanceof Uint8Array ? [data] : data, { recipients: [identity.card.ageRecipient] }),
  );
  return file;
}

/**
 * A photo's bytes, decrypted in memory and checked against the size and SHA-256 recorded when it was added.
 * With `into` (a buffer the caller reuses, at least the photo's size), decrypted there on a payload worker
 * thread, this thread free meanwhile (an export reads the next photo while it encrypts the one before); the
 * result is then a view of `into`, valid until the caller reads into it again.
 */
export async function readPhotoFile(
  ctx: Context,
  file: string,
  expected: { size: number; sha256: string },
  into?: SharedArrayBuffer,
): Promise<Buffer> {
  const identity = requireUnlocked(ctx);
  const path = pathOf(ctx, file);
  const keys = [{ identity: identity.ageIdentity }];
  const changed = (): ReviewDeskError =>
    new ReviewDeskError('E_IO', { path, reason: 'the photo file is not the one recorded when it was added' });
  if (into) {
    const f = await openAgeFile(path, keys);
    try {
      if (f.plainLen !== expected.size || into.byteLength < f.plainLen) throw changed();
      const { plaintext, sha256 } = await f.readAll(into);
      if (sha256 !== expected.sha256) throw changed();
      return plaintext;
    } finally {
      await f.close();
    }
  }
  let sealed: Buffer;
  try {
    sealed = await readFile(path);
  } catch (e) {
    throw new ReviewDeskError('E_IO', { path, reason: (e as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  const { plaintext } = await decryptBytes(sealed, keys, undefined, { hashFile: false });
  if (plaintext.length !== expected.size || sha256Hex(plaintext) !== expected.sha256) throw changed();
  return plaintext;
}

/** Removes photo files (after the rows naming them are gone); a file already missing is fine. */
export async function removePhotoFiles(ctx: Context, files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(pathOf(ctx, f), { force: true })));
}

/**
 * Removes what no row names: a photo written just before a crash or a refused save, or left by a removal that
 * was interrupted. `known` is every file name the database records.
 */
export async function sweepPhotoFiles(ctx: Context, known: ReadonlySet<string>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(join(ctx.dataDir, PHOTOS_DIR));
  } catch {
    return 0;
  }
  const stray = names.filter((n) => !known.has(n) && (NAME.test(n) || n.endsWith('.partial')));
  await Promise.all(stray.map((n) => rm(join(ctx.dataDir, PHOTOS_DIR, n), { force: true })));
  return stray.length;
}
