/**
 * Reads a call's request body (a frame: shared/ipc/wire.ts) as it streams in,
 * under the channel's limit. Nothing past the limit is read: a declared
 * Content-Length over it is refused before a byte is read, streamed bytes as
 * soon as they pass it. On the channels that carry files each byte array goes
 * to a file in the workspace (mode 0600) as it arrives, so a package of
 * gigabytes costs a few chunks of memory, not its size.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { ReviewDeskError, isDiskFullError } from '../../shared/errors.ts';
import { diskFull } from '../faults/checkpoint.ts';
import { StagedFile, bodyLimit, decodeFrameJson, type BodyLimit } from '../../shared/ipc/wire.ts';

/** What the host has read of request bodies: the tests' evidence that a refused body was not held. */
export interface BodyStats {
  /** Body bytes read off the sockets, over all calls. */
  received: number;
  /** The most body bytes held in memory at once by one call (since the last reset to 0). */
  peakBuffered: number;
  /** Bytes written to staged files, over all calls. */
  staged: number;
  /** Bytes read and dropped (never held) after a refusal, while its answer goes out. */
  discarded: number;
}

/** A refusal of the body itself: the host answers it and drops the connection instead of reading on. */
export class BodyRefused extends ReviewDeskError {}

export interface ReadBody {
  input: unknown;
  /** Every staged file made for this call (removed by the caller once the call is answered). */
  files: string[];
}

/** The part of a frame being filled: its JSON or a byte array in memory (`mem`), or a byte array in a file (`fh` at `path`). */
type Part = { size: number; have: number } & ({ mem: Buffer; fh: null } | { mem: null; fh: FileHandle; path: string });

const malformed = (reason: string): ReviewDeskError => new ReviewDeskError('E_INVALID_INPUT', { reason: `malformed request (${reason})` });

export async function readCallBody(req: IncomingMessage, channel: string, opts: { stageDir: string; stats: BodyStats }): Promise<ReadBody> {
  const limit: BodyLimit = bodyLimit(channel);
  const tooLarge = (size: number): BodyRefused => new BodyRefused('E_REQUEST_TOO_LARGE', { size, channel, limit: limit.total });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit.total) throw tooLarge(declared);

  const files: string[] = [];
  const blobs: (Uint8Array | StagedFile)[] = [];
  let json: Buffer | null = null;
  let buffered = 0;
  let received = 0;
  /** Bytes of the body consumed by the parser so far: where the next part starts. */
  let pos = 0;
  /** The 4-byte length being read, and how many of its bytes are in. */
  const lenBuf = Buffer.alloc(4);
  let lenHave = 0;
  let part = null as Part | null;

  const hold = (n: number): Buffer => {
    buffered += n;
    opts.stats.peakBuffered = Math.max(opts.stats.peakBuffered, buffered);
    return Buffer.allocUnsafe(n);
  };
  const startPart = async (size: number): Promise<void> => {
    // A part longer than what the body says is left of it: garbage, not a large request.
    if (Number.isFinite(declared) && pos + size > declared) throw malformed('frame cut short');
    if (json === null) {
      if (size > limit.json) throw tooLarge(size);
      part = { size, have: 0, mem: hold(size), fh: null };
    } else if (limit.staged) {
      if (limit.file !== undefined && size > limit.file) throw new BodyRefused('E_FILE_TOO_LARGE', { size, limit: limit.file });
      await mkdir(opts.stageDir, { recursive: true, mode: 0o700 });
      const path = join(opts.stageDir, `${randomBytes(12).toString('hex')}.partial`);
      files.push(path);
      part = { size, have: 0, mem: null, fh: await open(path, 'wx', 0o600), path };
    } else {
      if (buffered + size > limit.total) throw tooLarge(received + size);
      part = { size, have: 0, mem: hold(size), fh: null };
    }
    if (size === 0) await endPart(part);
  };
  const endPart = async (p: Part): Promise<void> => {
    part = null;
    if (p.fh) {
      // Flushed before the handler moves it into the workspace, as a file written there would be.
      await p.fh.sync();
      await p.fh.close();
      blobs.push(new StagedFile(p.path, p.size));
    } else if (json === null) json = p.mem;
    else blobs.push(p.mem);
  };

  try {
    // Not destroyed on a refusal: the host still answers on this connection, then drops it.
    for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      received += chunk.length;
      opts.stats.received += chunk.length;
      if (received > limit.total) throw tooLarge(received);
      let at = 0;
      while (at < chunk.length) {
        if (!part) {
          const n = Math.min(4 - lenHave, chunk.length - at);
          chunk.copy(lenBuf, lenHave, at, at + n);
          lenHave += n;
          at += n;
          pos += n;
          if (lenHave === 4) {
            lenHave = 0;
            await startPart(lenBuf.readUInt32BE(0));
          }
          continue;
        }
        const p = part;
        const n = Math.min(p.size - p.have, chunk.length - at);
        const piece = chunk.subarray(at, at + n);
        if (p.mem) piece.copy(p.mem, p.have);
        else {
          await p.fh.write(piece);
          opts.stats.staged += n;
        }
        p.have += n;
        at += n;
        pos += n;
        if (p.have === p.size) await endPart(p);
      }
    }
    if (part || lenHave || json === null) throw malformed('frame cut short');
    let input: unknown;
    try {
      input = decodeFrameJson(json, blobs);
    } catch (e) {
      throw malformed(e instanceof Error ? e.message : String(e));
    }
    return { input, files };
  } catch (e) {
    await part?.fh?.close().catch(() => undefined);
    await removeFiles(files);
    if (isDiskFullError(e)) throw diskFull(e, 'receive');
    throw e;
  }
}

/** Removes a call's staged files (those its handler did not move away). */
export async function removeFiles(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}
