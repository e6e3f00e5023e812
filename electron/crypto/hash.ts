import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { OffThreadSha256 } from './parallel.ts';

/** Lower-case hex SHA-256 of bytes. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Lower-case hex SHA-256 of the bytes of `parts` one after the other. */
export function sha256Parts(parts: readonly Uint8Array[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** Lower-case hex SHA-256 of a file, read in pieces (never whole in memory). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Bytes read at a time by {@link sha256FileBeside}. */
const BESIDE_READ = 1 << 20;
/**
 * Shared read buffers of {@link sha256FileBeside}, reused from file to file: the worker thread keeps a reference
 * to each buffer it is shown, so a few are made and taken in turn rather than two per file.
 */
const spareReads: Uint8Array[] = [];

/**
 * {@link sha256File} with the hashing on a payload worker thread (OffThreadSha256) while this thread reads the
 * next piece, so that hashing many files, a few at once, leaves this thread all but free. At most two pieces of
 * a file are outstanding; each read buffer is read into again once its piece has been hashed.
 */
export async function sha256FileBeside(path: string): Promise<string> {
  const hash = new OffThreadSha256();
  const fh = await open(path, 'r');
  try {
    let before: Promise<void> | null = null;
    for (let at = 0; ;) {
      const b = spareReads.pop() ?? new Uint8Array(new SharedArrayBuffer(BESIDE_READ));
      const { bytesRead } = await fh.read(b, 0, b.length, at);
      if (bytesRead === 0) {
        spareReads.push(b);
        break;
      }
      at += bytesRead;
      const hashed = hash.update(b.subarray(0, bytesRead));
      hashed.then(
        () => void (spareReads.length < 16 && spareReads.push(b)),
        () => undefined,
      );
      if (before) await before;
      before = hashed;
    }
    if (before) await before;
    return await hash.digest();
  } catch (e) {
    hash.abandon();
    throw e;
  } finally {
    await fh.close();
  }
}
