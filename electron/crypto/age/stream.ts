/**
 * The age payload: the STREAM construction (C2SP age v1) — an HKDF-SHA-256
 * payload key, 64 KiB ChaCha20-Poly1305 chunks with a big-endian counter nonce
 * and a final-chunk flag. Runs through libsodium (sodium-native), because the
 * age-encryption library's pure-JS cipher is ~20× slower than the stock `age`
 * CLI and Electron's BoringSSL has no chacha20-poly1305. Shared by in-memory
 * decryption, the on-demand file reader and encryption.
 */
import { createHmac } from 'node:crypto';
import sodium from 'sodium-native';
import { sealOnEveryCore } from '../parallel.ts';
import { ReviewDeskError } from '../../../shared/errors.ts';

/** libsodium's IETF ChaCha20-Poly1305 (present in sodium-native, missing from its published types). */
const aead = sodium as unknown as {
  crypto_aead_chacha20poly1305_ietf_decrypt(m: Buffer, nsec: null, c: Buffer, ad: null, npub: Buffer, k: Buffer): number;
  crypto_aead_chacha20poly1305_ietf_encrypt(c: Buffer, m: Buffer, ad: null, nsec: null, npub: Buffer, k: Buffer): number;
};

/** Plaintext bytes per STREAM chunk. */
export const CHUNK = 64 * 1024;
/** Poly1305 tag bytes per chunk. */
export const TAG = 16;
/** Ciphertext bytes per full chunk. */
export const ENC_CHUNK = CHUNK + TAG;
/** The payload nonce between the header and the first chunk. */
export const NONCE_SIZE = 16;

/** Progress: bytes processed so far and in all. */
export type Progress = (done: number, total: number) => void;

function chunkNonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUInt32BE(Math.floor(counter / 2 ** 32), 3);
  n.writeUInt32BE(counter >>> 0, 7);
  n[11] = last ? 1 : 0;
  return n;
}

/** HKDF-SHA-256 (RFC 5869) of one 32-byte output block, through node's HMAC: a fifth of hkdfSync's cost on these tiny inputs. */
export function hkdf32(ikm: Uint8Array, salt: Uint8Array, info: string): Buffer {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  return createHmac('sha256', prk).update(info).update(ONE).digest();
}
const ONE = Buffer.from([1]);

/** The STREAM key derived from the file key and the payload nonce. */
export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return hkdf32(fileKey, nonce, 'payload');
}

/** The chunk layout of a payload of `payloadLen` bytes; refuses a malformed final chunk. */
export function payloadChunks(payloadLen: number): { chunks: number; plainLen: number } {
  if (payloadLen < TAG) throw new ReviewDeskError('E_AGE_TRUNCATED');
  const chunks = Math.ceil(payloadLen / ENC_CHUNK);
  const lastLen = payloadLen - (chunks - 1) * ENC_CHUNK;
  if (lastLen < TAG || (chunks > 1 && lastLen === TAG)) {
    // A final chunk may be empty only when the whole plaintext is empty.
    throw new ReviewDeskError(lastLen < TAG ? 'E_AGE_PAYLOAD' : 'E_AGE_TRAILING', { chunk: chunks });
  }
  return { chunks, plainLen: payloadLen - chunks * TAG };
}

/**
 * Decrypts (and so authenticates) STREAM chunk `index` into `m`. A final chunk
 * that fails but authenticates as a non-final one means the real final chunk
 * was cut off: E_AGE_TRUNCATED; any other failure is E_AGE_PAYLOAD.
 */
export function openChunk(m: Buffer, c: Buffer, index: number, last: boolean, key: Buffer): void {
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

/** Full chunks sealed into one output buffer at most: about 1 MiB of ciphertext per piece yielded. */
const SEAL_BATCH = 16;
const BATCH_BYTES = SEAL_BATCH * ENC_CHUNK;

/**
 * Full batches a sealer handed out, which their consumer may give back through {@link recycleSealed}, and
 * those given back, sealed into again: a stream of gigabytes otherwise allocates a megabyte per batch, and the
 * garbage collections that so much outside memory sets off cost as much as the cipher.
 */
const issued = new WeakSet<Buffer>();
const spare: Buffer[] = [];
const SPARE_MAX = 16;

/** Staging buffers of finished sealers, for the next ones. */
const spareStaging: Buffer[] = [];

/** Whole batches in one push from which the sealing is shared with the payload workers. */
const PARALLEL_BATCHES = 2;

/**
 * A buffer for `chunks` sealed chunks. Full batches are shared memory, so that the writer's hash worker
 * (OffThreadSha256) reads them where they are rather than a copy; being recycled, there are only ever a few.
 */
function batchBuffer(chunks: number): Buffer {
  if (chunks !== SEAL_BATCH) return Buffer.allocUnsafe(chunks * ENC_CHUNK);
  const b = spare.pop() ?? Buffer.from(new SharedArrayBuffer(BATCH_BYTES));
  issued.add(b);
  return b;
}

/**
 * Gives back a piece {@link StreamSealer} (so `encryptStream`) yielded, once it has been written and nothing
 * refers to it any more (the writer of an age file calls it once a piece is written and hashed); the next batch is
 * sealed into it. Anything else is ignored, and a piece is taken back once at most.
 */
export function recycleSealed(piece: Uint8Array): void {
  if (!(piece instanceof Buffer) || !issued.delete(piece)) return;
  if (spare.length < SPARE_MAX) spare.push(piece);
}

/**
 * Incremental STREAM encryptor: feed plaintext, collect ciphertext pieces. Chunks are sealed in batches of
 * {@link SEAL_BATCH} into one buffer each (a recycled one where the writer gave one back), straight from the
 * input where it holds them and from a staging buffer where small pieces (a file read 64 KiB at a time) are
 * gathered first: one allocation and one write per megabyte rather than per chunk, which at 64 KiB cost as much
 * again as the cipher, and no copy of the plaintext but the chunk kept back. A chunk is sealed only once
 * something follows it, since the last chunk is final; the bytes kept back are copied, as the caller may
 * reuse its buffer once `push` returns.
 */
export class StreamSealer {
  // Shared memory, so that the payload workers read staged chunks where they are (sealOnEveryCore); taken
  // from those of finished sealers, since a worker keeps a reference to every shared buffer it is shown.
  private readonly staging = spareStaging.pop() ?? Buffer.from(new SharedArrayBuffer(SEAL_BATCH * CHUNK));
  private staged = 0;
  private counter = 0;
  private readonly nonce = Buffer.alloc(12);
  constructor(private readonly key: Buffer) {}
  private sealInto(c: Buffer, m: Buffer, last: boolean): void {
    const counter = this.counter++;
    this.nonce.writeUInt32BE(Math.floor(counter / 2 ** 32), 3);
    this.nonce.writeUInt32BE(counter >>> 0, 7);
    this.nonce[11] = last ? 1 : 0;
    aead.crypto_aead_chacha20poly1305_ietf_encrypt(c, m, null, null, this.nonce, this.key);
  }
  async push(data: Uint8Array): Promise<Buffer[]> {
    const out: Buffer[] = [];
    let buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    // Complete a partly staged chunk first.
    const partial = this.staged % CHUNK;
    if (partial) {
      const take = Math.min(CHUNK - partial, buf.length);
      buf.copy(this.staging, this.staged, 0, take);
      this.staged += take;
      buf = buf.subarray(take);
    }
    if (buf.length === 0) return out;
    // Something follows the staged chunks, so they are all non-final; of the input, every full chunk but the
    // last byte's is.
    const staged = this.staged / CHUNK;
    const full = Math.floor((buf.length - 1) / CHUNK);
    const total = staged + full;
    if (total < SEAL_BATCH) {
      // Less than a batch in all: gather it (at most a batch, with what is kept back).
      buf.copy(this.staging, this.staged);
      this.staged += buf.length;
      return out;
    }
    const chunk = (j: number): Buffer =>
      j < staged ? this.staging.subarray(j * CHUNK, (j + 1) * CHUNK) : buf.subarray((j - staged) * CHUNK, (j - staged + 1) * CHUNK);
    let first = 0;
    // Several whole batches from shared memory (a file read four megabytes at a time, a photo read ahead):
    // sealed on every core, into recycled batch buffers.
    const whole = Math.floor(total / SEAL_BATCH);
    if (whole >= PARALLEL_BATCHES && buf.buffer instanceof SharedArrayBuffer) {
      const outputs = Array.from({ length: whole }, () => batchBuffer(SEAL_BATCH));
      await sealOnEveryCore({
        key: this.key,
        counterStart: this.counter,
        batchChunks: SEAL_BATCH,
        staging: this.staging.buffer as SharedArrayBuffer,
        staged,
        input: buf.buffer,
        inputOffset: buf.byteOffset,
        outputs: outputs.map((o) => o.buffer as SharedArrayBuffer),
      });
      this.counter += whole * SEAL_BATCH;
      out.push(...outputs);
      first = whole * SEAL_BATCH;
    }
    for (; first < total; first += SEAL_BATCH) {
      const n = Math.min(SEAL_BATCH, total - first);
      const c = batchBuffer(n);
      for (let j = 0; j < n; j++) this.sealInto(c.subarray(j * ENC_CHUNK, (j + 1) * ENC_CHUNK), chunk(first + j), false);
      out.push(c);
    }
    // Only now is the staging buffer free for what is kept back.
    buf.copy(this.staging, 0, full * CHUNK);
    this.staged = buf.length - full * CHUNK;
    return out;
  }
  finish(): Buffer {
    // What is staged: full non-final chunks, then the final one (empty only when the whole plaintext is).
    const n = Math.max(1, Math.ceil(this.staged / CHUNK));
    const c = Buffer.allocUnsafe(this.staged + n * TAG);
    for (let j = 0; j < n; j++) {
      const m = this.staging.subarray(j * CHUNK, Math.min(this.staged, (j + 1) * CHUNK));
      this.sealInto(c.subarray(j * ENC_CHUNK, j * ENC_CHUNK + m.length + TAG), m, j === n - 1);
    }
    this.staged = 0;
    // Sealed in full: the staging buffer serves the next sealer.
    if (spareStaging.length < 4 && !spareStaging.includes(this.staging)) spareStaging.push(this.staging);
    return c;
  }
}
