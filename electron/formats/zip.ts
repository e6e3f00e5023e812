/**
 * ZIP containers for packages and bundles. Reading is defensive: yauzl parses
 * the central directory; every entry's name, type and sizes are checked before
 * any byte is extracted, and extraction is bounded (stored entries are
 * zero-copy views, deflated ones inflate with a hard output cap).
 */
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';
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
 * Reads every entry of an in-memory ZIP into a map (name → bytes), refusing
 * directories, symlinks, unsafe or duplicate names, encrypted entries, and
 * anything past the limits. The returned buffers may be views of `data`.
 */
export async function readZip(data: Buffer, limits: ZipLimits): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { decodeStrings: false, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw fail(e);
  }
  const read = (start: number, length: number): Buffer => data.subarray(start, start + length);
  return (await readEntries(zip, data.length, read, limits, Infinity)).entries;
}

/** What {@link readZipAt} found: extracted entries, and large stored ones left where they lie. */
export interface ZipContents {
  entries: Map<string, Buffer>;
  /** Stored entries of the `inPlaceFrom` size or more: name → [start, length] of their bytes in the archive. */
  inPlace: Map<string, [number, number]>;
}

/**
 * Reads a ZIP of `size` bytes through random-access reads (an age payload
 * decrypted on demand), with the same checks as {@link readZip}. Stored
 * entries of `inPlaceFrom` bytes or more are only located: the caller reads
 * or hashes them where they lie, and must check their content (their CRC-32
 * is not read), as a package does against the SHA-256s of its signed
 * manifest.
 */
export async function readZipAt(
  size: number,
  readAt: (position: number, length: number) => Promise<Buffer>,
  limits: ZipLimits,
  inPlaceFrom: number,
): Promise<ZipContents> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new CallbackReader(readAt), size, {
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (e) {
    throw fail(e);
  }
  return readEntries(zip, size, readAt, limits, inPlaceFrom);
}

/** yauzl's reader over a read function; entries are never streamed (extract reads their bytes itself). */
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

/** The checks of every entry, then each one extracted (or located, from `inPlaceFrom` bytes stored). */
async function readEntries(
  zip: yauzl.ZipFile,
  size: number,
  read: (start: number, length: number) => Buffer | Promise<Buffer>,
  limits: ZipLimits,
  inPlaceFrom: number,
): Promise<ZipContents> {
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ReviewDeskError('E_ZIP_LIMIT', { what: 'entries', value: zip.entryCount, limit: limits.maxEntries });
  }
  const entries: { name: string; entry: yauzl.Entry }[] = [];
  const seen = new Set<string>();
  let total = 0;
  try {
    for await (const entry of zipEntries(zip)) {
      let name: string;
      try {
        name = new TextDecoder('utf-8', { fatal: true }).decode(entry.fileName as unknown as Buffer);
      } catch {
        throw new ReviewDeskError('E_ZIP_PATH', { path: (entry.fileName as unknown as Buffer).toString('latin1') });
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
      entries.push({ name, entry });
    }
    const out: ZipContents = { entries: new Map(), inPlace: new Map() };
    for (const { name, entry } of entries) {
      const { fileDataStart } = await localHeader(zip, entry);
      if (fileDataStart + entry.compressedSize > size)
        throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: data runs past the end` });
      if (entry.compressionMethod === 0 && entry.compressedSize >= inPlaceFrom)
        out.inPlace.set(name, [fileDataStart, entry.compressedSize]);
      else out.entries.set(name, extract(await read(fileDataStart, entry.compressedSize), name, entry, limits.skipStoredCrc === true));
    }
    // Entries left in place are read where they lie: two sharing bytes would make one file's content another's.
    const placed = [...out.inPlace].sort((a, b) => a[1][0] - b[1][0]);
    for (let i = 1; i < placed.length; i++) {
      const [prevName, [prevStart, prevLength]] = placed[i - 1]!;
      if (prevStart + prevLength > placed[i]![1][0]) {
        throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${prevName} and ${placed[i]![0]} overlap` });
      }
    }
    return out;
  } catch (e) {
    throw fail(e);
  } finally {
    zip.close();
  }
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

function extract(raw: Buffer, name: string, entry: yauzl.Entry, skipStoredCrc: boolean): Buffer {
  let content: Buffer;
  if (entry.compressionMethod === 0) {
    content = raw;
  } else {
    try {
      // One output chunk of the declared size (capped) spares zlib gathering and concatenating 16 KiB pieces:
      // half the time on megabyte entries. The ratio limit has already bounded the declared size.
      content = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, entry.uncompressedSize),
        chunkSize: Math.min(Math.max(64, entry.uncompressedSize), 64 << 20),
      });
    } catch (e) {
      throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  if (content.length !== entry.uncompressedSize) {
    throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: size differs from the directory` });
  }
  if (!(skipStoredCrc && entry.compressionMethod === 0) && crc32(content) !== entry.crc32)
    throw new ReviewDeskError('E_ZIP_CORRUPT', { reason: `${name}: CRC mismatch` });
  return content;
}

/** One file to put into a ZIP: bytes in memory or a path on disk. */
export type ZipInput = { name: string; compress: boolean } & ({ data: Buffer } | { path: string });

/** A fixed timestamp keeps archives reproducible. */
const MTIME = new Date('2026-01-01T00:00:00Z');

/** Streams a ZIP of the given files (regular files, mode 0644). */
export function writeZip(files: ZipInput[]): AsyncIterable<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) {
    const opts = { compress: f.compress, mtime: MTIME, mode: 0o100644 };
    if ('data' in f) zip.addBuffer(f.data, f.name, opts);
    else zip.addFile(f.path, f.name, opts);
  }
  zip.end();
  return zip.outputStream as AsyncIterable<Buffer>;
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
