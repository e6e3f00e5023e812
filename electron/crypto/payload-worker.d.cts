// Types of payload-worker.cjs, which is plain CommonJS so that workers start without a TypeScript loader.

export declare const NEXT: 0;
export declare const FAILED: 1;
export declare const DONE: 2;
export declare const TRUNCATED: 3;
export declare const ERROR: 4;
export declare const CONTROL_SLOTS: 5;

/** One age file's payload, decrypted by several threads into one shared buffer. */
export interface DecryptJob {
  /** Open file descriptor of the age file (descriptors are shared by all threads of a process). */
  fd: number;
  key: Uint8Array;
  payloadStart: number;
  payloadLen: number;
  chunks: number;
  batchChunks: number;
  /** CONTROL_SLOTS Int32 slots; FAILED starts at `chunks`. */
  ctl: SharedArrayBuffer;
  plain: SharedArrayBuffer;
}

/** SHA-256 of ranges of one shared buffer. */
export interface HashJob {
  ctl: SharedArrayBuffer;
  data: SharedArrayBuffer;
  /** [start, length] of each range. */
  ranges: [number, number][];
  /** 32 bytes per range. */
  digests: SharedArrayBuffer;
}

export declare function decryptBatches(job: DecryptJob, block: Buffer, maxBatches?: number): number;
export declare function hashRanges(job: HashJob, maxRanges?: number): number;

export type WorkerRequest = { type: 'decrypt'; job: DecryptJob } | { type: 'hash'; job: HashJob };
