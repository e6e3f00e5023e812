/**
 * The 现场考察记录表 printed from the expert's own app: the same sheet the secretariat prints from a score file
 * (electron/merge/visit-sheet.ts), drawn from the workspace's record of the visit as last saved. Each photo is
 * decrypted from the workspace one at a time, made into a print thumbnail and let go; nothing is written to
 * disk. The sheet is stamped as the expert's draft, with the time the visit was last saved and the time it
 * was printed, in Beijing time.
 *
 * Its layer (eslint.config.js) is above the merge, whose sheet drawing it reuses, as the round's issue sheet is.
 */
import { ReviewDeskError } from '../../shared/errors.ts';
import type { Output, ParsedInput } from '../../shared/ipc/contract.ts';
import type { ReviewVisitPhoto } from '../../shared/merge/model.ts';
import { listPhotoRows } from '../db/visits.ts';
import { readPhotoFile } from './photo-store.ts';
import { sheetThumbnail } from '../merge/visit-photos.ts';
import { visitSheetFileName, visitSheetPdf } from '../merge/visit-sheet.ts';
import { packageMeta, requireUnlocked, rubricOf, type Context } from '../workspace/context.ts';
import { getVisit } from './workspace.ts';

/** The expert's 现场考察记录表 of one application, as the workspace holds the visit now. */
export async function expertVisitSheet(ctx: Context, input: ParsedInput<'visit:sheet'>, now = new Date()): Promise<Output<'visit:sheet'>> {
  const state = getVisit(ctx, input);
  const v = state.visit;
  if (!v) throw new ReviewDeskError('E_NOT_FOUND', { what: '现场考察记录 / site visit', id: input.applicationId });
  const meta = packageMeta(ctx, input.packageId);
  const app = meta.applications.get(input.applicationId)!;
  const { card } = requireUnlocked(ctx);
  const expertId = meta.manifest.expert.id;
  const photos = state.photos.map((p): ReviewVisitPhoto => ({
    path: p.path,
    caption: p.caption,
    takenAt: p.takenAt,
    addedAt: p.addedAt,
    itemIds: p.itemIds,
    criterionIds: p.criterionIds,
    ...(p.rotation ? { rotation: p.rotation } : {}),
    ...(p.keptOriginal ? { keptOriginal: true as const } : {}),
    size: p.size,
    mediaType: p.mediaType,
    sha256: p.sha256,
  }));
  const thumbnails = new Map<string, Buffer | null>();
  const rows = new Map(listPhotoRows(ctx.db, input.packageId, input.applicationId).map((r) => [r.photoId, r]));
  for (const p of state.photos) {
    const row = rows.get(p.id);
    const data = row ? await readPhotoFile(ctx, row.file, row) : null;
    thumbnails.set(p.path, data ? await sheetThumbnail(data, p.rotation) : null);
  }
  const pdf = await visitSheetPdf({
    round: { id: meta.manifest.round.id, title: meta.manifest.round.title['zh-CN'] },
    application: { id: app.id, name: app.name['zh-CN'], organisation: app.organisation['zh-CN'] },
    rubric: rubricOf(meta, input.applicationId).rubric,
    summary: { items: state.checklist.map((c) => ({ id: c.id, title: c.title, inRubric: true })) },
    visit: {
      expertId,
      name: card.displayName,
      organisation: card.organisation,
      visitedAt: v.visitedAt,
      place: v.place,
      attendees: v.attendees,
      items: v.items.map((x) => ({ id: x.id, result: x.result, note: x.note })),
      notes: v.notes,
      opinion: v.opinion,
      photos,
    },
    source: { kind: 'draft', savedAt: v.updatedAt },
    thumbnails,
    now,
  });
  return { fileName: visitSheetFileName(input.applicationId, expertId), mediaType: 'application/pdf', bytes: new Uint8Array(pdf) };
}
