// The CPU-bound kernel of opening a large age file — STREAM chunk
// decryption, authenticating every chunk, with the SHA-256 of plaintext ranges
// taken on the way and the plaintext itself never kept (or, for a file read
// whole, kept in the job's shared `out` buffer) — shared by the calling
// thread and a pool of worker threads (electron/crypto/parallel.ts). Plain CommonJS, so that a
// worker starts without a TypeScript loader or the ES module loader (which
// more than doubles a worker's start-up); the types are in
// payload-worker.d.cts. Participants claim work from a shared atomic counter,
// so whoever is free (the caller, or a worker that has only just started)
// takes the next piece, and nobody waits for a slow starter.
'use strict';
const { Buffer } = require('node:buffer');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const sodium = require('sodium-native');

const CHUNK = 64 * 1024;
const TAG = 16;
const ENC_CHUNK = CHUNK + TAG;

// Int32 control slots shared by every participant of a job.
/** Next piece to claim. */
const NEXT = 0;
/** Lowest failing chunk (decrypt; initially the chunk count, i.e. none). */
const FAILED = 1;
/** Pieces finished; the caller waits on this slot until it reaches the piece count. */
const DONE = 2;
/** Whether the final chunk authenticates as a non-final one: 0 unknown, 1 yes, 2 no. */
const TRUNCATED = 3;
/** Set when a participant could not do its piece (a short read); the job then fails. */
const ERROR = 4;
/** Chunks scanned so far, for progress. */
const PROGRESS = 5;
const CONTROL_SLOTS = 6;

function chunkNonce(nonce, counter, last) {
  nonce.fill(0);
  nonce.writeUInt32BE(Math.floor(counter / 2 ** 32), 3);
  nonce.writeUInt32BE(counter >>> 0, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function lowerFailure(ctl, index) {
  for (let cur = Atomics.load(ctl, FAILED); index < cur; cur = Atomics.load(ctl, FAILED)) {
    if (Atomics.compareExchange(ctl, FAILED, cur, index) === cur) return;
  }
}

function finish(ctl) {
  Atomics.add(ctl, DONE, 1);
  Atomics.notify(ctl, DONE);
}

/**
 * Decrypts the chunks that cover one segment [start, end) of the plaintext,
 * each into `scratch` (plaintext is not kept) or, when the job has an `out`
 * buffer, into its place there, so that every one of them
 * authenticates; hashes the segment's bytes when it has a digest slot. Chunks
 * past the lowest known failure are not looked at: every chunk before it is,
 * so the failure reported is the first in the file, as when decrypting in
 * order.
 */
function scanSegment(job, segment, block, scratch, nonce, key, ctl, digests, out) {
  const { fd, payloadStart, payloadLen, chunks, batchChunks } = job;
  const [start, end, digest] = segment;
  const hash = digest >= 0 ? createHash('sha256') : null;
  const firstChunk = Math.floor(start / CHUNK);
  const lastChunk = end > start ? Math.floor((end - 1) / CHUNK) : firstChunk;
  for (let first = firstChunk; first <= lastChunk; first += batchChunks) {
    if (first > Atomics.load(ctl, FAILED)) return;
    const count = Math.min(batchChunks, lastChunk - first + 1);
    const pos = first * ENC_CHUNK;
    const want = Math.min(count * ENC_CHUNK, payloadLen - pos);
    for (let got = 0; got < want;) {
      const r = readSync(fd, block, got, want - got, payloadStart + pos + got);
      if (r === 0) throw new Error('short read');
      got += r;
    }
    for (let i = 0; i < count; i++) {
      const index = first + i;
      const last = index === chunks - 1;
      const c = block.subarray(i * ENC_CHUNK, Math.min((i + 1) * ENC_CHUNK, want));
      const m = out ? out.subarray(index * CHUNK, index * CHUNK + c.length - TAG) : scratch.subarray(0, c.length - TAG);
      try {
        sodium.crypto_aead_chacha20poly1305_ietf_decrypt(m, null, c, null, chunkNonce(nonce, index, last), key);
      } catch {
        if (last) Atomics.store(ctl, TRUNCATED, authenticatesAsNonFinal(c, index, key, nonce) ? 1 : 2);
        lowerFailure(ctl, index);
        return;
      }
      if (hash) {
        const at = index * CHUNK;
        hash.update(m.subarray(Math.max(start, at) - at, Math.min(end, at + m.length) - at));
      }
    }
    Atomics.add(ctl, PROGRESS, count);
  }
  if (hash) hash.digest().copy(digests, digest * 32);
}

function authenticatesAsNonFinal(c, index, key, nonce) {
  if (c.length !== ENC_CHUNK) return false;
  try {
    sodium.crypto_aead_chacha20poly1305_ietf_decrypt(Buffer.allocUnsafe(CHUNK), null, c, null, chunkNonce(nonce, index, false), key);
    return true;
  } catch {
    return false;
  }
}

/**
 * Claims and scans segments of the payload (at most `maxSegments`). Returns
 * how many it claimed. `block` is scratch space for one batch of ciphertext,
 * `scratch` for one chunk of plaintext.
 */
function scanSegments(job, block, scratch, maxSegments = Infinity) {
  const ctl = new Int32Array(job.ctl);
  const key = Buffer.from(job.key);
  const digests = Buffer.from(job.digests);
  const out = job.out ? Buffer.from(job.out) : null;
  const nonce = Buffer.alloc(12);
  let claimed = 0;
  while (claimed < maxSegments) {
    const s = Atomics.add(ctl, NEXT, 1);
    if (s >= job.segments.length) break;
    claimed++;
    try {
      scanSegment(job, job.segments[s], block, scratch, nonce, key, ctl, digests, out);
    } catch {
      Atomics.store(ctl, ERROR, 1);
    } finally {
      finish(ctl);
    }
  }
  return claimed;
}

/**
 * Claims and seals batches of a seal job (at most `maxBatches`): batch b is the job's chunks [16b, 16b + 16),
 * every one full and non-final, chunk j read from the staging buffer (j < staged) or the input (after it), and
 * sealed into outputs[b] with STREAM counter counterStart + j. Returns how many it claimed.
 */
function sealBatches(job, maxBatches = Infinity) {
  const ctl = new Int32Array(job.ctl);
  const key = Buffer.from(job.key);
  const staging = Buffer.from(job.staging);
  const input = Buffer.from(job.input, job.inputOffset);
  const nonce = Buffer.alloc(12);
  let claimed = 0;
  while (claimed < maxBatches) {
    const b = Atomics.add(ctl, NEXT, 1);
    if (b >= job.outputs.length) break;
    claimed++;
    try {
      const out = Buffer.from(job.outputs[b]);
      for (let k = 0; k < job.batchChunks; k++) {
        const j = b * job.batchChunks + k;
        const m =
          j < job.staged
            ? staging.subarray(j * CHUNK, (j + 1) * CHUNK)
            : input.subarray((j - job.staged) * CHUNK, (j - job.staged + 1) * CHUNK);
        sodium.crypto_aead_chacha20poly1305_ietf_encrypt(
          out.subarray(k * ENC_CHUNK, (k + 1) * ENC_CHUNK),
          m,
          null,
          null,
          chunkNonce(nonce, job.counterStart + j, false),
          key,
        );
      }
    } catch {
      Atomics.store(ctl, ERROR, 1);
    } finally {
      finish(ctl);
    }
  }
  return claimed;
}

module.exports = { NEXT, FAILED, DONE, TRUNCATED, ERROR, PROGRESS, CONTROL_SLOTS, CHUNK, ENC_CHUNK, scanSegments, sealBatches };

// Only as the entry of a payload worker: other threads import the kernels too. A worker takes three kinds
// of message: a scan or a seal job, whose pieces it claims with the other participants, and the pieces of
// OffThreadSha256's streams (parallel.ts), each stream by its id, its pieces hashed in the order posted and
// each acknowledged once hashed, so that its buffer can be reused.
if (parentPort && workerData?.payloadWorker === true) {
  const port = parentPort;
  let block = Buffer.alloc(0);
  const scratch = Buffer.allocUnsafe(CHUNK);
  const hashes = new Map();
  port.on('message', (msg) => {
    if (msg.type === 'scan') {
      const size = msg.job.batchChunks * ENC_CHUNK;
      if (block.length < size) block = Buffer.allocUnsafe(size);
      scanSegments(msg.job, block, scratch);
    } else if (msg.type === 'seal') {
      sealBatches(msg.job);
    } else {
      let h = hashes.get(msg.id);
      if (!h) hashes.set(msg.id, (h = createHash('sha256')));
      if (msg.type === 'update') {
        h.update(new Uint8Array(msg.buffer, msg.offset, msg.length));
        port.postMessage({ id: msg.id, seq: msg.seq });
      } else {
        hashes.delete(msg.id);
        port.postMessage({ id: msg.id, seq: -1, hex: h.digest('hex') });
      }
    }
  });
  port.postMessage('ready');
}
