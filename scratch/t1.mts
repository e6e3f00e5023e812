import sharp from 'sharp';
import exifr from 'exifr';
import { takePhoto } from '/work/main/electron/visits/photo.ts';
const src = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 90, b: 160 } } })
  .withExif({ IFD0: { Make: 'DemoCam', Model: 'X1', Orientation: '6' }, IFD2: { DateTimeOriginal: '2026:11:20 10:15:00', OffsetTimeOriginal: '+08:00' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
  .jpeg({ quality: 90 }).toBuffer();
console.log('src', await exifr.parse(src, { gps: true, reviveValues: false }));
const t0 = performance.now();
const p = await takePhoto('a.jpg', src);
console.log(performance.now() - t0, p.takenAt, p.orientation, p.hadLocation, p.width, p.height, p.thumbnail.length, src.length, p.data.length);
console.log('out', await exifr.parse(p.data, { gps: true, reviveValues: false }));
const sos = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
console.log('scan identical', sos(src).equals(sos(p.data)));
console.log(await sharp(p.thumbnail).metadata().then(m => [m.width, m.height]));
