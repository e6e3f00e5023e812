/**
 * An age file on disk read on demand (a reviewer's package, up to gigabytes):
 * the header is unwrapped at open, and every plaintext byte handed out later
 * comes from chunks read, decrypted and authenticated for that read, with a
 * few recent chunks cached. A full scan authenticates every chunk on every
 * core (../parallel.ts) and hashes plaintext ranges without keeping them.
 * Reads after close reopen the file and refuse if it is no longer the same.
 */
import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, stat as statFile, type FileHandle } from 'node:fs/promises';
import { ReviewDeskError } from '../../../shared/errors.ts';
import { scanPayload, startPayloadWorkers, type ScanResult } from '../parallel.ts';
import { locateHeader, MAX_HEADER, unwrapFileKey, type DecryptKey } from './header.ts';
import { CHUNK, ENC_CHUNK, NONCE_SIZE, openChunk, payloadChunks, payloadKey, TAG, type Progress } from './stream.ts';

/**
 * An age file on disk with its header unwrapped, whose payload is read on
 * demand: every byte handed out comes from chunks that were read, decrypted
 * and authenticated for that read. Nothing decrypted is kept beyond a few
 * recent chunks.
 */
export interface AgeFile {
  fileSize: number;
  /** Length of the plaintext. */
  plainLen: number;
  /**
   * SHA-256 (hex) of the bytes before the first chunk: the header, whose MAC is keyed by the file key, and the
   * payload nonce. Two files with the same prefix share their payload key, so a file whose prefix is the one
   * recorded when it was written either holds the same plaintext or fails to authenticate.
   */
  prefixSha256: string;
  /**
   * Plaintext [position, position + length). Once the file has been closed,
   * each read opens it again and refuses with E_IO if it is no longer the
   * file that was opened (another inode, size, modification or change time).
   */
  read(position: number, length: number): Promise<Buffer>;
  /**
   * Authenticates every chunk, the final one included, on every core, and
   * returns the SHA-256 (hex) of each plaintext range [start, length] in
   * `ranges` taken on the way; nothing decrypted is kept. E_AGE_PAYLOAD (the
   * first damaged chunk), E_AGE_TRUNCATED or E_IO otherwise.
   */
  scan(ranges: readonly [number, number][], onProgress?: Progress): Promise<string[]>;
  /**
   * The whole plaintext, decrypted into `into` (at least `plainLen` bytes; a buffer reused from read to read, as
   * the worker threads keep a reference to it) with its SHA-256 taken on the way (unless `hash` is false), on a payload worker thread
   * where one runs (this thread is free meanwhile), else on this one. E_AGE_PAYLOAD, E_AGE_TRUNCATED or E_IO as
   * {@link scan}; the returned view of `into` is only returned once every chunk has authenticated.
   */
  readAll(into: SharedArrayBuffer, opts?: { hash?: boolean }): Promise<{ plaintext: Buffer; sha256: string | null }>;
  /**
   * The file's SHA-256, computed on the first call by reading the file again
   * (memoised): decrypting does not need it. E_IO if the file changed.
   */
  fileSha256(): Promise<string>;
  /** Closes the file descriptor; later reads reopen the file. */
  close(): Promise<void>;
  /**
   * Follows the file to where it was renamed (the same file: device, inode,
   * size and modification time; a rename changes only its change time).
   * E_IO if what is there now is another file.
   */
  moved(to: string): Promise<void>;
}

/** Payloads at least this large start the worker pool (if the host has not already) to scan them on every core. */
const PARALLEL_MIN_PAYLOAD = 4 << 20;

/** Recently decrypted chunks kept per file, for the small neighbouring reads of a ZIP directory. */
const CHUNK_CACHE = 4;

/**
 * Opens an age file from disk: the header through the age-encryption
 * library, and the payload key. The payload is read through the result.
 */
export async function openAgeFile(path: string, keys: DecryptKey[], opts: { maxSize?: number } = {}): Promise<AgeFile> {
  let fh: FileHandle | null = await openForReading(path);
  try {
    let stat = await fh.stat({ bigint: true });
    const size = Number(stat.size);
    if (opts.maxSize !== undefined && size > opts.maxSize) {
      throw new ReviewDeskError('E_FILE_TOO_LARGE', { size, limit: opts.maxSize });
    }
    // Workers start (if they have not at launch) while this thread unwraps the file key.
    if (size >= PARALLEL_MIN_PAYLOAD) startPayloadWorkers();
    const head = Buffer.alloc(Math.min(size, MAX_HEADER));
    await fh.read(head, 0, head.length, 0);
    const headerLen = locateHeader(head);
    const fileKey = await unwrapFileKey(head.subarray(0, headerLen), keys);
    const payloadStart = headerLen + NONCE_SIZE;
    const payloadLen = size - payloadStart;
    if (payloadLen < TAG) throw new ReviewDeskError('E_AGE_TRUNCATED');
    let nonce = head.subarray(headerLen, payloadStart);
    if (nonce.length < NONCE_SIZE) {
      nonce = Buffer.alloc(NONCE_SIZE);
      await fh.read(nonce, 0, NONCE_SIZE, headerLen);
    }
    const { chunks, plainLen } = payloadChunks(payloadLen);
    const key = payloadKey(fileKey, nonce);
    const prefixSha256 = createHash('sha256').update(head.subarray(0, headerLen)).update(nonce).digest('hex');
    const cache = new Map<number, Buffer>();

    /** Decrypts chunks [first, first + count) into `into` (at 0), reading them with `from`. */
    const decryptChunks = async (from: FileHandle, first: number, count: number, into: Buffer): Promise<void> => {
      const pos = first * ENC_CHUNK;
      const want = Math.min(count * ENC_CHUNK, payloadLen - pos);
      const block = Buffer.allocUnsafe(want);
      for (let got = 0; got < want;) {
        const { bytesRead } = await from.read(block, got, want - got, payloadStart + pos + got);
        if (bytesRead === 0) throw new ReviewDeskError('E_IO', { path, reason: 'short read' });
        got += bytesRead;
      }
      for (let i = 0; i < count; i++) {
        const index = first + i;
        const last = index === chunks - 1;
        const c = block.subarray(i * ENC_CHUNK, Math.min((i + 1) * ENC_CHUNK, want));
        openChunk(into.subarray(i * CHUNK, i * CHUNK + c.length - TAG), c, index, last, key);
      }
    };

    const readWith = async (from: FileHandle, position: number, length: number): Promise<Buffer> => {
      if (!Number.isSafeInteger(position) || !Number.isSafeInteger(length) || position < 0 || length < 0 || position + length > plainLen) {
        throw new ReviewDeskError('E_INTERNAL', { reason: `read outside the plaintext (${position}+${length} of ${plainLen})` });
      }
      if (length === 0) return Buffer.alloc(0);
      const first = Math.floor(position / CHUNK);
      const count = Math.floor((position + length - 1) / CHUNK) - first + 1;
      if (count === 1) {
        let chunk = cache.get(first);
        if (!chunk) {
          chunk = Buffer.allocUnsafe(Math.min(CHUNK, plainLen - first * CHUNK));
          await decryptChunks(from, first, 1, chunk);
          if (cache.size >= CHUNK_CACHE) cache.delete(cache.keys().next().value!);
          cache.set(first, chunk);
        }
        const at = position - first * CHUNK;
        return Buffer.from(chunk.subarray(at, at + length));
      }
      const span = Buffer.allocUnsafe(Math.min(count * CHUNK, plainLen - first * CHUNK));
      await decryptChunks(from, first, count, span);
      const at = position - first * CHUNK;
      return at === 0 && length === span.length ? span : span.subarray(at, at + length);
    };

    /** The digests of a scan that authenticated every chunk; its error otherwise. */
    const authenticated = (r: ScanResult): string[] => {
      if (r.readError) throw new ReviewDeskError('E_IO', { path, reason: 'short read' });
      if (r.failedChunk !== null) {
        if (r.finalChunkCutOff) throw new ReviewDeskError('E_AGE_TRUNCATED');
        throw new ReviewDeskError('E_AGE_PAYLOAD', { chunk: r.failedChunk + 1 });
      }
      return r.digests;
    };

    let digest: Promise<string> | undefined;
    return {
      fileSize: size,
      plainLen,
      prefixSha256,
      async read(position, length) {
        if (fh) return readWith(fh, position, length);
        const again = await openForReading(path);
        try {
          if (!sameFile(await again.stat({ bigint: true }), stat)) {
            throw new ReviewDeskError('E_IO', { path, reason: 'the file changed after it was opened' });
          }
          return await readWith(again, position, length);
        } finally {
          await again.close();
        }
      },
      async scan(ranges, onProgress) {
        if (!fh) throw new ReviewDeskError('E_INTERNAL', { reason: 'scan of a closed age file' });
        return authenticated(
          await scanPayload(
            { fd: fh.fd, key, payloadStart, payloadLen, chunks, plainLen },
            ranges,
            onProgress && ((done) => onProgress(payloadStart + done, size)),
          ),
        );
      },
      async readAll(into, { hash = true } = {}) {
        if (!fh) throw new ReviewDeskError('E_INTERNAL', { reason: 'read of a closed age file' });
        startPayloadWorkers();
        const job = { fd: fh.fd, key, payloadStart, payloadLen, chunks, plainLen };
        const ranges: [number, number][] = hash ? [[0, plainLen]] : [];
        const [sha256] = authenticated(await scanPayload(job, ranges, undefined, { out: into, offThread: true }));
        return { plaintext: Buffer.from(into, 0, plainLen), sha256: sha256 ?? null };
      },
      fileSha256: () => (digest ??= hashUnchangedFile(path, stat)),
      async close() {
        const f = fh;
        fh = null;
        cache.clear();
        await f?.close();
      },
      async moved(to) {
        const now = await statFile(to, { bigint: true }).catch((e: NodeJS.ErrnoException) => {
          throw new ReviewDeskError('E_IO', { path: to, reason: e.code ?? String(e) }, { cause: e });
        });
        if (now.dev !== stat.dev || now.ino !== stat.ino || now.size !== stat.size || now.mtimeNs !== stat.mtimeNs) {
          throw new ReviewDeskError('E_IO', { path: to, reason: 'not the file that was opened' });
        }
        path = to;
        stat = now;
      },
    };
  } catch (e) {
    await fh?.close();
    fh = null;
    throw e;
  }
}

async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (e) {
    throw new ReviewDeskError('E_IO', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { cause: e });
  }
}

const sameFile = (a: BigIntStats, b: BigIntStats): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

async function hashUnchangedFile(path: string, was: BigIntStats): Promise<string> {
  const changed = (): ReviewDeskError => new ReviewDeskError('E_IO', { path, reason: 'the file changed after it was opened' });
  const fh = await openForReading(path);
  try {
    if (!sameFile(await fh.stat({ bigint: true }), was)) throw changed();
    const hash = createHash('sha256');
    const block = Buffer.allocUnsafe(4 << 20);
    for (let pos = 0; ;) {
      const { bytesRead } = await fh.read(block, 0, block.length, pos);
      if (bytesRead === 0) break;
      hash.update(block.subarray(0, bytesRead));
      pos += bytesRead;
    }
    if (!sameFile(await fh.stat({ bigint: true }), was)) throw changed();
    return hash.digest('hex');
  } finally {
    await fh.close();
  }
}
