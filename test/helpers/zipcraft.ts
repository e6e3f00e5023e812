/**
 * Hand-made ZIPs for refusal tests: entries whose directory declares what the
 * test says (sizes, CRC, where the local header is), deflate streams of zeros
 * of any length without holding them, and the field positions of a real ZIP's
 * directory for editing it in place. Shared by the bomb tests, the fuzz test
 * and the benchmark's bomb section.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A raw deflate stream of `mib` MiB of zeros, about 1 KiB per MiB: one
 * full-flushed (byte-aligned, self-contained) block of a MiB repeated, then an
 * empty final block.
 */
export function zerosDeflate(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

export interface CraftEntry {
  name: string;
  /** The bytes placed after the local header (compressed when method is 8). */
  data: Buffer;
  method: 0 | 8;
  /** Uncompressed size the directory declares (default: data.length for stored entries). */
  size?: number;
  /** CRC-32 the directory declares (default: that of data, right for stored entries only). */
  crc?: number;
  /** Point the central entry at the local header of an earlier entry (by index) instead of writing a new one. */
  sameAs?: number;
}

/** A ZIP with exactly the declared fields given (no data descriptors, no ZIP64). */
export function craftZip(entries: CraftEntry[], opts: { entryCount?: number } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.size ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    let offset: number;
    if (e.sameAs !== undefined) offset = offsets[e.sameAs]!;
    else {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(e.method, 8);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(e.data.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      offset = at;
      parts.push(local, name, e.data);
      at += 30 + name.length + e.data.length;
    }
    offsets.push(offset);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(0x0314, 4); // made by Unix, so the mode below is read
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(opts.entryCount ?? entries.length, 8);
  eocd.writeUInt16LE(opts.entryCount ?? entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

/** Where the fields of a ZIP's directory lie, for editing them in place. */
export interface ZipLayout {
  /** Offset of the end-of-central-directory record. */
  eocd: number;
  cdOffset: number;
  entries: { at: number; name: string; nameLength: number; localOffset: number }[];
}

/** Reads a (non-ZIP64) ZIP's directory layout. */
export function zipLayout(zip: Buffer): ZipLayout {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const entries: ZipLayout['entries'] = [];
  for (let i = 0, at = cdOffset; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ at, name: zip.toString('utf8', at + 46, at + 46 + nameLength), nameLength, localOffset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { eocd, cdOffset, entries };
}

/** Central directory field offsets (from an entry's start). */
export const CD = { method: 10, crc: 16, compressedSize: 20, size: 24, nameLength: 28, localOffset: 42, name: 46 } as const;
/** End-of-central-directory field offsets. */
export const EOCD = { diskEntries: 8, entries: 10, cdSize: 12, cdOffset: 16 } as const;
