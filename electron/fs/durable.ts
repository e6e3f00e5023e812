/**
 * Writes that survive a power cut: a file's bytes are flushed before it is
 * used, and a rename is flushed through its folder's entry. Shared by every
 * path that keeps a file beside a database record (imports, exports).
 */
import { open } from 'node:fs/promises';

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
