/**
 * A photo taken in for a site visit: its type checked from its bytes, the time it was taken and its
 * orientation read from its EXIF (exifr), its location and device data removed, and a thumbnail derived
 * (sharp). The photo itself is never re-encoded: removing metadata drops whole JPEG segments or PNG
 * chunks and leaves the image data byte for byte as the camera wrote it.
 *
 * What is removed by default: in a JPEG every APP1 (EXIF, which holds GPS, camera make, model and serial
 * numbers, and XMP), APP13 (IPTC / Photoshop) and COM segment; in a PNG the eXIf, tEXt, zTXt, iTXt and tIME
 * chunks. A JPEG gets back a minimal EXIF of its own with only what the record needs: the orientation and
 * the time it was taken (with its offset). Colour profiles (APP2 ICC, iCCP) stay: they are how the photo
 * looks, not where it was taken.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { ReviewDeskError } from '../../shared/errors.ts';
import { VISIT_LIMITS, type PhotoMediaType } from '../../shared/visit/model.ts';

export interface TakenPhoto {
  /** What is stored and signed: the stripped file, or the untouched original when the expert kept it. */
  readonly data: Buffer;
  /** {@link data} as pieces (views of the file handed in, so an 8 MB photo is not copied to be stored). */
  parts: Buffer[];
  size: number;
  mediaType: PhotoMediaType;
  /** When it was taken (ISO 8601 with offset), from EXIF; null when the file does not say. */
  takenAt: string | null;
  /** The EXIF orientation (1–8), 1 when absent. */
  orientation: number;
  /** Whether the original carried a location (and so what the expert would keep by keeping it). */
  hadLocation: boolean;
  /** A JPEG of at most {@link THUMB_SIZE} px on its long side, turned upright. */
  thumbnail: Buffer;
  width: number;
  height: number;
}

export const THUMB_SIZE = 320;

type Image = ReturnType<typeof sharp>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The photo type its first bytes say, or null. */
export function sniffPhoto(data: Uint8Array): PhotoMediaType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && PNG_SIGNATURE.equals(data.subarray(0, 8))) return 'image/png';
  return null;
}

const corrupt = (name: string, reason: string): ReviewDeskError => new ReviewDeskError('E_PHOTO_CORRUPT', { name, reason });

/**
 * The JPEG without its metadata segments, with `exif` (a TIFF structure, or null) as its only APP1 right
 * after SOI. Walks the markers up to SOS; everything from SOS on (the image data) is copied unchanged.
 */
export function stripJpeg(data: Buffer, exif: Buffer | null, name = 'photo'): Buffer {
  return Buffer.concat(stripJpegParts(data, exif, name));
}

/** {@link stripJpeg} as the pieces that make it up, in order: the image data is a view of `data`, not a copy. */
export function stripJpegParts(data: Buffer, exif: Buffer | null, name = 'photo'): Buffer[] {
  const keep: Buffer[] = [data.subarray(0, 2)];
  if (exif) {
    const header = Buffer.from('Exif\0\0', 'latin1');
    const len = 2 + header.length + exif.length;
    if (len > 0xffff) throw corrupt(name, 'EXIF too long');
    keep.push(Buffer.from([0xff, 0xe1, len >> 8, len & 0xff]), header, exif);
  }
  let i = 2;
  for (;;) {
    if (i + 4 > data.length) throw corrupt(name, 'ends before its image data');
    if (data[i] !== 0xff) throw corrupt(name, `no marker at byte ${i}`);
    const marker = data[i + 1] ?? 0;
    // Fill bytes before a marker.
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      keep.push(data.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (marker === 0xd9) throw corrupt(name, 'no image data');
    const len = data.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > data.length) throw corrupt(name, `segment at byte ${i} runs past the end`);
    if (marker === 0xda) {
      // Start of scan: from here on is image data, copied as it is.
      keep.push(data.subarray(i));
      return keep;
    }
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) keep.push(data.subarray(i, i + 2 + len));
    i += 2 + len;
  }
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** The PNG without its metadata chunks; every other chunk (with its CRC) is copied unchanged. */
export function stripPng(data: Buffer, name = 'photo'): Buffer {
  const keep: Buffer[] = [data.subarray(0, 8)];
  let i = 8;
  while (i < data.length) {
    if (i + 12 > data.length) throw corrupt(name, `chunk at byte ${i} runs past the end`);
    const len = data.readUInt32BE(i);
    const type = data.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (end > data.length) throw corrupt(name, `chunk ${type} runs past the end`);
    if (!PNG_DROP.has(type)) keep.push(data.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(keep);
}

/** A little-endian TIFF with IFD0 (Orientation, ExifIFD pointer) and an EXIF IFD (DateTimeOriginal, OffsetTimeOriginal). */
export function minimalExif(orientation: number, taken: { local: string; offset: string } | null): Buffer {
  const ascii = (s: string): Buffer => Buffer.from(s + '\0', 'latin1');
  const ifd0Count = taken ? 2 : 1;
  const ifd0Size = 2 + ifd0Count * 12 + 4;
  const exifAt = 8 + ifd0Size;
  const parts: Buffer[] = [];
  const head = Buffer.alloc(8);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  parts.push(head);
  const ifd0 = Buffer.alloc(ifd0Size);
  ifd0.writeUInt16LE(ifd0Count, 0);
  // Orientation, SHORT, 1 value, inline.
  ifd0.writeUInt16LE(0x0112, 2);
  ifd0.writeUInt16LE(3, 4);
  ifd0.writeUInt32LE(1, 6);
  ifd0.writeUInt16LE(orientation, 10);
  if (taken) {
    // ExifIFDPointer, LONG.
    ifd0.writeUInt16LE(0x8769, 14);
    ifd0.writeUInt16LE(4, 16);
    ifd0.writeUInt32LE(1, 18);
    ifd0.writeUInt32LE(exifAt, 22);
  }
  parts.push(ifd0);
  if (taken) {
    const dt = ascii(taken.local);
    const off = ascii(taken.offset);
    const exifSize = 2 + 2 * 12 + 4;
    const exifIfd = Buffer.alloc(exifSize);
    exifIfd.writeUInt16LE(2, 0);
    const dtAt = exifAt + exifSize;
    // DateTimeOriginal, ASCII, 20 bytes at an offset.
    exifIfd.writeUInt16LE(0x9003, 2);
    exifIfd.writeUInt16LE(2, 4);
    exifIfd.writeUInt32LE(dt.length, 6);
    exifIfd.writeUInt32LE(dtAt, 10);
    // OffsetTimeOriginal, ASCII, 7 bytes at an offset.
    exifIfd.writeUInt16LE(0x9011, 14);
    exifIfd.writeUInt16LE(2, 16);
    exifIfd.writeUInt32LE(off.length, 18);
    exifIfd.writeUInt32LE(dtAt + dt.length, 22);
    parts.push(exifIfd, dt, off);
  }
  return Buffer.concat(parts);
}

/** `2026:11:20 10:15:00` with `+08:00` (or Beijing time when the camera gave no offset) as ISO 8601. */
export function exifTime(local: unknown, offset: unknown): { iso: string; local: string; offset: string } | null {
  if (typeof local !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const off = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${off}`;
  if (Number.isNaN(Date.parse(iso))) return null;
  return { iso, local: `${y}:${mo}:${d} ${h}:${mi}:${s}`, offset: off };
}

/**
 * Turns an image upright as EXIF orientation `o` (1–8) says. sharp mirrors before it rotates: 2 mirrors, 3
 * turns 180°, 4 flips, 5 mirrors and turns 270°, 6 turns 90°, 7 mirrors and turns 90°, 8 turns 270°.
 */
function orient(img: Image, o: number): Image {
  const turn = [0, 0, 0, 180, 0, 270, 90, 90, 270][o] ?? 0;
  if (o === 2 || o === 5 || o === 7) img = img.flop();
  if (o === 4) img = img.flip();
  return turn ? img.rotate(turn) : img;
}

/**
 * Takes in a photo. Refused (E_PHOTO_TYPE, E_PHOTO_TOO_LARGE, E_PHOTO_CORRUPT) unless it is a JPEG or PNG
 * within the size limit that decodes. With `keepOriginal` the file is kept as it came, location included.
 */
export async function takePhoto(name: string, bytes: Uint8Array, opts: { keepOriginal?: boolean } = {}): Promise<TakenPhoto> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length > VISIT_LIMITS.maxPhotoBytes)
    throw new ReviewDeskError('E_PHOTO_TOO_LARGE', { name, size: data.length, limit: VISIT_LIMITS.maxPhotoBytes });
  const mediaType = sniffPhoto(data);
  if (!mediaType) throw new ReviewDeskError('E_PHOTO_TYPE', { name });
  let tags: Record<string, unknown> = {};
  try {
    tags =
      ((await exifr.parse(data, {
        tiff: true,
        exif: true,
        gps: true,
        xmp: false,
        icc: false,
        iptc: false,
        reviveValues: false,
        translateValues: false,
        pick: ['Orientation', 'DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'GPSLatitude', 'GPSLongitude'],
      })) as Record<string, unknown> | undefined) ?? {};
  } catch {
    // A damaged EXIF is no reason to refuse the photo: it is removed below, and the time is then unknown.
  }
  const orientation = typeof tags.Orientation === 'number' && tags.Orientation >= 1 && tags.Orientation <= 8 ? tags.Orientation : 1;
  const taken = exifTime(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal);
  const hadLocation = tags.GPSLatitude !== undefined || tags.GPSLongitude !== undefined;
  // A stripped JPEG keeps the original's image data byte for byte, so it is written from views of the original
  // and the thumbnail decoded from the original, turned by the orientation read above (not the file's own tag).
  let parts: Buffer[];
  let decodeFrom: Buffer;
  if (opts.keepOriginal) parts = [Buffer.from(data)];
  else if (mediaType === 'image/jpeg') parts = stripJpegParts(data, minimalExif(orientation, taken), name);
  else parts = [stripPng(data, name)];
  if (parts.length === 1) decodeFrom = parts[0]!;
  else decodeFrom = data;
  let thumbnail: Buffer;
  let width: number;
  let height: number;
  try {
    const img = sharp(decodeFrom, { failOn: 'error', limitInputPixels: 200_000_000, autoOrient: false });
    const meta = await img.metadata();
    width = meta.width;
    height = meta.height;
    thumbnail = await orient(img, orientation)
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true, fastShrinkOnLoad: true })
      .jpeg({ quality: 72 })
      .toBuffer();
  } catch (e) {
    throw corrupt(name, e instanceof Error ? e.message.slice(0, 200) : 'does not decode');
  }
  let joined: Buffer | null = parts.length === 1 ? parts[0]! : null;
  return {
    get data(): Buffer {
      return (joined ??= Buffer.concat(parts));
    },
    parts,
    size: parts.reduce((n, p) => n + p.length, 0),
    mediaType,
    takenAt: taken?.iso ?? null,
    orientation,
    hadLocation,
    thumbnail,
    width,
    height,
  };
}
