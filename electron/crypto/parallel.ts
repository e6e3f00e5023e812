/**
 * Runs the payload kernels of payload-worker.cjs on every core: the calling
 * thread and a pool of worker threads (one per further core, started on first
 * use and kept, unreferenced, for the life of the process) claim pieces of a
 * job from a shared atomic counter. Workers only ever write into the job's
 * SharedArrayBuffer and its control slots; the caller decides from those slots,
 * once every piece is finished, whether the job succeeded. Works the same in
 * Node and in Electron's main process (sodium-native is N-API and loads in
 * workers).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ReviewDeskError } from '../../shared/errors.ts';
import kernel from './payload-worker.cjs';
import type { ScanJob, SealJob, WorkerRequest } from './payload-worker.cjs';
import { unpacked } from '../workers/locate.ts';

// A static import, so that a bundle of this module (the desktop app's main.mjs, the merge worker, the crash
// test's child) carries the kernel for the calling thread.
const { CONTROL_SLOTS, DONE, ERROR, FAILED, PROGRESS, TRUNCATED, CHUNK, ENC_CHUNK, scanSegments, sealBatches } = kernel;
/**
 * The worker threads start from the kernel's own file. A bundle elsewhere may not have it beside itself; then
 * the calling thread does all the work, as it does whenever no worker has started yet.
 */
const KERNEL = fileURLToPath(unpacked(new URL('./payload-worker.cjs', import.meta.url)));
const KERNEL_PRESENT = existsSync(KERNEL);

/** Chunks per claimed piece: 1 MiB of ciphertext, large enough to amortise the claim, small enough to balance. */
const BATCH_CHUNKS = 16;

const workers = new Set<Worker>();
let started = false;
let ready: Promise<void> = Promise.resolve();
/** Bumped whenever a worker dies, so that jobs waiting on it fail instead of hanging. */
let deaths = 0;
const waiting = new Set<Int32Array>();
/** Jobs in flight and hash replies awaited: the workers keep the process alive only while there are some. */
let holds = 0;
function hold(n: 1 | -1): void {
  holds += n;
  if (n === 1 && holds === 1) for (const w of workers) w.ref();
  if (n === -1 && holds === 0) for (const w of workers) w.unref();
}

/**
 * Starts the worker pool if it is not running. Idempotent and cheap; callers
 * that will need the pool call it early so thread start-up overlaps their
 * other work.
 */
export function startPayloadWorkers(): void {
  if (started || !KERNEL_PRESENT) return;
  started = true;
  // After a worker died, only its place is filled.
  const count = Math.min(7, availableParallelism() - 1) - workers.size;
  const readiness: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const w = new Worker(KERNEL, { workerData: { payloadWorker: true } });
    if (holds === 0) w.unref();
    readiness.push(
      new Promise((resolve) => {
        w.once('message', () => resolve());
        w.once('exit', () => resolve());
      }),
    );
    const drop = (): void => {
      if (!workers.delete(w)) return;
      deaths++;
      started = false;
      for (const ctl of waiting) Atomics.notify(ctl, DONE);
      // Hashes it had been given are lost with it.
      for (const [key, r] of hashReplies) {
        if (r.worker !== w) continue;
        hashReplies.delete(key);
        hold(-1);
        r.reject(new ReviewDeskError('E_INTERNAL', { reason: 'a worker thread stopped' }));
      }
    };
    w.on('error', drop);
    w.on('exit', drop);
    w.on('message', hashReply);
    workers.add(w);
  }
  ready = Promise.all(readiness).then(() => undefined);
}

/**
 * Starts the pool and resolves once every worker can take work (or has died).
 * Jobs never wait for this; it is for callers that want the pool warm before
 * a large job, such as an app at launch.
 */
export function payloadWorkersReady(): Promise<void> {
  startPayloadWorkers();
  return ready;
}

const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: unknown } })
  .waitAsync;

/**
 * Runs one job over `pieces` pieces: posts it to every worker, takes pieces on
 * this thread one at a time (yielding to the event loop between them, so an
 * Electron main process stays responsive), then waits until every claimed
 * piece is finished. Workers stay referenced only while a job is in flight.
 */
async function run(request: WorkerRequest, pieces: number, takeOne: () => number, onPiece?: () => void): Promise<Int32Array> {
  const ctl = new Int32Array(request.job.ctl);
  const deathsAtStart = deaths;
  hold(1);
  waiting.add(ctl);
  try {
    for (const w of workers) w.postMessage(request);
    while (takeOne() > 0) {
      onPiece?.();
      await nextTurn();
    }
    for (let done = Atomics.load(ctl, DONE); done < pieces; done = Atomics.load(ctl, DONE)) {
      if (deaths !== deathsAtStart) throw new ReviewDeskError('E_INTERNAL', { reason: 'a worker thread stopped' });
      const r = waitAsync(ctl, DONE, done, 200);
      if (r.async) await r.value;
    }
    return ctl;
  } finally {
    waiting.delete(ctl);
    hold(-1);
  }
}

/** What a scan keeps and where it runs. */
export interface ScanOptions {
  /**
   * Keeps the plaintext here (its first `plainLen` bytes) rather than dropping it chunk by chunk. The buffer is
   * posted to every worker, which holds on to it until its own garbage collection: reuse one rather than
   * allocate one per scan.
   */
  out?: SharedArrayBuffer;
  /**
   * Leaves the pieces to the worker threads, so that this thread goes on with other work while they decrypt
   * (a photo read ahead while the one before it is encrypted); without a worker, this thread does them.
   */
  offThread?: boolean;
}

/** How scanning a payload ended: the first failing chunk (0-based) or null, and what the final chunk looked like. */
export interface ScanResult {
  /** Lower-case hex SHA-256 of each requested range, in the order asked. */
  digests: string[];
  failedChunk: number | null;
  /** The failing final chunk authenticates as a non-final one: the real final chunk was cut off. */
  finalChunkCutOff: boolean;
  readError: boolean;
}

/**
 * Scans the STREAM payload of an open age file on every core: every chunk is
 * decrypted into scratch space, which authenticates it, and the SHA-256 of
 * each range of the plaintext in `hash` ([start, length], in any order, not
 * overlapping) is taken on the way. No plaintext is kept, so opening a large
 * file costs neither its size in memory nor the page faults of filling that
 * much. The digests are only meaningful when `failedChunk` is null and
 * `readError` false: only then has every chunk, the final one included,
 * authenticated.
 */
export async function scanPayload(
  p: { fd: number; key: Buffer; payloadStart: number; payloadLen: number; chunks: number; plainLen: number },
  hash: readonly [number, number][],
  onProgress?: (doneBytes: number) => void,
  opts: ScanOptions = {},
): Promise<ScanResult> {
  const ctl = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  ctl[FAILED] = p.chunks;
  const job: ScanJob = {
    fd: p.fd,
    key: p.key,
    payloadStart: p.payloadStart,
    payloadLen: p.payloadLen,
    chunks: p.chunks,
    batchChunks: BATCH_CHUNKS,
    ctl: ctl.buffer as SharedArrayBuffer,
    segments: segmentsOf(p.plainLen, hash),
    digests: new SharedArrayBuffer(32 * hash.length),
    ...(opts.out ? { out: opts.out } : {}),
  };
  if (opts.out && opts.out.byteLength < p.plainLen)
    throw new ReviewDeskError('E_INTERNAL', { reason: 'the plaintext buffer is too small' });
  const block = Buffer.allocUnsafe(Math.min(p.payloadLen, BATCH_CHUNKS * ENC_CHUNK));
  const scratch = Buffer.allocUnsafe(CHUNK);
  // Off this thread only when a worker can take the job; otherwise this thread does it, as always.
  const here = !(opts.offThread && workers.size > 0);
  await run(
    { type: 'scan', job },
    job.segments.length,
    () => (here ? scanSegments(job, block, scratch, 1) : 0),
    onProgress && (() => onProgress(Math.min(p.payloadLen, Atomics.load(ctl, PROGRESS) * ENC_CHUNK))),
  );
  const failed = Atomics.load(ctl, FAILED);
  const digests = Buffer.from(job.digests);
  return {
    digests: hash.map((_, i) => digests.toString('hex', i * 32, i * 32 + 32)),
    failedChunk: failed < p.chunks ? failed : null,
    finalChunkCutOff: failed === p.chunks - 1 && Atomics.load(ctl, TRUNCATED) === 1,
    readError: Atomics.load(ctl, ERROR) !== 0,
  };
}

/**
 * Seals full, non-final STREAM chunks on every core (see SealJob): this thread and the workers claim a batch at
 * a time, and it returns once every batch is sealed. Inputs, staging and outputs must be shared memory.
 */
export async function sealOnEveryCore(job: Omit<SealJob, 'ctl'>): Promise<void> {
  startPayloadWorkers();
  const ctl = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const full: SealJob = { ...job, ctl: ctl.buffer as SharedArrayBuffer };
  await run({ type: 'seal', job: full }, job.outputs.length, () => sealBatches(full, 1));
  if (Atomics.load(ctl, ERROR) !== 0) throw new ReviewDeskError('E_INTERNAL', { reason: 'a chunk could not be sealed' });
}

/** Below this, a stretch of plaintext is scanned as one piece; above, it is cut so that every core gets a share. */
const PIECE = BATCH_CHUNKS * CHUNK * 4;

/**
 * The pieces of a scan, largest first: each range to hash whole (a SHA-256
 * runs in order), and the stretches between and around them — cut into
 * pieces of a few MiB — so that together they cover every chunk.
 */
function segmentsOf(plainLen: number, hash: readonly [number, number][]): [number, number, number][] {
  const order = hash.map((_, i) => i).sort((a, b) => hash[a]![0] - hash[b]![0]);
  const out: [number, number, number][] = [];
  const gap = (from: number, to: number): void => {
    for (let at = from; at < to; at += PIECE) out.push([at, Math.min(to, at + PIECE), -1]);
  };
  let at = 0;
  for (const i of order) {
    const [start, length] = hash[i]!;
    if (start < at || start + length > plainLen)
      throw new ReviewDeskError('E_INTERNAL', { reason: 'overlapping or outside ranges to hash' });
    gap(at, start);
    out.push([start, start + length, i]);
    at = start + length;
  }
  gap(at, plainLen);
  // An empty payload still has its (empty) final chunk to authenticate.
  if (out.length === 0) out.push([0, 0, -1]);
  return out.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
}

const hashReplies = new Map<string, { worker: Worker; resolve(hex: string): void; reject(e: unknown): void }>();
let hashStreams = 0;

function hashReply(m: unknown): void {
  if (typeof m !== 'object' || m === null) return;
  const r = m as { id: number; seq: number; hex?: string };
  const key = `${r.id}:${r.seq}`;
  const waiter = hashReplies.get(key);
  if (!waiter) return;
  hashReplies.delete(key);
  hold(-1);
  waiter.resolve(r.hex ?? '');
}

/** The payload worker that hashes (the first of the pool), or null where none runs. */
function hashWorker(): Worker | null {
  startPayloadWorkers();
  return workers.values().next().value ?? null;
}

/**
 * SHA-256 of a stream of pieces taken on a worker thread, beside whatever this thread does meanwhile (sealing
 * the next piece): a piece whose memory is shared (a SharedArrayBuffer) is read there in place, any other is
 * copied across. Where the worker cannot start, hashed on this thread. A piece must not change until its
 * {@link update} has resolved.
 */
export class OffThreadSha256 {
  private readonly id = ++hashStreams;
  private seq = 0;
  private readonly worker = hashWorker();
  private readonly local: Hash | null = this.worker ? null : createHash('sha256');

  private ask(seq: number, message: object, transfer: ArrayBuffer[] = []): Promise<string> {
    const w = this.worker!;
    return new Promise<string>((resolve, reject) => {
      hold(1);
      hashReplies.set(`${this.id}:${seq}`, { worker: w, resolve, reject });
      w.postMessage({ id: this.id, seq, ...message }, transfer);
    });
  }

  /** Hashes `piece` next; resolves once it has been. */
  async update(piece: Uint8Array): Promise<void> {
    if (this.local) {
      this.local.update(piece);
      return;
    }
    const seq = this.seq++;
    if (piece.buffer instanceof SharedArrayBuffer) {
      await this.ask(seq, { type: 'update', buffer: piece.buffer, offset: piece.byteOffset, length: piece.byteLength });
      return;
    }
    const copy = new Uint8Array(piece);
    await this.ask(seq, { type: 'update', buffer: copy.buffer, offset: 0, length: copy.byteLength }, [copy.buffer]);
  }

  /** Drops the stream (its writer failed), so that the worker does not keep its state. */
  abandon(): void {
    if (!this.local) this.digest().catch(() => undefined);
  }

  /** The lower-case hex digest of every piece so far (after each has been hashed). */
  digest(): Promise<string> {
    if (this.local) return Promise.resolve(this.local.digest('hex'));
    return this.ask(-1, { type: 'digest' });
  }
}
