/**
 * Opens bundle files in parallel on worker threads — decrypting, verifying
 * and parsing are CPU-bound — one worker per core, or in this thread for a
 * handful of files.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Candidate } from '../../shared/merge/model.ts';
import { HeldHeads, openCandidate, type Depth, type KnownHead, type OpenKey } from './open.ts';
import { FROM_SOURCE, unpacked } from '../workers/locate.ts';

export interface PoolOptions {
  /** Worker threads; 0 opens in this thread. Default: one per core when there are 8 files or more. */
  workers?: number;
  /** Keep each score's comment in the compact bundles (for per-expert sheets). */
  keepComments?: boolean;
  onProgress?: (done: number, total: number) => void;
}

let bundled: Promise<URL> | null = null;

/**
 * The worker's script. A build ships open-worker.js beside this file. From
 * source (tests, CLI, bench) the worker's TypeScript is bundled once per
 * process with esbuild (tsx's own), packages left external at their resolved
 * URLs: a worker then starts in a third of the time it takes through the tsx
 * loader, which stays the fallback.
 */
function workerScript(): Promise<URL> {
  if (!FROM_SOURCE) return Promise.resolve(unpacked(new URL('./open-worker.js', import.meta.url)));
  bundled ??= (async () => {
    try {
      const { build } = await import('esbuild');
      const out = await build({
        entryPoints: [fileURLToPath(new URL('./open-worker.ts', import.meta.url))],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'silent',
        // CommonJS inside an ES module bundle (the payload kernel) needs a real `require`.
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        plugins: [
          {
            name: 'external-packages',
            setup(b) {
              b.onResolve({ filter: /^[^./]/ }, (a) => ({
                path: a.path.startsWith('node:')
                  ? a.path
                  : a.kind === 'require-call'
                    ? fileURLToPath(import.meta.resolve(a.path))
                    : import.meta.resolve(a.path),
                external: true,
              }));
            },
          },
        ],
      });
      const [output] = out.outputFiles;
      if (!output) throw new Error('esbuild wrote no output'); // caught below: the prebuilt worker is used
      const text = output.text;
      const file = join(tmpdir(), `reviewdesk-open-worker-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
      writeFileSync(file, text);
      return pathToFileURL(file);
    } catch {
      return new URL('./open-worker.mjs', import.meta.url);
    }
  })();
  return bundled;
}

type Pending = { resolve: (c: Candidate) => void; reject: (e: unknown) => void };
type Slot = { w: Worker; busy: number; queue: Request[] };
type Request = { file: string; depth: Depth; known: KnownHead | undefined } & Pending;

/**
 * Files a worker has in hand at once: one being read while another is being
 * checked. More only holds more decrypted megabyte bundles in memory at the
 * same time (all of them, if every file were posted at once) for no speed.
 */
const IN_FLIGHT = 2;

/** What a worker needs before it opens anything: in its workerData, or in its first message when prewarmed. */
type WorkerInit = { key: Pick<OpenKey, 'card' | 'ageIdentity'>; keepComments: boolean };

/** A larger young generation halves the scavenges of parsing megabyte bundles. */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64 };

/** Workers started by prewarmBundleWorkers, loading their code until a pool takes them. */
const spare: Worker[] = [];

/**
 * Starts `count` bundle-opening workers before the key exists, so that they load their code (longer than
 * opening a bundle takes) while the caller unseals its identity and reads the ledger; the next
 * BundlePool.start takes them and sends each the key. Unreferenced until then: a process that never
 * merges exits as if they were not there.
 */
export function prewarmBundleWorkers(count: number): void {
  void workerScript().then((script) => {
    while (spare.length < count) {
      const w = new Worker(script, { resourceLimits: RESOURCE_LIMITS });
      w.unref();
      // A spare that fails to start is dropped; the pool then starts one of its own.
      w.once('error', () => spare.includes(w) && spare.splice(spare.indexOf(w), 1));
      spare.push(w);
    }
  });
}

/** A set of worker threads opening files on request. Close it when done. */
export class BundlePool {
  private readonly workers: Slot[] = [];
  private readonly waiting = new Map<number, Pending>();
  private readonly queue: Request[] = [];
  /** Which worker read each file's head (and holds it for the full open); without workers, the heads this thread holds. */
  private readonly headAt = new Map<string, Slot>();
  private readonly held = new HeldHeads();
  /** A worker's failure: it fails every open in hand or to come (the merge is refused, not half-done). */
  private failed: unknown = null;
  private nextId = 0;

  private constructor(
    private readonly key: OpenKey,
    private readonly keepComments: boolean,
  ) {}

  /** Starts `count` workers (0: open in this thread). */
  static async start(key: OpenKey, count: number, keepComments = false): Promise<BundlePool> {
    const pool = new BundlePool(key, keepComments);
    if (count > 0) {
      const script = await workerScript();
      for (let i = 0; i < count; i++) pool.spawn(script);
    }
    return pool;
  }

  private spawn(script: URL): void {
    const init: WorkerInit = { key: { card: this.key.card, ageIdentity: this.key.ageIdentity }, keepComments: this.keepComments };
    const warm = spare.shift();
    const w = warm ?? new Worker(script, { workerData: init, resourceLimits: RESOURCE_LIMITS });
    if (warm) {
      warm.ref();
      warm.removeAllListeners('error');
      warm.postMessage({ init });
    }
    // Requests wait in this thread's queue until the worker is ready and has room (IN_FLIGHT).
    const slot: Slot = { w, busy: IN_FLIGHT, queue: [] };
    w.on('message', (m: { ready: true } | { id: number; candidate: Candidate }) => {
      if ('ready' in m) slot.busy = 0;
      else {
        slot.busy--;
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        p?.resolve(m.candidate);
      }
      this.pump();
    });
    w.on('error', (e) => {
      this.failed ??= e;
      for (const p of [...this.waiting.values(), ...this.queue.splice(0), ...this.workers.flatMap((s) => s.queue.splice(0))]) p.reject(e);
      this.waiting.clear();
    });
    this.workers.push(slot);
  }

  /** Opens one file on the next worker with room (or here, without workers). */
  open(file: string, depth: Depth, known?: KnownHead): Promise<Candidate> {
    if (!this.workers.length) return openCandidate(file, this.key, depth, this.keepComments, known, this.held);
    if (this.failed !== null) return Promise.reject(this.failed);
    // A full open goes to the worker that read the file's head: it starts from what it kept.
    const at = depth === 'full' && known ? this.headAt.get(file) : undefined;
    return new Promise<Candidate>((resolve, reject) => {
      (at ? at.queue : this.queue).push({ file, depth, known, resolve, reject });
      this.pump();
    });
  }

  /**
   * Lets go of the heads kept for files that will not be opened fully (superseded, duplicates), so that
   * only those still to be opened stay in the workers' memory.
   */
  release(files: readonly string[]): void {
    if (!this.workers.length) {
      for (const f of files) this.held.take(f);
      return;
    }
    const bySlot = new Map<Slot, string[]>();
    for (const f of files) {
      const at = this.headAt.get(f);
      if (!at) continue;
      this.headAt.delete(f);
      const list = bySlot.get(at) ?? [];
      list.push(f);
      bySlot.set(at, list);
    }
    for (const [slot, list] of bySlot) slot.w.postMessage({ release: list });
  }

  /** Hands queued requests, in order, to workers with room: first those meant for that worker, then any. */
  private pump(): void {
    for (const slot of this.workers) {
      while (slot.busy < IN_FLIGHT && (slot.queue.length || this.queue.length)) {
        const { file, depth, known, resolve, reject } = (slot.queue.length ? slot.queue : this.queue).shift()!;
        if (depth === 'head') this.headAt.set(file, slot);
        const id = this.nextId++;
        slot.busy++;
        this.waiting.set(id, { resolve, reject });
        slot.w.postMessage({ id, file, depth, known });
      }
    }
  }

  /** Opens many files; results in input order. */
  async openAll(files: readonly string[], depth: Depth, onProgress?: (done: number, total: number) => void): Promise<Candidate[]> {
    let done = 0;
    return Promise.all(
      files.map((f) =>
        this.open(f, depth).then((c) => {
          onProgress?.(++done, files.length);
          return c;
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

/** The worker count for a number of files. */
export function defaultWorkers(files: number, requested?: number): number {
  return Math.min(requested ?? (files >= 8 ? availableParallelism() : 0), files);
}
