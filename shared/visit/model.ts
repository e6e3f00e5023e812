/**
 * The site visit (现场考察) an expert records for one application, as it travels in the score file's
 * `bundle.json` (`applications[].siteVisit`) and as the workspace keeps it. Photos are files under
 * `attachments/` of the score file, each listed with its size, media type and SHA-256 in `bundle.json`'s
 * `attachments`, so the expert's signature covers every photo. See docs/formats.md, "Site visits".
 */
import { z } from 'zod';
import { Id } from '../rubric/model.ts';

const Timestamp = z.iso.datetime({ offset: true });

/** 符合 / 不符合 / 不适用. */
export const ItemResult = z.enum(['meets', 'fails', 'na']);
export type ItemResult = z.infer<typeof ItemResult>;

/** Where a photo lies in a score file: `attachments/<applicationId>-<photoId>.<ext>`. */
export const PhotoPath = z.string().regex(/^attachments\/[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/, 'attachments/<name>');

/** The photo formats a visit takes: what cameras and phones export and every browser shows. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;
export const PhotoMediaType = z.enum(PHOTO_MEDIA_TYPES);
export type PhotoMediaType = z.infer<typeof PhotoMediaType>;

/**
 * Limits on photos, checked when a photo is added, when a score file is exported and when one is verified.
 * Not programme numbers: sizes that hold what a phone or camera takes (a 48-megapixel JPEG is ~15 MB) and
 * keep a score file with every visit of a package under the score file's 1 GiB.
 */
export const VISIT_LIMITS = {
  /** One photo file. */
  maxPhotoBytes: 40 * 1024 * 1024,
  /** Photos per application. */
  maxPhotosPerApplication: 100,
  /** All photos of one score file together. */
  maxBundlePhotoBytes: 900 * 1024 * 1024,
  /** Photos of one score file. */
  maxBundlePhotos: 1000,
  /** Characters of a caption, a note, the notes and the opinion. */
  caption: 500,
  note: 4000,
  notes: 20000,
  opinion: 20000,
  attendees: 50,
} as const;

export const Attendee = z.object({ name: z.string().trim().min(1).max(100), role: z.string().max(200) }).strict();
export type Attendee = z.infer<typeof Attendee>;

export const VisitItem = z
  .object({ id: Id, result: ItemResult, note: z.string().max(VISIT_LIMITS.note) })
  .strict()
  .superRefine((x, ctx) => {
    if (x.result === 'fails' && !x.note.trim()) ctx.addIssue({ code: 'custom', message: `${x.id}: 不符合 needs its note`, path: ['note'] });
  });
export type VisitItem = z.infer<typeof VisitItem>;

export const VisitPhoto = z
  .object({
    path: PhotoPath,
    caption: z.string().max(VISIT_LIMITS.caption),
    /** When the photo was taken, from its EXIF (DateTimeOriginal with its offset, else Beijing time); null when it has none. */
    takenAt: Timestamp.nullable(),
    /** When the expert added it. */
    addedAt: Timestamp,
    /** The checklist items (考察要点) and the criteria it is evidence for. */
    itemIds: z.array(Id).max(100),
    criterionIds: z.array(Id).max(500),
    /** Degrees clockwise to turn it for viewing (after its EXIF orientation); the file itself is never re-encoded. */
    rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
    /** Present (true) when the expert kept the original with its location and device data. */
    keptOriginal: z.literal(true).optional(),
  })
  .strict();
export type VisitPhoto = z.infer<typeof VisitPhoto>;

/** `applications[].siteVisit` of bundle.json. */
export const SiteVisit = z
  .object({
    /** The day of the visit (Beijing date). */
    visitedAt: z.iso.date(),
    place: z.string().max(500),
    attendees: z.array(Attendee).max(VISIT_LIMITS.attendees),
    /** One per answered checklist item, in the rubric's order. */
    items: z.array(VisitItem).max(100),
    notes: z.string().max(VISIT_LIMITS.notes),
    /** 现场考察意见. */
    opinion: z.string().max(VISIT_LIMITS.opinion),
    photos: z.array(VisitPhoto).max(VISIT_LIMITS.maxPhotosPerApplication),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((x, i) => {
      if (seen.has(x.id)) ctx.addIssue({ code: 'custom', message: `duplicate checklist item ${x.id}`, path: ['items', i] });
      seen.add(x.id);
    });
    const paths = new Set<string>();
    v.photos.forEach((p, i) => {
      if (paths.has(p.path)) ctx.addIssue({ code: 'custom', message: `duplicate photo ${p.path}`, path: ['photos', i] });
      paths.add(p.path);
    });
  });
export type SiteVisit = z.infer<typeof SiteVisit>;

/** Evidence from the visit, beside dossier pages in a criterion's evidence list. */
export const PhotoEvidence = z.object({ photo: PhotoPath }).strict();
export const ItemEvidence = z.object({ siteVisitItem: Id }).strict();

/** The file extension for a photo's media type. */
export function photoExtension(mediaType: PhotoMediaType): string {
  return mediaType === 'image/png' ? 'png' : 'jpg';
}

/** A photo's path in the score file. */
export function photoPath(applicationId: string, photoId: string, mediaType: PhotoMediaType): string {
  return `attachments/${applicationId}-${photoId}.${photoExtension(mediaType)}`;
}

/** What a visit still lacks for the rubric's checklist: unanswered item ids, and whether date, place and opinion are there. */
export function visitGaps(
  checklist: readonly { id: string }[],
  v: Pick<SiteVisit, 'items' | 'opinion' | 'place' | 'visitedAt'> | null,
): { unanswered: string[]; failsWithoutNote: string[]; opinionMissing: boolean; placeMissing: boolean } {
  const answered = new Map((v?.items ?? []).map((x) => [x.id, x]));
  return {
    unanswered: checklist.filter((c) => !answered.has(c.id)).map((c) => c.id),
    failsWithoutNote: [...answered.values()].filter((x) => x.result === 'fails' && !x.note.trim()).map((x) => x.id),
    opinionMissing: !v?.opinion.trim(),
    placeMissing: !v?.place.trim(),
  };
}
