// Types of payload-worker.cjs, which is plain CommonJS so that workers start without a TypeScript loader.

export declare const NEXT: 0;
export declare const FAILED: 1;
export declare const DONE: 2;
export declare const TRUNCATED: 3;
export declare const ERROR: 4;
export declare const PROGRESS: 5;
export declare const CONTROL_SLOTS: 6;
export declare const CHUNK: number;
export declare const ENC_CHUNK: number;

/**
 * One age file's payload scanned by several threads: every chunk decrypted
 * (and so authenticated) into scratch space, segment by segment, with the
 * SHA-256 of the segments that ask for one.
 */
export interface ScanJob {
  /** Open file descriptor of the age file (descriptors are shared by all threads of a process). */
  fd: number;
  key: Uint8Array;
  payloadStart: number;
  payloadLen: number;
  chunks: number;
  batchChunks: number;
  /** CONTROL_SLOTS Int32 slots; FAILED starts at `chunks`. */
  ctl: SharedArrayBuffer;
  /** [plaintext start, end, digest slot or -1]; together they cover every chunk. */
  segments: [number, number, number][];
  /** 32 bytes per digest slot. */
  digests: SharedArrayBuffer;
  /**
   * Where the plaintext goes when it is kept (a file read whole): `plainLen` bytes, written at each chunk's
   * place; only meaningful once every piece is done and none failed.
   */
  out?: SharedArrayBuffer;
}

export declare function scanSegments(job: ScanJob, block: Buffer, scratch: Buffer, maxSegments?: number): number;

/**
 * Full, non-final STREAM chunks sealed by several threads, a batch of `batchChunks` at a time: chunk j comes
 * from `staging` (j < staged) or from `input` at `inputOffset` (after), and goes to `outputs[j / batchChunks]`.
 */
export interface SealJob {
  key: Uint8Array;
  counterStart: number;
  batchChunks: number;
  staging: SharedArrayBuffer;
  staged: number;
  input: SharedArrayBuffer;
  inputOffset: number;
  /** One buffer of batchChunks sealed chunks per batch. */
  outputs: SharedArrayBuffer[];
  /** CONTROL_SLOTS Int32 slots. */
  ctl: SharedArrayBuffer;
}

export declare function sealBatches(job: SealJob, maxBatches?: number): number;

export type WorkerRequest = { type: 'scan'; job: ScanJob } | { type: 'seal'; job: SealJob };
