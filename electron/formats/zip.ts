/**
 * ZIP containers for packages and bundles. Reading is defensive: yauzl parses
 * the central directory; every entry's name, type and sizes are checked before
 * any byte is read, and nothing is inflated until a caller asks for one entry
 * under a cap of its own (stored entries are zero-copy views where they can
 * be, deflated ones inflate into a buffer of their size and stop there).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PassThrough, Readable, Writable, pipeline as pipelineCb } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createRequire } from 'node:module';
import { ReviewDeskError } from '../../shared/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxFileSize: number;
  maxTotalSize: number;
  /** Highest uncompressed/compressed ratio for entries over 64 KiB. */
  maxRatio: number;
  /**
   * Skip the CRC-32 of stored entries. Only for containers whose caller checks
   * every entry's SHA-256 against a signed manifest (packages), where the CRC
   * would re-read hundreds of megabytes for no added assurance.
   */
  skipStoredCrc?: boolean;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/** Why a ZIP entry name is unsafe, or null when it is fine. */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0 || name.length > 512) return 'length';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute';
  if (name.includes('\\')) return 'backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character';
  if (name.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return 'relative segment';
  return null;
}

/** Case-folded, NFC-normalised key for duplicate detection. */
function foldKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function fail(e: unknown): ReviewDeskError {
  if (e instanceof ReviewDeskError) return e;
  return new ReviewDeskError('E_ZIP_CORRUPT', { reason: e instanceof Error ? e.message : String(e) }, { cause: e });
}

/**
 * How many bytes a reader has inflated: a counter each open can be handed, so
 * a test can assert that a file was refused after a bounded amount of work
 * without measuring memory.
 */
export interface ZipStats {
  inflated: number;
}

/** Everything inflated by this process so far (every reader adds to it): for a child process to report. */
export const processZipStats: ZipStats = { inflated: 0 };

function countInflated(stats: ZipStats, n: number): void {
  stats.inflated += n;
  if (stats !== processZipStats) processZipStats.inflated += n;
}

/** One checked entry of a ZIP directory; nothing of its content has been read. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** The size the directory declares (checked against the content when it is read). */
  size: number;
  crc32: number;
  /** Where the entry's local header starts, and where its data starts, in the archive. */
  headerStart: number;
  dataStart: number;
}

/** A ZIP's checked directory, whose entries are read one by one, each under a cap. */
export interface ZipDirectory {
  size: number;
  entries: Map<string, ZipEntry>;
  stats: ZipStats;
  limits: ZipLimits;
  read: (position: number, length: number) => Promise<Buffer>;
}

/**
 * Reads and checks a ZIP's directory through random-access reads, inflating
 * nothing: entry names (unsafe, duplicate), types (directories, symlinks),
 * encryption, compression method, the declared sizes against the limits and
 * the ratio, every entry's data inside the archive, and no two entries
 * sharing bytes (overlapping entries are how the worst ZIP bombs multiply one
 * deflate stream). A directory whose entry count or offsets point outside the
 * archive is E_ZIP_CORRUPT.
 */
export async function readZipDirectory(
  size: number,
  readAt: (position: number, length: number) => Buffer | Promise<Buffer>,
  limits: ZipLimits,
  stats: ZipStats = { inflated: 0 },
): Promise<ZipDirectory> {
  const read = async (position: number, length: number): Promise<Buffer> => {
    if (!Number.isSafeInteger(position) || !Number.isSafeInteger(length) || position < 0 || length < 0 || position + length > size) {
      throw new ReviewDeskError('E_ZIP_CORRUPT', {
        reason: `the directory points outside the archive (${position}+${length} of ${size} bytes): its entry count or an offset is wrong`,
      });
    }
    return readAt(position, length);
  };
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new CallbackReader(read), size, {
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (e) {
    throw fail(e);
  }
  try {
    return { size, entries: await checkEntries(zip, size, limits), stats, limits, read };
  } catch (e) {
    throw fail(e);
  } finally {
    zip.close();
  }
}

/** yauzl's reader over a read function; entries are never streamed through yauzl. */
class CallbackReader extends yauzl.RandomAccessReader {
  constructor(private readonly readAt: (position: number, length: number) => Promise<Buffer>) {
    super();
  }
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    this.readAt(position, length).then(
      (b) => {
        b.copy(buffer, offset);
        (callback as (err: Error | null, bytesRead: number) => void)(null, b.length);
      },
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
    );
  }
  override _readStreamForRange(): never {
    throw new Error('entries are read through read()');
  }
}

async function checkEntries(zip: yauzl.ZipFile, size: number, limits: ZipLimits): Promise<Map<string, ZipEntry>> {
  if (zip.entryCount > limits.maxEntries) {
    throw new ReviewDeskError('E_ZIP_LIMIT', { what: 'entries', value: zip.entryCount, limit: limits.maxEntries });
  }
  const found: { name: string; entry: yauzl.Entry }[] = [];
  const seen = new Set<string>();
  let total = 0;
  for await (const entry of zipEntries(zip)) {
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(entry.fileName as unknown as Buffer);
    } catch {
      // Shown with U+FFFD where the bytes are not UTF-8 (latin1 would turn them into C1 control characters).
      throw new ReviewDeskError('E_ZIP_PATH', { path: new TextDecoder('utf-8').decode(entry.fileName as unknown as Buffer) });
    }
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (name.endsWith('/') || type === S_IFDIR) throw new ReviewDeskError('E_ZIP_DIRECTORY', { path: name });
    if (type === S_IFLNK) throw new ReviewDeskError('E_ZIP_SYMLINK', { path: name });
    if (unsafeEntryName(name)) throw new ReviewDeskError('E_ZIP_PATH', { path: name });
    const key = foldKey(name);
    if (seen.has(key)) throw new ReviewDeskError('E_ZIP_DUPLICATE', { path: name });
    seen.add(key);
    if (entry.isEncrypted()) throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name} is encrypted` });
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name} uses compression method ${entry.compressionMethod}` });
    }
    if (entry.uncompressedSize > limits.maxFileSize) {
      throw new ReviewDeskError('E_ZIP_LIMIT', { what: `size of ${name}`, value: entry.uncompressedSize, limit: limits.maxFileSize });
    }
    if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: stored sizes disagree` });
    }
    if (entry.uncompressedSize > 65536 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw new ReviewDeskError('E_ZIP_RATIO', {
        path: name,
        ratio: Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize)),
      });
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalSize) {
      throw new ReviewDeskError('E_ZIP_LIMIT', { what: 'total size', value: total, limit: limits.maxTotalSize });
    }
    found.push({ name, entry });
  }
  const entries = new Map<string, ZipEntry>();
  for (const { name, entry } of found) {
    const { fileDataStart } = await localHeader(zip, entry);
    if (fileDataStart + entry.compressedSize > size)
      throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: data runs past the end` });
    entries.set(name, {
      name,
      method: entry.compressionMethod as 0 | 8,
      compressedSize: entry.compressedSize,
      size: entry.uncompressedSize,
      crc32: entry.crc32,
      headerStart: entry.relativeOffsetOfLocalHeader,
      dataStart: fileDataStart,
    });
  }
  // Each entry's header and data must lie apart from every other's: shared bytes would make one file's content
  // another's, and many entries over one deflate stream are the overlapping ZIP bomb.
  const placed = [...entries.values()].sort((a, b) => a.headerStart - b.headerStart);
  for (let i = 1; i < placed.length; i++) {
    const prev = placed[i - 1]!;
    if (prev.dataStart + prev.compressedSize > placed[i]!.headerStart) {
      throw new ReviewDeskError('E_ZIP_OVERLAP', { first: prev.name, second: placed[i]!.name });
    }
  }
  return entries;
}

/**
 * Reads every entry of an in-memory ZIP into a map (name → bytes), with the
 * checks of {@link readZipDirectory}. The returned buffers may be views of
 * `data`. For tests and trusted containers: packages and bundles read their
 * signed document first ({@link entryBytes}) and only then what it lists.
 */
export async function readZip(data: Buffer, limits: ZipLimits, stats?: ZipStats): Promise<Map<string, Buffer>> {
  const dir = await readZipDirectory(data.length, (start, length) => data.subarray(start, start + length), limits, stats);
  const out = new Map<string, Buffer>();
  for (const name of dir.entries.keys()) out.set(name, await entryBytes(dir, name, limits.maxFileSize));
  return out;
}

/** The most a deflate stream of `size` bytes can take (stored blocks: 5 bytes per 16 KiB and then some), with room. */
function deflateBound(size: number): number {
  return size + (size >>> 10) + 1024;
}

/**
 * One entry's content, refused before anything is read when the directory
 * declares more than `limit` bytes (E_ZIP_LIMIT), and refused at the first
 * byte past its declared size when it inflates to more (E_ZIP_ENTRY_SIZE):
 * zlib writes into one buffer of that size plus one byte, so it stops there.
 * The returned buffer may be a view of the archive's bytes.
 *
 * `again`: this entry was already read from this same directory (so from the same bytes in memory) and its
 * CRC-32 checked then, along with a digest of its content that a signature covers; inflating the same
 * bytes gives the same content, so the CRC is not computed twice (the merge's full open after its head read).
 */
export async function entryBytes(dir: ZipDirectory, name: string, limit: number, opts: { again?: boolean } = {}): Promise<Buffer> {
  const e = dir.entries.get(name);
  if (!e) throw new ReviewDeskError('E_FILE_MISSING', { path: name });
  if (e.size > limit) throw new ReviewDeskError('E_ZIP_LIMIT', { what: name, value: e.size, limit });
  if (e.method === 8 && e.compressedSize > deflateBound(e.size)) {
    // Not a deflate of that many bytes: reading it would only hold bytes that cannot be used.
    throw new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size: e.size });
  }
  const raw = await dir.read(e.dataStart, e.compressedSize);
  let content: Buffer;
  if (e.method === 0) content = raw;
  else content = inflateCapped(raw, e.size, dir.stats, name);
  if (!opts.again && !(dir.limits.skipStoredCrc && e.method === 0) && crc32(content) !== e.crc32)
    throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: CRC mismatch` });
  return content;
}

/**
 * The largest output buffer zlib fills in one go: larger entries (only ever
 * ones a signature vouches for) inflate in pieces of this size. It is above
 * every cap on a document inflated before its signature is checked.
 */
const INFLATE_PIECE = 256 << 20;

/** Inflates `raw`, which must come to exactly `size` bytes, producing at most `size` + 1 (or + one piece, past 256 MiB). */
export function inflateCapped(raw: Buffer, size: number, stats: ZipStats, name: string): Buffer {
  // One output chunk of the declared size spares zlib gathering and concatenating 16 KiB pieces (half the time
  // on megabyte entries); its one spare byte is how an entry that inflates past its size is caught, with zlib
  // stopped there.
  const chunkSize = Math.max(64, Math.min(size + 1, INFLATE_PIECE));
  let content: Buffer;
  try {
    content = inflateRawSync(raw, { maxOutputLength: Math.max(1, size), chunkSize });
  } catch (e) {
    countInflated(stats, size + (chunkSize > size ? 1 : chunkSize));
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size });
    throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: ${e instanceof Error ? e.message : String(e)}` });
  }
  countInflated(stats, content.length);
  if (content.length !== size) throw new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size });
  return content;
}

/** Compressed input is read in pieces this large when an entry is streamed. */
const STREAM_READ = 1 << 20;

/**
 * Streams one entry through inflate (or, stored, through reads) without
 * holding it, refusing at the first byte past `size` (E_ZIP_ENTRY_SIZE),
 * and returns its digest (hex; SHA-256 unless `algorithm` says otherwise); the CRC-32 is checked on the way.
 */
export async function entryDigest(
  dir: ZipDirectory,
  name: string,
  size: number,
  algorithm: 'sha256' | 'sha512' = 'sha256',
): Promise<string> {
  const e = dir.entries.get(name);
  if (!e) throw new ReviewDeskError('E_FILE_MISSING', { path: name });
  if (e.size !== size) throw new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size });
  if (e.method === 8 && e.compressedSize > deflateBound(e.size)) throw new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size });
  const hash = createHash(algorithm);
  let crc = 0;
  let n = 0;
  async function* compressed(): AsyncGenerator<Buffer> {
    for (let pos = 0; pos < e!.compressedSize; pos += STREAM_READ) {
      yield await dir.read(e!.dataStart + pos, Math.min(STREAM_READ, e!.compressedSize - pos));
    }
  }
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      n += chunk.length;
      if (e.method === 8) countInflated(dir.stats, chunk.length);
      if (n > size) return done(new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size }));
      hash.update(chunk);
      crc = crc32(chunk, crc);
      done();
    },
  });
  try {
    if (e.method === 0) await pipeline(compressed(), sink);
    else await pipeline(compressed(), createInflateRaw({ chunkSize: 256 << 10 }), sink);
  } catch (err) {
    if (err instanceof ReviewDeskError) throw err;
    throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: ${err instanceof Error ? err.message : String(err)}` });
  }
  if (n !== size) throw new ReviewDeskError('E_ZIP_ENTRY_SIZE', { path: name, size });
  if (!(dir.limits.skipStoredCrc && e.method === 0) && crc >>> 0 !== e.crc32 >>> 0)
    throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: CRC mismatch` });
  return hash.digest('hex');
}

async function* zipEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  const queue: yauzl.Entry[] = [];
  let done = false;
  let error: unknown = null;
  let wake: (() => void) | null = null;
  zip.on('entry', (e: yauzl.Entry) => {
    queue.push(e);
    wake?.();
  });
  zip.on('end', () => {
    done = true;
    wake?.();
  });
  zip.on('error', (e: unknown) => {
    error = e;
    wake?.();
  });
  for (;;) {
    zip.readEntry();
    while (queue.length === 0 && !done && error === null) await new Promise<void>((r) => (wake = r));
    wake = null;
    if (error !== null) throw error;
    const next = queue.shift();
    if (!next) return;
    yield next;
  }
}

function localHeader(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<{ fileDataStart: number }> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (err, h) => (err ? reject(err) : resolve(h as { fileDataStart: number })));
  });
}

/**
 * One file to put into a ZIP: bytes in memory, a path on disk, or bytes fetched only when the ZIP reaches the
 * entry (`stream`, with the size it will have), so that only one such entry is in memory at a time.
 */
export type ZipInput = { name: string; compress: boolean } & (
  { data: Buffer } | { path: string; size?: number } | { size: number; stream: () => Buffer | Promise<Buffer> }
);

/**
 * A file on disk (with its size known) is read in pieces of this many bytes rather than a read stream's 64 KiB:
 * large enough for the encryption to share each piece's sealing with the payload workers.
 */
const FILE_READ = 4 << 20;

/**
 * Read buffers for the files a ZIP reads from disk, lent out and given back: read megabytes at a time into new
 * buffers, gigabytes of dossiers allocate their size again, and the garbage collections that so much outside
 * memory sets off cost more than the checksum. A buffer is lent again only once {@link ReadBuffers.release} has
 * been told of a piece read into it, which the ZIP's consumer does when it has finished with that piece (the
 * encryption, which copies what it keeps); a piece never released is simply left to the garbage collector.
 */
export class ReadBuffers {
  private readonly spare: Buffer[] = [];
  private readonly lent = new WeakMap<ArrayBufferLike, Buffer>();
  take(): Buffer {
    // Shared memory, so that the payload workers seal from it where it is.
    const b = this.spare.pop() ?? Buffer.from(new SharedArrayBuffer(FILE_READ));
    this.lent.set(b.buffer, b);
    return b;
  }
  /** Gives back the buffer `piece` was read into (once; anything else is ignored). */
  release(piece: Uint8Array): void {
    const b = this.lent.get(piece.buffer);
    if (!b) return;
    this.lent.delete(piece.buffer);
    if (this.spare.length < 8) this.spare.push(b);
  }
}

/** A file read into buffers lent by `buffers`, a piece per read. */
function fileStream(path: string, buffers: ReadBuffers): Readable {
  let fh: FileHandle | null = null;
  let at = 0;
  // Room for one read ahead of the one being consumed.
  return new Readable({
    highWaterMark: 2 * FILE_READ,
    read() {
      void (async () => {
        fh ??= await open(path, 'r');
        const b = buffers.take();
        const { bytesRead } = await fh.read(b, 0, b.length, at);
        at += bytesRead;
        if (bytesRead === 0) {
          buffers.release(b);
          this.push(null);
        } else this.push(bytesRead === b.length ? b : b.subarray(0, bytesRead));
      })().catch((e: unknown) => this.destroy(e as Error));
    },
    destroy(err, cb) {
      const f = fh;
      fh = null;
      void (f ? f.close() : Promise.resolve()).then(
        () => cb(err),
        () => cb(err),
      );
    },
  });
}

/** A fixed timestamp keeps archives reproducible. */
const MTIME = new Date('2026-01-01T00:00:00Z');

/** Streams a ZIP of the given files (regular files, mode 0644). */
/**
 * yazl takes each entry's CRC-32 from buffer-crc32, a byte-at-a-time loop in JavaScript (about 0.3 GB/s here):
 * packing gigabytes of dossiers spent most of its time in it. Node's zlib.crc32 is native and gives the same
 * values (the same polynomial, continued from the previous value); yazl looks `unsigned` up on that module at
 * each call, so it is replaced there, once. yazl is loaded from node_modules in every build (never bundled), so
 * this is the copy it uses. Where it cannot be found, yazl keeps its own (slower, same result).
 */
function useNativeCrc32(): void {
  try {
    const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
    const mod = fromYazl('buffer-crc32') as { unsigned: (buf: Buffer, previous?: number) => number };
    mod.unsigned = (buf, previous) => crc32(buf, previous ?? 0);
  } catch {
    // Keep yazl's own.
  }
}
useNativeCrc32();

export function writeZip(files: ZipInput[], buffers?: ReadBuffers): AsyncIterable<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) {
    const opts = { compress: f.compress, mtime: MTIME, mode: 0o100644 };
    if ('data' in f) zip.addBuffer(f.data, f.name, opts);
    else if ('path' in f && f.size === undefined) zip.addFile(f.path, f.name, opts);
    else if ('path' in f) {
      // Read megabytes at a time: a small share of the pieces to checksum, pass on and encrypt. A file whose size
      // is no longer the one given ends the output with yazl's error.
      const path = f.path;
      zip.addReadStreamLazy(f.name, { ...opts, size: f.size }, (cb) =>
        cb(null, buffers ? fileStream(path, buffers) : createReadStream(path, { highWaterMark: FILE_READ })),
      );
    } else {
      const fetch = f.stream;
      zip.addReadStreamLazy(f.name, { ...opts, size: f.size }, (cb) => {
        Promise.resolve()
          .then(fetch)
          .then(
            (data) => cb(null, Readable.from([data])),
            // yazl reports it as the ZipFile's error event, passed on to the output below.
            (e: unknown) => cb(e as Error, Readable.from([])),
          );
      });
    }
  }
  // An entry that cannot be read (or a size that does not match) ends the output with the error.
  zip.on('error', (e: Error) => (zip.outputStream as Readable).destroy(e));
  zip.end();
  // Handed on piece by piece as yazl wrote them: iterating yazl's own stream takes everything buffered at each
  // step as one new Buffer, a copy of up to a whole photo or dossier file. pipeline() carries an error (or an
  // early stop of the consumer) from one end to the other.
  const pieces = new PassThrough({ readableObjectMode: true, readableHighWaterMark: 1 });
  pipelineCb(zip.outputStream as Readable, pieces, () => undefined);
  return pieces as AsyncIterable<Buffer>;
}

/** A whole ZIP in memory. */
export async function zipToBuffer(files: ZipInput[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of writeZip(files)) parts.push(p);
  return Buffer.concat(parts);
}

/** Whether content of this media type is worth deflating. */
export function worthCompressing(mediaType: string): boolean {
  return !/^(application\/(pdf|zip|gzip|x-7z-compressed)|image\/(jpeg|png|webp|heic)|video\/|audio\/)/.test(mediaType);
}

/**
 * What is wrong with a workbook's ZIP directory, read before anything is inflated, or null: more entries or more
 * bytes once inflated than allowed (a ZIP bomb), ZIP64 entries, or no or a damaged directory. Used by the
 * rubric workbook (electron/rubrics/xlsx.ts) and the secretariat's list imports (electron/rounds/import-list.ts).
 */
export function zipDeclaredSizeProblem(zip: Buffer, maxInflated: number, maxEntries: number): string | null {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'no ZIP directory';
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (entries > maxEntries) return `${entries} entries, more than ${maxEntries}`;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return 'a damaged ZIP directory';
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return 'ZIP64 entries';
    total += size;
    if (total > maxInflated) return `more than ${maxInflated >> 20} MiB once inflated`;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return null;
}
