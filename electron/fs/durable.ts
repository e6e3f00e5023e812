/**
 * Writes that survive a power cut: a file's bytes are flushed before it is
 * used, a file is replaced whole or not at all (a temporary file renamed over
 * it), and a rename is flushed through its folder's entry. Shared by every
 * path that keeps a file beside a database record (imports, exports) and by
 * every writer of packages, bundles, results and ledgers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** Creates `path` (never overwriting), 0600, writes `bytes` and flushes them to the disk before returning. */
export async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes renames in `dir` durable: the directory entry itself is flushed. */
export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes an iterable of bytes to `path` atomically: a temporary file beside it,
 * fsync, then rename. On any failure the temporary file is removed and `path`
 * is untouched. Returns the SHA-256 and size of what was written.
 */
export async function writeFileAtomic(
  path: string,
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const size = await writeAtomic(path, pieces, (p) => hash.update(p));
  return { sha256: hash.digest('hex'), size };
}

/** {@link writeFileAtomic} without the hash (for a file whose content is checked another way); returns its size. */
export async function writeAtomic(
  path: string,
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onPiece?: (p: Uint8Array) => void,
): Promise<number> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.partial`;
  let size = 0;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    for await (const p of pieces) {
      onPiece?.(p);
      size += p.length;
      await fh.write(p);
    }
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  return size;
}
