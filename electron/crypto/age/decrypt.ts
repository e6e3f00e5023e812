/**
 * age decryption in memory, for small files (score bundles, key files, the
 * workspace store): the header unwrapped (header.ts), then every STREAM chunk
 * decrypted into one private buffer that is only returned after every chunk,
 * the final one included, has authenticated. The SHA-256 of the ciphertext is
 * taken on the way.
 */
import { createHash } from 'node:crypto';
import { readFile, stat as statFile } from 'node:fs/promises';
import { ReviewDeskError } from '../../../shared/errors.ts';
import { locateHeader, MAX_HEADER, unwrapFileKey, type DecryptKey } from './header.ts';
import { CHUNK, ENC_CHUNK, NONCE_SIZE, openChunk, payloadChunks, payloadKey, TAG, type Progress } from './stream.ts';

/** Decrypted plaintext and the SHA-256 of the ciphertext file it came from. */
export interface Decrypted {
  plaintext: Buffer;
  fileSha256: string;
  fileSize: number;
}

/** Decrypts an age file held in memory. */
export async function decryptBytes(
  data: Uint8Array,
  keys: DecryptKey[],
  onProgress?: Progress,
  opts: { hashFile?: boolean } = {},
): Promise<Decrypted> {
  const src = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // The SHA-256 of the whole file, for callers that record it (a package, a score file); a caller that checks the
  // plaintext against a recorded hash of its own (a site-visit photo) skips it.
  const hashFile = opts.hashFile ?? true;
  const fileHash = createHash('sha256');
  const head = src.subarray(0, Math.min(src.length, MAX_HEADER));
  const headerLen = locateHeader(head);
  const fileKey = await unwrapFileKey(head.subarray(0, headerLen), keys);

  const payloadStart = headerLen + NONCE_SIZE;
  const payloadLen = src.length - payloadStart;
  if (payloadLen < TAG) throw new ReviewDeskError('E_AGE_TRUNCATED');
  const nonce = src.subarray(headerLen, payloadStart);
  const key = payloadKey(fileKey, nonce);
  const { chunks, plainLen } = payloadChunks(payloadLen);
  // Plaintext goes into one private buffer that nobody sees until every chunk,
  // the final one included, has authenticated.
  const plain = Buffer.allocUnsafe(plainLen);
  if (hashFile) fileHash.update(src.subarray(0, payloadStart));
  const perProgress = 64;
  for (let first = 0; first < chunks; first += perProgress) {
    const count = Math.min(perProgress, chunks - first);
    const pos = payloadStart + first * ENC_CHUNK;
    const end = Math.min(pos + count * ENC_CHUNK, src.length);
    if (hashFile) fileHash.update(src.subarray(pos, end));
    for (let i = 0; i < count; i++) {
      const index = first + i;
      const at = pos + i * ENC_CHUNK;
      const c = src.subarray(at, Math.min(at + ENC_CHUNK, end));
      openChunk(plain.subarray(index * CHUNK, index * CHUNK + c.length - TAG), c, index, index === chunks - 1, key);
    }
    onProgress?.(end, src.length);
  }
  return { plaintext: plain, fileSha256: hashFile ? fileHash.digest('hex') : '', fileSize: src.length };
}

/** Decrypts a small age file (a key file) from disk in memory, and hashes it. */
export async function decryptFile(path: string, keys: DecryptKey[], opts: { maxSize?: number } = {}): Promise<Decrypted> {
  let data: Buffer;
  try {
    const size = (await statFile(path)).size;
    if (opts.maxSize !== undefined && size > opts.maxSize) throw new ReviewDeskError('E_FILE_TOO_LARGE', { size, limit: opts.maxSize });
    data = await readFile(path);
  } catch (e) {
    if (e instanceof ReviewDeskError) throw e;
    throw new ReviewDeskError('E_IO', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { cause: e });
  }
  return decryptBytes(data, keys);
}
