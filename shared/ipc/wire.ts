/**
 * Wire forms for the browser host (Electron's IPC clones Uint8Array natively).
 *
 * - API calls and their answers travel as a binary frame, so a package or a
 *   dossier file crosses loopback HTTP as raw bytes, not as base64 text: a
 *   4-byte big-endian length, that many bytes of UTF-8 JSON
 *   in which every byte array is `{"$blob": index}`, then each byte
 *   array as a 4-byte length and its bytes.
 * - Pushed events (small, no bytes of note) travel as JSON text over SSE, byte
 *   arrays as `{"$bytes": "<base64>"}`.
 */
import { base64 } from '@scure/base';

/** The media type of a frame. */
export const FRAME_TYPE = 'application/x-reviewdesk-frame';

export function toWire(value: unknown): string {
  return JSON.stringify(
    value,
    bytesAs((b) => ({ $bytes: base64.encode(b) })),
  );
}

/**
 * A JSON.stringify replacer that writes byte arrays as `as` says. It looks at
 * the holder's own value, because a Node Buffer's toJSON has already turned
 * `v` into `{type: 'Buffer', data: […]}` by the time the replacer sees it.
 */
function bytesAs(as: (bytes: Uint8Array) => unknown): (this: unknown, key: string, v: unknown) => unknown {
  return function (this: unknown, key: string, v: unknown): unknown {
    const raw = (this as Record<string, unknown>)[key];
    return raw instanceof Uint8Array ? as(raw) : v;
  };
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => {
    const o = soleKey(v, '$bytes');
    return o && typeof o.$bytes === 'string' ? base64.decode(o.$bytes) : v;
  });
}

/** `v` when it is a plain object whose only key is `key`. */
function soleKey(v: unknown, key: string): Record<string, unknown> | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === key ? (v as Record<string, unknown>) : null;
}

/** A value as a frame, in parts (to send without joining them). */
export function encodeFrame(value: unknown): Uint8Array[] {
  const blobs: Uint8Array[] = [];
  const json = new TextEncoder().encode(
    JSON.stringify(
      value,
      bytesAs((b) => ({ $blob: blobs.push(b) - 1 })),
    ) ?? 'null',
  );
  const parts: Uint8Array[] = [u32(json.length), json];
  for (const b of blobs) parts.push(u32(b.length), b);
  return parts;
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

/** Reads a frame; its byte arrays are views into `frame` (no copies). Throws on anything malformed. */
export function decodeFrame(frame: Uint8Array): unknown {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const take = (at: number): [start: number, end: number] => {
    if (at + 4 > frame.length) throw new Error('frame cut short');
    const end = at + 4 + view.getUint32(at);
    if (end > frame.length) throw new Error('frame cut short');
    return [at + 4, end];
  };
  const [jsonStart, jsonEnd] = take(0);
  const blobs: Uint8Array[] = [];
  for (let at = jsonEnd; at < frame.length;) {
    const [start, end] = take(at);
    blobs.push(frame.subarray(start, end));
    at = end;
  }
  return decodeFrameJson(frame.subarray(jsonStart, jsonEnd), blobs);
}

/**
 * A frame's JSON part with each `{"$blob": i}` replaced by `blobs[i]`, which
 * need not be bytes: the browser host streams large ones to files and passes
 * what stands for each. Every blob must be referred to exactly once.
 */
export function decodeFrameJson(json: Uint8Array, blobs: readonly unknown[]): unknown {
  const used = new Set<number>();
  const text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  const value = JSON.parse(text, (_k, v: unknown) => {
    const ref = soleKey(v, '$blob');
    if (!ref) return v;
    const i = ref.$blob;
    if (typeof i !== 'number' || !(i in blobs) || used.has(i)) throw new Error('frame refers to a missing or reused byte array');
    used.add(i);
    return blobs[i];
  }) as unknown;
  if (used.size !== blobs.length) throw new Error('frame carries a byte array nothing refers to');
  return value;
}

/**
 * How large a call's request body may be over the browser host, per channel.
 * Ordinary calls carry a few texts; only the channels that carry files get
 * more, and there each byte array is streamed to a file in the workspace
 * rather than held in memory (`staged`). Both sides read this: the renderer
 * refuses before sending, the host as soon as the declared length or the
 * bytes received pass it.
 */
export interface BodyLimit {
  /** The whole body, in bytes. */
  total: number;
  /** The frame's JSON part (always held in memory). */
  json: number;
  /** With `staged`: each byte array at most this many bytes (E_FILE_TOO_LARGE past it). */
  file?: number;
  /** Byte arrays go to files, not memory. */
  staged?: boolean;
}

/** An ordinary call: the longest texts the contract allows (20,000 characters) with room for JSON escapes. */
const ORDINARY: BodyLimit = { total: 512 << 10, json: 512 << 10 };

const GiB = 1024 ** 3;
const BODY_LIMITS: Readonly<Record<string, BodyLimit>> = {
  // electron/packages/limits.ts MAX_PACKAGE_FILE: the largest .rpkg opened at all.
  'package:import': { total: 4 * GiB + (64 << 10), json: 64 << 10, file: 4 * GiB, staged: true },
  // electron/bundles/limits.ts MAX_BUNDLE_FILE per file; up to 2,000 files a call, their names in the JSON part.
  'merge:import': { total: 8 * GiB, json: 1 << 20, file: GiB, staged: true },
  // A round's dossier files, streamed to files (as merge:import); the list itself is in the JSON part's byte arrays.
  'round:importApplications': { total: 16 * GiB, json: 16 << 20, file: 2 * GiB, staged: true },
  // A roster (8 MiB at most, electron/rounds/import-list.ts) and up to 2,000 cards of a few KiB each.
  'round:importExperts': { total: 24 << 20, json: 24 << 20 },
  // A ledger and its signature, read in memory (electron/merge/ledger.ts caps the ledger at 64 MiB).
  'merge:setLedger': { total: 65 << 20, json: 64 << 10 },
  // A rubric file to import: electron/rubrics/xlsx.ts MAX_RUBRIC_XLSX_BYTES (4 MiB) for a workbook, 2 MiB for rubric.json.
  'rubric:import': { total: (4 << 20) + (64 << 10), json: 64 << 10 },
  // A rubric as JSON (electron/packages/limits.ts MAX_RUBRIC_BYTES, 2 MiB) with room for escapes.
  'rubric:validate': { total: 3 << 20, json: 3 << 20 },
  'rubric:export': { total: 3 << 20, json: 3 << 20 },
  // Site-visit photos, streamed to files: shared/visit/model.ts VISIT_LIMITS.maxPhotoBytes each, up to 50 a call.
  'visit:addPhotos': { total: 50 * (40 << 20) + (64 << 10), json: 64 << 10, file: 40 << 20, staged: true },
};

export function bodyLimit(channel: string): BodyLimit {
  return Object.hasOwn(BODY_LIMITS, channel) ? BODY_LIMITS[channel]! : ORDINARY;
}

/**
 * A byte array of a call that the browser host streamed to a file (mode 0600,
 * inside the workspace) instead of holding it: the handler reads it from
 * `path`, and the host removes the file after the call. Only the host creates
 * one: a decoded frame or an IPC message is plain data and can never be an
 * instance of this class, so the renderer cannot name a path.
 */
export class StagedFile {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {}
}
