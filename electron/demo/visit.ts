/**
 * The demo round's site visits (现场考察): for an expert's application, a visit answering every item of its
 * rubric's checklist, with photos the generator draws (real JPEGs, EXIF time of the visit, a made-up GPS
 * position and camera that the photo intake removes as the app does), linked to checklist items and to a
 * scored criterion. Nothing here is a fixture blob: every photo is drawn from the seed.
 */
import sharp from 'sharp';
import type { ApplicationReview } from '../../shared/formats.ts';
import type { Rubric } from '../../shared/rubric/model.ts';
import { photoPath, type SiteVisit, type VisitItem } from '../../shared/visit/model.ts';
import type { BundleAttachment } from '../bundles/write.ts';
import { takePhoto } from '../visits/photo.ts';

/** What the photo shows, and the checklist item (by position) it is evidence for. */
const SHOTS = [
  { caption: '中试线全景 / The pilot line', item: 0, hue: 205 },
  { caption: '检测中心设备铭牌 / Nameplates in the test centre', item: 1, hue: 28 },
  { caption: '公共服务平台服务台账 / The shared platform’s service log', item: 2, hue: 120 },
];

/** A drawn "photo": sky, a hall with windows and a line of machines, in colours from the seed. */
async function drawPhoto(seed: number, hue: number, taken: Date): Promise<Buffer> {
  const w = 1600;
  const h = 1200;
  const light = 55 + (seed % 20);
  const machines = Array.from({ length: 6 }, (_, k) => {
    const x = 120 + k * 230;
    const mh = 160 + ((seed * (k + 3)) % 120);
    return `<rect x="${x}" y="${1000 - mh}" width="170" height="${mh}" rx="12" fill="hsl(${(hue + k * 17) % 360},45%,${light - 15}%)"/>
      <circle cx="${x + 85}" cy="${1000 - mh + 40}" r="18" fill="hsl(${(hue + 180) % 360},70%,60%)"/>`;
  }).join('');
  const windows = Array.from(
    { length: 10 },
    (_, k) => `<rect x="${90 + k * 145}" y="330" width="100" height="120" fill="hsl(200,30%,85%)"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,${light + 20}%)"/><stop offset="1" stop-color="hsl(${hue},30%,${light + 35}%)"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#sky)"/>
    <polygon points="40,300 800,120 1560,300 1560,1000 40,1000" fill="hsl(${hue},12%,${light + 10}%)"/>
    ${windows}
    <rect x="0" y="1000" width="${w}" height="200" fill="hsl(30,8%,40%)"/>
    ${machines}
  </svg>`;
  // EXIF as a phone writes it: the time with its offset, and the camera and a position the intake removes.
  const pad = (n: number): string => String(n).padStart(2, '0');
  const bj = new Date(taken.getTime() + 8 * 3600_000);
  const local = `${bj.getUTCFullYear()}:${pad(bj.getUTCMonth() + 1)}:${pad(bj.getUTCDate())} ${pad(bj.getUTCHours())}:${pad(bj.getUTCMinutes())}:${pad(bj.getUTCSeconds())}`;
  return sharp(Buffer.from(svg))
    .withExif({
      IFD0: { Make: 'DemoPhone', Model: 'RD-1' },
      IFD2: { DateTimeOriginal: local, OffsetTimeOriginal: '+08:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 9/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 27/1' },
    })
    .jpeg({ quality: 82 })
    .toBuffer();
}

export interface DemoVisit {
  siteVisit: SiteVisit;
  attachments: BundleAttachment[];
}

/**
 * A completed visit of `review`'s application two days before `at`, with `photoCount` photos; the review's
 * first scored criterion is linked to the first photo and the first checklist item. Null when the rubric
 * has no checklist or the expert recused.
 */
export async function demoVisit(
  rubric: Rubric,
  review: ApplicationReview,
  expertIndex: number,
  appIndex: number,
  photoCount: number,
  at: string,
): Promise<DemoVisit | null> {
  if (!rubric.siteVisit.length || review.status === 'recused') return null;
  const day = new Date(Date.parse(at) - 2 * 86400_000);
  const visitedAt = new Date(day.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  // One expert, on one application, finds an item not met: the merge flags it.
  const failIndex = expertIndex === 1 ? rubric.siteVisit.length - 1 : -1;
  const items: VisitItem[] = rubric.siteVisit.map((x, k) =>
    k === failIndex
      ? {
          id: x.id,
          result: 'fails',
          note: '现场未见相关制度文件和运行记录，单位称尚在制定中。/ No such rules or records were shown on site; the applicant says they are being drafted.',
        }
      : { id: x.id, result: 'meets', note: k === 0 ? '现场查看，与申报材料一致。/ Seen on site; matches the dossier.' : '' },
  );
  const attachments: BundleAttachment[] = [];
  const photos: SiteVisit['photos'] = [];
  for (let k = 0; k < photoCount; k++) {
    const shot = SHOTS[k % SHOTS.length] ?? SHOTS[0];
    if (!shot) break;
    const taken = new Date(day.getTime() + (2 + k * 0.4) * 3600_000 + expertIndex * 60_000);
    const photo = await takePhoto(
      `demo-${k + 1}.jpg`,
      await drawPhoto(expertIndex * 7 + appIndex * 11 + k * 3 + 1, (shot.hue + appIndex * 47) % 360, taken),
    );
    const path = photoPath(review.applicationId, `P${k + 1}`, photo.mediaType);
    const item = rubric.siteVisit[Math.min(shot.item, rubric.siteVisit.length - 1)];
    const criterion = review.scores[k];
    attachments.push({ path, mediaType: photo.mediaType, data: photo.data });
    photos.push({
      path,
      caption: shot.caption,
      takenAt: photo.takenAt,
      addedAt: new Date(taken.getTime() + 3 * 3600_000).toISOString(),
      itemIds: item ? [item.id] : [],
      criterionIds: criterion ? [criterion.criterionId] : [],
    });
  }
  const siteVisit: SiteVisit = {
    visitedAt,
    place: '申报单位中试基地及检测中心 / The applicant’s pilot base and test centre',
    attendees: [
      { name: '王建国', role: '申报单位总经理 / General manager of the applicant' },
      { name: '李敏', role: '技术负责人 / Head of engineering' },
    ],
    items,
    notes:
      '查看了中试线、检测中心和公共服务平台，抽查了服务台账和设备铭牌。/ Saw the pilot line, the test centre and the shared platform; spot-checked the service log and nameplates.',
    opinion:
      failIndex >= 0
        ? '现场情况与申报材料基本一致，但部分管理制度尚未建立，建议限期完善。/ On site the centre largely matches its dossier, but some rules are not yet in place; they should be completed within a set time.'
        : '现场情况与申报材料一致，具备建设条件。/ On site the centre matches its dossier and is ready to be built.',
    photos,
  };
  return { siteVisit, attachments };
}

/** The review with its visit, and the first photo and first item cited as evidence by the photos' criteria. */
export function withVisit(review: ApplicationReview, visit: DemoVisit): ApplicationReview {
  const cites = new Map<string, { photo: string }[]>();
  for (const p of visit.siteVisit.photos) for (const c of p.criterionIds) cites.set(c, [...(cites.get(c) ?? []), { photo: p.path }]);
  const first = visit.siteVisit.items[0];
  return {
    ...review,
    siteVisit: visit.siteVisit,
    scores: review.scores.map((s, k) => ({
      ...s,
      evidence: [...s.evidence, ...(cites.get(s.criterionId) ?? []), ...(k === 0 && first ? [{ siteVisitItem: first.id }] : [])],
    })),
  };
}
