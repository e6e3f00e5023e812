/**
 * age (C2SP age v1) encryption and decryption.
 *
 * The header — recipient stanzas, X25519 / ML-KEM hybrid / scrypt key
 * wrapping and the header MAC — is handled by the age-encryption library. The
 * payload (the STREAM construction: HKDF-SHA-256 payload key, 64 KiB
 * ChaCha20-Poly1305 chunks with a big-endian counter nonce and a final-chunk
 * flag) runs through libsodium (sodium-native), because the library's pure-JS
 * cipher is ~20× slower than the stock `age` CLI and Electron's BoringSSL has
 * no chacha20-poly1305. Plaintext is only returned after every chunk, including
 * the final one, has authenticated.
 */
import { createHash, hkdfSync, randomBytes, webcrypto } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, readFile, rename, rm, stat as statFile, type FileHandle } from 'node:fs/promises';
import { Decrypter, Encrypter, type Recipient, type Stanza } from 'age-encryption';
import { bech32 } from '@scure/base';
import sodium from 'sodium-native';
import { ReviewDeskError } from '../../shared/errors.ts';
import { scanPayload, startPayloadWorkers } from './parallel.ts';

/** libsodium's IETF ChaCha20-Poly1305 (present in sodium-native, missing from its published types). */
const aead = sodium as unknown as {
  crypto_aead_chacha20poly1305_ietf_decrypt(m: Buffer, nsec: null, c: Buffer, ad: null, npub: Buffer, k: Buffer): number;
  crypto_aead_chacha20poly1305_ietf_encrypt(c: Buffer, m: Buffer, ad: null, nsec: null, npub: Buffer, k: Buffer): number;
};

const INTRO = 'age-encryption.org/v1\n';
const CHUNK = 64 * 1024;
const TAG = 16;
const ENC_CHUNK = CHUNK + TAG;
const NONCE_SIZE = 16;
/** Headers larger than this are refused (a hybrid stanza is ~1.6 KiB). */
export const MAX_HEADER = 64 * 1024;
/** The highest scrypt work factor (log2 N) we will compute. */
export const SCRYPT_MAX_LOG_N = 20;

/** Random-access bytes: a file handle or a buffer. */
interface ByteSource {
  size: number;
  read(into: Buffer, position: number): Promise<number>;
}

function bufferSource(data: Uint8Array): ByteSource {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    size: buf.length,
    read: (into, position) => Promise.resolve(buf.copy(into, 0, position, position + into.length)),
  };
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(Math.floor(counter / 2 ** 32), 3);
  n.writeUInt32BE(counter >>> 0, 7);
  n[11] = last ? 1 : 0;
  return n;
}

function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/** Splits the textual header off the front of an age file. */
function locateHeader(head: Buffer): number {
  if (head.length < INTRO.length || head.toString('latin1', 0, INTRO.length) !== INTRO) {
    throw new ReviewDeskError('E_AGE_HEADER', { reason: 'missing "age-encryption.org/v1" line' });
  }
  const macLine = head.indexOf('\n--- ', 0, 'latin1');
  if (macLine < 0) throw new ReviewDeskError('E_AGE_HEADER', { reason: 'no MAC line within the header size limit' });
  const end = head.indexOf('\n', macLine + 1, 'latin1');
  if (end < 0) throw new ReviewDeskError('E_AGE_HEADER', { reason: 'unterminated MAC line' });
  return end + 1;
}

/** Refuses scrypt stanzas with a work factor above the cap before any work is done. */
function checkScryptWorkFactor(header: Buffer): void {
  for (const line of header.toString('latin1').split('\n')) {
    const args = line.split(' ');
    if (args[0] === '->' && args[1] === 'scrypt') {
      const logN = Number(args[3]);
      if (!/^[1-9][0-9]?$/.test(args[3] ?? '')) {
        throw new ReviewDeskError('E_AGE_HEADER', { reason: 'malformed scrypt stanza' });
      }
      if (logN > SCRYPT_MAX_LOG_N) {
        throw new ReviewDeskError('E_SCRYPT_WORK_FACTOR', { logN, cap: SCRYPT_MAX_LOG_N });
      }
    }
  }
}

/** Identities to try: `AGE-SECRET-KEY-1…`, `AGE-SECRET-KEY-PQ-1…`, or a passphrase. */
export type DecryptKey = { identity: string } | { passphrase: string };

const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const cryptoKeys = new Map<string, Promise<webcrypto.CryptoKey>>();

/**
 * X25519 identities go to the library as non-extractable WebCrypto keys
 * (native X25519) rather than strings (pure-JS curve arithmetic); cached per
 * identity for the life of the process.
 */
function x25519Key(identity: string): Promise<webcrypto.CryptoKey> {
  let key = cryptoKeys.get(identity);
  if (!key) {
    const { prefix, words } = bech32.decode(identity.toLowerCase() as `${string}1${string}`, 200);
    if (prefix !== 'age-secret-key-')
      throw new ReviewDeskError('E_IDENTITY', { path: 'age identity', reason: 'not an AGE-SECRET-KEY-1 identity' });
    const scalar = Buffer.from(bech32.fromWords(words));
    key = webcrypto.subtle.importKey('pkcs8', Buffer.concat([PKCS8_X25519_PREFIX, scalar]), { name: 'X25519' }, false, ['deriveBits']);
    cryptoKeys.set(identity, key);
  }
  return key;
}

const identityDecrypters = new Map<string, Promise<Decrypter>>();

async function makeDecrypter(keys: DecryptKey[]): Promise<Decrypter> {
  const d = new Decrypter();
  for (const k of keys) {
    if ('passphrase' in k) d.addPassphrase(k.passphrase);
    else if (k.identity.startsWith('AGE-SECRET-KEY-1')) d.addIdentity(await x25519Key(k.identity));
    else d.addIdentity(k.identity);
  }
  return d;
}

/**
 * A Decrypter holds no per-file state, and building one derives each
 * identity's public key (an X25519 or ML-KEM operation), so decrypters for
 * identities are cached like their keys; passphrases are never kept.
 */
function decrypterFor(keys: DecryptKey[]): Promise<Decrypter> {
  if (keys.some((k) => 'passphrase' in k)) return makeDecrypter(keys);
  const id = keys.map((k) => ('identity' in k ? k.identity : '')).join('\n');
  let d = identityDecrypters.get(id);
  if (!d) {
    d = makeDecrypter(keys);
    identityDecrypters.set(id, d);
    d.catch(() => identityDecrypters.delete(id));
  }
  return d;
}

async function unwrapFileKey(header: Buffer, keys: DecryptKey[]): Promise<Uint8Array> {
  checkScryptWorkFactor(header);
  const d = await decrypterFor(keys);
  try {
    return await d.decryptHeader(header);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/no identity matched/.test(msg)) {
      throw new ReviewDeskError(keys.some((k) => 'passphrase' in k) ? 'E_PASSPHRASE' : 'E_WRONG_KEY', {}, { cause: e });
    }
    if (/invalid header HMAC/.test(msg)) throw new ReviewDeskError('E_AGE_HEADER_MAC', {}, { cause: e });
    if (/incorrect passphrase|failed to decrypt file key/i.test(msg)) throw new ReviewDeskError('E_PASSPHRASE', {}, { cause: e });
    throw new ReviewDeskError('E_AGE_HEADER', { reason: msg }, { cause: e });
  }
}

/** Progress: bytes processed so far and in all. */
export type Progress = (done: number, total: number) => void;

/** Decrypted plaintext and the SHA-256 of the ciphertext file it came from. */
export interface Decrypted {
  plaintext: Buffer;
  fileSha256: string;
  fileSize: number;
}

async function decryptSource(src: ByteSource, keys: DecryptKey[], onProgress?: Progress): Promise<Decrypted> {
  const fileHash = createHash('sha256');
  const head = Buffer.alloc(Math.min(src.size, MAX_HEADER));
  await src.read(head, 0);
  const headerLen = locateHeader(head);
  const fileKey = await unwrapFileKey(head.subarray(0, headerLen), keys);

  const payloadStart = headerLen + NONCE_SIZE;
  const payloadLen = src.size - payloadStart;
  if (payloadLen < TAG) throw new ReviewDeskError('E_AGE_TRUNCATED');
  const nonce = head.length >= payloadStart ? head.subarray(headerLen, payloadStart) : Buffer.alloc(NONCE_SIZE);
  if (head.length < payloadStart) await src.read(nonce, headerLen);
  fileHash.update(head.subarray(0, Math.min(head.length, payloadStart)));
  if (head.length < payloadStart) fileHash.update(nonce);
  const key = payloadKey(fileKey, nonce);

  const chunks = Math.ceil(payloadLen / ENC_CHUNK);
  const lastLen = payloadLen - (chunks - 1) * ENC_CHUNK;
  if (lastLen < TAG || (chunks > 1 && lastLen === TAG)) {
    // A final chunk may be empty only when the whole plaintext is empty.
    throw new ReviewDeskError(lastLen < TAG ? 'E_AGE_PAYLOAD' : 'E_AGE_TRAILING', { chunk: chunks });
  }
  // Plaintext goes into one private buffer that nobody sees until every chunk,
  // the final one included, has authenticated.
  const plain = Buffer.allocUnsafe(payloadLen - chunks * TAG);
  const perRead = 64;
  const block = Buffer.allocUnsafe(Math.min(payloadLen, perRead * ENC_CHUNK));
  for (let first = 0; first < chunks; first += perRead) {
    const count = Math.min(perRead, chunks - first);
    const pos = payloadStart + first * ENC_CHUNK;
    const want = Math.min(count * ENC_CHUNK, src.size - pos);
    const got = await src.read(block.subarray(0, want), pos);
    if (got !== want) throw new ReviewDeskError('E_IO', { path: 'input', reason: 'short read' });
    fileHash.update(block.subarray(0, want));
    for (let i = 0; i < count; i++) {
      const index = first + i;
      const last = index === chunks - 1;
      const c = block.subarray(i * ENC_CHUNK, Math.min((i + 1) * ENC_CHUNK, want));
      openChunk(plain.subarray(index * CHUNK, index * CHUNK + c.length - TAG), c, index, last, key);
    }
    onProgress?.(pos + want, src.size);
  }
  return { plaintext: plain, fileSha256: fileHash.digest('hex'), fileSize: src.size };
}

/**
 * Decrypts (and so authenticates) STREAM chunk `index` into `m`. A final chunk
 * that fails but authenticates as a non-final one means the real final chunk
 * was cut off: E_AGE_TRUNCATED; any other failure is E_AGE_PAYLOAD.
 */
function openChunk(m: Buffer, c: Buffer, index: number, last: boolean, key: Buffer): void {
  try {
    aead.crypto_aead_chacha20poly1305_ietf_decrypt(m, null, c, null, chunkNonce(index, last), key);
  } catch {
    if (last && authenticates(c, index, key)) throw new ReviewDeskError('E_AGE_TRUNCATED');
    throw new ReviewDeskError('E_AGE_PAYLOAD', { chunk: index + 1 });
  }
}

/** Whether a chunk authenticates as a non-final chunk (so the real final one was cut off). */
function authenticates(c: Buffer, index: number, key: Buffer): boolean {
  if (c.length !== ENC_CHUNK) return false;
  try {
    aead.crypto_aead_chacha20poly1305_ietf_decrypt(Buffer.alloc(CHUNK), null, c, null, chunkNonce(index, false), key);
    return true;
  } catch {
    return false;
  }
}

/** Decrypts an age file held in memory. */
export function decryptBytes(data: Uint8Array, keys: DecryptKey[], onProgress?: Progress): Promise<Decrypted> {
  return decryptSource(bufferSource(data), keys, onProgress);
}

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
    const chunks = Math.ceil(payloadLen / ENC_CHUNK);
    const lastLen = payloadLen - (chunks - 1) * ENC_CHUNK;
    if (lastLen < TAG || (chunks > 1 && lastLen === TAG)) {
      throw new ReviewDeskError(lastLen < TAG ? 'E_AGE_PAYLOAD' : 'E_AGE_TRAILING', { chunk: chunks });
    }
    const key = payloadKey(fileKey, nonce);
    const plainLen = payloadLen - chunks * TAG;
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

    let digest: Promise<string> | undefined;
    return {
      fileSize: size,
      plainLen,
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
        const r = await scanPayload(
          { fd: fh.fd, key, payloadStart, payloadLen, chunks, plainLen },
          ranges,
          onProgress && ((done) => onProgress(payloadStart + done, size)),
        );
        if (r.readError) throw new ReviewDeskError('E_IO', { path, reason: 'short read' });
        if (r.failedChunk !== null) {
          if (r.finalChunkCutOff) throw new ReviewDeskError('E_AGE_TRUNCATED');
          throw new ReviewDeskError('E_AGE_PAYLOAD', { chunk: r.failedChunk + 1 });
        }
        return r.digests;
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

/** Captures the file key the library draws, so the payload can run through libsodium. */
class FileKeyTap implements Recipient {
  fileKey: Uint8Array | null = null;
  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    this.fileKey = fileKey;
    return [];
  }
}

/** Encryption target: recipients (`age1…`, `age1pq1…`) or one passphrase. */
export type EncryptTo = { recipients: string[] } | { passphrase: string; scryptLogN?: number };

/**
 * Builds an age header with the library and returns it with the file key.
 * The library encrypts an empty payload; its header is independent of the
 * payload, so we keep it and draw a fresh payload nonce ourselves.
 */
async function makeHeader(to: EncryptTo): Promise<{ header: Buffer; fileKey: Uint8Array }> {
  const e = new Encrypter();
  const tap = new FileKeyTap();
  if ('passphrase' in to) {
    e.setPassphrase(to.passphrase);
    e.setScryptWorkFactor(to.scryptLogN ?? 18);
    const out = await e.encrypt(new Uint8Array(0));
    // Passphrase mode admits no extra recipient: recover the key by decrypting the header.
    const header = Buffer.from(out.subarray(0, out.length - NONCE_SIZE - TAG));
    const d = new Decrypter();
    d.addPassphrase(to.passphrase);
    return { header, fileKey: await d.decryptHeader(header) };
  }
  if (to.recipients.length === 0) throw new ReviewDeskError('E_USAGE', { reason: 'no recipients' });
  for (const r of to.recipients) e.addRecipient(r);
  e.addRecipient(tap);
  const out = await e.encrypt(new Uint8Array(0));
  if (!tap.fileKey) throw new ReviewDeskError('E_INTERNAL', { reason: 'file key not captured' });
  return { header: Buffer.from(out.subarray(0, out.length - NONCE_SIZE - TAG)), fileKey: tap.fileKey };
}

/** Incremental STREAM encryptor: feed plaintext, collect ciphertext pieces. */
class StreamSealer {
  private pending = Buffer.alloc(0);
  private counter = 0;
  constructor(private readonly key: Buffer) {}
  private seal(m: Buffer, last: boolean): Buffer {
    const c = Buffer.allocUnsafe(m.length + TAG);
    aead.crypto_aead_chacha20poly1305_ietf_encrypt(c, m, null, null, chunkNonce(this.counter++, last), this.key);
    return c;
  }
  push(data: Uint8Array): Buffer[] {
    const out: Buffer[] = [];
    let buf = this.pending.length ? Buffer.concat([this.pending, data]) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Keep at least one byte back: a full chunk is final only if nothing follows it.
    while (buf.length > CHUNK) {
      out.push(this.seal(buf.subarray(0, CHUNK), false));
      buf = buf.subarray(CHUNK);
    }
    this.pending = Buffer.from(buf);
    return out;
  }
  finish(): Buffer {
    return this.seal(this.pending, true);
  }
}

/** Encrypts a stream of plaintext pieces, yielding the age file's bytes. */
export async function* encryptStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, to: EncryptTo): AsyncGenerator<Buffer> {
  const { header, fileKey } = await makeHeader(to);
  const nonce = randomBytes(NONCE_SIZE);
  yield Buffer.concat([header, nonce]);
  const sealer = new StreamSealer(payloadKey(fileKey, nonce));
  for await (const piece of source) {
    for (const c of sealer.push(piece)) yield c;
  }
  yield sealer.finish();
}

/** Encrypts bytes in memory. */
export async function encryptBytes(data: Uint8Array, to: EncryptTo): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of encryptStream([data], to)) parts.push(p);
  return Buffer.concat(parts);
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
  const tmp = `${path}.${randomBytes(6).toString('hex')}.partial`;
  const hash = createHash('sha256');
  let size = 0;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    for await (const p of pieces) {
      hash.update(p);
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
  return { sha256: hash.digest('hex'), size };
}
