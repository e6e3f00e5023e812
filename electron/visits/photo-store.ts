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

/**
 * Encrypts and writes a photo durably (fsynced, then renamed into place); returns its file name and the SHA-256 of
 * the file's header and payload nonce, which the photo's record keeps to know the file again (see below).
 */
export async function writePhotoFile(
  ctx: Context,
  data: Uint8Array | readonly Uint8Array[],
): Promise<{ file: string; headerSha256: string }> {
  const identity = requireUnlocked(ctx);
  const file = `${randomUUID()}.age`;
  let headerSha256 = '';
  const sealed = encryptStream(data instanceof Uint8Array ? [data] : data, { recipients: [identity.card.ageRecipient] });
  // The stream's first piece is exactly the header and the payload nonce.
  async function* noted(): AsyncGenerator<Uint8Array> {
    for await (const piece of sealed) {
      if (!headerSha256) headerSha256 = sha256Hex(piece);
      yield piece;
    }
  }
  await writeAtomic(pathOf(ctx, file), noted());
  return { file, headerSha256 };
}

/**
 * A photo's bytes, decrypted in memory and checked against the record made when it was added.
 *
 * With `into` (a buffer the caller reuses, at least the photo's size), decrypted there on payload worker threads,
 * this thread free meanwhile (an export reads the next photos while it encrypts the one before); the result is
 * then a view of `into`, valid until the caller reads into it again. A photo whose record has the SHA-256 of its
 * file's header and nonce is known by that: the header's MAC is keyed by the file key, which only the workspace
 * identity unwraps, and the payload key derives from the file key and the nonce, so any other file with that
 * prefix fails to authenticate (E_AGE_PAYLOAD) rather than give other bytes, and the plaintext need not be hashed
 * again. Otherwise (a photo added before that was recorded, or a read without `into`) the plaintext's SHA-256 is
 * compared.
 */
export async function readPhotoFile(
  ctx: Context,
  file: string,
  expected: { size: number; sha256: string; headerSha256?: string | null },
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
      const known = !!expected.headerSha256;
      if (known && f.prefixSha256 !== expected.headerSha256) throw changed();
      const { plaintext, sha256 } = await f.readAll(into, { hash: !known });
      if (!known && sha256 !== expected.sha256) throw changed();
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
