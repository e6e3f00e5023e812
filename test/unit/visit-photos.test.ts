/**
 * Photo intake for site visits (electron/visits/photo.ts) on photos made with sharp as a phone writes them:
 * location, camera and serial number removed while the image data stays byte for byte the camera's (the
 * entropy-coded data after SOS, the PNG's IDAT chunks, and the decoded pixels), the original kept untouched
 * when asked, and damaged or foreign files refused with stable codes.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isReviewDeskError } from '../../shared/errors.ts';
import { VISIT_LIMITS } from '../../shared/visit/model.ts';
import { THUMB_SIZE, sniffPhoto, takePhoto } from '../../electron/visits/photo.ts';
import {
  PHONE_EXIF,
  cameraJpeg,
  cameraPng,
  jpegScan,
  jpegSegments,
  pixels,
  pngChunks,
  withJpegComment,
  withPngText,
} from '../helpers/photos.ts';

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isReviewDeskError(e)) throw new Error(`expected a ReviewDeskError, got ${String(e)}`);
  return { code: e.code, message: e.message };
}

/** Text a reader could find in the file: the camera, its serial number, the software. */
const DEVICE_STRINGS = ['TestCam', 'X-1 Pro', 'SN-0042-XYZ', 'TestCam OS 7'];

describe('takePhoto, JPEG', () => {
  it('removes the location and device data, keeps the time and the image data byte for byte', async () => {
    const original = withJpegComment(await cameraJpeg({ icc: true }), 'shot at 31.2358N 121.4742E by SN-0042-XYZ');
    const before = (await exifr.parse(original, { gps: true, tiff: true, exif: true })) as Record<string, unknown>;
    expect(before).toMatchObject({ Make: 'TestCam', latitude: expect.any(Number), longitude: expect.any(Number) });

    const t = await takePhoto('IMG_0001.jpg', original);
    expect(t).toMatchObject({ mediaType: 'image/jpeg', takenAt: '2026-11-20T10:15:00+08:00', hadLocation: true, orientation: 1 });
    expect([t.width, t.height]).toEqual([640, 480]);

    // Nothing of where or with what: no GPS, no camera, no serial, no comment, in the EXIF or anywhere in the file.
    const after = ((await exifr.parse(t.data, { gps: true, tiff: true, exif: true, xmp: true, iptc: true })) ?? {}) as Record<
      string,
      unknown
    >;
    expect(Object.keys(after).sort()).toEqual(['DateTimeOriginal', 'OffsetTimeOriginal', 'Orientation']);
    expect(await exifr.gps(t.data).catch(() => undefined)).toBeUndefined();
    for (const s of [...DEVICE_STRINGS, '31.2358N']) expect(t.data.includes(Buffer.from(s)), s).toBe(false);
    const markers = jpegSegments(t.data).segments.map((s) => s.marker);
    expect(markers.filter((m) => m === 0xe1)).toHaveLength(1);
    expect(markers).not.toContain(0xfe);
    // The colour profile is how the photo looks, not where it was taken: it stays, as it was.
    const icc = (b: Buffer) =>
      jpegSegments(b)
        .segments.filter((s) => s.marker === 0xe2)
        .map((s) => s.bytes.toString('hex'));
    expect(icc(t.data)).toHaveLength(1);
    expect(icc(t.data)).toEqual(icc(original));

    // Not re-encoded: the entropy-coded data after SOS is the camera's, and so are the pixels.
    expect(jpegScan(t.data).equals(jpegScan(original))).toBe(true);
    const [a, b] = await Promise.all([pixels(original), pixels(t.data)]);
    expect(b.width).toBe(a.width);
    expect(b.data.equals(a.data)).toBe(true);
    // The tables (DQT, DHT, SOF) are the camera's too: every segment but APP1 and COM, in order.
    const kept = (buf: Buffer) =>
      jpegSegments(buf)
        .segments.filter((s) => s.marker !== 0xe1 && s.marker !== 0xfe)
        .map((s) => s.bytes.toString('hex'));
    expect(kept(t.data)).toEqual(kept(original));
  });

  it('derives an upright thumbnail within the thumbnail size, and keeps the orientation for the viewer', async () => {
    const original = await sharp(await cameraJpeg({ width: 800, height: 600 }))
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const t = await takePhoto('turned.jpg', original);
    expect(t.orientation).toBe(6);
    expect(((await exifr.parse(t.data, { tiff: true, translateValues: false })) as { Orientation: number }).Orientation).toBe(6);
    const thumb = await sharp(t.thumbnail).metadata();
    expect(thumb.format).toBe('jpeg');
    // Turned a quarter: the thumbnail stands upright, taller than wide.
    expect([thumb.width, thumb.height]).toEqual([THUMB_SIZE * 0.75, THUMB_SIZE]);
  });

  it('turns the thumbnail as each of the eight EXIF orientations says, as sharp turns the stored file itself', async () => {
    // An asymmetric picture (one bright corner), so every mirror and turn shows.
    const w = 64;
    const h = 48;
    const raw = Buffer.alloc(w * h * 3, 20);
    for (let y = 0; y < 12; y++) for (let x = 0; x < 20; x++) raw.fill(250, (y * w + x) * 3, (y * w + x) * 3 + 3);
    const base = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const grey = (img: Buffer): Promise<Buffer> => sharp(img).resize(16, 16, { fit: 'fill' }).greyscale().raw().toBuffer();
    for (let o = 1; o <= 8; o++) {
      const t = await takePhoto(`o${o}.jpg`, await sharp(base).withMetadata({ orientation: o }).toBuffer());
      expect(t.orientation).toBe(o);
      // The pieces written are the file recorded.
      expect(Buffer.concat(t.parts).equals(t.data)).toBe(true);
      expect(t.size).toBe(t.data.length);
      const ours = await grey(t.thumbnail);
      const theirs = await grey(await sharp(t.data).autoOrient().jpeg().toBuffer());
      const diff = ours.reduce((m, v, i) => Math.max(m, Math.abs(v - (theirs[i] ?? 0))), 0);
      expect(diff, `orientation ${o}`).toBeLessThan(60);
    }
  });

  it('keeps the original byte for byte, location included, when the expert chooses to', async () => {
    const original = await cameraJpeg({ seed: 3 });
    const t = await takePhoto('keep.jpg', original, { keepOriginal: true });
    expect(t.data.equals(original)).toBe(true);
    expect(t.hadLocation).toBe(true);
    expect(t.takenAt).toBe('2026-11-20T10:15:00+08:00');
    expect(await exifr.gps(t.data)).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) });
    expect(t.thumbnail.length).toBeGreaterThan(0);
  });

  it('takes a photo without EXIF: no time, nothing to remove, the image data unchanged', async () => {
    const original = await cameraJpeg({ exif: null, seed: 4 });
    const t = await takePhoto('plain.jpg', original);
    expect(t).toMatchObject({ takenAt: null, hadLocation: false, orientation: 1 });
    expect(jpegScan(t.data).equals(jpegScan(original))).toBe(true);
  });
});

describe('takePhoto, PNG', () => {
  it('removes the eXIf and text chunks and copies every other chunk unchanged', async () => {
    const original = withPngText(await cameraPng(), 'Comment', 'Camera SN-0042-XYZ at 31.2358N 121.4742E');
    expect(pngChunks(original).map((c) => c.type)).toEqual(expect.arrayContaining(['eXIf', 'tEXt', 'IDAT']));
    const t = await takePhoto('screen.png', original);
    expect(sniffPhoto(t.data)).toBe('image/png');
    expect(t).toMatchObject({ mediaType: 'image/png', hadLocation: true, width: 320, height: 240 });
    const types = pngChunks(t.data).map((c) => c.type);
    expect(types).not.toContain('eXIf');
    expect(types).not.toContain('tEXt');
    for (const s of [...DEVICE_STRINGS, '31.2358N']) expect(t.data.includes(Buffer.from(s)), s).toBe(false);
    const rest = (b: Buffer) =>
      pngChunks(b)
        .filter((c) => !['eXIf', 'tEXt'].includes(c.type))
        .map((c) => c.bytes.toString('hex'));
    expect(rest(t.data)).toEqual(rest(original));
    const [a, b] = await Promise.all([pixels(original), pixels(t.data)]);
    expect(b.data.equals(a.data)).toBe(true);
    expect((await sharp(t.thumbnail).metadata()).format).toBe('jpeg');
  });

  it('keeps a PNG untouched when asked', async () => {
    const original = await cameraPng({ seed: 5 });
    expect((await takePhoto('keep.png', original, { keepOriginal: true })).data.equals(original)).toBe(true);
  });
});

describe('takePhoto refusals', () => {
  it('refuses what is not a JPEG or PNG (E_PHOTO_TYPE), whatever its name says', async () => {
    for (const [name, bytes] of [
      ['report.jpg', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
      ['notes.txt', Buffer.from('现场考察记录')],
      ['anim.png', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
      ['empty.jpg', Buffer.alloc(0)],
      [
        'webp.jpg',
        await sharp(await cameraJpeg())
          .webp()
          .toBuffer(),
      ],
    ] as const) {
      const r = await refusal(takePhoto(name, bytes));
      expect(r.code, name).toBe('E_PHOTO_TYPE');
      expect(r.message).toContain(name);
    }
  });

  it('refuses a file over the size limit (E_PHOTO_TOO_LARGE) before reading it as an image', async () => {
    const big = Buffer.alloc(VISIT_LIMITS.maxPhotoBytes + 1);
    (await cameraJpeg()).copy(big);
    const r = await refusal(takePhoto('huge.jpg', big));
    expect(r.code).toBe('E_PHOTO_TOO_LARGE');
    expect(r.message).toContain('huge.jpg');
  });

  it('refuses a truncated or damaged JPEG or PNG (E_PHOTO_CORRUPT)', async () => {
    const jpg = await cameraJpeg({ seed: 6 });
    const png = await cameraPng({ seed: 6 });
    const sos = jpegSegments(jpg).sos;
    for (const [name, bytes] of [
      // Cut inside the image data (the camera's card was pulled), just after SOS, inside the EXIF, after SOI.
      ['cut-scan.jpg', jpg.subarray(0, Math.floor((sos + jpg.length) / 2))],
      ['cut-sos.jpg', jpg.subarray(0, sos + 20)],
      ['cut-exif.jpg', jpg.subarray(0, 40)],
      ['soi.jpg', jpg.subarray(0, 4)],
      ['cut.png', png.subarray(0, Math.floor(png.length / 2))],
    ] as const) {
      const r = await refusal(takePhoto(name, bytes));
      expect(r.code, name).toBe('E_PHOTO_CORRUPT');
      expect(r.message).toContain(name);
    }
  });
});

describe('the test photos', () => {
  it('carry what a phone writes (so that the checks above test something)', async () => {
    const tags = (await exifr.parse(await cameraJpeg(), true)) as Record<string, unknown>;
    expect(tags).toMatchObject({ Make: PHONE_EXIF.IFD0.Make, Model: PHONE_EXIF.IFD0.Model, OffsetTimeOriginal: '+08:00' });
    expect(tags.latitude).toBeCloseTo(31.2358, 3);
  });
});
