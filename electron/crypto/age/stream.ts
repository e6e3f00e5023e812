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
const SPARE_MAX = 8;

function batchBuffer(chunks: number): Buffer {
  if (chunks !== SEAL_BATCH) return Buffer.allocUnsafe(chunks * ENC_CHUNK);
  const b = spare.pop() ?? Buffer.allocUnsafe(BATCH_BYTES);
  issued.add(b);
  return b;
}

/**
 * Gives back a piece {@link StreamSealer} (so `encryptStream`) yielded, once it has been written and nothing
 * refers to it any more (the writer of an age file calls it when a write has completed); the next batch is
 * sealed into it. Anything else is ignored, and a piece is taken back once at most.
 */
export function recycleSealed(piece: Uint8Array): void {
  if (!(piece instanceof Buffer) || !issued.delete(piece)) return;
  if (spare.length < SPARE_MAX) spare.push(piece);
}

/**
 * Incremental STREAM encryptor: feed plaintext, collect ciphertext pieces. Full chunks are sealed straight
 * from the input into buffers of up to {@link SEAL_BATCH} chunks (no copy of the plaintext, one allocation
 * and one write per megabyte rather than per chunk, which at 64 KiB cost as much again as the cipher).
 */
export class StreamSealer {
  private pending = Buffer.alloc(0);
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
  push(data: Uint8Array): Buffer[] {
    const out: Buffer[] = [];
    const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let buf = input;
    if (this.pending.length) {
      // Top the pending partial chunk up to a full one first (a copy of at most one chunk).
      const take = Math.min(CHUNK - this.pending.length, input.length);
      this.pending = Buffer.concat([this.pending, input.subarray(0, take)]);
      buf = input.subarray(take);
      if (this.pending.length < CHUNK || buf.length === 0) return out;
      const c = Buffer.allocUnsafe(ENC_CHUNK);
      this.sealInto(c, this.pending, false);
      out.push(c);
      this.pending = Buffer.alloc(0);
    }
    // Keep at least one byte back: a full chunk is final only if nothing follows it.
    const full = Math.floor((buf.length - 1) / CHUNK);
    for (let i = 0; i < full; i += SEAL_BATCH) {
      const n = Math.min(SEAL_BATCH, full - i);
      const c = batchBuffer(n);
      for (let j = 0; j < n; j++)
        this.sealInto(c.subarray(j * ENC_CHUNK, (j + 1) * ENC_CHUNK), buf.subarray((i + j) * CHUNK, (i + j + 1) * CHUNK), false);
      out.push(c);
    }
    if (buf.length) this.pending = Buffer.from(buf.subarray(full * CHUNK));
    return out;
  }
  finish(): Buffer {
    const c = Buffer.allocUnsafe(this.pending.length + TAG);
    this.sealInto(c, this.pending, true);
    return c;
  }
}
