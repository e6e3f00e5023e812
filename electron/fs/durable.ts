/**
 * Writes that survive a power cut: a file's bytes are flushed before it is
 * used, a file is replaced whole or not at all (a temporary file renamed over
 * it), and a rename is flushed through its folder's entry. Shared by every
 * path that keeps a file beside a database record (imports, exports) and by
 * every writer of packages, bundles, results and ledgers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';

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
  written?: (p: Uint8Array) => void,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const size = await writeAtomic(path, pieces, (p) => void hash.update(p), written);
  return { sha256: hash.digest('hex'), size };
}

/** {@link writeFileAtomic} without the hash (for a file whose content is checked another way); returns its size. */
export async function writeAtomic(
  path: string,
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onPiece?: (p: Uint8Array) => void | Promise<void>,
  written?: (p: Uint8Array) => void,
): Promise<number> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.partial`;
  let size: number;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    size = await writePieces(fh, pieces, onPiece, written);
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

/** Writes outstanding at once in {@link writePieces}. */
const WRITES_IN_FLIGHT = 4;

/**
 * Writes `pieces` one after the other into `fh` from offset 0, each at its own position, with up to
 * {@link WRITES_IN_FLIGHT} pieces outstanding: the next piece is made (sealed) while the ones before are still
 * being copied into the file, rather than after. `onPiece` sees each piece before its write and may return a
 * promise (its hash, taken on another thread), which the piece waits for as it does for its write; `written`
 * is told of a piece once both are done (to recycle its buffer). The first failure is thrown, once every piece
 * started has ended; a piece must not change once yielded. Returns the bytes written.
 */
export async function writePieces(
  fh: FileHandle,
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onPiece?: (p: Uint8Array) => void | Promise<void>,
  written?: (p: Uint8Array) => void,
): Promise<number> {
  let failed: { error: unknown } | null = null;
  const writeAt = async (p: Uint8Array, at: number, beside: void | Promise<void>): Promise<void> => {
    try {
      for (let done = 0; done < p.length;) {
        const { bytesWritten } = await fh.write(p, done, p.length - done, at + done);
        if (bytesWritten <= 0) throw Object.assign(new Error('a write wrote nothing'), { code: 'EIO' });
        done += bytesWritten;
      }
      await beside;
      written?.(p);
    } catch (error) {
      failed ??= { error };
    }
  };
  const inFlight: Promise<void>[] = [];
  let size = 0;
  try {
    for await (const p of pieces) {
      if (failed) break;
      const beside = onPiece?.(p);
      // Awaited by its write; a write that fails first leaves it to end on its own.
      if (beside) beside.catch(() => undefined);
      inFlight.push(writeAt(p, size, beside));
      size += p.length;
      if (inFlight.length >= WRITES_IN_FLIGHT) await inFlight.shift();
    }
  } finally {
    await Promise.all(inFlight);
  }
  if (failed) throw (failed as { error: unknown }).error;
  return size;
}
