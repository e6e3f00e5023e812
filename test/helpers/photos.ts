/**
 * Photos for the site-visit tests and benchmarks, made with sharp as a camera or phone would write them:
 * EXIF with the time, the camera and a GPS position, optionally an sRGB profile and a comment. Nothing is a
 * fixture blob. Also a reader of JPEG segments and PNG chunks written here, apart from the code under test.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** EXIF as a phone writes it: the time with its offset, the camera with its serial number, and where it was. */
export const PHONE_EXIF = {
  IFD0: { Make: 'TestCam', Model: 'X-1 Pro', Software: 'TestCam OS 7' },
  IFD2: { DateTimeOriginal: '2026:11:20 10:15:00', OffsetTimeOriginal: '+08:00', BodySerialNumber: 'SN-0042-XYZ' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 9/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 27/1' },
};

/** Pixels that do not compress away: a gradient with noise (seeded by `seed`, or random). */
export function noisyPixels(width: number, height: number, seed?: number): Buffer {
  const px = seed === undefined ? randomBytes(width * height * 3) : Buffer.alloc(width * height * 3);
  if (seed !== undefined) {
    let s = seed * 2654435761 + 1;
    for (let i = 0; i < px.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      px[i] = s >>> 24;
    }
  }
  // A gradient under the noise, so that the picture has something to look at.
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = ((px[i]! >> 1) + (x * 127) / width) | 0;
      px[i + 1] = ((px[i + 1]! >> 1) + (y * 127) / height) | 0;
    }
  return px;
}

export interface PhotoOptions {
  width?: number;
  height?: number;
  seed?: number;
  quality?: number;
  /** EXIF to write (sharp's withExif); {@link PHONE_EXIF} by default, null for none. */
  exif?: Record<string, Record<string, string>> | null;
  /** An embedded sRGB ICC profile (APP2 in a JPEG, iCCP in a PNG). */
  icc?: boolean;
}

/** A JPEG as a camera writes it. */
export async function cameraJpeg(o: PhotoOptions = {}): Promise<Buffer> {
  const width = o.width ?? 640;
  const height = o.height ?? 480;
  let img = sharp(noisyPixels(width, height, o.seed ?? 1), { raw: { width, height, channels: 3 } });
  const exif = o.exif === undefined ? PHONE_EXIF : o.exif;
  if (exif) img = img.withExif(exif);
  if (o.icc) img = img.withIccProfile('srgb');
  return img.jpeg({ quality: o.quality ?? 90 }).toBuffer();
}

/** A PNG as a phone's screenshot or export writes it, with EXIF (an eXIf chunk). */
export async function cameraPng(o: PhotoOptions = {}): Promise<Buffer> {
  const width = o.width ?? 320;
  const height = o.height ?? 240;
  let img = sharp(noisyPixels(width, height, o.seed ?? 2), { raw: { width, height, channels: 3 } });
  const exif = o.exif === undefined ? PHONE_EXIF : o.exif;
  if (exif) img = img.withExif(exif);
  return img.png().toBuffer();
}

export interface JpegSegment {
  marker: number;
  /** The whole segment, marker and length included. */
  bytes: Buffer;
}

/** The segments of a JPEG before its image data, and the offset of its SOS marker (where the image data begins). */
export function jpegSegments(data: Buffer): { segments: JpegSegment[]; sos: number } {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new Error('not a JPEG');
  const segments: JpegSegment[] = [];
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) throw new Error(`no marker at ${i}`);
    const marker = data[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xda) return { segments, sos: i };
    const len = data.readUInt16BE(i + 2);
    segments.push({ marker, bytes: data.subarray(i, i + 2 + len) });
    i += 2 + len;
  }
  throw new Error('no SOS');
}

/** The JPEG's entropy-coded image data: everything from its SOS marker on. */
export function jpegScan(data: Buffer): Buffer {
  return data.subarray(jpegSegments(data).sos);
}

/** The JPEG with a COM (comment) segment right after SOI. */
export function withJpegComment(data: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([data.subarray(0, 2), head, body, data.subarray(2)]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  /** The whole chunk: length, type, data and CRC. */
  bytes: Buffer;
}

export function pngChunks(data: Buffer): PngChunk[] {
  const out: PngChunk[] = [];
  let i = 8;
  while (i + 12 <= data.length) {
    const len = data.readUInt32BE(i);
    out.push({ type: data.toString('latin1', i + 4, i + 8), bytes: data.subarray(i, i + 12 + len) });
    i += 12 + len;
  }
  return out;
}

/** The PNG with a tEXt chunk (keyword, text) right after IHDR. */
export function withPngText(data: Buffer, keyword: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const typed = Buffer.concat([Buffer.from('tEXt', 'latin1'), body]);
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  typed.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typed), 8 + body.length);
  const ihdrEnd = 8 + 12 + data.readUInt32BE(8);
  return Buffer.concat([data.subarray(0, ihdrEnd), chunk, data.subarray(ihdrEnd)]);
}

/** Decoded pixels, for "the image is the same" checks. */
export async function pixels(data: Buffer): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data: px, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  return { data: px, width: info.width, height: info.height, channels: info.channels };
}
