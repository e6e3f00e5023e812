// The CPU-bound kernels of opening a large age file — STREAM chunk decryption
// and SHA-256 of plaintext ranges — shared by the calling thread and a pool of
// worker threads (electron/crypto/parallel.ts). Plain CommonJS, so that a
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
const CONTROL_SLOTS = 5;

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

function decryptBatch(job, b, block, nonce, key, plain, ctl) {
  const { fd, payloadStart, payloadLen, chunks, batchChunks } = job;
  const first = b * batchChunks;
  // Batches past the first failure are skipped; every batch before it is
  // still decrypted, so the failure reported is the first in the file, as
  // when decrypting in order.
  if (first > Atomics.load(ctl, FAILED)) return;
  const want = Math.min(batchChunks * ENC_CHUNK, payloadLen - first * ENC_CHUNK);
  for (let got = 0; got < want;) {
    const r = readSync(fd, block, got, want - got, payloadStart + first * ENC_CHUNK + got);
    if (r === 0) throw new Error('short read');
    got += r;
  }
  const count = Math.ceil(want / ENC_CHUNK);
  for (let i = 0; i < count; i++) {
    const index = first + i;
    const last = index === chunks - 1;
    const c = block.subarray(i * ENC_CHUNK, Math.min((i + 1) * ENC_CHUNK, want));
    const m = plain.subarray(index * CHUNK, index * CHUNK + c.length - TAG);
    try {
      sodium.crypto_aead_chacha20poly1305_ietf_decrypt(m, null, c, null, chunkNonce(nonce, index, last), key);
    } catch {
      if (last) Atomics.store(ctl, TRUNCATED, authenticatesAsNonFinal(c, index, key, nonce) ? 1 : 2);
      lowerFailure(ctl, index);
      return;
    }
  }
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
 * Claims and decrypts batches of chunks (at most `maxBatches`) into the shared
 * plaintext buffer. Returns how many it claimed. `block` is scratch space for
 * one batch of ciphertext.
 */
function decryptBatches(job, block, maxBatches = Infinity) {
  const ctl = new Int32Array(job.ctl);
  const key = Buffer.from(job.key);
  const plain = Buffer.from(job.plain);
  const nonce = Buffer.alloc(12);
  const batches = Math.ceil(job.chunks / job.batchChunks);
  let claimed = 0;
  while (claimed < maxBatches) {
    const b = Atomics.add(ctl, NEXT, 1);
    if (b >= batches) break;
    claimed++;
    try {
      decryptBatch(job, b, block, nonce, key, plain, ctl);
    } catch {
      Atomics.store(ctl, ERROR, 1);
    } finally {
      finish(ctl);
    }
  }
  return claimed;
}

/** Claims ranges of the shared buffer (at most `maxRanges`) and writes each one's SHA-256 into `job.digests`. */
function hashRanges(job, maxRanges = Infinity) {
  const ctl = new Int32Array(job.ctl);
  const data = Buffer.from(job.data);
  const digests = Buffer.from(job.digests);
  let claimed = 0;
  while (claimed < maxRanges) {
    const i = Atomics.add(ctl, NEXT, 1);
    if (i >= job.ranges.length) break;
    claimed++;
    try {
      const [start, length] = job.ranges[i];
      createHash('sha256')
        .update(data.subarray(start, start + length))
        .digest()
        .copy(digests, i * 32);
    } catch {
      Atomics.store(ctl, ERROR, 1);
    } finally {
      finish(ctl);
    }
  }
  return claimed;
}

module.exports = { NEXT, FAILED, DONE, TRUNCATED, ERROR, CONTROL_SLOTS, decryptBatches, hashRanges };

// Only as the entry of a payload worker: other threads import the kernels too.
if (parentPort && workerData?.payloadWorker === true) {
  let block = Buffer.alloc(0);
  parentPort.on('message', (msg) => {
    if (msg.type === 'decrypt') {
      const size = msg.job.batchChunks * ENC_CHUNK;
      if (block.length < size) block = Buffer.allocUnsafe(size);
      decryptBatches(msg.job, block);
    } else {
      hashRanges(msg.job);
    }
  });
  parentPort.postMessage('ready');
}
